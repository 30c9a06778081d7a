package io.pcapkit.hpack;

/** Receives what {@link HpackDecoder} finds in a header block, in block order; offsets are those of the input. */
public interface HeaderHandler {
    /** How a header field was represented (RFC 7541 6.1–6.2). */
    enum Representation { INDEXED, INCREMENTAL_INDEXING, WITHOUT_INDEXING, NEVER_INDEXED }

    /**
     * One header field spanning {@code [start, end)}; {@code index} is the table index used for the field or its
     * name, 0 for a literal name.
     */
    void header(String name, String value, Representation how, long index, int start, int end);

    /** A dynamic table size update (RFC 7541 6.3) to {@code size} (the table itself clamps it). */
    default void sizeUpdate(long size, int start, int end) { }

    /** The block is bad at {@code at}; decoding of the block stopped there. */
    default void error(int at, String why) { }
}
