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
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes (hand-built frames were written to a
 * pcap and read back by tshark).
 */
class PppoeDecoderTest {
    /** dpkt/nb6-http.pcap frame 37: a PPPoE session carrying IPv4/TCP (an ACK to port 80). */
    static final String SESSION_TCP = """
            001733610000e0a1d718c273886411003b1a00360021450000344f5b40003f06c5d25f88f263d845fc64cd5d0050749666f5
            9c15a16e801000e53c8900000101080a000629dc30ced14a""";
    /** Hand-built PADO: AC-Name "ACNAME-1", Service-Name "internet", AC-Cookie, Host-Uniq. */
    static final String PADO = """
            ffffffffffff001733610000886311070000002c0102000841434e414d452d3101010008696e7465726e65740104000801020304
            0506070801030004deadbeef""";
    /**
     * Hand-built PADI: a DSL Forum vendor tag (circuit id, remote id, three rates, access-loop encapsulation, an
     * unknown sub-tag 0x77, a rate with a wrong length), a bare vendor id, a 3-byte vendor tag.
     */
    static final String PADI_DSLF = """
            ffffffffffff00173361000088631109000000430105003000000de90105636972633102037269648104000010008204000020
            008e040000000790030102037702abcd81030000000105000400000de901050003000000""";
    /** Hand-built PADO: empty AC-Name, Service-Name and Host-Uniq, the three error tags, IP-Route-Add, Metrics. */
    static final String PADO_ERRORS = """
            ffffffffffff0017336100008863110700000041010200000101000001030000020100066e6f207376630202000661632065727202
            03000767656e20657272012100040a0000000107000a001e0102000300040005""";
    /** Hand-built LCP Echo-Request in a session, padded to Ethernet's 60 bytes. */
    static final String PADDED_ECHO = """
            ffffffffffff001733610000886411003b1a000ac02109050008e7e18ff60000000000000000000000000000000000000000
            00000000000000000000""";

    @Test void sessionCarriesPpp() {
        Frame f = decode(1, SESSION_TCP);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:TCP", f.protochain());
        assertEquals(6, f.layer(1).length());
        assertEquals(20, f.layer(2).offset());
        assertCells(f, "pppoe.version=1", "pppoe.type=1", "pppoe.code=0x00", "pppoe.session_id=0x3b1a",
                "pppoe.payload_length=54", "ppp.protocol=0x0021", "ip.src=95.136.242.99", "ip.dst=216.69.252.100",
                "tcp.srcport=52573", "pppoed.tags=");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void discoveryTags() {
        Frame f = decode(1, PADO);
        assertEquals("Ethernet:PPPoED", f.protochain());
        assertCells(f, "pppoe.code=0x07", "pppoe.session_id=0x0000", "pppoe.payload_length=44", "pppoed.tags=1",
                "pppoed.tags.ac_name=ACNAME-1", "pppoed.tags.service_name=internet",
                "pppoed.tags.ac_cookie=0102030405060708", "pppoed.tags.host_uniq=deadbeef",
                // known tags show no type and length with Wireshark's default preferences
                "pppoed.tag=", "pppoed.tag_length=", "ppp.protocol=");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void dslForumVendorTags() {
        Frame f = decode(1, PADI_DSLF);
        assertCells(f, "pppoed.tags.vendor_id=3561,3561", "pppoed.tags.vendorspecific.tags=1",
                "pppoed.tags.circuit_id=circ1", "pppoed.tags.remote_id=rid", "pppoed.tags.act_data_rate_up=4096",
                "pppoed.tags.act_data_rate_down=8192", "pppoed.tags.act_int_delay_down=7",
                "pppoed.tags.access_loop_encap.data_link=0x01", "pppoed.tags.access_loop_encap.encap_1=0x02",
                "pppoed.tags.access_loop_encap.encap_2=0x03", "pppoed.tag=0x0077", "pppoed.tag_length_8=2",
                "pppoed.tag.unknown_data=abcd", "pppoed.tags.vendor_unspecified=");
        // the 3-byte rate sub-tag is malformed: no field, an anomaly
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void errorAndMetricsTags() {
        Frame f = decode(1, PADO_ERRORS);
        assertCells(f, "pppoed.tags.service_name=", "pppoed.tags.service_name_error=no svc",
                "pppoed.tags.ac_system_error=ac err", "pppoed.tags.generic_error=gen err",
                "pppoed.tags.ip_route_add=0a000000", "pppoed.tags.metrics.mdr_units=0x0003",
                "pppoed.tags.metrics.cdr_units=0x0003", "pppoed.tags.metrics.r=0", "pppoed.tags.metrics.rlq=1",
                "pppoed.tags.metrics.resource=2", "pppoed.tags.metrics.latency=3",
                "pppoed.tags.metrics.curr_drate=4", "pppoed.tags.metrics.max_drate=5");
    }

    /** Wireshark gives no Ethernet padding after a PPPoE payload: neither do we. */
    @Test void paddingStaysWithPppoe() {
        Frame f = decode(1, PADDED_ECHO);
        assertEquals("Ethernet:PPPoES:PPP:LCP", f.protochain());
        assertCells(f, "pppoe.payload_length=10", "ppp.protocol=0xc021", "ppp.code=9", "ppp.identifier=5",
                "ppp.length=8", "lcp.magic_number=0xe7e18ff6", "eth.padding=", "eth.trailer=", "lcp.data=");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    /** Malformed: the session header cut after 2 bytes; Wireshark shows no PPPoE field at all. */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(SESSION_TCP), 16), 74);
        assertEquals("Ethernet:PPPoES", f.protochain());
        assertCells(f, "pppoe.version=", "pppoe.payload_length=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: frame 37 with its payload length raised from 54 to 80; the payload is still decoded. */
    @Test void payloadLengthPastTheEnd() {
        byte[] b = hex(SESSION_TCP);
        b[19] = 80;
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:TCP", f.protochain());
        assertCells(f, "pppoe.payload_length=80", "tcp.srcport=52573");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Malformed: payload length 10 of 54 bytes; IPv4 sees only 8 bytes and is cut short, as in tshark. */
    @Test void payloadLengthShortensPpp() {
        byte[] b = hex(SESSION_TCP);
        b[19] = 10;
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:PPPoES:PPP:IPv4", f.protochain());
        assertCells(f, "ip.len=52", "ip.src=", "eth.trailer=", "eth.padding=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: a session payload of one byte; Wireshark stops in PPPoE (it looks for a Credits tag). */
    @Test void oneBytePayload() {
        byte[] b = Arrays.copyOf(hex(SESSION_TCP), 21);
        b[19] = 1;
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:PPPoES", f.protochain());
        assertCells(f, "pppoe.payload_length=1");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Hand-built session payload opening with a Credits tag (RFC 5578): PPP starts after its 8 bytes. */
    @Test void creditsTagBeforePpp() {
        String b = "ffffffffffff001733610000886411003b1a003e" + "0106000400010002" + SESSION_TCP.replaceAll("\\s", "")
                .substring(40);
        Frame f = decode(1, b);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:TCP", f.protochain());
        assertEquals(14, f.layer(1).length());
        assertCells(f, "pppoes.tags=1", "pppoes.tags.credits.fcn=1", "pppoes.tags.credits.bcn=2",
                "ppp.protocol=0x0021", "tcp.srcport=52573");
    }

    /** Malformed: a discovery tag whose length runs past the frame: the tags before it stay. */
    @Test void discoveryTagPastTheEnd() {
        byte[] b = hex(PADO);
        b[35] = 0x30; // Service-Name length 8 -> 48
        Frame f = decode(1, b, b.length);
        assertCells(f, "pppoed.tags.ac_name=ACNAME-1", "pppoed.tags.service_name=", "pppoed.tags.host_uniq=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
