package io.pcapkit.nativeengine.proto;

import io.pcapkit.nativeengine.decode.DecodeContext;

/** Byte-level text helpers the line-based TCP applications (HTTP/1.x, FTP) share: lines, tokens, numbers. */
final class HttpText {
    private HttpText() { }

    /**
     * End of the line starting at {@code from}, before {@code end}: the offset of its CR or LF, or {@code end} when
     * the segment ends first (tshark, decoding a segment alone, takes such a cut line as it is).
     */
    static int lineEnd(DecodeContext c, int from, int end) {
        int i = c.indexOf(from, end, '\n', '\r');
        return i < 0 ? end : i;
    }

    /** Offset of the next line after the line end {@code eol}: past CRLF, LF or a lone CR. */
    static int nextLine(DecodeContext c, int eol, int end) {
        if (eol >= end) return end;
        if (c.u8(eol) == '\r' && eol + 1 < end && c.u8(eol + 1) == '\n') return eol + 2;
        return eol + 1;
    }

    /** First offset in [from, end) holding {@code b}, or -1. */
    static int indexOf(DecodeContext c, int from, int end, int b) {
        return c.indexOf(from, end, b, b);
    }

    /** Whether the bytes at {@code at} spell {@code ascii} (case-insensitive when {@code ignoreCase}). */
    static boolean startsWith(DecodeContext c, int at, int end, String ascii, boolean ignoreCase) {
        int n = ascii.length();
        if (end - at < n) return false;
        for (int i = 0; i < n; i++) {
            int b = c.u8(at + i), e = ascii.charAt(i);
            if (b != e && !(ignoreCase && lower(b) == lower(e))) return false;
        }
        return true;
    }

    static int lower(int b) { return b >= 'A' && b <= 'Z' ? b + 32 : b; }

    /** The decimal number in [from, end) (no sign, at most 18 digits), or -1 when it is not one. */
    static long decimal(DecodeContext c, int from, int end) {
        if (from >= end || end - from > 18) return -1;
        long v = 0;
        for (int i = from; i < end; i++) {
            int b = c.u8(i);
            if (b < '0' || b > '9') return -1;
            v = v * 10 + (b - '0');
        }
        return v;
    }

    /** Skips spaces and tabs. */
    static int skipBlanks(DecodeContext c, int from, int end) {
        while (from < end && (c.u8(from) == ' ' || c.u8(from) == '\t')) from++;
        return from;
    }

    /** The captured bytes as a Latin-1 string (only for the few values built from pieces, like full URIs). */
    static String latin1(DecodeContext c, int from, int end) {
        return end > from ? c.latin1(from, end - from) : "";
    }
}
