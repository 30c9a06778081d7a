package io.pcapkit.nativeengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of the application decoders behind a fixed, valid Ethernet/IPv4/UDP or TCP header on their well-known
 * port, so every input reaches the decoder under test instead of dying in the headers below it. The lengths in
 * the wrapper are set to fit the payload.
 */
class AppDecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void dnsOverUdp(byte[] payload) { FuzzChecks.decode(1, udp(53, payload)); }

    @FuzzTest(maxDuration = "5m")
    void httpOverTcp(byte[] payload) { FuzzChecks.decode(1, tcp(80, payload)); }

    @FuzzTest(maxDuration = "5m")
    void tlsOverTcp(byte[] payload) { FuzzChecks.decode(1, tcp(443, payload)); }

    /** Ethernet II + IPv4 (20 bytes, no options, checksum left 0) + UDP to {@code port}, then the payload. */
    static byte[] udp(int port, byte[] payload) {
        byte[] f = ipv4(17, 8, payload);
        int u = 34;
        put16(f, u, 40000);
        put16(f, u + 2, port);
        put16(f, u + 4, Math.min(0xFFFF, 8 + payload.length));
        return f;
    }

    /** Ethernet II + IPv4 + a 20-byte TCP header (ACK|PSH) to {@code port}, then the payload. */
    static byte[] tcp(int port, byte[] payload) {
        byte[] f = ipv4(6, 20, payload);
        int t = 34;
        put16(f, t, 40000);
        put16(f, t + 2, port);
        f[t + 4] = 0x10;                 // sequence number 0x10000000
        f[t + 12] = 0x50;                // data offset 5 words
        f[t + 13] = 0x18;                // ACK, PSH
        put16(f, t + 14, 0xFFFF);        // window
        return f;
    }

    private static byte[] ipv4(int proto, int transportHeader, byte[] payload) {
        byte[] f = new byte[14 + 20 + transportHeader + payload.length];
        f[12] = 0x08;                    // EtherType IPv4
        f[14] = 0x45;
        put16(f, 16, Math.min(0xFFFF, 20 + transportHeader + payload.length));
        f[22] = 64;                      // TTL
        f[23] = (byte) proto;
        f[26] = 10; f[29] = 1;           // 10.0.0.1
        f[30] = 10; f[33] = 2;           // 10.0.0.2
        System.arraycopy(payload, 0, f, 14 + 20 + transportHeader, payload.length);
        return f;
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
