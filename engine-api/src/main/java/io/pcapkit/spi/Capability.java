package io.pcapkit.spi;

/** What an engine can do; shown by {@code pcapkit engines} and checked before a run asks for it. */
public enum Capability {
    /** Reads classic PCAP files (all four magics). */
    PCAP,
    /** Reads PCAPNG files (several sections, per-interface link types and time resolution). */
    PCAPNG,
    /** Reads a capture from a stream (stdin, a pipe), not only from a seekable file. */
    STREAM_INPUT,
    /** Stops decoding at a {@link io.pcapkit.model.Level} ({@code -L}). */
    LAYER_STOP,
    /** Stops decoding after a named protocol ({@code -P}). */
    PROTOCOL_STOP,
    /** Decodes link types beyond Ethernet (NULL, LOOP, raw IP, Linux SLL/SLL2 …). */
    LINK_TYPES,
    /** Accepts {@code --decode-as} overrides of the dispatch tables. */
    DECODE_AS,
    /** Hands out the captured bytes of every frame (needed to write PCAP output and for reassembly payloads). */
    RAW_BYTES,
    /** Decodes on several threads ({@code --workers}). */
    PARALLEL,
    /** Application protocols (above TCP/UDP). */
    APPLICATION_PROTOCOLS,
    /** Applies {@link EngineOptions#filter()} to records before decoding them. */
    RECORD_FILTER
}
