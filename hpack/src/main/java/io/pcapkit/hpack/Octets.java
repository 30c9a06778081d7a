package io.pcapkit.hpack;

/**
 * Read access to the bytes holding a header block, by offset. The native engine hands in its frame view (no copy of
 * the frame), reassembly a byte array.
 */
@FunctionalInterface
public interface Octets {
    /** The unsigned byte at {@code offset}. */
    int u8(int offset);

    static Octets of(byte[] b) { return i -> b[i] & 0xFF; }
}
