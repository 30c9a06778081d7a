package io.pcapkit.formats;

import io.pcapkit.model.FieldBytes;
import io.pcapkit.spi.RenderBuffer;

import java.math.BigDecimal;

/**
 * A minimal streaming JSON writer straight into bytes, in the document's layout: tab indentation, {@code ": "}
 * between a name and its value, {@code {}} and {@code []} when empty (the layout dictdumper and the original's JSON
 * files have). Strings are escaped as JSON requires (quote, backslash, control characters; everything else is
 * written as UTF-8). It keeps no tree and allocates nothing per value, which is what makes {@code -f json} fast.
 */
final class JsonOut {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 256;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'}, FALSE = {'f', 'a', 'l', 's', 'e'}, NULL = {'n', 'u', 'l', 'l'};

    private RenderBuffer out;
    private final int[] count = new int[MAX_DEPTH];
    private int depth;

    /** Starts writing into {@code buffer} at nesting depth {@code depth} (1 = inside the document's root object). */
    JsonOut to(RenderBuffer buffer, int depth) {
        this.out = buffer;
        this.depth = depth;
        count[depth] = 0;
        return this;
    }

    RenderBuffer buffer() { return out; }

    void startObject() {
        out.write('{');
        count[++depth] = 0;
    }

    void endObject() {
        if (count[depth--] > 0) indent();
        out.write('}');
        count[depth]++;
    }

    void startArray() {
        out.write('[');
        count[++depth] = 0;
    }

    void endArray() {
        if (count[depth--] > 0) indent();
        out.write(']');
        count[depth]++;
    }

    /** A member's name inside an object (the value follows). */
    void name(String name) {
        if (count[depth] > 0) out.write(',');
        indent();
        string(name);
        out.write(':');
        out.write(' ');
    }

    /** A member's name given as its encoded form {@code "name": } (see {@link #encodedName}). */
    void name(byte[] encoded) {
        // the separator, the indentation and the name in one reservation: this runs for every line of output
        int d = depth, n = encoded.length;
        int at = out.reserve(d + n + 2);
        byte[] b = out.array();
        if (count[d] > 0) b[at++] = ',';
        b[at++] = '\n';
        for (int i = 0; i < d; i++) b[at++] = '\t';
        System.arraycopy(encoded, 0, b, at, n);
        out.advance(at + n - out.length());
    }

    /** {@code "name": } as bytes, to be written many times with {@link #name(byte[])}. */
    static byte[] encodedName(String name) {
        RenderBuffer b = new RenderBuffer(name.length() + 8);
        JsonOut j = new JsonOut();
        j.out = b;
        j.entryName(name);
        return java.util.Arrays.copyOf(b.array(), b.length());
    }

    /** A top-level entry's name with no separator before it: whoever assembles the document places entries. */
    void entryName(String name) {
        string(name);
        out.write(':');
        out.write(' ');
    }

    /** Before a value inside an array. */
    private void element() {
        if (count[depth] > 0) out.write(',');
        indent();
    }

    /** Separators before a value: none after a name, a comma and a new line between array elements. */
    void beforeValue(boolean inArray) {
        if (inArray) element();
    }

    void number(long v) {
        FieldBytes.decimal(out, v);
        count[depth]++;
    }

    void unsigned(long v) {
        if (v >= 0) FieldBytes.decimal(out, v);
        else ascii(Long.toUnsignedString(v));
        count[depth]++;
    }

    /** Epoch nanoseconds as a plain decimal with nine fraction digits ({@code 1795687523.126976000}). */
    void nanos(long v) {
        if (v < 0) {
            ascii(BigDecimal.valueOf(v, 9).toPlainString());
        } else {
            ascii(Long.toString(v / 1_000_000_000L));
            int at = out.reserve(10);
            byte[] b = out.array();
            b[at] = '.';
            long frac = v % 1_000_000_000L;
            for (int k = 9; k >= 1; k--, frac /= 10) b[at + k] = (byte) ('0' + frac % 10);
            out.advance(10);
        }
        count[depth]++;
    }

    /** A number already in JSON's form (a plain BigDecimal, a double's string). */
    void rawNumber(String text) {
        ascii(text);
        count[depth]++;
    }

    void bool(boolean v) {
        byte[] text = v ? TRUE : FALSE;
        out.write(text, 0, text.length);
        count[depth]++;
    }

    void nul() {
        out.write(NULL, 0, NULL.length);
        count[depth]++;
    }

    void value(CharSequence s) {
        string(s);
        count[depth]++;
    }

    /**
     * A MAC, IPv4 or IPv6 address field as a string value in tshark's text, written straight as bytes (ASCII hex
     * digits, decimal digits, colons and dots: nothing to escape).
     */
    void address(io.pcapkit.model.Frame f, int i, StringBuilder scratch) {
        out.write('"');
        FieldBytes.append(f, i, out, scratch);
        out.write('"');
        count[depth]++;
    }

    /** Lower-case hex of {@code len} bytes, as a string value. */
    void hex(byte[] b, int off, int len) {
        int at = out.reserve(2 * len + 2);
        byte[] o = out.array();
        o[at] = '"';
        int end = FieldBytes.hex(o, at + 1, b, off, len);
        o[end] = '"';
        out.advance(end + 1 - at);
        count[depth]++;
    }

    void newline() { out.write('\n'); }

    private void indent() {
        int at = out.reserve(depth + 1);
        byte[] b = out.array();
        b[at] = '\n';
        for (int i = 1; i <= depth; i++) b[at + i] = '\t';
        out.advance(depth + 1);
    }

    private void ascii(String s) {
        int n = s.length();
        int at = out.reserve(n);
        byte[] b = out.array();
        for (int i = 0; i < n; i++) b[at + i] = (byte) s.charAt(i);
        out.advance(n);
    }

    /**
     * The quoted, escaped UTF-8 form of {@code s}, in one pass straight into the buffer: room for the longest form of
     * every char ({@code \\u00XX}) is reserved first. Non-ASCII text is common (tcp.flags.str has middle dots), so it
     * is not a slow path.
     */
    private void string(CharSequence s) {
        int n = s.length();
        int at = out.reserve(6 * n + 2);
        byte[] b = out.array();
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else {
                    at = escape(b, at, c);
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[at++] = '?';   // a lone surrogate has no UTF-8 form
            }
        }
        b[at++] = '"';
        out.advance(at - out.length());
    }

    /** A quote, a backslash or a control character as JSON escapes it; returns the index after it. */
    private static int escape(byte[] b, int at, char c) {
        b[at++] = '\\';
        switch (c) {
            case '"', '\\' -> b[at++] = (byte) c;
            case '\n' -> b[at++] = 'n';
            case '\t' -> b[at++] = 't';
            case '\r' -> b[at++] = 'r';
            case '\b' -> b[at++] = 'b';
            case '\f' -> b[at++] = 'f';
            default -> {
                b[at++] = 'u';
                b[at++] = '0';
                b[at++] = '0';
                b[at++] = HEX[c >> 4];
                b[at++] = HEX[c & 15];
            }
        }
        return at;
    }
}
