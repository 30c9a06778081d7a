package io.pcapkit;

/**
 * How {@link Extraction.Builder#trace} sorts frames into flows (TCP connections numbered like tshark's tcp.stream, UDP
 * conversations).
 *
 * @param splitDirections one flow per direction (the original pcapkit's unidirectional tracing) instead of one per
 *                        connection or conversation
 */
public record TraceSpec(boolean splitDirections) {
    /** Both directions of a connection or conversation in one flow (the default). */
    public static TraceSpec bidirectional() { return new TraceSpec(false); }

    /** Each direction its own flow. */
    public static TraceSpec unidirectional() { return new TraceSpec(true); }
}
