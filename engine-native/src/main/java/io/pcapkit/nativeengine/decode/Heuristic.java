package io.pcapkit.nativeengine.decode;

/**
 * A content test that claims a payload for a decoder when the dispatch key (a port) says nothing or lies, in the
 * manner of Wireshark's heuristic dissectors. Registered per dispatch table with {@link DecoderRegistry#heuristic}.
 * Tests run for every payload of their table, so they read a few bytes in place, allocate nothing and never read
 * past {@code len}.
 */
@FunctionalInterface
public interface Heuristic {
    /**
     * When a heuristic is tried, relative to the table's keys. Wireshark first asks the dissector a conversation
     * was bound to, then the port tables, then the heuristic dissectors.
     */
    enum Stage {
        /** Before the keys: the payload belongs to a connection a decoder already claimed. */
        CONVERSATION,
        /** After the keys, when neither key has a decoder. */
        CONTENT
    }

    /** Whether the {@code len} captured payload bytes at frame offset {@code off} belong to the decoder. */
    boolean matches(DecodeContext c, int off, int len);
}
