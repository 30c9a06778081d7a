package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.ETHERNET;
import static io.pcapkit.nativeengine.proto.TestFrames.RAW_IPV4;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPv4 and its options, on frames of the corpus (and a few built for a case the corpus lacks, named as such), every
 * expected value as {@code tshark -n -T fields -E occurrence=a} (Wireshark 4.0) printed it for the same bytes.
 */
class Ipv4DecoderTest {
    @Test void recordRouteOptionAndTheFixedHeader() {
        // pcapplusplus/ipv4-options.pcap frame 4 (tshark -x)
        Frame f = decode(ETHERNET, """
                080027191c78c412f5ff72e808004f000050000040004006ead80a00008a0a00
                0006072710010203040a00008a0a00008a000000000000000000000000000000
                0000000000000000000000000a85000000001928c73a50140000b0590000
                """);
        assertCells(f,
                "ip.version=4",
                "ip.hdr_len=60",
                "ip.len=80",
                "ip.id=0x0000",
                "ip.flags=0x02",
                "ip.flags.df=1",
                "ip.ttl=64",
                "ip.proto=6",
                "ip.checksum=0xead8",
                "ip.checksum.status=2",
                "ip.src=10.0.0.138",
                "ip.dst=10.0.0.6",
                "ip.addr=10.0.0.138,10.0.0.6",
                "ip.host=10.0.0.138,10.0.0.6",
                "ip.opt.type=7,0",
                "ip.opt.type.copy=0,0",
                "ip.opt.type.class=0,0",
                "ip.opt.type.number=7,0",
                "ip.opt.len=39",
                "ip.opt.ptr=16",
                "ip.rec_rt=1.2.3.4,10.0.0.138,10.0.0.138",
                "ip.empty_rt=0.0.0.0,0.0.0.0,0.0.0.0,0.0.0.0,0.0.0.0,0.0.0.0");
        assertEquals("Ethernet:IPv4:TCP", f.protochain());
        assertFalse(f.hasAnomalies());
    }

    @Test void timestampOption() {
        // pcapplusplus/ipv4-options.pcap frame 2 (tshark -x)
        Frame f = decode(ETHERNET, """
                c412f5ff72e8080027191c7808004f00007c82e1400040010d440a0000060a00
                008a4428090004eb39b900000000000000000000000000000000000000000000
                000000000000000000000800e1a4085d0003dc73ab58922b090008090a0b0c0d
                0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d
                2e2f3031323334353637
                """);
        assertCells(f,
                "ip.hdr_len=60",
                "ip.opt.type=68",
                "ip.opt.len=40",
                "ip.opt.ptr=9",
                "ip.opt.overflow=0",
                "ip.opt.flag=0x00",
                "ip.opt.time_stamp=82524601,0,0,0,0,0,0,0,0",
                "icmp.type=8");
        assertEquals("Ethernet:IPv4:ICMP:Raw", f.protochain());
    }

    @Test void commercialSecurityOptionWithEnumeratedCategories() {
        // pcapplusplus/ipv4-options.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                00000000000000000000000008004b00006c783700004001752d7f0000017f00
                0001861600000002021000020000000200040005000600ef0000000029508c0a
                0001924dae45130e0c0008090a0b0c0d0e0f101112131415161718191a1b1c1d
                1e1f202122232425262728292a2b2c2d2e2f3031323334353637
                """);
        assertCells(f,
                "ip.opt.type=134,0",
                "ip.opt.type.copy=1,0",
                "ip.opt.len=22",
                "ip.cipso.doi=2",
                "ip.cipso.tag_type=2",
                "ip.cipso.sensitivity_level=2",
                "ip.cipso.categories=0,2,4,5,6,239");
    }

    @Test void routerAlertOption() {
        // tcpdump/IGMP_V2.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                01005e000001001b1110261108004500001c655100000102b2e3c0a80102e000
                00011164ee9b00000000000000000000000000000000000000000000
                """);
        assertCells(f,
                "ip.hdr_len=20",
                "ip.ttl=1",
                "ip.proto=2",
                "ip.dst=224.0.0.1",
                "ip.opt.type=",
                "ip.opt.len=",
                "ip.opt.ra=");
    }

    /** Built for this test (the corpus has no source route): LSRR 1.2.3.4 (next) then final destination 5.6.7.8. */
    @Test void liveLooseSourceRouteNamesTheFinalDestination() {
        // built for this test, tshark-checked, frame 4 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                48000028123400004001b6830a0000010a000002830b04010203040506070800
                0800000000010001
                """);
        assertCells(f,
                "ip.dst=5.6.7.8",
                "ip.addr=10.0.0.1,5.6.7.8",
                "ip.dst_host=5.6.7.8",
                "ip.host=10.0.0.1,5.6.7.8",
                "ip.cur_rt=10.0.0.2",
                "ip.cur_rt_host=10.0.0.2",
                "ip.opt.ptr=4",
                "ip.src_rt=1.2.3.4",
                "ip.src_rt_host=1.2.3.4",
                "ip.rec_rt=");
    }

    /** Built for this test: the RFC 1393 traceroute option. */
    @Test void tracerouteOption() {
        // built for this test, tshark-checked, frame 13 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                48000028123400004001fb860a0000010a000002520c00010002000301020304
                0800000000010001
                """);
        assertCells(f,
                "ip.opt.type=82",
                "ip.opt.len=12",
                "ip.opt.id_number=1",
                "ip.opt.ohc=2",
                "ip.opt.rhc=3",
                "ip.opt.originator=1.2.3.4");
    }

    @Test void versionSixBehindTheIpv4LinkTypeIsHandedToIpv6() {
        // tcpdump/LINKTYPE_IPV4_invalid.pcap frame 1 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                600000000025114020010db8000000000000000000000001262000fe00000000
                000000000000000930390035002598b312340100000100000000000007657861
                6d706c6503636f6d0000010001
                """);
        assertCells(f,
                "ip.version=6",
                "ipv6.version=6",
                "ipv6.plen=37",
                "ipv6.src=2001:db8::1",
                "ipv6.dst=2620:fe::9");
        assertTrue(f.protochain().startsWith("IPv4:IPv6:UDP"), f.protochain());
        assertEquals(0, f.layer(0).length(), "tshark's chain reads ip:ipv6 with an empty ip");
    }

    @Test void fragmentPayloadIsNotDispatched() {
        // pcap4j/flagmentedEcho.pcap frame 2 snapped to 60 bytes (tshark -x)
        Frame f = decode(ETHERNET, """
                00015c222f41047d7b4c2f0a0800450005dc46cb20b9800100001808b407c0a8
                020a6162636465666768696a6b6c6d6e6f7071727374757677616263
                """);
        assertCells(f,
                "ip.flags=0x01",
                "ip.flags.mf=1",
                "ip.frag_offset=185",
                "ip.len=1500",
                "ip.id=0x46cb");
        assertEquals("Ethernet:IPv4:Raw", f.protochain());
    }

    @Test void zeroTotalLengthIsTakenAsTheFrameLengthLikeTso() {
        // zeek/ip-bogus-header-len.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                000000000002000000000001080045030000252c00000001000176b590c288ff
                7374617465ff000000ff000000000000000000000000000000000000
                """);
        assertCells(f,
                "ip.len=46",
                "ip.dsfield=0x03",
                "ip.dsfield.ecn=3",
                "ip.ttl=0",
                "icmp.type=97",
                "icmp.code=116",
                "icmp.checksum=0x65ff",
                "icmp.checksum.status=0");
        assertTrue(f.protochain().startsWith("Ethernet:IPv4:ICMP"), f.protochain());
    }

    // ---------------------------------------------------------------- malformed

    @Test void headerLengthBelowTwentyStopsAfterVersionAndLength() {
        // tcpdump/ipv4_invalid_hdr_length.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                c0d68236032bf04da23d5da3080044000054f1a60000401145948cd309ce2d21
                7f9c98b7003500406ecb92aa0120000100000000000103777777077463706475
                6d70036f7267000001000100002904d000000000000c000a00088bc0e5f53e71
                3bbd
                """);
        assertCells(f,
                "ip.version=4",
                "ip.hdr_len=16",
                "ip.len=",
                "ip.src=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertEquals("Ethernet:IPv4:Raw", f.protochain());
    }

    @Test void totalLengthPastThePacketIsAnAnomalyButThePayloadIsStillDecoded() {
        // tcpdump/ipv4_invalid_total_length.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                c0d68236032bf04da23d5da3080045000055f1a60000401145938cd309ce2d21
                7f9c98b7003500406ecb92aa0120000100000000000103777777077463706475
                6d70036f7267000001000100002904d000000000000c000a00088bc0e5f53e71
                3bbd
                """);
        assertCells(f,
                "ip.len=85",
                "ip.src=140.211.9.206",
                "ip.dst=45.33.127.156",
                "udp.srcport=39095");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertTrue(f.protochain().startsWith("Ethernet:IPv4:UDP"), f.protochain());
    }

    /** The record-route frame (ipv4-options.pcap frame 4) cut inside the source address. */
    @Test void headerCutShortKeepsWhatWasCaptured() {
        byte[] whole = hex("080027191c78c412f5ff72e808004f000050000040004006ead80a00008a0a00");
        Frame f = decode(ETHERNET, Arrays.copyOf(whole, 14 + 14), 94);
        assertCells(f, "ip.version=4", "ip.len=80", "ip.checksum=0xead8", "ip.src=", "ip.dst=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Built for this test: option bytes "07 28 ff 00", a record route claiming 40 bytes in a 4-byte option area. */
    @Test void optionLengthPastTheHeaderEndsTheOptions() {
        Frame f = decode(RAW_IPV4, "4600001c1234000040010000 0a000001 0a000002 0728ff00 0800f7fe00000001");
        assertEquals("", cell(f, "ip.opt.type"));
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertEquals("IPv4:ICMP", f.protochain());
    }

    @Test void bogusVersionKeepsOnlyTheVersion() {
        Frame f = decode(RAW_IPV4, "55000014123400004001000000000000000000000000");
        assertCells(f, "ip.version=5", "ip.hdr_len=", "ip.src=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }
}
