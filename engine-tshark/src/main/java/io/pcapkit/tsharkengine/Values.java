package io.pcapkit.tsharkengine;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * tshark's display text of a value back to the model's typed value. Every parser returns a sentinel or null when
 * the text is not of the expected form, so the caller can skip the field instead of storing a wrong value.
 */
final class Values {
    static final long BAD = Long.MIN_VALUE;

    private Values() { }

    /** "6", "0x0800", "0x00000002" → the number; BAD when neither decimal nor 0x-hex. */
    static long integer(String s, boolean signed) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s, 2, s.length(), 16);
            if (s.startsWith("-")) return signed ? Long.parseLong(s) : BAD;
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return BAD;
        }
    }

    /** "1"/"0" (tshark's JSON), "True"/"False" (some dissectors' text). */
    static long bool(String s) {
        return switch (s) {
            case "1", "True", "true" -> 1;
            case "0", "False", "false" -> 0;
            default -> BAD;
        };
    }

    /** "66:77:88:99:aa:bb" (also with '-' or '.' separators) → 48 bits; BAD otherwise. */
    static long mac(String s) {
        long v = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                char c = s.charAt(i);
                if (c == ':' || c == '-' || c == '.') continue;
                return BAD;
            }
            v = (v << 4) | d;
            digits++;
        }
        return digits == 12 ? v : BAD;
    }

    /** Dotted quad → 32 bits; BAD otherwise. */
    static long ipv4(String s) {
        long v = 0;
        int parts = 0, cur = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (cur < 0 || cur > 255) return BAD;
                v = (v << 8) | cur;
                parts++;
                cur = -1;
            } else if (c >= '0' && c <= '9') {
                cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
                if (cur > 255) return BAD;
            } else {
                return BAD;
            }
        }
        return parts == 4 ? v : BAD;
    }

    /** An IPv6 literal → its 16 bytes, or null. Never a name lookup: tshark runs with -n. */
    static byte[] ipv6(String s) {
        if (s.indexOf(':') < 0) return null;
        try {
            InetAddress a = Inet6Address.ofLiteral(s);
            byte[] b = a.getAddress();
            if (b.length == 16) return b;
            // an IPv4-mapped literal comes back as its IPv4 address
            byte[] m = new byte[16];
            m[10] = (byte) 0xFF;
            m[11] = (byte) 0xFF;
            System.arraycopy(b, 0, m, 12, 4);
            return m;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** tshark's byte text ("02:04:05:50", "0204", "" ) → bytes, or null when it is not hex. */
    static byte[] bytes(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) digits++;
            else if (c != ':' && c != ' ' && c != '.' && c != '-') return null;
        }
        if (digits % 2 != 0) return null;
        byte[] out = new byte[digits / 2];
        int k = 0, hi = -1;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) continue;
            if (hi < 0) hi = d;
            else {
                out[k++] = (byte) ((hi << 4) | d);
                hi = -1;
            }
        }
        return out;
    }

    /** "1418145369.924505488" → epoch nanoseconds; BAD when not of that form. */
    static long epochNanos(String s) {
        int dot = s.indexOf('.');
        try {
            long sec = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
            long ns = 0;
            if (dot >= 0) {
                String frac = s.substring(dot + 1);
                if (frac.length() > 9) frac = frac.substring(0, 9);
                ns = Long.parseLong(frac);
                for (int k = frac.length(); k < 9; k++) ns *= 10;
            }
            return Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), s.startsWith("-") ? -ns : ns);
        } catch (NumberFormatException | ArithmeticException e) {
            return BAD;
        }
    }

    /** Hex digits in {@code c[off, off+len)} into {@code out}; returns the byte count, or -1 on a non-hex digit. */
    static int hexInto(char[] c, int off, int len, byte[] out) {
        int n = len / 2;
        for (int i = 0; i < n; i++) {
            int hi = Character.digit(c[off + 2 * i], 16), lo = Character.digit(c[off + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) return -1;
            out[i] = (byte) ((hi << 4) | lo);
        }
        return n;
    }
}
