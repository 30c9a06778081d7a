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
 * LCP, IPCP and IPV6CP packets, decoded from PPP link-type-9 frames or PPPoE sessions. Expected values are tshark
 * 4.0's {@code -T fields} output for the same bytes.
 */
class PppControlDecoderTest {
    /** dpkt/nb6-http.pcap frame 20 from byte 58: an LCP Echo-Request inside the L2TP tunnel. */
    static final String LCP_ECHO = "ff03c02109240008e7e18ff6";
    /**
     * tcpdump/pptp.pcap frame 16 from byte 46: the LCP Configure-Request inside PPTP's GRE (magic number, PFC,
     * ACFC, callback, multilink MRRU, endpoint discriminator).
     */
    static final String LCP_CONF_REQ = """
            ff03c0210100002c0506021952cf070208020d03061104064e13170129f76a9077f1472c835247f271d656070000000c""";
    /** Hand-built LCP Configure-Request: MRU 1492, ACCM 0x000a0000, authentication PAP, then CHAP with MD5. */
    static final String LCP_MRU_ACCM_AUTH = "ff03c02101010017010405d40206000a00000304c0230305c22305";
    /**
     * Hand-built IPCP Configure-Request in a PPPoE session: IP address, an unknown type 0x2a, DNS and NBNS servers,
     * VJ compression, the deprecated IP-Addresses, a mobile home address, ROHC compression, and a 5-byte IP-Address
     * (a wrong length).
     */
    static final String IPCP_SESSION = """
            ffffffffffff001733610000886411003b1a004680210102004403060a0000012a03aa81060a00000283060a00000382060a00
            000484060a0000050206002d0f01010a0a0000010a00000204060a000009020400030305000000""";
    /** Hand-built IPV6CP Configure-Request in a PPPoE session: interface identifier, unknown 0x2a, ROHC compression. */
    static final String IPV6CP_SESSION = """
            ffffffffffff001733610000886411003b1a0017805701020015010a00112233445566772a03aa02040003""";

    @Test void echoRequest() {
        Frame f = decode(9, LCP_ECHO);
        assertEquals("PPP:LCP", f.protochain());
        assertCells(f, "ppp.code=9", "ppp.identifier=36", "ppp.length=8", "lcp.magic_number=0xe7e18ff6", "lcp.data=");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void configureRequestOptions() {
        Frame f = decode(9, LCP_CONF_REQ);
        assertEquals("PPP:LCP", f.protochain());
        assertCells(f, "ppp.code=1", "ppp.identifier=0", "ppp.length=44", "lcp.opt.type=5,7,8,13,17,19",
                "lcp.opt.length=6,2,2,3,4,23", "lcp.opt.magic_number_bytes=0506021952cf",
                "lcp.opt.magic_number=0x021952cf", "lcp.opt.field_compress=0702", "lcp.opt.addr_field_compress=0802",
                "lcp.opt.callback=0d0306", "lcp.opt.operation=6", "lcp.opt.multilink_mrru=1104064e",
                "lcp.opt.mrru=1614", "lcp.opt.ep_disc_class=1", "lcp.opt.data=29f76a9077f1472c835247f271d656070000000c");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void mruAccmAndAuthentication() {
        Frame f = decode(9, LCP_MRU_ACCM_AUTH);
        assertCells(f, "lcp.opt.type=1,2,3,3", "lcp.opt.mtu_bytes=010405d4", "lcp.opt.mru=1492",
                "lcp.opt.asyncmap=0x000a0000", "lcp.opt.asyncmap.dc1=1", "lcp.opt.asyncmap.dc3=1",
                "lcp.opt.asyncmap.nul=0", "lcp.opt.auth_protocol=0xc023,0xc223", "lcp.opt.algorithm=5");
    }

    @Test void ipcpOptions() {
        Frame f = decode(1, IPCP_SESSION);
        assertEquals("Ethernet:PPPoES:PPP:IPCP", f.protochain());
        assertCells(f, "ppp.code=1", "ppp.length=68", "ipcp.opt.type=3,129,131,130,132,2,1,4,2",
                "ipcp.opt.ip_address=10.0.0.1", "ipcp.opt.pri_dns_address=10.0.0.2",
                "ipcp.opt.sec_dns_address=10.0.0.3", "ipcp.opt.pri_nbns_address=10.0.0.4",
                "ipcp.opt.sec_nbns_address=10.0.0.5", "ipcp.opt.compress_proto=0x002d,0x0003",
                "ipcp.opt.max_slot_id=15", "ipcp.opt.comp_slot_id=1", "ipcp.opt.src_address=10.0.0.1",
                "ipcp.opt.dst_address=10.0.0.2", "ipcp.opt.mobilenodehomeaddress=10.0.0.9",
                "ipcp.opt.addr=03060a000001");
        // the last IP-Address option is 5 bytes long: no field, an anomaly, as Wireshark's expert note
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void ipv6cpInterfaceIdentifier() {
        Frame f = decode(1, IPV6CP_SESSION);
        assertEquals("Ethernet:PPPoES:PPP:IPv6CP", f.protochain());
        assertCells(f, "ppp.code=1", "ppp.length=21", "ipv6cp.opt.type=1", "ipv6cp.opt.length=10",
                "ipv6cp.interface_identifier=00:11:22:33:44:55:66:77", "ipcp.opt.type=2",
                "ipcp.opt.compress_proto=0x0003");
    }

    /** Malformed: an LCP packet of 2 bytes; Wireshark reads code and length first and shows nothing. */
    @Test void headerCutShort() {
        Frame f = decode(9, "ff03c0210102");
        assertEquals("PPP:LCP", f.protochain());
        assertCells(f, "ppp.code=", "ppp.length=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: the Configure-Request says 6 bytes, 5 were captured; Wireshark shows no option. */
    @Test void optionsCutShort() {
        Frame f = decode(9, "ff03c0210102000601");
        assertCells(f, "ppp.code=1", "ppp.length=6", "lcp.opt.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an option length of 0 ends the walk, after the good options before it. */
    @Test void tooShortOptionLength() {
        Frame f = decode(9, "ff03c021010200" + "0c" + "010405d4" + "0100" + "0702");
        assertCells(f, "lcp.opt.type=1", "lcp.opt.mru=1492", "lcp.opt.field_compress=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Malformed: an option whose length runs past the options. */
    @Test void optionPastTheEnd() {
        Frame f = decode(9, "ff03c021010800060104");
        assertCells(f, "ppp.length=6", "lcp.opt.type=", "lcp.opt.mru=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Hand-built Terminate-Request and Protocol-Reject (of an IPv4 packet, decoded as IPv4 the way tshark does). */
    @Test void otherCodes() {
        assertCells(decode(9, "ff03c0210506000762797e"), "ppp.code=5", "ppp.data=62797e");
        Frame rej = decode(9, "ff03c021080700" + "1a" + "0021" + "450000145b5a0000401100005f88f2636d060148");
        assertEquals("PPP:LCP:IPv4", rej.protochain());
        assertCells(rej, "lcp.rej_proto=0x0021", "ip.src=95.136.242.99");
    }
}
