package io.pcapkit.reassembly;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;

/**
 * Hand-built raw IPv4 packets (RFC 791 / RFC 9293 header layouts, checksums left zero as tshark does not check
 * them) decoded by the native engine into frames, for tests that need exact sequences no capture has.
 */
final class Synth implements AutoCloseable {
    final Engine engine = Engines.discover().require("native").create(EngineOptions.defaults());
    private long number;

    static final byte[] A = {10, 0, 0, 1};
    static final byte[] B = {10, 0, 0, 2};

    Frame tcp(byte[] src, int sp, byte[] dst, int dp, long seq, long ack, int flags, byte[] payload, long nanos) {
        byte[] p = new byte[40 + payload.length];
        ipv4(p, src, dst, 6, 0, 0, false, p.length);
        p[20] = (byte) (sp >> 8); p[21] = (byte) sp;
        p[22] = (byte) (dp >> 8); p[23] = (byte) dp;
        put32(p, 24, seq);
        put32(p, 28, ack);
        p[32] = 0x50;
        p[33] = (byte) flags;
        p[34] = (byte) 0xFF; p[35] = (byte) 0xFF;
        System.arraycopy(payload, 0, p, 40, payload.length);
        return engine.decode(LinkType.IPV4, p, ++number, nanos);
    }

    /** One IPv4 fragment of a UDP datagram: {@code data} at byte {@code offset} (a multiple of 8). */
    Frame fragment(int id, int offset, boolean more, byte[] data, long nanos) {
        byte[] p = new byte[20 + data.length];
        ipv4(p, A, B, 17, id, offset, more, p.length);
        System.arraycopy(data, 0, p, 20, data.length);
        return engine.decode(LinkType.IPV4, p, ++number, nanos);
    }

    private static void ipv4(byte[] p, byte[] src, byte[] dst, int proto, int id, int offset, boolean more, int total) {
        p[0] = 0x45;
        p[2] = (byte) (total >> 8); p[3] = (byte) total;
        p[4] = (byte) (id >> 8); p[5] = (byte) id;
        int fo = offset / 8 | (more ? 0x2000 : 0);
        p[6] = (byte) (fo >> 8); p[7] = (byte) fo;
        p[8] = 64;
        p[9] = (byte) proto;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
    }

    private static void put32(byte[] p, int at, long v) {
        for (int i = 0; i < 4; i++) p[at + i] = (byte) (v >>> (24 - 8 * i));
    }

    static byte[] ascii(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }

    @Override public void close() { engine.close(); }
}
