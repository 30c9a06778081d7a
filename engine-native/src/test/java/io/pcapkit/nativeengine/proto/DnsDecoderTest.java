package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.change;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.fitLengths;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS, mDNS and LLMNR messages. Expected cells are tshark 4.0's {@code -n -T fields -E occurrence=a} output for the
 * same frames; malformed cases are corpus frames with the named bytes changed.
 */
class DnsDecoderTest {
    /** tcpdump/dns_udp.pcap frame 2: a response with answers, authority, additional records and an OPT record. */
    static final String UDP_RESPONSE = """
            0011223344550011223344660800450000fc002d00008011ada6d157f912c0a8010b0035abbe00e8c454593485000001000200020005
            037777770774637064756d70036f72670000010001c00c000100010000003c0004c08b2e42c00c000100010000003c0004c6c75868c0
            100002000100015180001203736e7308636f6f7065726978036e657400c01000020001000151800012036e69630973616e64656c6d61
            6e02636100c06b000100010000012c0004d157f912c06b001c00010000012c00102607f0b0000f000000000000babef00dc04d000100
            0100001c200004616b850fc04d001c000100001c20001026003c0300000000f03c91fffe96e8ef0000291000000000000000""";
    /** tcpdump/dns_tcp.pcap frame 4: a query over TCP, behind its 2-byte length, with an EDNS cookie. */
    static final String TCP_QUERY = """
            0011223344660011223344550800450000629b2a40004006134ec0a8010bd157f91283f3003523fec80d79d249145018faf077960000
            0038431901200001000000000001037777770774637064756d70036f72670000010001000029100000000000000c000a00088f06be7d
            691442f0""";
    /** dpkt/truncated_dns.pcap frame 1: the capture ends inside the 7th of 9 answers. */
    static final String TRUNCATED = """
            2047478d8d5e881dfcbaed800800450000e0000040003b112ad7c0a80164189df1ab0035493500cc5a02f8d381800001000900000000
            03617069037370640973616d73756e67646d03636f6d0000010001c00c000500010000012c0011036170690a73616d73756e67737064
            c01ec033000100010000003c0004364b8da1c033000100010000003c00046351fb0cc033000100010000003c0004343279f4c0330001
            00010000003c000434d2c1cfc033000100010000003c000434329fccc033000100010000003c""";
    /** packetnet/LinuxCookedCapturev2.pcap frame 2 (SLL2): an mDNS query with an EDNS Owner option. */
    static final String MDNS_QUERY = """
            080000000000000200010206d29d2e05166a00004500008c57650000ff11103dc0a8b21ae00000fb14e914e90078ec8d000000000003
            0000000000010f5f636f6d70616e696f6e2d6c696e6b045f746370056c6f63616c00000c0001085f686f6d656b6974c01c000c00010c
            5f736c6565702d70726f7879045f756470c021000c000100002905a00000119400120004000e00c9f6f7bdc64e70d29d2e05166a""";
    /** tcpdump/dns-uri.pcap frame 2: a URI record (type 256), which tshark shows as data. */
    static final String URI_RESPONSE = """
            00000000000000000000000008004500006f3e65000040113e177f0000017f0000010035e7d3005bfe6eaf2d85800001000100000001
            055f6874747003646e7304746573740001000001c00c0100000100002a30001c000a0005687474703a2f2f7777772e646e732e746573
            743a383030300000291000000000000000""";
    /** pcapplusplus/example2.pcap frame 53: the query for www.google.com (UdpDecoderTest's frame); DNS at 42. */
    static final String QUERY = UdpDecoderTest.DNS;
    static final int D = 42;
    /**
     * An LLMNR query (RFC 4795 section 2.1.1) for "host", type A, from 192.168.1.20:52000 to 224.0.0.252:5355,
     * built for this test: the corpus has no LLMNR.
     */
    static final String LLMNR_QUERY = "01005e0000fc02aabbccddee08004500003212340000011104cfc0a80114e00000fccb2014eb"
            + "001e00008c2d0000000100000000000004686f73740000010001";

    @Test void responseWithEveryRecordSection() {
        Frame f = decode(TestFrames.ETHERNET, UDP_RESPONSE);
        assertEquals("Ethernet:IPv4:UDP:DNS", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "dns.id=0x5934", "dns.flags=0x8500", "dns.flags.response=1", "dns.flags.authoritative=1",
                "dns.flags.recavail=0", "dns.flags.rcode=0", "dns.count.answers=2", "dns.count.auth_rr=2",
                "dns.count.add_rr=5", "dns.qry.name=www.tcpdump.org", "dns.qry.name.len=15", "dns.count.labels=3",
                "dns.resp.name=www.tcpdump.org,www.tcpdump.org,tcpdump.org,tcpdump.org,nic.sandelman.ca,"
                        + "nic.sandelman.ca,sns.cooperix.net,sns.cooperix.net,<Root>",
                "dns.resp.type=1,1,2,2,1,28,1,28,41", "dns.resp.ttl=60,60,86400,86400,300,300,7200,7200",
                "dns.a=192.139.46.66,198.199.88.104,209.87.249.18,97.107.133.15",
                "dns.aaaa=2607:f0b0:f::babe:f00d,2600:3c03::f03c:91ff:fe96:e8ef",
                "dns.ns=sns.cooperix.net,nic.sandelman.ca", "dns.rr.udp_payload_size=4096", "dns.resp.z.do=0");
    }

    @Test void overTcpBehindItsLength() {
        Frame f = decode(TestFrames.ETHERNET, TCP_QUERY);
        assertEquals("Ethernet:IPv4:TCP:DNS", f.protochain());
        assertCells(f, "dns.length=56", "dns.id=0x4319", "dns.flags.authenticated=1", "dns.qry.name=www.tcpdump.org",
                "dns.opt.code=10", "dns.opt.len=8", "dns.opt.cookie.client=8f06be7d691442f0");
    }

    @Test void twoMessagesInOneSegmentAreTwoLayers() {
        // the query of TCP_QUERY twice in one segment (IP and TCP lengths are not checked by the DNS layer)
        String msg = TCP_QUERY.replaceAll("\\s+", "").substring(2 * 54);
        Frame f = decode(TestFrames.ETHERNET, fitLengths(TCP_QUERY.replaceAll("\\s+", "") + msg));
        assertEquals("Ethernet:IPv4:TCP:DNS:DNS", f.protochain());
        assertEquals("0x4319,0x4319", cell(f, "dns.id"));
    }

    @Test void truncatedRecordEndsTheMessage() {
        Frame f = decode(TestFrames.ETHERNET, TRUNCATED);
        // tshark shows 6 of the 9 answers: the 7th lacks its data length
        assertCells(f, "dns.count.answers=9", "dns.cname=api.samsungspd.com",
                "dns.a=54.75.141.161,99.81.251.12,52.50.121.244,52.210.193.207,52.50.159.204",
                "dns.resp.ttl=300,60,60,60,60,60");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void recordDataCutShortShowsNothingOfTheRecord() {
        // UDP_RESPONSE cut inside the AAAA data of the 6th record (frame offset 196 of 266): like tshark, nothing of it
        byte[] b = hex(UDP_RESPONSE);
        Frame f = decode(TestFrames.ETHERNET, java.util.Arrays.copyOf(b, 200), 200);
        assertCells(f, "dns.resp.type=1,1,2,2,1", "dns.aaaa=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void multicastDnsQuery() {
        Frame f = decode(276, MDNS_QUERY);
        assertEquals("SLL2:IPv4:UDP:mDNS", f.protochain());
        assertCells(f, "dns.id=0x0000",
                "dns.qry.name=_companion-link._tcp.local,_homekit._tcp.local,_sleep-proxy._udp.local",
                "dns.qry.class=0x0001,0x0001,0x0001", "dns.qry.qu=0,0,0", "dns.resp.name=<Root>", "dns.resp.type=41",
                "dns.resp.cache_flush=0", "dns.resp.z=0x1194", "dns.resp.z.reserved=0x1194", "dns.opt.code=4",
                "dns.opt.data=00c9f6f7bdc64e70d29d2e05166a");
    }

    @Test void typeTsharkDoesNotDecodeIsData() {
        Frame f = decode(TestFrames.ETHERNET, URI_RESPONSE);
        assertCells(f, "dns.flags=0x8580", "dns.resp.type=256,41", "dns.resp.len=28,0",
                "dns.data=000a0005687474703a2f2f7777772e646e732e746573743a38303030");
    }

    // ------------------------------------------------------------------ malformed: QUERY with bytes changed

    @Test void compressionLoopIsAnAnomalyNotAHang() {
        // the question name replaced by a pointer to itself (offset 12); type and class follow it
        String looped = change(QUERY, D + 12, "c00c00010001") .substring(0, 2 * (D + 18));
        Frame f = decode(TestFrames.ETHERNET, looped);
        assertCells(f, "dns.qry.name=<Name contains a pointer that loops>", "dns.qry.name.len=36",
                "dns.count.labels=1", "dns.qry.type=1", "dns.qry.class=0x0001");
        assertTrue(hasAnomaly(f, Anomaly.Kind.LIMIT));
    }

    @Test void pointerChainBetweenTwoNamesLoops() {
        // "a" then a pointer to 16, where a pointer leads back to 12: each pointer alone is valid
        String twoWay = change(QUERY, D + 12, "0161c010c00c00010001").substring(0, 2 * (D + 22));
        Frame f = decode(TestFrames.ETHERNET, twoWay);
        assertEquals("<Name contains a pointer that loops>", cell(f, "dns.qry.name"));
        assertTrue(hasAnomaly(f, Anomaly.Kind.LIMIT));
    }

    @Test void nameOverTheRfcLimitIsTooLong() {
        // five 63-byte labels (319 bytes of text; tshark's limit is 253)
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 5; i++) name.append("3f").append("79".repeat(63));
        Frame f = decode(TestFrames.ETHERNET, fitLengths(QUERY.substring(0, 2 * (D + 12)) + name + "0000010001"));
        assertCells(f, "dns.qry.name=<Name too long>", "dns.qry.name.len=15", "dns.qry.type=1");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void pointerPastTheMessageIsTruncation() {
        Frame f = decode(TestFrames.ETHERNET, change(QUERY, D + 12, "c3ff"));
        assertCells(f, "dns.id=0x017c", "dns.count.queries=1", "dns.qry.name=", "dns.qry.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void headerOfThreeBytesShowsNothing() {
        // zeek/ipv6-hbh-routing0.pcap has such a datagram: tshark reads ID and flags before it shows anything
        Frame f = decode(TestFrames.ETHERNET, QUERY.substring(0, 2 * (D + 3)));
        assertCells(f, "dns.id=", "dns.flags=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    // ------------------------------------------------------------------ LLMNR: no corpus capture, live tshark

    @Test void llmnrQueryAgreesWithLiveTshark(@TempDir Path tmp) throws IOException {
        Frame f = decode(TestFrames.ETHERNET, LLMNR_QUERY);
        assertEquals("Ethernet:IPv4:UDP:LLMNR", f.protochain());
        List<String> fields = List.of("dns.id", "dns.flags", "dns.flags.response", "dns.flags.opcode",
                "dns.flags.conflict", "dns.flags.truncated", "dns.flags.tentative", "dns.flags.recdesired",
                "dns.count.queries", "dns.qry.name", "dns.qry.name.len", "dns.count.labels", "dns.qry.type",
                "dns.qry.class");
        // what tshark 4.0 printed for these bytes when this test was written
        String[] expected = {"0x8c2d", "0x0000", "0", "0", "0", "0", "0", "", "1", "host", "4", "1", "1", "0x0001"};
        for (int i = 0; i < fields.size(); i++) assertEquals(expected[i], cell(f, fields.get(i)), fields.get(i));
        Corpus.assumeTshark();
        Path pcap = tmp.resolve("llmnr.pcap");
        Files.write(pcap, pcap(hex(LLMNR_QUERY)));
        Tshark.Result r = Tshark.fields(pcap, fields);
        assertEquals(1, r.rows().size(), r.stderr());
        String[] row = r.rows().get(0);
        for (int i = 0; i < fields.size(); i++) {
            assertEquals(i < row.length ? row[i] : "", cell(f, fields.get(i)), fields.get(i));
        }
    }

    /** A one-frame Ethernet pcap. */
    static byte[] pcap(byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1_700_000_000).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        return b.array();
    }
}
