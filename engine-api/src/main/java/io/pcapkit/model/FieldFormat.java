package io.pcapkit.model;

/**
 * Formats field values exactly as {@code tshark -T fields} (4.0) prints them: decimal or zero-padded hex integers
 * by the declaration's base and width, 0/1 flags, colon MACs, dotted IPv4, RFC 5952 IPv6, lower-case hex bytes,
 * {@code seconds.nanoseconds} times. Appends into a caller's builder so hot paths allocate nothing.
 */
public final class FieldFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FieldFormat() { }

    /** Appends the tshark form of field {@code i} of {@code f}. */
    public static void appendTshark(Frame f, int i, StringBuilder sb) {
        FieldDef d = Fields.byId(f.fid(i));
        Object o = f.fobj[i];
        switch (d.type()) {
            case UINT -> appendInt(sb, o instanceof Number n ? n.longValue() : f.fnum[i], d, false);
            case INT -> appendInt(sb, o instanceof Number n ? n.longValue() : f.fnum[i], d, true);
            case BOOL -> sb.append((o instanceof Boolean b ? b : f.fnum[i] != 0) ? '1' : '0');
            case MAC -> appendMac(sb, f.fnum[i]);
            case IPV4 -> appendIpv4(sb, f.fnum[i]);
            case IPV6 -> {
                if (o instanceof byte[] b) appendIpv6(sb, b, 0);
                else appendIpv6(sb, f.data, f.dataOffset + f.foff(i));
            }
            case BYTES -> {
                if (o instanceof CharSequence text) { // a text tshark prints in place of the bytes
                    sb.append(text);
                    break;
                }
                int n = o instanceof byte[] b ? b.length : f.flen(i);
                if (n == 0) sb.append("<none>"); // tshark's text for an empty byte string
                else if (o instanceof byte[] b) appendHex(sb, b, 0, b.length);
                else appendHex(sb, f.data, f.dataOffset + f.foff(i), n);
            }
            case STRING -> {
                int from = sb.length();
                if (o != null) sb.append(o);
                else appendLatin1(sb, f.data, f.dataOffset + f.foff(i), f.flen(i));
                escapeControls(sb, from);
            }
            case DOUBLE -> appendDouble(sb, o instanceof Number n ? n.doubleValue() : Double.longBitsToDouble(f.fnum[i]));
            case TIME -> appendEpoch(sb, f.fnum[i]);
            case GROUP -> {
                // a node without a value of its own (Wireshark's FT_NONE) prints as "1", "present";
                // a protocol node that carries its label text prints that text
                if (o != null) sb.append(o);
                else sb.append('1');
            }
        }
    }

    /** Integer by base: DEC, HEX padded to the declared width, DEC_HEX / HEX_DEC as tshark's fields mode does. */
    public static void appendInt(StringBuilder sb, long v, FieldDef d, boolean signed) {
        switch (d.base()) {
            case HEX, HEX_DEC -> appendHexInt(sb, v, hexDigits(d));
            case OCT -> sb.append('0').append(Long.toOctalString(v));
            default -> {
                if (signed) sb.append(v);
                else if (v >= 0) sb.append(v);
                else sb.append(Long.toUnsignedString(v));
            }
        }
    }

    /**
     * A floating point value as tshark's fields output prints it ({@code %g} with 6 significant digits, FT_FLOAT's
     * precision): {@code 1}, {@code 5.5}, {@code 288.9}, never Java's {@code 1.0}.
     */
    public static void appendDouble(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append(Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            sb.append((long) v);
        } else {
            sb.append(new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString());
        }
    }

    /** Number of hex digits tshark pads an integer of this declaration to. */
    static int hexDigits(FieldDef d) {
        int bits = d.bits() <= 0 ? 32 : d.bits();
        return (bits + 3) / 4;
    }

    public static void appendHexInt(StringBuilder sb, long v, int digits) {
        sb.append("0x");
        int n = Math.max(digits, (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
        for (int k = n - 1; k >= 0; k--) sb.append(HEX[(int) (v >>> (k * 4)) & 0xF]);
    }

    public static void appendMac(StringBuilder sb, long v) {
        for (int k = 5; k >= 0; k--) {
            int b = (int) (v >>> (k * 8)) & 0xFF;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            if (k > 0) sb.append(':');
        }
    }

    public static void appendIpv4(StringBuilder sb, long v) {
        sb.append((v >>> 24) & 0xFF).append('.').append((v >>> 16) & 0xFF).append('.')
                .append((v >>> 8) & 0xFF).append('.').append(v & 0xFF);
    }

    /** RFC 5952 text: lower case, longest run (2+ groups) of zero groups as "::", IPv4-mapped/compatible tails dotted. */
    public static void appendIpv6(StringBuilder sb, byte[] b, int off) {
        int[] g = new int[8];
        for (int k = 0; k < 8; k++) g[k] = ((b[off + 2 * k] & 0xFF) << 8) | (b[off + 2 * k + 1] & 0xFF);
        // IPv4-mapped (::ffff:a.b.c.d) as inet_ntop prints it
        boolean v4mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF;
        int bestStart = -1, bestLen = 0;
        for (int k = 0; k < 8; ) {
            if (g[k] == 0) {
                int s = k;
                while (k < 8 && g[k] == 0) k++;
                if (k - s > bestLen) { bestStart = s; bestLen = k - s; }
            } else k++;
        }
        if (bestLen < 2) bestStart = -1;
        int last = v4mapped ? 6 : 8;
        for (int k = 0; k < last; k++) {
            if (k == bestStart) {
                sb.append("::");
                k += bestLen - 1;
                continue;
            }
            if (k > 0 && k != bestStart + bestLen) sb.append(':');
            sb.append(Integer.toHexString(g[k]));
        }
        if (v4mapped) {
            if (bestStart + bestLen != 6) sb.append(':');
            sb.append(b[off + 12] & 0xFF).append('.').append(b[off + 13] & 0xFF).append('.')
                    .append(b[off + 14] & 0xFF).append('.').append(b[off + 15] & 0xFF);
        }
    }

    public static void appendHex(StringBuilder sb, byte[] b, int off, int len) {
        for (int k = 0; k < len; k++) {
            int x = b[off + k] & 0xFF;
            sb.append(HEX[x >>> 4]).append(HEX[x & 0xF]);
        }
    }

    /**
     * tshark's fields mode writes one frame per line with tab-separated cells, so it escapes the characters that
     * would break that layout: tab, newline, carriage return and form feed become {@code \t \n \r \f}.
     */
    static void escapeControls(StringBuilder sb, int from) {
        for (int k = from; k < sb.length(); k++) {
            char ch = sb.charAt(k);
            char e = switch (ch) {
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\f' -> 'f';
                default -> 0;
            };
            if (e != 0) {
                sb.setCharAt(k, '\\');
                sb.insert(++k, e);
            }
        }
    }

    static void appendLatin1(StringBuilder sb, byte[] b, int off, int len) {
        for (int k = 0; k < len; k++) sb.append((char) (b[off + k] & 0xFF));
    }

    /** Epoch nanoseconds as {@code 1277840495.135052000} (tshark's frame.time_epoch form). */
    public static void appendEpoch(StringBuilder sb, long nanos) {
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        long ns = Math.floorMod(nanos, 1_000_000_000L);
        sb.append(s).append('.');
        String frac = Long.toString(ns);
        for (int k = frac.length(); k < 9; k++) sb.append('0');
        sb.append(frac);
    }
}
