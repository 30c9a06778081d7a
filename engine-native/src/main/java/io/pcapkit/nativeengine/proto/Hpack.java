package io.pcapkit.nativeengine.proto;

import io.pcapkit.hpack.HeaderHandler;
import io.pcapkit.hpack.HpackDecoder;
import io.pcapkit.hpack.HpackTable;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * An HPACK header block (RFC 7541) as tshark 4.0's http2.header fields: the shared {@link HpackDecoder} (module
 * {@code hpack}) decodes each representation, this class writes its fields (name, value, representation, index),
 * the table size updates and the block's totals. A bad block is recorded as an anomaly where the decoder stopped.
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

    private static final String INDEXED = "Indexed Header Field";
    private static final String[] LITERAL = {"Literal Header Field with Incremental Indexing",
            "Literal Header Field without Indexing", "Literal Header Field never Indexed"};

    private Hpack() { }

    /** Decodes the block at {@code at} ({@code n} bytes) against {@code table} (null: this frame is not on TCP). */
    static void decode(DecodeContext c, HpackTable table, int at, int n) {
        if (table == null) table = new HpackTable(); // an HTTP/2 frame outside TCP: decode against a fresh table
        FieldWriter out = new FieldWriter(c);
        HpackDecoder.decode(c::u8, at, n, table, out);
        // tshark puts the totals first; they are known only now (and -T fields does not care about order)
        c.add(HEADER_LENGTH, out.total, at, 0);
        c.add(HEADER_COUNT, out.count, at, 0);
        if (out.scheme != null && out.authority != null && out.path != null) {
            c.out().addObject(FULL_URI, out.scheme + "://" + out.authority + out.path, at, 0);
        }
    }

    /** Writes each decoded representation as tshark's http2.header fields, and keeps the block's totals. */
    private static final class FieldWriter implements HeaderHandler {
        private final DecodeContext c;
        long total;
        int count;
        String scheme, authority, path;

        FieldWriter(DecodeContext c) { this.c = c; }

        @Override public void sizeUpdate(long size, int start, int end) {
            count++;
            c.out().beginGroup(SIZE_UPDATE, start, end - start);
            c.add(SIZE_UPDATE_SIZE, size, start, end - start);
            c.out().endGroup();
        }

        @Override public void header(String name, String value, Representation how, long index, int start, int end) {
            String repr = switch (how) {
                case INDEXED -> INDEXED;
                case INCREMENTAL_INDEXING -> LITERAL[0] + suffix(index);
                case WITHOUT_INDEXING -> LITERAL[1] + suffix(index);
                case NEVER_INDEXED -> LITERAL[2] + suffix(index);
            };
            count++;
            total += name.length() + value.length() + 8L; // tshark's count: two 4-byte lengths per header
            int len = end - start;
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

        private static String suffix(long index) { return index > 0 ? " - Indexed Name" : " - New Name"; }

        @Override public void error(int at, String why) { c.anomaly(Anomaly.Kind.BAD_VALUE, at, why); }
    }
}
