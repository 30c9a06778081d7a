package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.change;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UDP headers. Expected cells are tshark 4.0's {@code -n -T fields} output for the same bytes; the malformed frames
 * are corpus frames with the named bytes changed, fed to tshark the same way.
 */
class UdpDecoderTest {
    /** pcapplusplus/example2.pcap frame 53: a DNS query over IPv4. */
    static final String DNS = "30469a23fbfa6cf049b2de6e08004500003c647200008011c1b40a0000010a00008afb1e003500285f9c"
            + "017c010000010000000000000377777706676f6f676c6503636f6d0000010001";
    /** zeek/ipv6-mobility-dst-opts.pcap frame 3: UDP after an IPv6 destination options header (UDP at 78). */
    static final String V6 = "ffffffffffff00000000000086dd6000000000243c40200104f80004000702e081fffe52ffff200104f8"
            + "0004000702e081fffe529a6b110201020000c90120010078000100320000000000000001753032c8000c43de58585858";
    static final int U = 34, U6 = 78;

    @Test void dnsQuery() {
        Frame f = decode(1, DNS);
        assertTrue(f.protochain().startsWith("Ethernet:IPv4:UDP"), f.protochain());
        assertEquals(8, f.layer(2).length());
        assertFalse(f.hasAnomalies());
        assertCells(f, "udp.srcport=64286", "udp.dstport=53", "udp.port=64286,53", "udp.length=40",
                "udp.checksum=0x5f9c", "udp.checksum.status=2",
                "udp.payload=017c010000010000000000000377777706676f6f676c6503636f6d0000010001");
    }

    @Test void overIpv6() {
        Frame f = decode(1, V6);
        assertCells(f, "udp.srcport=30000", "udp.dstport=13000", "udp.port=30000,13000", "udp.length=12",
                "udp.checksum=0x43de", "udp.checksum.status=2", "udp.payload=58585858");
    }

    @Test void ipTotalLengthPastTheFrame() {
        // tcpdump/ipv4_invalid_total_length.pcap frame 1: ip.len 85 with 84 bytes there; udp.length 64 fits
        Frame f = decode(1, "c0d68236032bf04da23d5da3080045000055f1a60000401145938cd309ce2d217f9c98b7003500406ecb"
                + "92aa01200001000000000001037777770774637064756d70036f7267000001000100002904d000000000000c000a0008"
                + "8bc0e5f53e713bbd");
        assertCells(f, "udp.srcport=39095", "udp.length=64", "udp.checksum=0x6ecb", "udp.checksum.status=2",
                "udp.payload=92aa01200001000000000001037777770774637064756d70036f7267000001000100002904d0000000000"
                        + "00c000a00088bc0e5f53e713bbd");
    }

    @Test void headerCutShortByTheCapture() {
        // tcpdump/udp-length-heapoverflow.pcap frame 1: 38 of 262144 bytes captured, 4 of them UDP
        byte[] b = hex("3030303030303030303030300800453030303030000030113030303030303030303030303030");
        Frame f = decode(1, b, 262144);
        assertCells(f, "udp.srcport=12336", "udp.dstport=12336", "udp.port=12336,12336", "udp.length=",
                "udp.checksum=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void lengthOfATruncatedDatagram() {
        // tcpdump/l2tp-avp-overflow.pcap frame 6: 58 of 262144 bytes captured. tshark also flags udp.length 17712
        // as past the IP payload (ip.len 12336); with the frame cut short we only know the bytes left on the wire
        // (DecodeContext.reportedLength), so that anomaly is not raised here
        byte[] b = hex("02ffffff0100000000000c000800453030303030000030111f517f000000000000000000080045303030302b"
                + "000030111f517f0000e57f008001");
        Frame f = decode(1, b, 262144);
        assertCells(f, "udp.srcport=0", "udp.dstport=2048", "udp.length=17712", "udp.checksum=0x3030",
                "udp.checksum.status=2", "udp.payload=302b000030111f517f0000e57f008001");
        assertTrue(f.protochain().startsWith("Ethernet:IPv4:UDP"), f.protochain());
    }

    // ------------------------------------------------------------------ malformed: the frames above, bytes changed

    @Test void lengthBelowEight() {
        Frame f = decode(1, change(DNS, U + 4, "0007"));
        assertCells(f, "udp.srcport=64286", "udp.length=7", "udp.checksum=", "udp.checksum.status=",
                "udp.payload=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertEquals("Ethernet:IPv4:UDP:Raw", f.protochain());
    }

    @Test void lengthEightHasNoPayload() {
        Frame f = decode(1, change(DNS, U + 4, "0008"));
        assertCells(f, "udp.length=8", "udp.checksum=0x5f9c", "udp.checksum.status=2", "udp.payload=");
        assertEquals("Ethernet:IPv4:UDP", f.protochain());
    }

    @Test void zeroChecksumIsAbsentOverIpv4() {
        Frame f = decode(1, change(DNS, U + 6, "0000"));
        assertCells(f, "udp.checksum=0x0000", "udp.checksum.status=3");
        assertFalse(f.hasAnomalies());
    }

    @Test void zeroChecksumIsIllegalOverIpv6() {
        Frame f = decode(1, change(V6, U6 + 6, "0000"));
        assertCells(f, "udp.checksum=0x0000", "udp.checksum.status=4", "udp.payload=58585858");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }

    @Test void zeroLengthOverIpv6IsAJumbogramLength() {
        // RFC 2675: tshark takes the IPv6 payload's length and warns that it is under 65536
        Frame f = decode(1, change(V6, U6 + 4, "0000"));
        assertCells(f, "udp.length=0", "udp.checksum=0x43de", "udp.payload=58585858");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }
}
