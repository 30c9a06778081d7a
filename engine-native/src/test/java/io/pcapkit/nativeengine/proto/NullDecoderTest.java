package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.assertChainStartsWith;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same frames; the header variants that no
 * corpus capture holds were written with text2pcap around the same IPv4 packet and read back with tshark.
 */
class NullDecoderTest {
    /** pcap4j/BsdLoopbackPacketTest.pcap frame 1 without its 4-byte header: an IPv4 ICMP echo request. */
    static final String IPV4_ICMP = "45000020006400006401d275c0000201c00002020800e04804d210e100010203";

    @Test void littleEndianFamily() {
        Frame f = decode(0, "02000000" + IPV4_ICMP); // BsdLoopbackPacketTest.pcap frame 1 as captured
        assertChainStartsWith(f, "NULL:IPv4");
        assertSame(Protocols.NULL, f.layer(0).protocol());
        assertEquals(4, f.layer(0).length());
        assertCells(f, "null.family=2", "null.type=");
    }

    /** tcpdump/icmpv6-RFC2894-RR.pcap frame 1 (first 44 of 116 bytes): family 28, FreeBSD's AF_INET6. */
    @Test void ipv6Family() {
        byte[] b = TestFrames.hex("1c000000" + "6000000000483a4020010db8000100000a0027fffef44dcf"
                + "20010db8000100000a0027fffef44dcf");
        Frame f = decode(0, b, 116);
        assertChainStartsWith(f, "NULL:IPv6");
        assertCells(f, "null.family=28");
    }

    @Test void bigEndianAndSnoopHeadersAreRecognised() {
        assertCells(decode(0, "00000002" + IPV4_ICMP), "null.family=2");
        assertCells(decode(0, "00020000" + IPV4_ICMP), "null.family=2"); // IRIX snoop: 16-bit AF_, then zeros
    }

    /** pcapplusplus/null_loopback.pcap frame 3: an old Linux loopback header holding an EtherType. */
    @Test void etherTypeInsteadOfFamily() {
        Frame f = decode(0, "0f000800" + IPV4_ICMP);
        assertChainStartsWith(f, "NULL:IPv4");
        assertCells(f, "null.type=0x0800", "null.family=");
    }

    @Test void loopIsNetworkOrder() {
        Frame f = decode(108, "00000002" + IPV4_ICMP);
        assertChainStartsWith(f, "NULL:IPv4");
        assertCells(f, "null.family=2");
    }

    /** PPP in HDLC framing on a NULL link: Wireshark shows no NULL field and hands the frame to PPP. */
    @Test void pppHdlcIsNotANullHeader() {
        Frame f = decode(0, "ff030021" + IPV4_ICMP);
        assertEquals("NULL:Raw", f.protochain());
        assertEquals(0, f.layer(0).length());
        assertCells(f, "null.family=", "null.type=");
    }

    /** Malformed: 3 bytes, shorter than the header. */
    @Test void truncatedHeader() {
        Frame f = decode(0, "020000");
        assertEquals("NULL", f.protochain());
        assertEquals(0, f.fieldCount());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
