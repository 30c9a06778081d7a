package io.pcapkit.reassembly.app;

import java.util.ArrayList;
import java.util.List;

/**
 * HPACK header block decoding (RFC 7541): indexed fields, literals with and without indexing, the static table
 * (Appendix A), the dynamic table with its size updates. Huffman-coded strings (Appendix B) are not decoded: such
 * a value is reported as {@code <huffman N bytes>}, and a name so coded as such a placeholder too.
 */
final class Hpack {
    private static final String[][] STATIC = {
            {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
            {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
            {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
            {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
            {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
            {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
            {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
            {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
            {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
            {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
            {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
            {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
            {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""}};
    static final int MAX_FIELDS = 1000;

    /** Newest first, as HPACK indexes it; entries cost name + value + 32 octets (RFC 7541 4.1). */
    private final List<String[]> dynamic = new ArrayList<>();
    private int size;
    private int maxSize = 4096;
    private int pos;
    private byte[] b;

    /** "name: value" strings of one header block. */
    List<String> decode(byte[] block) {
        b = block;
        pos = 0;
        List<String> out = new ArrayList<>();
        while (pos < b.length && out.size() < MAX_FIELDS) {
            int c = b[pos] & 0xFF;
            int start = pos;
            try {
                if ((c & 0x80) != 0) {
                    String[] e = entry(integer(7));
                    out.add(e[0] + ": " + e[1]);
                } else if ((c & 0xC0) == 0x40) {
                    String[] e = literal(6);
                    add(e);
                    out.add(e[0] + ": " + e[1]);
                } else if ((c & 0xE0) == 0x20) {
                    maxSize = integer(5);
                    evict();
                } else {
                    String[] e = literal(4);
                    out.add(e[0] + ": " + e[1]);
                }
            } catch (IndexOutOfBoundsException | IllegalStateException e) {
                out.add("<undecodable header block at " + start + ">");
                break;
            }
        }
        return out;
    }

    private String[] literal(int prefix) {
        int idx = integer(prefix);
        String name = idx == 0 ? string() : entry(idx)[0];
        return new String[] {name, string()};
    }

    private String[] entry(int idx) {
        if (idx >= 1 && idx <= STATIC.length) return STATIC[idx - 1];
        int d = idx - STATIC.length - 1;
        if (d < 0 || d >= dynamic.size()) throw new IllegalStateException("index " + idx);
        return dynamic.get(d);
    }

    private void add(String[] e) {
        dynamic.addFirst(e);
        size += e[0].length() + e[1].length() + 32;
        evict();
    }

    private void evict() {
        while (size > maxSize && !dynamic.isEmpty()) {
            String[] e = dynamic.removeLast();
            size -= e[0].length() + e[1].length() + 32;
        }
    }

    /** RFC 7541 5.1 prefix integer. */
    private int integer(int prefix) {
        int mask = (1 << prefix) - 1;
        int v = b[pos++] & mask;
        if (v < mask) return v;
        for (int shift = 0; shift < 28; shift += 7) {
            int x = b[pos++] & 0xFF;
            v += (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
        throw new IllegalStateException("integer too long");
    }

    private String string() {
        boolean huffman = (b[pos] & 0x80) != 0;
        int n = integer(7);
        if (pos + n > b.length) throw new IllegalStateException("string past the block");
        String s = huffman ? "<huffman " + n + " bytes>" : Bytes.latin1(b, pos, pos + n);
        pos += n;
        return s;
    }
}
