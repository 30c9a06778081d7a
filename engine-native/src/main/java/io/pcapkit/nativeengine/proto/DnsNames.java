package io.pcapkit.nativeengine.proto;

import io.pcapkit.nativeengine.decode.DecodeContext;

import java.nio.charset.StandardCharsets;

/**
 * Reads DNS domain names (RFC 1035 section 4.1.4, with compression pointers) into the text tshark 4.0 shows:
 * labels joined by dots, {@code <Root>} for the empty name, control bytes escaped ({@code \t}, {@code \001}),
 * bytes above 0x7F read as UTF-8. Bounded: a name that visits more bytes than the message holds loops (tshark's
 * own test, and the reason a loop can never hang), more than {@link #MAX_JUMPS} pointers also count as a loop, and a
 * name longer than {@link #MAX_TEXT} bytes of text is tshark's {@code <Name too long>} (RFC 1035's 255 wire bytes).
 *
 * <p>One {@link Name} per thread holds the result of the last read, so reading a name allocates only its text.
 */
final class DnsNames {
    /** RFC 1035's limit on a name's wire length (255) is 253 bytes of dotted text; tshark's limit too. */
    static final int MAX_TEXT = 253;
    static final int MAX_JUMPS = 128;

    static final String ROOT = "<Root>";
    static final String LOOP = "<Name contains a pointer that loops>";
    static final String TOO_LONG = "<Name too long>";

    /**
     * Outcome of {@link #read}: OK, the name ran past the captured bytes, or it holds a label type other than a
     * plain label or a pointer (RFC 6891 section 5 leaves 0x40 and 0x80 unused; tshark fails the message there).
     */
    static final int OK = 0, TRUNCATED = 1, BAD_LABEL = 2;

    /** The last name read on this thread. */
    static final class Name {
        final byte[] raw = new byte[MAX_TEXT + 1];
        int rawLen;
        /** Bytes the name takes where it starts (up to and including its first pointer). */
        int wireLen;
        /** The text as tshark prints it. */
        String text;
        /** Its length as tshark's {@code dns.qry.name.len} counts it (the unescaped text). */
        int textLen;
        /** tshark's {@code dns.count.labels}: one more than the dots in the unescaped text. */
        int labels;
        boolean looped;
        boolean tooLong;
    }

    private static final ThreadLocal<Name> NAME = ThreadLocal.withInitial(Name::new);

    private DnsNames() { }

    /**
     * Reads the name at {@code at} of the message starting at {@code msg}; the captured bytes end at {@code end}.
     * Returns {@link #OK} with the result in {@link #last()}, or {@link #TRUNCATED}.
     */
    static int read(DecodeContext c, int msg, int end, int at) {
        Name n = NAME.get();
        n.rawLen = 0;
        n.wireLen = -1;
        n.looped = false;
        n.tooLong = false;
        int pos = at;
        int visited = 0;
        int jumps = 0;
        int msgLen = end - msg;
        while (true) {
            if (pos >= end) return TRUNCATED;
            int b = c.u8(pos);
            int kind = b & 0xC0;
            if (kind == 0) {
                if (b == 0) {
                    if (n.wireLen < 0) n.wireLen = pos + 1 - at;
                    break;
                }
                if (pos + 1 + b > end) return TRUNCATED;
                if (n.rawLen > 0) put(n, '.');
                for (int k = 1; k <= b; k++) put(n, c.u8(pos + k));
                pos += 1 + b;
                visited += 1 + b;
            } else if (kind == 0xC0) {
                if (pos + 2 > end) return TRUNCATED;
                if (n.wireLen < 0) n.wireLen = pos + 2 - at;
                int target = ((b & 0x3F) << 8) | c.u8(pos + 1);
                visited += 2;
                if (++jumps > MAX_JUMPS || visited >= msgLen) {
                    n.looped = true;
                    break;
                }
                pos = msg + target;
            } else {
                return BAD_LABEL;
            }
            if (visited >= msgLen) {
                n.looped = true;
                break;
            }
        }
        if (n.looped) {
            n.text = LOOP;
            n.textLen = LOOP.length();
            n.labels = 1;
            if (n.wireLen < 0) n.wireLen = Math.max(1, pos - at);
            return OK;
        }
        if (n.tooLong) {
            n.text = TOO_LONG;
            n.textLen = TOO_LONG.length();
            n.labels = 1;
            return OK;
        }
        if (n.rawLen == 0) {
            n.text = ROOT;
            n.textLen = ROOT.length();
            n.labels = 1;
            return OK;
        }
        int dots = 0;
        for (int k = 0; k < n.rawLen; k++) if (n.raw[k] == '.') dots++;
        // tshark 4.0 counts a one-byte name as length 0 with 0 labels (it takes it for the root); kept for agreement
        n.textLen = n.rawLen == 1 ? 0 : n.rawLen;
        n.labels = n.rawLen == 1 ? 0 : dots + 1;
        n.text = display(n.raw, 0, n.rawLen);
        return OK;
    }

    /** The result of the last {@link #read} on this thread. */
    static Name last() { return NAME.get(); }

    private static void put(Name n, int b) {
        if (n.rawLen < MAX_TEXT) n.raw[n.rawLen++] = (byte) b;
        else n.tooLong = true;
    }

    /**
     * tshark's text for name or character-string bytes: printable ASCII as it is, C escapes for the usual
     * control characters, three octal digits for the others, UTF-8 for bytes above 0x7F (invalid sequences become
     * U+FFFD).
     */
    static String display(byte[] b, int off, int len) {
        int stop = off + len, k = off;
        while (k < stop && b[k] >= 0x20 && b[k] < 0x7F) k++;
        // the usual name is printable ASCII throughout: one Latin-1 string, no builder
        if (k == stop) return new String(b, off, len, StandardCharsets.ISO_8859_1);
        return escaped(b, off, len);
    }

    private static String escaped(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        int k = off, stop = off + len;
        while (k < stop) {
            int x = b[k] & 0xFF;
            if (x >= 0x80) {
                int s = k;
                while (k < stop && (b[k] & 0x80) != 0) k++;
                sb.append(new String(b, s, k - s, StandardCharsets.UTF_8));
                continue;
            }
            escape(sb, x);
            k++;
        }
        return sb.toString();
    }

    /**
     * A character-string's text (TXT, HINFO, NAPTR, CAA …) as tshark reads it, as ASCII: bytes below 0x80 as they
     * are (the fields output escapes tab and newline itself), each byte above as U+FFFD.
     */
    static String ascii(DecodeContext c, int at, int len) {
        char[] t = new char[len];
        for (int k = 0; k < len; k++) {
            int x = c.u8(at + k);
            t[k] = x < 0x80 ? (char) x : '\uFFFD';
        }
        return new String(t);
    }

    private static void escape(StringBuilder sb, int x) {
        if (x >= 0x20 && x < 0x7F) {
            sb.append((char) x);
            return;
        }
        char e = switch (x) {
            case 0x07 -> 'a';
            case 0x08 -> 'b';
            case 0x0C -> 'f';
            case 0x0A -> 'n';
            case 0x0D -> 'r';
            case 0x09 -> 't';
            case 0x0B -> 'v';
            default -> 0;
        };
        sb.append('\\');
        if (e != 0) sb.append(e);
        else sb.append((char) ('0' + (x >> 6))).append((char) ('0' + ((x >> 3) & 7))).append((char) ('0' + (x & 7)));
    }
}
