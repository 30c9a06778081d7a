package io.pcapkit.reassembly.app;

import java.nio.charset.StandardCharsets;

/** Small readers over a byte array; every read is bounds-checked by the caller's limits. */
final class Bytes {
    private Bytes() { }

    static int u8(byte[] b, int i) { return b[i] & 0xFF; }

    static int u16(byte[] b, int i) { return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF; }

    static int u24(byte[] b, int i) { return (b[i] & 0xFF) << 16 | u16(b, i + 1); }

    static long u32(byte[] b, int i) { return (long) u16(b, i) << 16 | u16(b, i + 2); }

    /** Index of CR LF at or after {@code from} before {@code limit}, or -1. */
    static int crlf(byte[] b, int from, int limit) {
        for (int i = from; i + 1 < limit; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    static String latin1(byte[] b, int from, int to) { return new String(b, from, to - from, StandardCharsets.ISO_8859_1); }

    static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int i = 0; i < s.length(); i++) if (b[at + i] != s.charAt(i)) return false;
        return true;
    }
}
