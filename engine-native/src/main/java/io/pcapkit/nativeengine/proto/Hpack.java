package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * Decodes an HPACK header block (RFC 7541) into tshark 4.0's http2.header fields: each representation (indexed,
 * literal with / without / never indexing, new or indexed name), table size updates, prefix integers and string
 * literals (raw or Huffman). A bad block (an index past the tables, a bad Huffman string, a cut integer) is recorded
 * as an anomaly and decoding of the block stops there, as nghttp2 (tshark's HPACK decoder) stops.
 */
final class Hpack {
    static final FieldDef HEADER_LENGTH = Fields.uint("http2.header.length", "Header Length", 32);
    static final FieldDef HEADER_COUNT = Fields.uint("http2.header.count", "Header Count", 32);
    static final FieldDef HEADER = Fields.group("http2.header", "Header");
    static final FieldDef NAME_LENGTH = Fields.uint("http2.header.name.length", "Name Length", 32);
    static final FieldDef NAME = Fields.string("http2.header.name", "Name");
    static final FieldDef VALUE_LENGTH = Fields.uint("http2.header.value.length", "Value Length", 32);
    static final FieldDef VALUE = Fields.string("http2.header.value", "Value");
    static final FieldDef UNESCAPED = Fields.string("http2.header.unescaped", "Unescaped");
    static final FieldDef REPR = Fields.string("http2.header.repr", "Representation");
    static final FieldDef INDEX = Fields.uint("http2.header.index", "Index", 32);
    static final FieldDef SIZE_UPDATE = Fields.group("http2.header_table_size_update", "Header table size update");
    static final FieldDef SIZE_UPDATE_SIZE = Fields.uint("http2.header_table_size_update.header_table_size",
            "Header table size", 32);
    static final FieldDef FULL_URI = Fields.string("http2.request.full_uri", "Full request URI");

    /** Representations in one block before the rest is left alone. */
    static final int MAX_FIELDS = 1024;
    /** Longest string literal decoded (a frame holds at most 16 MiB; nobody's header is that long). */
    static final int MAX_STRING = 1 << 16;

    private static final String INDEXED = "Indexed Header Field";
    private static final String[] LITERAL = {"Literal Header Field with Incremental Indexing",
            "Literal Header Field without Indexing", "Literal Header Field never Indexed"};

    private Hpack() { }

    /** Where an integer or string ended; -1 when the block was cut or bad. Reused through a tiny holder. */
    private static final class Cursor {
        int p;
        long value;
        String text;
    }

    /** Decodes the block at {@code at} ({@code n} bytes) against {@code table} (null: this frame is not on TCP). */
    static void decode(DecodeContext c, HpackTable table, int at, int n) {
        if (table == null) table = new HpackTable(); // an HTTP/2 frame outside TCP: decode against a fresh table
        int end = at + n;
        Cursor cur = new Cursor();
        cur.p = at;
        long total = 0;
        int count = 0;
        String scheme = null, authority = null, path = null;
        for (int k = 0; k < MAX_FIELDS && cur.p < end; k++) {
            int start = cur.p;
            int b = c.u8(start);
            if ((b & 0xE0) == 0x20) { // dynamic table size update
                if (!integer(c, cur, 5, end)) { bad(c, start, "HPACK integer cut short"); break; }
                table.setMaxSize(cur.value);
                count++;
                c.out().beginGroup(SIZE_UPDATE, start, cur.p - start);
                c.add(SIZE_UPDATE_SIZE, cur.value, start, cur.p - start);
                c.out().endGroup();
                continue;
            }
            int prefix = (b & 0x80) != 0 ? 7 : (b & 0x40) != 0 ? 6 : 4;
            int kind = (b & 0x80) != 0 ? -1 : (b & 0x40) != 0 ? 0 : (b & 0x10) != 0 ? 2 : 1;
            if (!integer(c, cur, prefix, end)) { bad(c, start, "HPACK integer cut short"); break; }
            long index = cur.value;
            String name, value, repr;
            if (kind < 0 || index > 0) {
                if (index == 0 || index > HpackTable.STATIC_COUNT + table.dynamicCount()) {
                    bad(c, start, "HPACK index " + index + " outside the tables (" + HpackTable.STATIC_COUNT
                            + " static + " + table.dynamicCount() + " dynamic entries)");
                    break;
                }
                name = table.name((int) index);
            } else {
                if (!string(c, cur, end)) { bad(c, cur.p, "HPACK name literal cut short or bad Huffman code"); break; }
                name = cur.text;
            }
            if (kind < 0) {
                value = table.value((int) index);
                repr = INDEXED;
            } else {
                if (!string(c, cur, end)) { bad(c, cur.p, "HPACK value literal cut short or bad Huffman code"); break; }
                value = cur.text;
                repr = LITERAL[kind] + (index > 0 ? " - Indexed Name" : " - New Name");
                if (kind == 0) table.add(name, value);
            }
            count++;
            total += name.length() + value.length() + 8L; // tshark's count: two 4-byte lengths per header
            int len = cur.p - start;
            c.out().beginGroup(HEADER, start, len);
            c.add(NAME_LENGTH, name.length(), start, 0);
            c.out().addObject(NAME, name, start, 0);
            c.add(VALUE_LENGTH, value.length(), start, 0);
            c.out().addObject(VALUE, value, start, 0);
            c.out().addObject(UNESCAPED, value, start, 0);
            c.out().addObject(REPR, repr, start, len);
            if (index > 0) c.add(INDEX, index, start, len);
            c.out().endGroup();
            Http2NamedHeaders.add(c, name, value, start, len);
            switch (name) {
                case ":scheme" -> scheme = value;
                case ":authority" -> authority = value;
                case ":path" -> path = value;
                default -> { }
            }
        }
        // tshark puts the totals first; they are known only now (and -T fields does not care about order)
        c.add(HEADER_LENGTH, total, at, 0);
        c.add(HEADER_COUNT, count, at, 0);
        if (scheme != null && authority != null && path != null) {
            c.out().addObject(FULL_URI, scheme + "://" + authority + path, at, 0);
        }
    }

    private static void bad(DecodeContext c, int at, String why) {
        c.anomaly(Anomaly.Kind.BAD_VALUE, at, why);
    }

    /** An N-bit prefix integer (RFC 7541 5.1) at {@code cur.p}; at most 2^31 - 1. */
    static boolean integer(DecodeContext c, Cursor cur, int prefixBits, int end) {
        if (cur.p >= end) return false;
        int max = (1 << prefixBits) - 1;
        long v = c.u8(cur.p++) & max;
        if (v == max) {
            for (int shift = 0; ; shift += 7) {
                if (cur.p >= end || shift > 28) return false;
                int b = c.u8(cur.p++);
                v += (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
            }
            if (v > Integer.MAX_VALUE) return false;
        }
        cur.value = v;
        return true;
    }

    /** A string literal (RFC 7541 5.2) at {@code cur.p} into {@code cur.text}. */
    private static boolean string(DecodeContext c, Cursor cur, int end) {
        if (cur.p >= end) return false;
        boolean huffman = (c.u8(cur.p) & 0x80) != 0;
        if (!integer(c, cur, 7, end)) return false;
        long n = cur.value;
        if (n > end - cur.p || n > MAX_STRING) return false;
        int at = cur.p;
        StringBuilder sb = new StringBuilder((int) n + 8);
        if (huffman) {
            if (!HpackHuffman.decode(c, at, (int) n, sb)) return false;
        } else {
            for (int i = 0; i < n; i++) sb.append((char) c.u8(at + i));
        }
        cur.text = sb.toString();
        cur.p = at + (int) n;
        return true;
    }
}
