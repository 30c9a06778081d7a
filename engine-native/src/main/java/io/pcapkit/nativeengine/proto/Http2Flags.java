package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/** An HTTP/2 frame's flags byte, with the bits tshark 4.0 names for each frame type (RFC 9113 6). */
final class Http2Flags {
    static final FieldDef FLAGS = Fields.hex("http2.flags", "Flags", 8);
    static final FieldDef END_STREAM = Fields.flag("http2.flags.end_stream", "End Stream", 8, 0x01);
    static final FieldDef END_HEADERS = Fields.flag("http2.flags.eh", "End Headers", 8, 0x04);
    static final FieldDef PADDED = Fields.flag("http2.flags.padded", "Padded", 8, 0x08);
    static final FieldDef PRIORITY = Fields.flag("http2.flags.priority", "Priority", 8, 0x20);
    static final FieldDef ACK_SETTINGS = Fields.flag("http2.flags.ack.settings", "ACK", 8, 0x01);
    static final FieldDef ACK_PING = Fields.flag("http2.flags.ack.ping", "ACK", 8, 0x01);
    static final FieldDef UNUSED = Fields.masked("http2.flags.unused", "Unused", 8, 0xFF, Base.HEX);
    static final FieldDef UNUSED_SETTINGS = Fields.masked("http2.flags.unused_settings", "Unused", 8, 0xFE, Base.HEX);
    static final FieldDef UNUSED_PING = Fields.masked("http2.flags.unused_ping", "Unused", 8, 0xFE, Base.HEX);
    static final FieldDef UNUSED_CONTINUATION = Fields.masked("http2.flags.unused_continuation", "Unused", 8, 0xFB,
            Base.HEX);
    static final FieldDef UNUSED_PUSH_PROMISE = Fields.masked("http2.flags.unused_push_promise", "Unused", 8, 0xF3,
            Base.HEX);
    static final FieldDef UNUSED_DATA = Fields.masked("http2.flags.unused_data", "Unused", 8, 0xF6, Base.HEX);
    static final FieldDef UNUSED_HEADERS = Fields.masked("http2.flags.unused_headers", "Unused", 8, 0xD2, Base.HEX);

    private Http2Flags() { }

    static void decode(DecodeContext c, int type, int flags, int at) {
        c.out().beginGroup(FLAGS, flags, at, 1);
        switch (type) {
            case Http2Decoder.DATA -> {
                c.out().addMasked(END_STREAM, flags, at, 1);
                c.out().addMasked(PADDED, flags, at, 1);
                c.out().addMasked(UNUSED_DATA, flags, at, 1);
            }
            case Http2Decoder.HEADERS -> {
                c.out().addMasked(END_STREAM, flags, at, 1);
                c.out().addMasked(END_HEADERS, flags, at, 1);
                c.out().addMasked(PADDED, flags, at, 1);
                c.out().addMasked(PRIORITY, flags, at, 1);
                c.out().addMasked(UNUSED_HEADERS, flags, at, 1);
            }
            case Http2Decoder.SETTINGS -> {
                c.out().addMasked(ACK_SETTINGS, flags, at, 1);
                c.out().addMasked(UNUSED_SETTINGS, flags, at, 1);
            }
            case Http2Decoder.PUSH_PROMISE -> {
                c.out().addMasked(END_HEADERS, flags, at, 1);
                c.out().addMasked(PADDED, flags, at, 1);
                c.out().addMasked(UNUSED_PUSH_PROMISE, flags, at, 1);
            }
            case Http2Decoder.PING -> {
                c.out().addMasked(ACK_PING, flags, at, 1);
                c.out().addMasked(UNUSED_PING, flags, at, 1);
            }
            case Http2Decoder.CONTINUATION -> {
                c.out().addMasked(END_HEADERS, flags, at, 1);
                c.out().addMasked(UNUSED_CONTINUATION, flags, at, 1);
            }
            default -> c.out().addMasked(UNUSED, flags, at, 1);
        }
        c.out().endGroup();
    }
}
