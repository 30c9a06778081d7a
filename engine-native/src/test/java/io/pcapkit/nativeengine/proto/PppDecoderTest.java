package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PPP on the PPP link types (9, and 50 which tshark decodes the same way). Expected values are tshark 4.0's
 * {@code -T fields} output for the same bytes written as a link-type-9 (and 50) pcap.
 */
class PppDecoderTest {
    /**
     * dpkt/nb6-http.pcap frame 19 from byte 58: the PPP frame inside its L2TP tunnel (HDLC-like framing, IPv6 ICMPv6
     * router solicitation).
     */
    static final String HDLC_IPV6 = """
            ff0300576e00000000183afffe80000000000000ca4c75fffe78ed00ff0200000000000000000000000000018600fea6400807
            08000000000000000005010000000005aa""";
    /** dpkt/nb6-http.pcap frame 37 from byte 20: PPP as PPPoE carries it (protocol field, then IPv4/TCP). */
    static final String PLAIN_IPV4 = """
            0021450000344f5b40003f06c5d25f88f263d845fc64cd5d0050749666f59c15a16e801000e53c8900000101080a000629dc30
            ced14a""";

    @Test void addressControlAndProtocol() {
        for (int linkType : new int[] {9, 50}) {
            Frame f = decode(linkType, HDLC_IPV6);
            assertEquals("PPP:IPv6:ICMPv6", f.protochain());
            assertEquals(4, f.layer(0).length());
            assertCells(f, "ppp.address=0xff", "ppp.control=0x03", "ppp.protocol=0x0057",
                    "ipv6.src=fe80::ca4c:75ff:fe78:ed00");
            assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
        }
    }

    /** RFC 1661 6.6: address and control compressed away; Wireshark then reads the protocol field first. */
    @Test void addressAndControlCompressed() {
        Frame f = decode(9, PLAIN_IPV4);
        assertEquals("PPP:IPv4:TCP", f.protochain());
        assertCells(f, "ppp.address=", "ppp.control=", "ppp.protocol=0x0021", "tcp.srcport=52573");
    }

    /** RFC 1661 6.5: a one-byte protocol field (odd first byte); tshark still prints it with four digits. */
    @Test void protocolFieldCompressed() {
        Frame f = decode(9, "ff03" + PLAIN_IPV4.replaceAll("\\s", "").substring(2));
        assertEquals("PPP:IPv4:TCP", f.protochain());
        assertEquals(3, f.layer(0).length());
        assertCells(f, "ppp.address=0xff", "ppp.protocol=0x0021", "ip.dst=216.69.252.100");
    }

    /** A protocol nobody registered: its bytes are Raw ("data" in tshark). */
    @Test void unknownProtocol() {
        Frame f = decode(9, "ff030045" + "00112233");
        assertEquals("PPP:Raw", f.protochain());
        assertCells(f, "ppp.protocol=0x0045", "data.data=00112233");
    }

    /** A Cisco HDLC address on a PPP link: no PPP field, handed to link type 104 (tshark: "ppp:chdlc"). */
    @Test void ciscoHdlcAddress() {
        Frame f = decode(9, "0f000800" + PLAIN_IPV4.replaceAll("\\s", "").substring(4));
        assertEquals(0, f.layer(0).length());
        assertCells(f, "ppp.address=", "ppp.protocol=");
    }

    /** Malformed: a lone 0xFF; Wireshark shows the address and stops. */
    @Test void loneAddress() {
        Frame f = decode(9, "ff");
        assertEquals("PPP", f.protochain());
        assertCells(f, "ppp.address=0xff", "ppp.control=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: address and control but no protocol field. */
    @Test void noProtocolField() {
        Frame f = decode(9, "ff03");
        assertCells(f, "ppp.address=0xff", "ppp.control=0x03", "ppp.protocol=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: one even byte, the first half of an uncompressed protocol field. */
    @Test void halfAProtocolField() {
        Frame f = decode(9, "ff0300");
        assertCells(f, "ppp.protocol=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
