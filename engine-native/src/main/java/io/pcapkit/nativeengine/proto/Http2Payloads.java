package io.pcapkit.nativeengine.proto;

import io.pcapkit.hpack.HpackTable;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/** The type-specific payload of one HTTP/2 frame (RFC 9113 6, RFC 7838 ALTSVC, RFC 8336 ORIGIN). */
final class Http2Payloads {
    static final FieldDef PAD_LENGTH = Fields.uint("http2.pad_length", "Pad Length", 16);
    static final FieldDef EXCLUSIVE = Fields.flag("http2.exclusive", "Exclusive", 32, 0x80000000L);
    static final FieldDef DEPENDENCY = Fields.masked("http2.stream_dependency", "Stream Dependency", 32, 0x7FFFFFFFL,
            Base.DEC);
    static final FieldDef WEIGHT = Fields.uint("http2.headers.weight", "Weight", 8);
    static final FieldDef WEIGHT_REAL = Fields.uint("http2.headers.weight_real", "Weight real", 8);
    static final FieldDef DATA_DATA = Fields.bytes("http2.data.data", "Data");
    static final FieldDef DATA_PADDING = Fields.bytes("http2.data.padding", "Padding");
    static final FieldDef HEADER_BLOCK = Fields.bytes("http2.headers", "Header Block Fragment");
    static final FieldDef HEADERS_PADDING = Fields.bytes("http2.headers.padding", "Padding");
    static final FieldDef RST_ERROR = Fields.uint("http2.rst_stream.error", "Error", 32);
    static final FieldDef SETTING = Fields.group("http2.settings", "Settings");
    static final FieldDef SETTING_ID = Fields.uint("http2.settings.id", "Settings Identifier", 16);
    static final FieldDef[] SETTING_VALUES = {null,
            Fields.uint("http2.settings.header_table_size", "Header table size", 32),
            Fields.uint("http2.settings.enable_push", "Enable PUSH", 32),
            Fields.uint("http2.settings.max_concurrent_streams", "Max concurrent streams", 32),
            Fields.uint("http2.settings.initial_window_size", "Initial Windows Size", 32),
            Fields.uint("http2.settings.max_frame_size", "Max frame size", 32),
            Fields.uint("http2.settings.max_header_list_size", "Max header list size", 32),
            null,
            Fields.uint("http2.settings.extended_connect", "Extended CONNECT", 32)};
    static final FieldDef SETTING_UNKNOWN = Fields.uint("http2.settings.unknown", "Unknown Settings", 32);
    static final FieldDef PUSH_R = Fields.masked("http2.push_promise.r", "Reserved", 32, 0x80000000L, Base.HEX);
    static final FieldDef PROMISED = Fields.masked("http2.push_promise.promised_stream_id", "Promised-Stream-ID", 32,
            0x7FFFFFFFL, Base.DEC);
    static final FieldDef PUSH_HEADER = Fields.bytes("http2.push_promise.header", "Header Block Fragment");
    static final FieldDef PUSH_PADDING = Fields.bytes("http2.push_promise.padding", "Padding");
    static final FieldDef PING = Fields.bytes("http2.ping", "Ping");
    static final FieldDef PONG = Fields.bytes("http2.pong", "Pong");
    static final FieldDef GOAWAY_R = Fields.masked("http2.goway.r", "Reserved", 32, 0x80000000L, Base.HEX);
    static final FieldDef GOAWAY_LAST = Fields.masked("http2.goaway.last_stream_id", "Promised-Stream-ID", 32,
            0x7FFFFFFFL, Base.DEC);
    static final FieldDef GOAWAY_ERROR = Fields.uint("http2.goaway.error", "Error", 32);
    static final FieldDef GOAWAY_DATA = Fields.bytes("http2.goaway.addata", "Additional Debug Data");
    static final FieldDef WINDOW_R = Fields.masked("http2.window_update.r", "Reserved", 32, 0x80000000L, Base.HEX);
    static final FieldDef WINDOW_INCREMENT = Fields.masked("http2.window_update.window_size_increment",
            "Window Size Increment", 32, 0x7FFFFFFFL, Base.DEC);
    static final FieldDef ALTSVC_ORIGIN_LEN = Fields.uint("http2.altsvc.origin.len", "Origin Length", 16);
    static final FieldDef ALTSVC_ORIGIN = Fields.string("http2.altsvc.origin", "Origin");
    static final FieldDef ALTSVC_VALUE = Fields.string("http2.altsvc.field_value", "Field/Value");
    static final FieldDef ORIGIN_LEN = Fields.uint("http2.origin.origin_len", "Origin Length", 16);
    static final FieldDef ORIGIN = Fields.string("http2.origin.origin", "ORIGIN");
    static final FieldDef UNKNOWN = Fields.bytes("http2.unknown", "Unknown");

    private Http2Payloads() { }

    static void decode(DecodeContext c, HpackTable table, int type, int flags, int p, int n) {
        int end = p + n;
        switch (type) {
            case Http2Decoder.DATA -> {
                int pad = padding(c, flags, p, end);
                if (pad < 0) return;
                int q = p + ((flags & 0x08) != 0 ? 1 : 0);
                if (end - pad > q) c.ref(DATA_DATA, q, end - pad - q);
                if (pad > 0) c.ref(DATA_PADDING, end - pad, pad);
            }
            case Http2Decoder.HEADERS -> {
                int pad = padding(c, flags, p, end);
                if (pad < 0) return;
                int q = p + ((flags & 0x08) != 0 ? 1 : 0);
                if ((flags & 0x20) != 0) {
                    if (end - q < 5) return;
                    priority(c, q);
                    q += 5;
                }
                block(c, table, flags, HEADER_BLOCK, q, end - pad);
                if (pad > 0) c.ref(HEADERS_PADDING, end - pad, pad);
            }
            case Http2Decoder.PRIORITY -> { if (n >= 5) priority(c, p); }
            case Http2Decoder.RST_STREAM -> { if (n >= 4) c.add(RST_ERROR, c.u32(p), p, 4); }
            case Http2Decoder.SETTINGS -> {
                for (int q = p, k = 0; q + 6 <= end && k < c.maxOptions(); q += 6, k++) {
                    int id = c.u16(q);
                    c.out().beginGroup(SETTING, q, 6);
                    c.add(SETTING_ID, id, q, 2);
                    FieldDef v = id < SETTING_VALUES.length && SETTING_VALUES[id] != null ? SETTING_VALUES[id]
                            : SETTING_UNKNOWN;
                    c.add(v, c.u32(q + 2), q + 2, 4);
                    c.out().endGroup();
                }
            }
            case Http2Decoder.PUSH_PROMISE -> {
                int pad = padding(c, flags, p, end);
                if (pad < 0) return;
                int q = p + ((flags & 0x08) != 0 ? 1 : 0);
                if (end - pad - q < 4) return;
                long v = c.u32(q);
                c.out().addMasked(PUSH_R, v, q, 4);
                c.out().addMasked(PROMISED, v, q, 4);
                block(c, table, flags, PUSH_HEADER, q + 4, end - pad);
                if (pad > 0) c.ref(PUSH_PADDING, end - pad, pad);
            }
            case Http2Decoder.PING -> { if (n >= 8) c.ref((flags & 1) != 0 ? PONG : PING, p, 8); }
            case Http2Decoder.GOAWAY -> {
                if (n < 8) return;
                long v = c.u32(p);
                c.out().addMasked(GOAWAY_R, v, p, 4);
                c.out().addMasked(GOAWAY_LAST, v, p, 4);
                c.add(GOAWAY_ERROR, c.u32(p + 4), p + 4, 4);
                if (n > 8) c.ref(GOAWAY_DATA, p + 8, n - 8);
            }
            case Http2Decoder.WINDOW_UPDATE -> {
                if (n < 4) return;
                long v = c.u32(p);
                c.out().addMasked(WINDOW_R, v, p, 4);
                c.out().addMasked(WINDOW_INCREMENT, v, p, 4);
            }
            case Http2Decoder.CONTINUATION -> { } // its block continues one tshark decodes with the whole; see block()
            case Http2Decoder.ALTSVC -> {
                if (n < 2) return;
                int o = c.u16(p);
                c.add(ALTSVC_ORIGIN_LEN, o, p, 2);
                if (p + 2 + o > end) return;
                if (o > 0) c.ref(ALTSVC_ORIGIN, p + 2, o);
                if (p + 2 + o < end) c.ref(ALTSVC_VALUE, p + 2 + o, end - p - 2 - o);
            }
            case Http2Decoder.ORIGIN -> {
                for (int q = p, k = 0; end - q >= 2 && k < c.maxOptions(); k++) {
                    int o = c.u16(q);
                    c.add(ORIGIN_LEN, o, q, 2);
                    if (q + 2 + o > end) return;
                    c.ref(ORIGIN, q + 2, o);
                    q += 2 + o;
                }
            }
            default -> { if (n > 0) c.ref(UNKNOWN, p, n); }
        }
    }

    /**
     * The settings an HTTP/1.1 request's HTTP2-Settings header carries (RFC 9113 3.2.1: a SETTINGS payload in
     * base64url), which tshark's HTTP decoder shows with HTTP/2's own setting fields. Offsets point at the header
     * value, the decoded bytes exist nowhere in the frame.
     */
    static void settingsFromBase64(DecodeContext c, int at, int end) {
        int n = Math.min(end - at, 6 * c.maxOptions() * 4 / 3);
        byte[] raw = new byte[n * 3 / 4 + 3];
        int bits = 0, acc = 0, len = 0;
        for (int i = at; i < at + n; i++) {
            int ch = c.u8(i);
            int v = ch >= 'A' && ch <= 'Z' ? ch - 'A' : ch >= 'a' && ch <= 'z' ? ch - 'a' + 26
                    : ch >= '0' && ch <= '9' ? ch - '0' + 52 : ch == '-' || ch == '+' ? 62 : ch == '_' || ch == '/' ? 63 : -1;
            if (v < 0) break; // padding or the end of the token
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                raw[len++] = (byte) (acc >>> bits);
            }
        }
        for (int q = 0; q + 6 <= len; q += 6) {
            int id = ((raw[q] & 0xFF) << 8) | (raw[q + 1] & 0xFF);
            long v = ((long) (raw[q + 2] & 0xFF) << 24) | ((raw[q + 3] & 0xFF) << 16) | ((raw[q + 4] & 0xFF) << 8)
                    | (raw[q + 5] & 0xFF);
            c.out().beginGroup(SETTING, at, end - at);
            c.add(SETTING_ID, id, at, 0);
            c.add(id < SETTING_VALUES.length && SETTING_VALUES[id] != null ? SETTING_VALUES[id] : SETTING_UNKNOWN, v,
                    at, 0);
            c.out().endGroup();
        }
    }

    /** The pad length of a PADDED frame (tshark shows 0 when the flag is clear); -1 when it overruns the frame. */
    private static int padding(DecodeContext c, int flags, int p, int end) {
        int pad = (flags & 0x08) != 0 && end > p ? c.u8(p) : 0;
        c.add(PAD_LENGTH, pad, p, (flags & 0x08) != 0 ? 1 : 0);
        return pad + ((flags & 0x08) != 0 ? 1 : 0) > end - p ? -1 : pad;
    }

    private static void priority(DecodeContext c, int q) {
        long v = c.u32(q);
        c.out().addMasked(EXCLUSIVE, v, q, 4);
        c.out().addMasked(DEPENDENCY, v, q, 4);
        int w = c.u8(q + 4);
        c.add(WEIGHT, w, q + 4, 1);
        c.add(WEIGHT_REAL, w + 1, q + 4, 1);
    }

    /**
     * A header block fragment: its bytes, and its headers when the block ends in this frame (END_HEADERS). A block
     * continued in CONTINUATION frames is only decoded whole by tshark; its first fragment alone would misread
     * the HPACK stream, so it stays bytes.
     */
    private static void block(DecodeContext c, HpackTable table, int flags, FieldDef bytes, int q, int e) {
        if (e <= q) return;
        c.ref(bytes, q, e - q);
        if ((flags & 0x04) != 0) Hpack.decode(c, table, q, e - q);
    }
}
