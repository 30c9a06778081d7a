package io.pcapkit.model;

import io.pcapkit.spi.RenderBuffer;

/**
 * The text {@link FieldFormat} gives a field value, written straight into a byte buffer. The fields output prints
 * some 70 values per frame, nearly all integers, flags and addresses; building them as {@code char}s and then
 * encoding the row costs more than decoding the frame. Those types are written here digit by digit as ASCII;
 * every other type (strings, which need escaping and UTF-8, floating point, times, texts standing in for a value)
 * goes through {@link FieldFormat} itself, so both paths print the same text by construction for those.
 */
public final class FieldBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Longest ASCII text of the fast types: 20 digits of an unsigned long, "0x" and 16 hex digits, an IPv6 text. */
    private static final int MAX_FIXED = 48;

    private FieldBytes() { }

    /**
     * Appends the tshark form of field {@code i} of {@code f} to {@code out}; {@code scratch} is a builder the
     * caller keeps for the types written through {@link FieldFormat}.
     */
    public static void append(Frame f, int i, RenderBuffer out, StringBuilder scratch) {
        FieldDef d = Fields.byId(f.fid(i));
        Object o = f.fobj[i];
        switch (d.type()) {
            case UINT, INT -> {
                if (d.base() == Base.OCT || (o != null && !(o instanceof Number))) {
                    viaText(f, i, out, scratch);
                } else {
                    long v = o instanceof Number n ? n.longValue() : f.fnum[i];
                    if (d.base() == Base.HEX || d.base() == Base.HEX_DEC) hexInt(out, v, FieldFormat.hexDigits(d));
                    else if (d.type() == FieldType.INT || v >= 0) decimal(out, v);
                    else viaText(f, i, out, scratch);   // an unsigned value above Long.MAX_VALUE
                }
            }
            case BOOL -> {
                if (o != null && !(o instanceof Boolean)) viaText(f, i, out, scratch);
                else out.write((o instanceof Boolean b ? b : f.fnum[i] != 0) ? '1' : '0');
            }
            case MAC -> mac(out, f.fnum[i]);
            case IPV4 -> ipv4(out, f.fnum[i]);
            case IPV6 -> {
                if (o instanceof byte[] b) ipv6(out, b, 0);
                else if (o == null) ipv6(out, f.data, f.dataOffset + f.foff(i));
                else viaText(f, i, out, scratch);
            }
            case BYTES -> {
                int n = o instanceof byte[] b ? b.length : f.flen(i);
                if (o instanceof CharSequence || n == 0 || (o != null && !(o instanceof byte[]))) {
                    viaText(f, i, out, scratch);
                } else if (o instanceof byte[] b) {
                    hex(out, b, 0, n);
                } else {
                    hex(out, f.data, f.dataOffset + f.foff(i), n);
                }
            }
            default -> viaText(f, i, out, scratch);
        }
    }

    private static void viaText(Frame f, int i, RenderBuffer out, StringBuilder scratch) {
        scratch.setLength(0);
        FieldFormat.appendTshark(f, i, scratch);
        utf8(scratch, out);
    }

    /** UTF-8 of {@code s}, ASCII copied char by char (field texts are nearly always ASCII). */
    public static void utf8(CharSequence s, RenderBuffer out) {
        int n = s.length();
        int at = out.reserve(n);
        byte[] b = out.array();
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) break;
            b[at + i] = (byte) c;
        }
        out.advance(i);
        if (i < n) {
            byte[] rest = s.subSequence(i, n).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(rest, 0, rest.length);
        }
    }

    /** A signed decimal; Long.MIN_VALUE included. */
    public static void decimal(RenderBuffer out, long v) {
        int at = out.reserve(MAX_FIXED);
        byte[] b = out.array();
        int p = at;
        if (v < 0) {
            b[p++] = '-';
            if (v == Long.MIN_VALUE) {
                // -(MIN_VALUE) does not fit: its last digit first, then the rest as a positive number
                p = digits(b, p, 922337203685477580L);
                b[p++] = '8';
                out.advance(p - at);
                return;
            }
            v = -v;
        }
        out.advance(digits(b, p, v) - at);
    }

    /** Writes the decimal digits of {@code v >= 0} at {@code p}; returns the index after them. */
    private static int digits(byte[] b, int p, long v) {
        int n = 1;
        for (long t = v; t >= 10; t /= 10) n++;
        int end = p + n;
        int k = end;
        if (v <= Integer.MAX_VALUE) {
            // int division is cheaper and covers nearly every field value
            int x = (int) v;
            do {
                int q = x / 10;
                b[--k] = (byte) ('0' + (x - q * 10));
                x = q;
            } while (x != 0);
        } else {
            do {
                long q = v / 10;
                b[--k] = (byte) ('0' + (v - q * 10));
                v = q;
            } while (v != 0);
        }
        return end;
    }

    /** {@code 0x} and at least {@code digits} lower-case hex digits, as {@link FieldFormat#appendHexInt}. */
    public static void hexInt(RenderBuffer out, long v, int digits) {
        int n = Math.max(digits, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        int at = out.reserve(n + 2);
        byte[] b = out.array();
        b[at] = '0';
        b[at + 1] = 'x';
        int p = at + 2;
        for (int k = n - 1; k >= 0; k--) b[p++] = HEX[(int) (v >>> (k * 4)) & 0xF];
        out.advance(p - at);
    }

    public static void mac(RenderBuffer out, long v) {
        int at = out.reserve(17);
        byte[] b = out.array();
        int p = at;
        for (int k = 5; k >= 0; k--) {
            int x = (int) (v >>> (k * 8)) & 0xFF;
            b[p++] = HEX[x >>> 4];
            b[p++] = HEX[x & 0xF];
            if (k > 0) b[p++] = ':';
        }
        out.advance(p - at);
    }

    public static void ipv4(RenderBuffer out, long v) {
        int at = out.reserve(15);
        byte[] b = out.array();
        int p = at;
        for (int k = 3; k >= 0; k--) {
            p = digits(b, p, (v >>> (k * 8)) & 0xFF);
            if (k > 0) b[p++] = '.';
        }
        out.advance(p - at);
    }

    /** RFC 5952 text as {@link FieldFormat#appendIpv6}: the longest run of two or more zero groups as "::". */
    public static void ipv6(RenderBuffer out, byte[] a, int off) {
        int bestStart = -1, bestLen = 0;
        for (int k = 0; k < 8; ) {
            if (group(a, off, k) == 0) {
                int s = k;
                while (k < 8 && group(a, off, k) == 0) k++;
                if (k - s > bestLen) { bestStart = s; bestLen = k - s; }
            } else k++;
        }
        if (bestLen < 2) bestStart = -1;
        boolean v4mapped = bestStart == 0 && bestLen >= 5 && group(a, off, 5) == 0xFFFF;
        int at = out.reserve(MAX_FIXED);
        byte[] b = out.array();
        int p = at;
        int last = v4mapped ? 6 : 8;
        for (int k = 0; k < last; k++) {
            if (k == bestStart) {
                b[p++] = ':';
                b[p++] = ':';
                k += bestLen - 1;
                continue;
            }
            if (k > 0 && k != bestStart + bestLen) b[p++] = ':';
            int g = group(a, off, k);
            boolean started = false;
            for (int s = 12; s >= 0; s -= 4) {
                int x = (g >>> s) & 0xF;
                if (x != 0 || started || s == 0) {
                    b[p++] = HEX[x];
                    started = true;
                }
            }
        }
        if (v4mapped) {
            if (bestStart + bestLen != 6) b[p++] = ':';
            for (int k = 12; k < 16; k++) {
                p = digits(b, p, a[off + k] & 0xFF);
                if (k < 15) b[p++] = '.';
            }
        }
        out.advance(p - at);
    }

    private static int group(byte[] a, int off, int k) {
        return ((a[off + 2 * k] & 0xFF) << 8) | (a[off + 2 * k + 1] & 0xFF);
    }

    /** Lower-case hex of {@code len} bytes. */
    public static void hex(RenderBuffer out, byte[] a, int off, int len) {
        int at = out.reserve(2 * len);
        out.advance(hex(out.array(), at, a, off, len) - at);
    }

    /**
     * Writes the lower-case hex of {@code a[off .. off+len)} at {@code b[p]} (room for {@code 2 * len} bytes must be
     * there) and returns the index after it. Payloads are most of what {@code -f json} writes: each byte's two
     * digits are one table entry stored as one 16-bit write, which measured faster here than a digit at a time
     * (by ~45%), a pair table read as bytes (~25%) or arithmetic on four bytes at once.
     */
    public static int hex(byte[] b, int p, byte[] a, int off, int len) {
        short[] pairs = HEX_PAIRS;
        for (int k = off, end = off + len; k < end; k++, p += 2) SHORT_BE.set(b, p, pairs[a[k] & 0xFF]);
        return p;
    }

    /** Both lower-case hex digits of each byte value, the first in the high byte. */
    private static final short[] HEX_PAIRS = new short[256];

    static {
        for (int v = 0; v < 256; v++) HEX_PAIRS[v] = (short) (HEX[v >>> 4] << 8 | HEX[v & 0xF]);
    }

    private static final java.lang.invoke.VarHandle SHORT_BE = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.BIG_ENDIAN);
}
