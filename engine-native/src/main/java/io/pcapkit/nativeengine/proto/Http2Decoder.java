package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * HTTP/2 (RFC 9113) frames of one TCP segment: the client connection preface, then every frame in turn (DATA,
 * HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION, ALTSVC, ORIGIN
 * and unknown types), as tshark 4.0 shows them with TCP desegmentation off. Header blocks are HPACK-decoded
 * ({@link Hpack}) against the per-connection tables of {@link Http2Connections}: that state is why this decoder,
 * unlike the others, keeps memory between frames. Settings and the type-specific payloads are in
 * {@link Http2Payloads}.
 */
public final class Http2Decoder implements LayerDecoder {
    static final Protocol HTTP2 = Protocols.define("HTTP2", "http2", Level.APPLICATION);

    static final FieldDef STREAM = Fields.group("http2.stream", "Stream");
    static final FieldDef MAGIC = Fields.string("http2.magic", "Magic");
    static final FieldDef LENGTH = Fields.uint("http2.length", "Length", 24);
    static final FieldDef TYPE = Fields.uint("http2.type", "Type", 8);
    static final FieldDef R = Fields.masked("http2.r", "Reserved", 32, 0x80000000L, Base.HEX);
    static final FieldDef STREAM_ID = Fields.masked("http2.streamid", "Stream Identifier", 32, 0x7FFFFFFFL, Base.DEC);

    static final int DATA = 0, HEADERS = 1, PRIORITY = 2, RST_STREAM = 3, SETTINGS = 4, PUSH_PROMISE = 5, PING = 6,
            GOAWAY = 7, WINDOW_UPDATE = 8, CONTINUATION = 9, ALTSVC = 10, ORIGIN = 12;

    /** RFC 9113 3.4: the client's connection preface. */
    static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
    /** Frames decoded from one segment before the rest is left alone. */
    static final int MAX_FRAMES = 1024;

    private final Http2Connections connections = new Http2Connections();

    @Override public Protocol protocol() { return HTTP2; }

    @Override public boolean applicationOnly() { return true; }

    /** Conversation test: this segment's connection was already seen speaking HTTP/2. */
    public boolean knownConnection(DecodeContext c, int off, int len) {
        return !connections.isEmpty() && connections.known(c);
    }

    /**
     * Content test for the bytes after an HTTP/1.1 protocol switch (only there: tshark 4.0 has no HTTP/2 heuristic
     * for other TCP payloads, so a preface on an unknown port stays data for it, and here too unless --decode-as
     * says otherwise): the client preface, or the SETTINGS frame each side must send first (RFC 9113 3.4), type 4
     * on stream 0, a multiple of 6 bytes long.
     */
    public static boolean looksLikeHttp2(DecodeContext c, int off, int len) {
        if (!c.claimedByContentOnly()) return false;
        if (len >= PREFACE.length() && c.u8(off) == 'P') return HttpText.startsWith(c, off, off + len, PREFACE, false);
        if (len < 9) return false;
        int n = c.u24(off);
        return c.u8(off + 3) == SETTINGS && (c.u8(off + 4) & 0xFE) == 0 && c.u32(off + 5) == 0 && n % 6 == 0
                && n <= 6 * 64;
    }

    @Override public int decode(DecodeContext c, int off, int len) {
        int end = off + len;
        int p = off;
        if (HttpText.startsWith(c, p, end, PREFACE, false)) {
            c.out().beginGroup(STREAM, p, PREFACE.length());
            c.ref(MAGIC, p, PREFACE.length());
            c.out().endGroup();
            p += PREFACE.length();
            connections.table(c); // the connection is HTTP/2 from now on
        }
        for (int k = 0; k < MAX_FRAMES && end - p >= 9; k++) {
            int n = c.u24(p);
            int type = c.u8(p + 3);
            int flags = c.u8(p + 4);
            long sid = c.u32(p + 5);
            c.out().beginGroup(STREAM, p, Math.min(9 + n, end - p));
            c.add(LENGTH, n, p, 3);
            c.add(TYPE, type, p + 3, 1);
            Http2Flags.decode(c, type, flags, p + 4);
            c.out().addMasked(R, sid, p + 5, 4);
            c.out().addMasked(STREAM_ID, sid, p + 5, 4);
            int body = p + 9;
            if (body + n > end) {
                c.anomaly(Anomaly.Kind.TRUNCATED, p, "HTTP/2 frame of " + n + " bytes cut at " + (end - body));
                c.out().endGroup();
                p = end;
                break;
            }
            synchronized (connections) {
                Http2Payloads.decode(c, connections.table(c), type, flags, body, n);
            }
            c.out().endGroup();
            p = body + n;
        }
        c.nextRaw(0);
        return len;
    }
}
