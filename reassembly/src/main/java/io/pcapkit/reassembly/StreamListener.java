package io.pcapkit.reassembly;

/** Callbacks for streaming use: TCP bytes as they become contiguous, and the life of each connection. */
public interface StreamListener {
    /** A connection's first packet. */
    default void opened(TcpStream stream) { }

    /** New bytes of one direction, in stream order. */
    void chunk(TcpStream stream, TcpChunk chunk);

    /** The connection ended (port reused, idle, evicted, or the capture ended); no more chunks will come. */
    default void closed(TcpStream stream) { }
}
