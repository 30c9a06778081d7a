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
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes. The corpus has L2TPv2 only; the
 * AVP catalogue, L2TPv3 over IP (protocol 115) and over UDP are built from the layouts of RFC 2661 and RFC 3931,
 * written to a pcap and read back by tshark.
 */
class L2tpDecoderTest {
    /** dpkt/nb6-http.pcap frame 19: a v2 data message with an offset field, PPP then IPv6/ICMPv6 inside. */
    static final String DATA_OFFSET = """
            e0a1d718c273001733610000886411003b1a006a002145000068a06e0000fa115fdc6d0601485f88f26306a506a50054000002024a32
            d35e0000ff0300576e00000000183afffe80000000000000ca4c75fffe78ed00ff0200000000000000000000000000018600fea64008
            0708000000000000000005010000000005aa""";
    /** dpkt/nb6-http.pcap frame 22: a v2 Hello control message (one Control Message AVP). */
    static final String HELLO = """
            001733610000e0a1d718c273886411003b1a0032002145b4003000004000401179cf5f88f2636d06014806a506a5001c0000c8020014
            05f70000000f00028008000000000006""";
    /** dpkt/nb6-http.pcap frame 23: a v2 zero-length body acknowledgment. */
    static final String ZLB = """
            e0a1d718c273001733610000886411003b1a002a002145c00028000f0000fa11ffbb6d0601485f88f26306a506a500141fefc802000c
            4a32000000020010""";
    /** tcpdump/l2tp-avp-overflow.pcap frame 1: length 514 but 58 of 262144 bytes captured; an unknown AVP type. */
    static final String OVERFLOW = """
            02ff170a0300000000000000080045303030302b000030111f517f0000e57f008001308006a519e80100f00202020230080808080000
            ee230530""";
    /** Built (RFC 2661): a v2 SCCRQ with most IETF AVPs, a hidden one, a Cisco and a Broadband Forum AVP. */
    static final String SCCRQ = """
            00112233445566778899aabb08004500016900010000401100000a0000010a00000206a506a501550000c802014d0007000000000000
            80080000000000018008000000020100800a0000000300000003800a0000000400000001800e00000005010203040506070880080000
            000606808011000000076c61632e6578616d706c65800c0000000856656e646f72800800000009004d80080000000a0004800a000000
            0ba1a2a3a4800e00000001000200066f6f707380080000000e0009800a0000000f0001e240800a0000001000002580800a0000001100
            00fa00800a0000001200000002800a0000001300000001800d0000001535353531323334800d0000001635353536373839800a000000
            180001c200800a00000019000000038010000000230000ffffffff000a0000800800000024cafe800a0000002600008340800b000000
            0c00010001008006000000278008000000307879400d0000000768696464656e21800a000900016162636480080de900057a7a""";
    /** Built (RFC 3931 §4.1.1.2): an L2TPv3 control message over IP protocol 115 with v3 AVPs. */
    static final String V3_IP_CONTROL = """
            00112233445566778899aabb0800450000ae00010000407300000a0000010a00000200000000c8030096000000990003000480080000
            0000000a800a0000003d00001111800a0000003f00002222800a0000004000003333800a0000004101020304800a00000042656e6431
            800800000044000580080000004500018008000000460002800a0000003c0a000001800800000048656e800a00000049aabbccdd800e
            0000004a00000000000f4240800e0000004b00000000001e8480""";
    /** Built (RFC 3931 §4.1.1.1): an L2TPv3 data message over IP, session 0x1234, an unknown payload. */
    static final String V3_IP_DATA = """
            00112233445566778899aabb08004500004600010000407366420a0000010a00000200001234deadbeefffffffffffff001122334455
            08060001080006040001001122334455c0a80001000000000000c0a80002""";
    /** Built (RFC 3931 §4.1.2.1): an L2TPv3 data message over UDP. */
    static final String V3_UDP_DATA = """
            00112233445566778899aabb08004500004e000100004011669c0a0000010a00000206a506a5003a00000003000000001234ffffffff
            ffff00112233445508060001080006040001001122334455c0a80001000000000000c0a80002""";
    /** Built (RFC 2661 §3.1): a v2 data message with length, sequence and a 2-byte offset pad, PPP LCP inside. */
    static final String DATA_PADDED = """
            00112233445566778899aabb08004500003900010000401100000a0000010a00000206a506a5002500004a02001d0007000800010002
            00020000ff03c021090100080102030400""";

    @Test void dataMessageCarriesPpp() {
        Frame f = decode(1, DATA_OFFSET);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:UDP:L2TP:PPP:IPv6:ICMPv6", f.protochain());
        assertCells(f, "l2tp.flags=0x0202", "l2tp.type=0", "l2tp.length_bit=0", "l2tp.offset_bit=1",
                "l2tp.version=2", "l2tp.tunnel=18994", "l2tp.session=54110", "l2tp.offset=0", "l2tp.length=",
                "ppp.address=0xff", "ppp.protocol=0x0021,0x0057", "ipv6.src=fe80::ca4c:75ff:fe78:ed00");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void helloControlMessage() {
        Frame f = decode(1, HELLO);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:UDP:L2TP", f.protochain());
        assertCells(f, "l2tp.flags=0xc802", "l2tp.type=1", "l2tp.seq_bit=1", "l2tp.length=20", "l2tp.tunnel=1527",
                "l2tp.session=0", "l2tp.Ns=15", "l2tp.Nr=2", "l2tp.avp.mandatory=1", "l2tp.avp.length=8",
                "l2tp.avp.vendor_id=0", "l2tp.avp.type=0", "l2tp.avp.message_type=6",
                "l2tp.zero_length_body_message=");
    }

    @Test void zeroLengthBody() {
        Frame f = decode(1, ZLB);
        assertCells(f, "l2tp.length=12", "l2tp.tunnel=18994", "l2tp.Ns=2", "l2tp.Nr=16",
                "l2tp.zero_length_body_message=1", "l2tp.avp.type=");
    }

    /** The length field promises 514 bytes; the AVPs that were captured are shown, the rest is an anomaly. */
    @Test void lengthPastTheCapture() {
        Frame f = decode(1, hex(OVERFLOW), 262144);
        assertCells(f, "l2tp.flags=0xf002", "l2tp.length=514", "l2tp.tunnel=560", "l2tp.session=2056",
                "l2tp.avp.mandatory=0", "l2tp.avp.length=8", "l2tp.avp.type=60963",
                "l2tp.vendor_specific_avp_data=1");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void avpCatalogue() {
        Frame f = decode(1, SCCRQ);
        assertCells(f, "l2tp.avp.type=0,2,3,4,5,6,7,8,9,10,11,1,14,15,16,17,18,19,21,22,24,25,35,36,38,12,39,48",
                "l2tp.avp.vendor_id=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,9,3561",
                "l2tp.avp.hidden=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0",
                "l2tp.avp.message_type=1", "l2tp.avp.protocol_version=1", "l2tp.avp.protocol_revision=0",
                "l2tp.avp.async_framing_supported=1", "l2tp.avp.digital_access_supported=1",
                "l2tp.tie_breaker=0x0102030405060708", "l2tp.avp.firmware_revision=1664",
                "l2tp.avp.host_name=lac.example", "l2tp.avp.vendor_name=Vendor", "l2tp.avp.assigned_tunnel_id=77",
                "l2tp.avp.receive_window_size=4", "l2tp.avp.chap_challenge=a1a2a3a4", "l2tp.result_code=2",
                "l2tp.avp.error_code=6", "l2tp.avp.error_message=oops", "l2tp.avp.assigned_session_id=9",
                "l2tp.avp.call_serial_number=123456", "l2tp.avp.minimum_bps=9600", "l2tp.avp.maximum_bps=64000",
                "l2tp.avp.analog_bearer_type=1", "l2tp.avp.sync_framing_type=1", "l2tp.avp.called_number=5551234",
                "l2tp.avp.calling_number=5556789", "l2tp.avp.connect_speed=115200", "l2tp.avp.physical_channel=3",
                "l2tp.avp.send_accm=4294967295", "l2tp.avp.receive_accm=655360", "l2tp.avp.random_vector=cafe",
                "l2tp.avp.rx_connect_speed=33600", "l2tp.vendor_specific_avp_data=1,1", "l2tp.avp.ciscotype=1",
                "l2tp.avp.broadbandtype=5");
    }

    @Test void v3ControlOverIp() {
        Frame f = decode(1, V3_IP_CONTROL);
        assertEquals("Ethernet:IPv4:L2TP", f.protochain());
        assertCells(f, "l2tp.sid=0x00000000", "l2tp.flags=0xc803", "l2tp.version=3", "l2tp.length=150",
                "l2tp.ccid=0x00000099", "l2tp.Ns=3", "l2tp.offset_bit=", "l2tp.tunnel=",
                "l2tp.avp.type=0,61,63,64,65,66,68,69,70,60,72,73,74,75", "l2tp.avp.message_type=10",
                "l2tp.avp.assigned_control_conn_id=4369", "l2tp.avp.local_session_id=8738",
                "l2tp.avp.remote_session_id=13107", "l2tp.avp.assigned_cookie=01020304",
                "l2tp.avp.remote_end_id=end1", "l2tp.avp.pseudowire_type=5",
                "l2tp.avp.layer2_specific_sublayer=1", "l2tp.avp.data_sequencing=2", "l2tp.avp.router_id=167772161",
                "l2tp.avp.preferred_language=en", "l2tp.avp.nonce=aabbccdd", "l2tp.avp.tx_connect_speed_v3=1000000",
                "l2tp.avp.rx_connect_speed_v3=2000000");
    }

    /** Without the session's control messages no cookie or sublayer is known: the payload is data, as in tshark. */
    @Test void v3DataOverIp() {
        Frame f = decode(1, V3_IP_DATA);
        assertEquals("Ethernet:IPv4:L2TP:Raw", f.protochain());
        assertCells(f, "l2tp.sid=0x00001234", "l2tp.flags=", "data.data=deadbeefffffffffffff0011223344550806"
                + "0001080006040001001122334455c0a80001000000000000c0a80002");
    }

    @Test void v3DataOverUdp() {
        Frame f = decode(1, V3_UDP_DATA);
        assertEquals("Ethernet:IPv4:UDP:L2TP:Raw", f.protochain());
        assertCells(f, "l2tp.flags=0x0003", "l2tp.type=0", "l2tp.version=3", "l2tp.res=0x0000",
                "l2tp.sid=0x00001234");
    }

    @Test void offsetPadding() {
        Frame f = decode(1, DATA_PADDED);
        assertEquals("Ethernet:IPv4:UDP:L2TP:PPP:LCP", f.protochain());
        assertCells(f, "l2tp.length=29", "l2tp.Ns=1", "l2tp.offset=2", "l2tp.offset_padding=1",
                "ppp.protocol=0xc021");
    }

    /** Malformed: the Hello cut inside its AVP header: the L2TP header stays, the AVP is an anomaly. */
    @Test void truncatedAvp() {
        Frame f = decode(1, Arrays.copyOf(hex(HELLO), 50 + 12 + 4), 82);
        assertCells(f, "l2tp.tunnel=1527", "l2tp.Nr=2", "l2tp.avp.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: a data message cut inside its header: no L2TP field (tshark reads the header first). */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(DATA_OFFSET), 50 + 7), 178);
        assertEquals("Ethernet:PPPoES:PPP:IPv4:UDP:L2TP", f.protochain());
        assertCells(f, "l2tp.flags=", "l2tp.tunnel=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an AVP length below 6 ends the AVP list. */
    @Test void avpLengthBelowSix() {
        String bad = TestFrames.change(HELLO.replaceAll("\\s", ""), 62, "8004");
        Frame f = decode(1, bad);
        assertCells(f, "l2tp.Nr=2", "l2tp.avp.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }
}
