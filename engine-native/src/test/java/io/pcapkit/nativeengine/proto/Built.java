package io.pcapkit.nativeengine.proto;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Frames a test builds from a specification's layouts, for what the corpus lacks: Ethernet + IPv4 or IPv6 around a
 * payload, written as hex so they go through {@link TestFrames} and {@link TsharkOracle} like corpus frames.
 */
final class Built {
    static final String SRC6 = "20010db8000000000000000000000001", DST6 = "20010db8000000000000000000000002";
    private static final String ETH = "00112233445566778899aabb";

    private Built() { }

    /** Hex of the concatenated parts (each hex, whitespace ignored). */
    static String cat(String... hexParts) {
        StringBuilder sb = new StringBuilder();
        for (String p : hexParts) sb.append(p.replaceAll("\\s+", ""));
        return sb.toString();
    }

    /** {@code v} as {@code bytes} big-endian bytes in hex. */
    static String be(long v, int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int k = bytes - 1; k >= 0; k--) sb.append(String.format("%02x", (v >>> (8 * k)) & 0xFF));
        return sb.toString();
    }

    /** ASCII text as hex. */
    static String ascii(String s) { return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)); }

    /** {@code n} bytes 0, 1, 2 … as hex. */
    static String seq(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) sb.append(String.format("%02x", (from + k) & 0xFF));
        return sb.toString();
    }

    /** Zero bytes up to the next multiple of {@code unit} for a hex string. */
    static String padTo(String hex, int unit) {
        int n = hex.length() / 2;
        return hex + "00".repeat((unit - n % unit) % unit);
    }

    /** Ethernet + IPv6 (2001:db8::1 → 2001:db8::2, hop limit 64) carrying {@code payload} as next header {@code nxt}. */
    static String ipv6(int nxt, String payload) {
        return cat(ETH, "86dd", "60000000", be(payload.length() / 2, 2), be(nxt, 1), "40", SRC6, DST6, payload);
    }

    /** Ethernet + IPv4 (10.0.0.1 → 10.0.0.2, TTL 64, header checksum set) carrying {@code payload} as {@code proto}. */
    static String ipv4(int proto, String payload) {
        String h = cat("4500", be(20 + payload.length() / 2, 2), "00010000", "40", be(proto, 1), "0000",
                "0a000001", "0a000002");
        int sum = internet(TestFrames.hex(h));
        return cat(ETH, "0800", h.substring(0, 20), be(sum, 2), h.substring(24), payload);
    }

    /** The Internet checksum (RFC 1071) of the bytes. */
    static int internet(byte[] b) {
        long s = 0;
        for (int i = 0; i + 1 < b.length; i += 2) s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        if ((b.length & 1) != 0) s += (b[b.length - 1] & 0xFF) << 8;
        while ((s >>> 16) != 0) s = (s & 0xFFFF) + (s >>> 16);
        return (int) (~s & 0xFFFF);
    }

    /** The checksum of {@code payload} (with its checksum field zero) over the IPv6 pseudo-header of {@link #ipv6}. */
    static int ipv6Checksum(int nxt, String payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(TestFrames.hex(cat(SRC6, DST6, be(payload.length() / 2, 4), be(nxt, 4), payload)));
        return internet(o.toByteArray());
    }

    /** {@code hex} with {@code bytes} (hex) written at byte offset {@code off}. */
    static String put(String hex, int off, String bytes) { return TestFrames.change(hex, off, bytes); }
}
