package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.ETHERNET;
import static io.pcapkit.nativeengine.proto.TestFrames.RAW_IPV6;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ICMPv6, Neighbor Discovery and MLD on corpus frames (and frames built for cases the corpus lacks, named as such),
 * every expected value as {@code tshark -n -T fields -E occurrence=a} (Wireshark 4.0) printed it for the same bytes.
 */
class Icmpv6DecoderTest {
    @Test void routerAdvertisementWithItsOptions() {
        // tcpdump/icmpv6.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                333300000001b09928c8d66c86dd6000000000b03afffe80000000000000b299
                28fffec8d66cff020000000000000000000000000001860024014020000f0000
                000000000000030448c000278d0000093a800000000022223333444455556600
                0000000000001905000000000005abcd000000000000000000000000efef1234
                56780000000000000000000000011f07000000000005076578616d706c650363
                6f6d00076578616d706c65036f72670004646f6d3104646f6d3203746c640000
                00000000000005010000000000640101b09928c8d66c07010000000013880801
                0000c351000f
                """);
        assertCells(f,
                "icmpv6.type=134",
                "icmpv6.checksum=0x2401",
                "icmpv6.checksum.status=1",
                "icmpv6.nd.ra.cur_hop_limit=64",
                "icmpv6.nd.ra.flag=0x20",
                "icmpv6.nd.ra.flag.h=1",
                "icmpv6.nd.ra.flag.prf=0",
                "icmpv6.nd.ra.router_lifetime=15",
                "icmpv6.opt.type=3,25,31,5,1,7,8",
                "icmpv6.opt.length=4,5,7,1,1,1,1",
                "icmpv6.opt.prefix.length=72",
                "icmpv6.opt.prefix.flag=0xc0",
                "icmpv6.opt.prefix.flag.l=1",
                "icmpv6.opt.prefix.flag.a=1",
                "icmpv6.opt.prefix.valid_lifetime=2592000",
                "icmpv6.opt.prefix.preferred_lifetime=604800",
                "icmpv6.opt.prefix=2222:3333:4444:5555:6600::",
                "icmpv6.opt.rdnss.lifetime=5",
                "icmpv6.opt.rdnss=abcd::efef,1234:5678::1",
                "icmpv6.opt.dnssl.lifetime=5",
                "icmpv6.opt.dnssl=example.com,example.org,dom1.dom2.tld",
                "icmpv6.opt.mtu=100",
                "icmpv6.opt.linkaddr=b0:99:28:c8:d6:6c",
                "icmpv6.opt.src_linkaddr=b0:99:28:c8:d6:6c",
                "icmpv6.opt.advertisement_interval=5000",
                "icmpv6.opt.home_agent_preference=50001",
                "icmpv6.opt.home_agent_lifetime=15");
    }

    @Test void mldv2Query() {
        // tcpdump/icmpv6.pcap frame 3 (tshark -x)
        Frame f = decode(ETHERNET, """
                333300000001b0a86e0cd4e886dd6000000000240001fe80000000000000b2a8
                6efffe0cd4e8ff0200000000000000000000000000013a000502000001008200
                623a2710000000000000000000000000000000000000023c0000
                """);
        assertCells(f,
                "icmpv6.type=130",
                "icmpv6.mld.maximum_response_code=10000",
                "icmpv6.reserved=0000",
                "icmpv6.mld.multicast_address=::",
                "icmpv6.mld.flag=0x02",
                "icmpv6.mld.flag.s=0",
                "icmpv6.mld.flag.qrv=2",
                "icmpv6.mld.qqi=60",
                "icmpv6.mld.nb_sources=0",
                "ipv6.hopopts.nxt=58",
                "ipv6.opt.router_alert=0");
        assertTrue(f.protochain().startsWith("Ethernet:IPv6:IPv6_HopOpts:ICMPv6"), f.protochain());
    }

    @Test void mldv2Report() {
        // tcpdump/icmpv6.pcap frame 4 (tshark -x)
        Frame f = decode(ETHERNET, """
                333300000016001517cce54686dd6000000000600001fe800000000000000215
                17fffecce546ff0200000000000000000000000000163a000502000001008f00
                2a0e0000000402000000ff0200000000000000000db81122334402000000ff02
                00000000000000000001ffcce54602000000ff0200000000000000000001ffa7
                10ad02000000ff0200000000000000000001ff000002
                """);
        assertCells(f,
                "icmpv6.type=143",
                "icmpv6.mldr.nb_mcast_records=4",
                "icmpv6.mldr.mar.record_type=2,2,2,2",
                "icmpv6.mldr.mar.aux_data_len=0,0,0,0",
                "icmpv6.mldr.mar.nb_sources=0,0,0,0",
                "icmpv6.mldr.mar.multicast_address=ff02::db8:1122:3344,ff02::1:ffcc:e546,ff02::1:ffa7:10ad,ff02::1:ff00:2",
                "icmpv6.mldr.mar.source_address=");
    }

    /**
     * RFC 7112: the quoted packet is a first fragment. Like tshark without reassembly (the per-frame view of the
     * native engine, {@code -o ipv6.defragment:FALSE}), its payload is decoded as far as it goes: here the start of
     * an IPv6-in-IPv6 header, cut after 16 bytes.
     */
    @Test void parameterProblemQuotesAFragment() {
        // tcpdump/icmpv6-rfc7112.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                ac1f6b469eda00a09815ece786dd6000000000483a40200106300042011002a0
                98fffe15ece72001063000420110ae1f6bfffe469eda0403994c000000306000
                000000182c402001063000420110ae1f6bfffe469eda200106300042011002a0
                98fffe15ece7290000010000d6b16227605c7830305c7830305c7830305c
                """);
        assertCells(f,
                "icmpv6.type=4",
                "icmpv6.code=3",
                "icmpv6.checksum.status=1",
                "icmpv6.pointer=48",
                "ipv6.src=2001:630:42:110:2a0:98ff:fe15:ece7,2001:630:42:110:ae1f:6bff:fe46:9eda",
                "ipv6.nxt=58,44,48",
                "ipv6.fraghdr.nxt=41",
                "ipv6.fraghdr.more=1",
                "ipv6.plen=72,24,30768",
                "data.len=");
        assertEquals("Ethernet:IPv6:ICMPv6:IPv6:IPv6_Frag:IPv6", f.protochain());
    }

    /** The checksum is summed over the routing header's final destination, not the packet's current one. */
    @Test void checksumUsesTheFinalDestinationOfARoutingHeader() {
        // tcpdump/ipv6-routing-header.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                0013c4c784f000123fae22f786dd6000000000202b0422000000000002440212
                3ffffeae22f7220000000000024000020000000000043a020001000000002200
                00000000021000020000000000048000d3ab00000000
                """);
        assertCells(f,
                "icmpv6.type=128",
                "icmpv6.checksum.status=1",
                "ipv6.routing.segleft=1");
    }

    @Test void echoRequest() {
        // built for this test, tshark-checked, frame 1 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                60000000000c3afffe800000000000000000000000000001ff02000000000000
                00000000000000018000f86412340001aabbccdd
                """);
        assertCells(f,
                "icmpv6.type=128",
                "icmpv6.checksum.status=1",
                "icmpv6.echo.identifier=0x1234",
                "icmpv6.echo.sequence_number=1",
                "data.data=aabbccdd");
        assertEquals("IPv6:ICMPv6:Raw", f.protochain());
    }

    @Test void packetTooBigQuotesThePacket() {
        // built for this test, tshark-checked, frame 3 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000403afffe800000000000000000000000000001ff02000000000000
                000000000000000102002ce4000005dc600000000010114020010db800000000
                000000000000000120010db80000000000000000000000020035003500100000
                0000000000000000
                """);
        assertCells(f,
                "icmpv6.type=2",
                "icmpv6.mtu=1500",
                "ipv6.src=fe80::1,2001:db8::1",
                "udp.srcport=53");
        assertTrue(f.protochain().startsWith("IPv6:ICMPv6:IPv6:UDP"), f.protochain());
    }

    @Test void neighborSolicitation() {
        // built for this test, tshark-checked, frame 6 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000203afffe800000000000000000000000000001ff02000000000000
                00000000000000018700e5c90000000020010db8000000000000000000000002
                0101001122334455
                """);
        assertCells(f,
                "icmpv6.type=135",
                "icmpv6.reserved=00000000",
                "icmpv6.nd.ns.target_address=2001:db8::2",
                "icmpv6.opt.type=1",
                "icmpv6.opt.src_linkaddr=00:11:22:33:44:55");
    }

    @Test void neighborAdvertisement() {
        // built for this test, tshark-checked, frame 7 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000203afffe800000000000000000000000000001ff02000000000000
                0000000000000001880003c9e000000020010db8000000000000000000000002
                0201001122334455
                """);
        assertCells(f,
                "icmpv6.type=136",
                "icmpv6.nd.na.flag=0xe0000000",
                "icmpv6.nd.na.flag.r=1",
                "icmpv6.nd.na.flag.s=1",
                "icmpv6.nd.na.flag.o=1",
                "icmpv6.nd.na.flag.rsv=0",
                "icmpv6.nd.na.target_address=2001:db8::2",
                "icmpv6.opt.target_linkaddr=00:11:22:33:44:55");
    }

    @Test void redirect() {
        // built for this test, tshark-checked, frame 8 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000303afffe800000000000000000000000000001ff02000000000000
                0000000000000001890019950000000020010db8000000000000000000000003
                20010db80000000000000000000000040401000000000000
                """);
        assertCells(f,
                "icmpv6.type=137",
                "icmpv6.nd.rd.target_address=2001:db8::3",
                "icmpv6.rd.na.destination_address=2001:db8::4",
                "icmpv6.opt.type=4",
                "icmpv6.opt.length=1");
    }

    @Test void routeInformationOption() {
        // built for this test, tshark-checked, frame 11 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000283afffe800000000000000000000000000001ff02000000000000
                00000000000000018600a05f40c8070800000001000000021803401800000e10
                20010db8000000000000000000000000
                """);
        assertCells(f,
                "icmpv6.opt.type=24",
                "icmpv6.opt.prefix.length=64",
                "icmpv6.opt.route_info.flag=0x18",
                "icmpv6.opt.route_info.flag.route_preference=3",
                "icmpv6.opt.route_lifetime=3600",
                "icmpv6.opt.prefix=2001:db8::");
    }

    @Test void unknownTypeKeepsItsBodyAsData() {
        // built for this test, tshark-checked, frame 13 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000083afffe800000000000000000000000000001ff02000000000000
                0000000000000001c800363101020304
                """);
        assertCells(f,
                "icmpv6.type=200",
                "icmpv6.data=01020304");
    }

    // ---------------------------------------------------------------- malformed

    @Test void zeroLengthOptionEndsTheOptions() {
        // built for this test, tshark-checked, frame 12 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000193afffe800000000000000000000000000001ff02000000000000
                00000000000000018600341b4000070800000001000000020100000000000000
                00
                """);
        assertCells(f,
                "icmpv6.type=134",
                "icmpv6.opt.type=1",
                "icmpv6.opt.length=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void echoCutShort() {
        // built for this test, tshark-checked, frame 14 (tshark -x)
        Frame f = decode(RAW_IPV6, """
                6000000000063afffe800000000000000000000000000001ff02000000000000
                000000000000000181006f051234
                """);
        assertCells(f,
                "icmpv6.type=129",
                "icmpv6.echo.identifier=0x1234",
                "icmpv6.echo.sequence_number=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
