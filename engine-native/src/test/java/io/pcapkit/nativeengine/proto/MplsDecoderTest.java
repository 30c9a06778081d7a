package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus has no MPLS: these frames are built from RFC 3032's label stack entry layout (RFC 4448 / 4385 for the
 * pseudowire ones), written to a pcap and read back by tshark 4.0, whose {@code -T fields} values are asserted here
 * ({@code diff/SyntheticFramesVsTsharkTest} repeats the comparison live).
 */
class MplsDecoderTest {
    /** Label 100, EXP 0, bottom of stack, TTL 64, then IPv4/UDP. */
    static final String IPV4 = """
            0200000000aa0200000000bb88470006414045000021000100004011f977c0a80001c0a8000203e807d0000d000068656c6c6f""";
    /** Two labels (16 with EXP 5 and TTL 255, then 17 bottom of stack, TTL 1), then IPv6/UDP. */
    static final String TWO_LABELS_IPV6 = """
            0200000000aa0200000000bb884700010aff00011101600000000008114020010db800000000000000000000000120010db8000000
            000000000000000000020001000200080000""";
    /** An Ethernet pseudowire without control word between two vendors' addresses (VMware, Intel). */
    static final String PW_NO_CW = """
            0200000000aa0200000000bb88470012c140000c29aabbcc001b21ddeeff080045000021000100004011f977c0a80001c0a8000203
            e807d0000d000068656c6c6f""";
    /** The same pseudowire with a control word (sequence number 7). */
    static final String PW_CW = """
            0200000000aa0200000000bb88470012d14000000007000c29aabbcc001b21ddeeff080045000021000100004011f977c0a80001c0
            a8000203e807d0000d000068656c6c6f""";
    /** A pseudowire associated channel header (first nibble 1), channel type 0x0021 (IPv4), cut short. */
    static final String PW_ACH = "0200000000aa0200000000bb88470012e1401000002145000000";

    @Test void singleLabelThenIpv4() {
        Frame f = decode(1, IPV4);
        assertEquals("Ethernet:MPLS:IPv4:UDP:Raw", f.protochain());
        assertCells(f, "mpls.label=100", "mpls.exp=0", "mpls.bottom=1", "mpls.ttl=64", "ip.src=192.168.0.1",
                "udp.dstport=2000");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void labelStackThenIpv6() {
        Frame f = decode(1, TWO_LABELS_IPV6);
        assertEquals("Ethernet:MPLS:IPv6:UDP", f.protochain());
        assertEquals(8, f.layer(1).length());
        assertCells(f, "mpls.label=16,17", "mpls.exp=5,0", "mpls.bottom=0,1", "mpls.ttl=255,1",
                "ipv6.src=2001:db8::1");
    }

    @Test void ethernetPseudowires() {
        Frame f = decode(1, PW_NO_CW);
        assertEquals("Ethernet:MPLS:PW_Eth_Heuristic:PW_Eth_NoCW:Ethernet:IPv4:UDP:Raw", f.protochain());
        assertCells(f, "eth.src=02:00:00:00:00:bb,00:1b:21:dd:ee:ff", "pweth.cw.sequence_number=", "ip.dst=192.168.0.2");
        Frame g = decode(1, PW_CW);
        assertEquals("Ethernet:MPLS:PW_Eth_Heuristic:PW_Eth_CW:Ethernet:IPv4:UDP:Raw", g.protochain());
        assertCells(g, "mpls.label=301", "pweth.cw.sequence_number=7", "eth.dst=02:00:00:00:00:aa,00:0c:29:aa:bb:cc");
    }

    @Test void associatedChannel() {
        Frame f = decode(1, PW_ACH);
        assertEquals("Ethernet:MPLS:PW_ACH:IPv4", f.protochain());
        assertCells(f, "pwach.ver=0", "pwach.res=0x00", "pwach.channel_type=0x0021");
    }

    /** Malformed: no entry has the bottom-of-stack bit and the frame ends inside the third. */
    @Test void stackWithoutBottom() {
        byte[] b = Arrays.copyOf(hex(TWO_LABELS_IPV6), 24);
        b[20] = 0x10; // second entry: bottom bit cleared
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:MPLS", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "mpls.label=16,17", "mpls.bottom=0,0");
    }

    /** Malformed: 40 entries none of which is the bottom: the stack is cut at {@link MplsDecoder#MAX_LABELS}. */
    @Test void tooManyLabels() {
        StringBuilder sb = new StringBuilder("0200000000aa0200000000bb8847");
        for (int i = 0; i < 40; i++) sb.append("00010040");
        Frame f = decode(1, sb.toString());
        assertTrue(hasAnomaly(f, Anomaly.Kind.LIMIT));
        assertEquals(MplsDecoder.MAX_LABELS, TestFrames.cell(f, "mpls.label").split(",").length);
    }
}
