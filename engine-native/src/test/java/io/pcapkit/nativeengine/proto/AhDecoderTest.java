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

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames. */
class AhDecoderTest {
    /** pcapplusplus/ipsec.pcapng frame 1: IPv4, AH (24 bytes, 12-byte ICV), then ESP. */
    static final String AH_ESP = """
            c20157750000c200577500000800450000b4006f0000ff33a6a50a0000010a000002320400008179b7050000000362325d2ea14e86
            ab902b70fb48dac2e400000003c6b5cbef1400937243a29ad397954d18309e98b62a16e80e5ce8eca1b8ac06c981b436c2421ab522
            d4a1130db06caf1ea8c331701bfaf95f34f2a9364fe3f92917995a93dc0e09a7dd55b540fab377648bff49eb7d9eb5f60f64918c5f
            fb091d713909ed495594eb318e68f2f39a2aaa2b990872b1b87738a0fe04a784a04453""";
    /** pcapplusplus/ipsec.pcapng frame 3: AH in tunnel mode, an IPv4 header (ICMP echo) inside. */
    static final String AH_TUNNEL = """
            00175aed7af0001da18b36d0080045000090021b0000ff331fccc0a80c01c0a80c0204040000646adc800000000803d9ebccbbc8d1
            4cccb87ade45000064003f0000ff012206c0a80c01c0a80c020800b1a9000c00030000000004a1c7f0abcdabcdabcdabcdabcdabcd
            abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd
            abcd""";
    /** tcpdump/OSPFv3_with_AH.pcap frame 1: AH as an IPv6 extension header before an OSPFv3 Hello. */
    static final String IPV6_AH_OSPF = """
            333300000005c20068b3000186dd6e000000003c3301fe800000000000000000000000000001ff020000000000000000000000000005
            59040000000001000000001321d3a95c5ffd4d184622b9f8030100240101010100000001fb8600000000000501000013000a002800
            00000000000000""";
    /** zeek/ipv6_zero_len_ah.pcap frame 5: AH with payload length 0 (8 bytes), then an ICMPv6 echo request. */
    static final String ZERO_LENGTH = """
            080027be22930a002700000086dd6000000000a633ff2000130000000000000000000000000120001300000000000000000000000002
            3a000000000000008000fae60000001f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f
            1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f
            1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f
            1f1f1f1f""";

    @Test void transportModeBeforeEsp() {
        Frame f = decode(1, AH_ESP);
        assertEquals("Ethernet:IPv4:AH:ESP", f.protochain());
        assertEquals(24, f.layer(2).length());
        assertCells(f, "ah.next_header=50", "ah.length=4", "ah.reserved=0000", "ah.spi=0x8179b705", "ah.sequence=3",
                "ah.icv=62325d2ea14e86ab902b70fb", "esp.spi=0x48dac2e4", "esp.sequence=3");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void tunnelModeCarriesIpv4() {
        Frame f = decode(1, AH_TUNNEL);
        assertEquals("Ethernet:IPv4:AH:IPv4:ICMP:Raw", f.protochain());
        assertCells(f, "ah.next_header=4", "ah.spi=0x646adc80", "ah.sequence=8", "ah.icv=03d9ebccbbc8d14cccb87ade",
                "ip.src=192.168.12.1,192.168.12.1", "icmp.type=8");
    }

    @Test void ipv6ExtensionHeader() {
        Frame f = decode(1, IPV6_AH_OSPF);
        assertEquals("Ethernet:IPv6:AH:OSPF", f.protochain());
        assertCells(f, "ah.next_header=89", "ah.spi=0x00000100", "ah.sequence=19",
                "ah.icv=21d3a95c5ffd4d184622b9f8", "ospf.msg=1", "ospf.srcrouter=1.1.1.1",
                "ospf.hello.interface_id=5");
    }

    /**
     * Length 0 means an 8-byte header: SPI and sequence are read where they would be, from the ICMPv6 bytes (tshark
     * does the same), and there is no ICV (tshark prints "<MISSING>", we print nothing). The ICMPv6 checksum is
     * verified across the AH, which counts as an IPv6 extension header.
     */
    @Test void zeroLengthHeader() {
        Frame f = decode(1, ZERO_LENGTH);
        assertEquals("Ethernet:IPv6:AH:ICMPv6:Raw", f.protochain());
        assertEquals(8, f.layer(2).length());
        assertCells(f, "ah.next_header=58", "ah.length=0", "ah.spi=0x00000000", "ah.sequence=2147547878",
                "ah.icv=", "icmpv6.type=128", "icmpv6.checksum.status=1");
    }

    /** Malformed: frame 1 cut 10 bytes into the AH header: SPI shown, sequence missing, nothing after. */
    @Test void truncatedHeader() {
        byte[] b = Arrays.copyOf(hex(AH_ESP), 34 + 10);
        Frame f = decode(1, b, 194);
        assertEquals("Ethernet:IPv4:AH", f.protochain());
        assertCells(f, "ah.spi=0x8179b705", "ah.sequence=", "esp.spi=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: the header says 24 bytes, 20 were captured: no ICV, a TRUNCATED anomaly. */
    @Test void icvCutShort() {
        byte[] b = Arrays.copyOf(hex(AH_ESP), 34 + 20);
        Frame f = decode(1, b, 194);
        assertCells(f, "ah.sequence=3", "ah.icv=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
