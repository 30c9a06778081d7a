package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Field;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping on real frames of named corpus captures; every expected value is what {@code tshark -n -r CAPTURE
 * -T fields -e FIELD} prints for that frame (tshark 4.0.17).
 */
class Pcap4jMappingTest {

    @BeforeEach void needs() {
        Corpus.assumePresent();
        Corpus.assumeLibpcap();
    }

    @Test void dnsQueryAndResponse() throws IOException {
        // tcpdump/dns_udp.pcap: a query for www.tcpdump.org (AD set) and its response with two answers
        List<Frame> f = read("tcpdump/dns_udp.pcap");
        Frame q = f.get(0);
        assertEquals("Ethernet:IPv4:UDP:DNS", q.protochain());
        assertEquals("0x5934", value(q, "dns.id"));
        assertEquals("0x0120", value(q, "dns.flags"));
        assertEquals("0", value(q, "dns.flags.response"));
        assertEquals("1", value(q, "dns.flags.recdesired"));
        assertEquals("1", value(q, "dns.flags.authenticated"));
        assertNull(q.field("dns.flags.recavail"), "tshark shows RA in responses only");
        assertNull(q.field("dns.flags.rcode"), "tshark shows the rcode in responses only");
        assertEquals("www.tcpdump.org", value(q, "dns.qry.name"));
        assertEquals("1", value(q, "dns.qry.type"));
        assertEquals("0x0001", value(q, "dns.qry.class"));
        Frame r = f.get(1);
        assertEquals("0x8500", value(r, "dns.flags"));
        assertEquals("1", value(r, "dns.flags.authoritative"));
        assertEquals("0", value(r, "dns.flags.rcode"));
        assertEquals("2", value(r, "dns.count.answers"));
    }

    @Test void linuxCookedCaptureWithNanosecondTimeStamps() throws IOException {
        // tcpdump/tcp-handshake-nano.pcap frame 1: SLL, a SYN with options, a nanosecond PCAP
        Frame f = read("tcpdump/tcp-handshake-nano.pcap").getFirst();
        assertEquals("SLL:IPv4:TCP", f.protochain());
        assertEquals(1418145369_924505488L, f.timestampNanos());
        assertEquals("4", value(f, "sll.pkttype"));
        assertEquals("512", value(f, "sll.hatype"));
        assertEquals("0x0800", value(f, "sll.etype"));
        assertEquals("0x0002", value(f, "tcp.flags"));
        List<String> kinds = f.fields("tcp.option_kind").stream().map(Field::display).toList();
        assertEquals(List.of("2", "4", "8", "1", "3"), kinds);
    }

    @Test void an8023LengthIsALengthNotAnEtherType() throws IOException {
        // pcapplusplus/VlanPackets.pcap frame 21: 802.1Q tag 118 followed by an 802.3 length of 357
        Frame f = read("pcapplusplus/VlanPackets.pcap").get(20);
        assertEquals("357", value(f, "vlan.len"));
        assertEquals("118", value(f, "vlan.id"));
        assertNull(f.field("vlan.etype"));
    }

    @Test void aHopByHopHeaderPcap4jSizesWrongStopsTheMapping() throws IOException {
        // pcapplusplus/ipv6_options.pcap frame 5: Hop-by-Hop 3a 00 05 02 00 00 01 00 (Router Alert, PadN of
        // length 0), then MLDv2 (tshark: icmpv6.type 143). Pcap4J takes the header for 6 bytes, not 8
        Frame f = read("pcapplusplus/ipv6_options.pcap").get(4);
        assertEquals("Ethernet:IPv6:IPv6_HopOpts:Raw", f.protochain());
        assertEquals("58", value(f, "ipv6.hopopts.nxt"));
        assertNull(f.field("icmpv6.type"), "Pcap4J's misplaced ICMPv6 header is not mapped");
        Anomaly a = f.anomalies().getFirst();
        assertEquals(Anomaly.Kind.BAD_LENGTH, a.kind());
        assertTrue(a.message().contains("6 bytes"), a.message());
    }

    @Test void aTimeStampPcap4jCannotConvertKeepsTheFrameAndTheFramesAfterIt() throws IOException {
        // tcpdump/timestamp_invalid_nano.pcap: records 2 and 3 have 10^9 ns or more, which java.sql.Timestamp
        // refuses; record 1 is sound
        List<Frame> f = read("tcpdump/timestamp_invalid_nano.pcap");
        assertEquals(List.of(1L, 2L, 3L), f.stream().map(Frame::number).toList());
        assertEquals("SLL:IPv4:TCP", f.get(0).protochain());
        for (Frame bad : f.subList(1, 3)) {
            assertEquals(Anomaly.Kind.RECORD, bad.anomalies().getFirst().kind());
            assertEquals(0, bad.layerCount());
        }
    }

    @Test void aPcapngWhoseInterfacesDifferIsReadWhole() throws IOException {
        // pcapplusplus/many_interfaces-1.pcapng: libpcap stops at a second interface with another link type;
        // the native record reader frames the rest, Pcap4J decodes it, and tshark's 64 frames all come out
        List<Frame> f = read("pcapplusplus/many_interfaces-1.pcapng");
        assertEquals(64, f.size());
        Frame last = f.getLast();
        assertTrue(last.anomalies().stream().anyMatch(a -> a.kind() == Anomaly.Kind.RECORD
                && a.message().contains("different from the type of the first interface")), last.anomalies()::toString);
    }

    private static List<Frame> read(String rel) throws IOException {
        Path cap = Corpus.capture(rel);
        List<Frame> out = new ArrayList<>();
        try (Engine e = new Pcap4jEngineProvider().create(EngineOptions.defaults()); FrameSource s = e.open(cap)) {
            for (Frame f; (f = s.next()) != null; ) out.add(f.detach());
        }
        return out;
    }

    private static String value(Frame f, String field) {
        Field x = f.field(field);
        assertNotNull(x, "no " + field + " in frame " + f.number() + " (" + f.protochain() + ")");
        return x.display();
    }
}
