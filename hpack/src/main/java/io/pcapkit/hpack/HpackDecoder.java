package io.pcapkit.hpack;

/**
 * Decodes an HPACK header block (RFC 7541): indexed fields, literals with / without / never indexing (new or indexed
 * name), dynamic table size updates, prefix integers and string literals, raw or Huffman-coded. The dynamic table
 * belongs to one direction of one connection and is passed in, since it outlives the block. A bad block (an index
 * past the tables, a bad Huffman string, a cut integer) is reported to {@link HeaderHandler#error} and decoding stops
 * there, as nghttp2 (tshark's HPACK decoder) stops. Bounded: {@link #MAX_FIELDS} representations, strings of at most
 * {@link #MAX_STRING} bytes, and a decoded header list of at most {@link #MAX_HEADER_LIST} bytes per block.
 */
public final class HpackDecoder {
    /** Representations in one block before the rest is left alone. */
    public static final int MAX_FIELDS = 1024;
    /** Longest string literal decoded (a frame holds at most 16 MiB; nobody's header is that long). */
    public static final int MAX_STRING = 1 << 16;
    /**
     * Largest decoded header list of one block, counted as RFC 9113 6.5.2 counts SETTINGS_MAX_HEADER_LIST_SIZE (name
     * + value + 32 per field): indexed fields cost a few input bytes each but can expand to a table entry each, so
     * the input length alone does not bound the strings made.
     */
    public static final int MAX_HEADER_LIST = 1 << 20;

    private HpackDecoder() { }

    /** Where an integer or string ended, and what it held. */
    private static final class Cursor {
        int p;
        long value;
        String text;
    }

    /**
     * Decodes {@code n} bytes at {@code at} of {@code in} against {@code table}, reporting to {@code h}.
     *
     * @return true when the whole block decoded
     */
    public static boolean decode(Octets in, int at, int n, HpackTable table, HeaderHandler h) {
        int end = at + n;
        Cursor cur = new Cursor();
        cur.p = at;
        long listSize = 0;
        for (int k = 0; k < MAX_FIELDS && cur.p < end; k++) {
            int start = cur.p;
            int b = in.u8(start);
            if ((b & 0xE0) == 0x20) { // dynamic table size update
                if (!integer(in, cur, 5, end)) return fail(h, start, "HPACK integer cut short");
                table.setMaxSize(cur.value);
                h.sizeUpdate(cur.value, start, cur.p);
                continue;
            }
            int prefix = (b & 0x80) != 0 ? 7 : (b & 0x40) != 0 ? 6 : 4;
            HeaderHandler.Representation how = (b & 0x80) != 0 ? HeaderHandler.Representation.INDEXED
                    : (b & 0x40) != 0 ? HeaderHandler.Representation.INCREMENTAL_INDEXING
                    : (b & 0x10) != 0 ? HeaderHandler.Representation.NEVER_INDEXED
                    : HeaderHandler.Representation.WITHOUT_INDEXING;
            boolean indexed = how == HeaderHandler.Representation.INDEXED;
            if (!integer(in, cur, prefix, end)) return fail(h, start, "HPACK integer cut short");
            long index = cur.value;
            String name, value;
            if (indexed || index > 0) {
                if (index == 0 || index > HpackTable.STATIC_COUNT + table.dynamicCount()) {
                    return fail(h, start, "HPACK index " + index + " outside the tables (" + HpackTable.STATIC_COUNT
                            + " static + " + table.dynamicCount() + " dynamic entries)");
                }
                name = table.name((int) index);
            } else {
                if (!string(in, cur, end)) return fail(h, cur.p, "HPACK name literal cut short or bad Huffman code");
                name = cur.text;
            }
            if (indexed) {
                value = table.value((int) index);
            } else {
                if (!string(in, cur, end)) return fail(h, cur.p, "HPACK value literal cut short or bad Huffman code");
                value = cur.text;
                if (how == HeaderHandler.Representation.INCREMENTAL_INDEXING) table.add(name, value);
            }
            listSize += name.length() + value.length() + 32L;
            if (listSize > MAX_HEADER_LIST) {
                return fail(h, start, "HPACK header list over " + MAX_HEADER_LIST + " bytes");
            }
            h.header(name, value, how, index, start, cur.p);
        }
        return cur.p >= end;
    }

    private static boolean fail(HeaderHandler h, int at, String why) {
        h.error(at, why);
        return false;
    }

    /** An N-bit prefix integer (RFC 7541 5.1) at {@code cur.p}; at most 2^31 - 1. */
    private static boolean integer(Octets in, Cursor cur, int prefixBits, int end) {
        if (cur.p >= end) return false;
        int max = (1 << prefixBits) - 1;
        long v = in.u8(cur.p++) & max;
        if (v == max) {
            for (int shift = 0; ; shift += 7) {
                if (cur.p >= end || shift > 28) return false;
                int b = in.u8(cur.p++);
                v += (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
            }
            if (v > Integer.MAX_VALUE) return false;
        }
        cur.value = v;
        return true;
    }

    /** A string literal (RFC 7541 5.2) at {@code cur.p} into {@code cur.text}. */
    private static boolean string(Octets in, Cursor cur, int end) {
        if (cur.p >= end) return false;
        boolean huffman = (in.u8(cur.p) & 0x80) != 0;
        if (!integer(in, cur, 7, end)) return false;
        long n = cur.value;
        if (n > end - cur.p || n > MAX_STRING) return false;
        int at = cur.p;
        StringBuilder sb = new StringBuilder((int) n + 8);
        if (huffman) {
            if (!HpackHuffman.decode(in, at, (int) n, sb)) return false;
        } else {
            for (int i = 0; i < n; i++) sb.append((char) in.u8(at + i));
        }
        cur.text = sb.toString();
        cur.p = at + (int) n;
        return true;
    }
}
