package io.pcapkit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value forms checked against what tshark 4.0 prints with {@code -T fields}. */
class FieldFormatTest {
    private static String ipv6(String hex) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        StringBuilder sb = new StringBuilder();
        FieldFormat.appendIpv6(sb, b, 0);
        return sb.toString();
    }

    @Test void ipv6FollowsRfc5952LikeInetNtop() {
        assertEquals("fe80::2", ipv6("fe800000000000000000000000000002"));
        assertEquals("2200::244:212:3fff:feae:22f7", ipv6("220000000000024402123ffffeae22f7"));
        assertEquals("::", ipv6("00000000000000000000000000000000"));
        assertEquals("::1", ipv6("00000000000000000000000000000001"));
        assertEquals("2001:db8:0:1:1:1:1:1", ipv6("20010db8000000010001000100010001"), "a single zero group stays");
        assertEquals("2001:0:0:1::1", ipv6("20010000000000010000000000000001"), "the longer run is compressed");
        assertEquals("2001:db8::1:0:0:1", ipv6("20010db8000000000001000000000001"), "the first of equal runs");
        assertEquals("::ffff:192.0.2.1", ipv6("00000000000000000000ffffc0000201"));
    }

    @Test void hexIsPaddedToTheDeclaredWidth() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.appendHexInt(sb, 0x2, 4);
        assertEquals("0x0002", sb.toString());
        sb.setLength(0);
        FieldFormat.appendHexInt(sb, 0xe0, 8);
        assertEquals("0x000000e0", sb.toString());
    }

    @Test void epochKeepsNineFractionDigits() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.appendEpoch(sb, 1_277_840_495_135_052_000L);
        assertEquals("1277840495.135052000", sb.toString());
    }

    @Test void macAndIpv4() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.appendMac(sb, 0x001bd41ba4d8L);
        sb.append(' ');
        FieldFormat.appendIpv4(sb, 0x0a760a01L);
        assertEquals("00:1b:d4:1b:a4:d8 10.118.10.1", sb.toString());
    }
}
