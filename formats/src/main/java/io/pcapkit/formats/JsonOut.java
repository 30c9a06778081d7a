package io.pcapkit.formats;

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
    /** Two lower-case hex digits per byte value. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        byte[] d = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int v = 0; v < 256; v++) {
            HEX_PAIRS[2 * v] = d[v >>> 4];
            HEX_PAIRS[2 * v + 1] = d[v & 15];
        }
    }

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
        if (count[depth] > 0) out.write(',');
        indent();
        out.write(encoded, 0, encoded.length);
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
        if (v >= 0) digits(v);
        else ascii(Long.toString(v));
        count[depth]++;
    }

    void unsigned(long v) {
        if (v >= 0) digits(v);
        else ascii(Long.toUnsignedString(v));
        count[depth]++;
    }

    /** Decimal digits of {@code v >= 0}, straight into the buffer. */
    private void digits(long v) {
        int n = 1;
        for (long t = v; t >= 10; t /= 10) n++;
        int at = out.reserve(n);
        byte[] b = out.array();
        for (int i = at + n - 1; i >= at; i--, v /= 10) b[i] = (byte) ('0' + (int) (v % 10));
        out.advance(n);
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
        ascii(v ? "true" : "false");
        count[depth]++;
    }

    void nul() {
        ascii("null");
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
        io.pcapkit.model.FieldBytes.append(f, i, out, scratch);
        out.write('"');
        count[depth]++;
    }

    /** Lower-case hex of {@code len} bytes, as a string value. */
    void hex(byte[] b, int off, int len) {
        int at = out.reserve(2 * len + 2);
        byte[] o = out.array();
        o[at++] = '"';
        byte[] pairs = HEX_PAIRS;
        for (int i = off, end = off + len; i < end; i++) {
            int v = (b[i] & 0xFF) << 1;
            o[at++] = pairs[v];
            o[at++] = pairs[v + 1];
        }
        o[at] = '"';
        out.advance(2 * len + 2);
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

    private void string(CharSequence s) {
        int n = s.length();
        int at = out.reserve(n + 2);
        byte[] b = out.array();
        b[at++] = '"';
        int i = 0;
        // fast path: printable ASCII needing no escape
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
            b[at++] = (byte) c;
        }
        out.advance(at - out.length());
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.write(c);
            } else if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                escapeControl(c);
            } else {
                utf8(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            }
        }
        out.write('"');
    }

    private void escapeControl(char c) {
        out.write('\\');
        switch (c) {
            case '\n' -> out.write('n');
            case '\t' -> out.write('t');
            case '\r' -> out.write('r');
            case '\b' -> out.write('b');
            case '\f' -> out.write('f');
            default -> {
                out.write('u');
                out.write('0');
                out.write('0');
                out.write(HEX[c >> 4]);
                out.write(HEX[c & 15]);
            }
        }
    }

    private void utf8(CharSequence s, int i, char c) {
        if (c < 0x800) {
            out.write(0xC0 | (c >> 6));
            out.write(0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
            out.write('?');   // a lone surrogate has no UTF-8 form
        } else {
            out.write(0xE0 | (c >> 12));
            out.write(0x80 | ((c >> 6) & 0x3F));
            out.write(0x80 | (c & 0x3F));
        }
    }
}
