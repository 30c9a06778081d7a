package io.pcapkit;

/**
 * What {@link Extraction.Builder#reassemble} reassembles: IPv4 and IPv6 fragments into datagrams, TCP segments into
 * byte streams. The {@code reassembly} module does the work; the kinds live here so the builder can name them.
 */
public enum ReassemblyKind { IPV4, IPV6, TCP }
