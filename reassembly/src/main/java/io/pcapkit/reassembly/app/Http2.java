package io.pcapkit.reassembly.app;

import io.pcapkit.hpack.HeaderHandler;
import io.pcapkit.hpack.HpackDecoder;
import io.pcapkit.hpack.HpackTable;
import io.pcapkit.hpack.Octets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/2 (RFC 9113) in one direction: the client's connection preface, then frames (type, flags, stream id,
 * length); HEADERS and CONTINUATION blocks are decoded by the shared HPACK decoder (module {@code hpack}, Huffman
 * strings included) against one dynamic table per direction, as RFC 7541 keeps it (capped at
 * {@link HpackTable#MAX_SIZE} whatever SETTINGS_HEADER_TABLE_SIZE a peer announces; a block's header list at
 * {@link HpackDecoder#MAX_HEADER_LIST} bytes). DATA frames are counted per stream.
 */
final class Http2 {
    static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
    static final int MAX_FRAMES = 100_000;
    private static final String[] TYPES = {"DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE",
            "PING", "GOAWAY", "WINDOW_UPDATE", "CONTINUATION"};

    private Http2() { }

    static boolean detectClient(byte[] b) { return Bytes.startsWith(b, 0, PREFACE); }

    /** A server's first frame is SETTINGS on stream 0 (type 4, length a multiple of 6). */
    static boolean detectServer(byte[] b) {
        return b.length >= 9 && b[3] == 4 && Bytes.u24(b, 0) % 6 == 0 && Bytes.u32(b, 5) == 0;
    }

    static List<AppMessage> parse(int stream, boolean server, byte[] b) {
        List<AppMessage> out = new ArrayList<>();
        int at = Bytes.startsWith(b, 0, PREFACE) ? PREFACE.length() : 0;
        HpackTable table = new HpackTable(); // this direction's dynamic table, for the whole connection
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
        Map<String, Object> pending = null;
        for (int n = 0; at + 9 <= b.length && n < MAX_FRAMES; n++) {
            int len = Bytes.u24(b, at);
            int type = Bytes.u8(b, at + 3), flags = Bytes.u8(b, at + 4);
            long sid = Bytes.u32(b, at + 5) & 0x7FFFFFFFL;
            int p = at + 9, end = Math.min(b.length, p + len);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", type < TYPES.length ? TYPES[type] : "type " + type);
            f.put("stream_id", sid);
            f.put("length", len);
            f.put("flags", String.format("0x%02x", flags));
            if (type == 1 || type == 9) {
                int q = p, e = end;
                if (type == 1) {
                    int pad = (flags & 0x08) != 0 && q < e ? Bytes.u8(b, q++) : 0;
                    if ((flags & 0x20) != 0) q += 5;
                    e = Math.max(q, e - pad);
                }
                if (q <= e) block.write(b, q, e - q);
                if (type == 1) pending = f;
                if ((flags & 0x04) != 0) {
                    Map<String, Object> target = pending != null ? pending : f;
                    target.put("headers", headers(table, block.toByteArray()));
                    block.reset();
                    pending = null;
                }
            }
            out.add(new AppMessage(stream, server, "http2", at, f, type == 0 ? java.util.Arrays.copyOfRange(b, p, end) : null));
            at = p + len;
        }
        return out;
    }

    /** "name: value" strings of one header block; a bad block ends with a {@code <...>} note saying where. */
    static List<String> headers(HpackTable table, byte[] block) {
        List<String> out = new ArrayList<>();
        HpackDecoder.decode(Octets.of(block), 0, block.length, table, new HeaderHandler() {
            @Override public void header(String name, String value, Representation how, long index, int start,
                                         int end) {
                out.add(name + ": " + value);
            }

            @Override public void error(int at, String why) { out.add("<" + why + " at " + at + ">"); }
        });
        return out;
    }
}
