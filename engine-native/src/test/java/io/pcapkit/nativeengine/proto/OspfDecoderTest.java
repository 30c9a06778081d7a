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
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes. LSA kinds the corpus lacks (NSSA,
 * router information, router links with TOS metrics, OSPFv3 router links, inter-area router, AS-external, NSSA)
 * and the simple and unknown authentication types are in frames built from RFC 2328, 3101, 5340 and 7770's
 * layouts, written to a pcap and read back by tshark.
 */
class OspfDecoderTest {
    /** tcpdump/OSPFv2_Capture_FINAL.pcapng frame 1: Hello, cryptographic authentication, an LLS block (L bit). */
    static final String HELLO_CRYPT_LLS = """
            01005e0000050025456017c1080045c0007cbf1d00000159df98c0a87905e000000502010034c0a8ff0f000000000000000200000110
            5a834112ffffff00000a120100000028c0a87904c0a87905c0a8ff0bc0a8ff0e91b01c6bd6c7093c11861e76334ba858000000090001
            000400000001000200145a83411262a849db4649604c9fda6c0a9fdf2586022a42ea""";
    /** packetnet/ospfv2.pcap frame 32: LS Update with router, network, summary, ASBR-summary, AS-external LSAs. */
    static final String UPDATE_V2 = """
            c20056ab0000c20356cc0001080045c001a4009b000001597aa40a0014010a001402020401900404040400000014d794000000000000
            000000000000000b01be22010505050505050505800000047caa003000000002c0a81400ffffff000300000a0a0014020a0014020200
            000a000a220104040404040404048000000636b10024010000010a001400fffffffc0300000a01be22020a0014020505050580000001
            f6ed0020fffffffc0505050504040404000b2203c0a80a0004040404800000011e7d001cffffff000000001e000b22030a000a000404
            040480000001d631001cfffffffc00000014000b22030a0000000404040480000001e03b001cfffffffc0000000a000b220402020202
            04040404800000016fa0001c000000000000001400c52005ac100300020202028000000128600024ffffff0080000064000000000000
            000000c52005ac100200020202028000000133560024ffffff0080000064000000000000000000c52005ac1001000202020280000001
            3e4c0024ffffff0080000064000000000000000000c52005ac100000020202028000000137570024fffffffc80000064000000000000
            0000""";
    /** tcpdump/ospf-gmpls.pcap frame 1 (BSD NULL link): an opaque traffic-engineering LSA with a Link TLV. */
    static final String TE_LSA = """
            0200000045c000ac0fd4000001599f3b28230102e0000005020400980afff52300000000a98a00000000000000000000000000010009
            020a010000080afff52580000002783e007c000200640001000101000000000200040afff545000300040a098e01000400040a098e02
            000500040000003f000600044c9450c0000700044c9450c0000800204c9450c04c9450c04c9450c04c9450c04c9450c04c9450c04c94
            50c04c9450c00009000400000000""";
    /**
     * tcpdump/OSPFv3_broadcast_adjacency.pcap frame 15: OSPFv3 LS Update with router, inter-area prefix, link and
     * intra-area prefix LSAs.
     */
    static final String UPDATE_V3 = """
            c2011ffa0001c2001ffa000186dd6e00000001205901fe800000000000000000000000000001fe800000000000000000000000000002
            030401200101010100000001e55600000000000700282001000000000101010180000002d13a00180100003300292003000000030101
            010180000001625900240000004a4000000020010db80000000300292003000000020101010180000001baf600240000005440000000
            20010db80000000400292003000000010101010180000001eba000240000004a4000000020010db80000003400292003000000000101
            0101800000010ebd0024000000404000000020010db800000000002300080000000501010101800000023d08003801000033fe800000
            000000000000000000000001000000014000000020010db80000001200232009000000000101010180000001e8d2002c000120010000
            0000010101014000000a20010db800000012""";
    /** tcpdump/OSPFv2_Capture_FINAL.pcapng frame 18: an LS Request. */
    static final String REQUEST_V2 = """
            0025456017c1001e7a793f10080045c000480912000001593c0bc0a8792ac0a8790502030024c0a8ff0b000000000000000200000110
            5a83413f00000001c0a8ff0bc0a8ff0bf356bd707c46444892fa77fff3228e282de34ed9""";
    /** Built: simple password; NSSA (P bit), router information, router LSA with a TOS metric, summary with TOS. */
    static final String BUILT_V2 = """
            01005e000005001122334455080045c000c400010000015900000a0000010a000002020400b001010101000000000000000173656372
            657400000000000400050807c0a80500020202028000000312340024ffffff00800000140a0000090000004d00050a0a040000000202
            0202800000031234001c000100046000000000050a0102020202020202028000000312340034830000020a000000ffffff0003010005
            08000007090909090a0000020100000100050a030a010000020202028000000312340020ffff00000000000908000007""";
    /** Built: an LS Request with an unknown authentication type 7. */
    static final String UNKNOWN_AUTH = """
            01005e000005001122334455080045c0004400010000015900000a0000010a0000020203003001010101000000000000000761626364
            65666768000000010202020202020202000000050303030304040404""";
    /** Built: OSPFv3 LS Update with router links, inter-area router, AS-external (F, T, reference), NSSA, network. */
    static final String BUILT_V3 = """
            33330000000500112233445586dd6e00000000ec5901fe800000000000000000000000000001ff020000000000000000000000000005
            030400ec0101010100000001000000000000000580052001000000000303030380000004abcd0038030000330100000a000000050000
            0006040404040200001400000007000000080505050580052004000000010303030380000004abcd0020000000130000001e06060606
            80054005000000020303030380000004abcd003c070000283008200120010db80001000020010db80000000000000000000000990000
            04d20707070780052007000000030303030380000004abcd0024000000294001000020010db800020000800520020000000503030303
            80000004abcd0020000000130101010102020202""";

    @Test void helloWithCryptographicAuthentication() {
        Frame f = decode(1, HELLO_CRYPT_LLS);
        assertEquals("Ethernet:IPv4:OSPF", f.protochain());
        assertCells(f, "ospf.version=2", "ospf.msg=1", "ospf.msg.hello=1", "ospf.packet_length=52",
                "ospf.srcrouter=192.168.255.15", "ospf.area_id=0.0.0.0", "ospf.checksum=0x0000", "ospf.auth.type=2",
                "ospf.auth.crypt.key_id=1", "ospf.auth.crypt.data_length=16", "ospf.auth.crypt.seq_nbr=1518551314",
                "ospf.auth.crypt.data=91b01c6bd6c7093c11861e76334ba858", "ospf.hello.network_mask=255.255.255.0",
                "ospf.hello.active_neighbor=192.168.255.11,192.168.255.14", "ospf.v2.options=0x12",
                "ospf.v2.options.l=1", "ospf.lls.data_length=36", "ospf.tlv_type=1,2",
                "ospf.v2.lls.sequence_number=0x5a834112", "ospf.v2.lls.auth_data=62a849db4649604c9fda6c0a9fdf2586");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void updateWithEveryV2Kind() {
        Frame f = decode(1, UPDATE_V2);
        assertCells(f, "ospf.ls.number_of_lsas=11", "ospf.lsa=1,1,2,3,3,3,4,5,5,5,5",
                "ospf.lsa.id=5.5.5.5,4.4.4.4,10.0.20.2,192.168.10.0,10.0.10.0,10.0.0.0,2.2.2.2,172.16.3.0,172.16.2.0,"
                        + "172.16.1.0,172.16.0.0",
                "ospf.lsa.router.linkid=192.168.20.0,10.0.20.2,10.0.20.0", "ospf.lsa.router.linktype=3,2,3",
                "ospf.lsa.router.metric0=10,10,10", "ospf.lsa.network.attchrtr=5.5.5.5,4.4.4.4",
                "ospf.lsa.asbr.netmask=255.255.255.0,255.255.255.252,255.255.255.252,0.0.0.0",
                "ospf.metric=30,20,10,20,100,100,100,100", "ospf.lsa.asext.type=1,1,1,1",
                "ospf.lsa.asext.extrttag=0,0,0,0", "ospf.v2.router.lsa.flags.b=0,1");
    }

    @Test void trafficEngineeringLsa() {
        Frame f = decode(0, TE_LSA);
        assertEquals("NULL:IPv4:OSPF", f.protochain());
        assertCells(f, "ospf.lsa=10", "ospf.lsa.opaque=1", "ospf.lsid_opaque_type=1", "ospf.lsid_te_lsa.instance=8",
                "ospf.lsa.id=", "ospf.advrouter=10.255.245.37", "ospf.tlv_type=2,1,2,3,4,5,6,7,8,9",
                "ospf.tlv_length=100,1,4,4,4,4,4,4,32,4", "ospf.lsa.mpls=1");
    }

    @Test void updateV3() {
        Frame f = decode(1, UPDATE_V3);
        assertEquals("Ethernet:IPv6:OSPF", f.protochain());
        assertCells(f, "ospf.version=3", "ospf.instance_id=0", "ospf.ls.number_of_lsas=7",
                "ospf.v3.lsa=0x2001,0x2003,0x2003,0x2003,0x2003,0x0008,0x2009",
                "ospf.v3.lsa.s12=0x0001,0x0001,0x0001,0x0001,0x0001,0x0000,0x0001", "ospf.v3.router.lsa.flags.b=1",
                "ospf.metric=74,84,74,64,10", "ospf.prefix_length=64,64,64,64,64,64",
                "ospf.v3.address_prefix.ipv6=2001:db8:0:3::,2001:db8:0:4::,2001:db8:0:34::,2001:db8::,"
                        + "2001:db8:0:12::,2001:db8:0:12::",
                "ospf.v3.lsa.link_local_interface_address.ipv6=fe80::1",
                "ospf.v3.lsa.referenced_advertising_router=1.1.1.1", "ospf.v3.options=0x000033,0x000033");
    }

    @Test void lsRequest() {
        Frame f = decode(1, REQUEST_V2);
        assertCells(f, "ospf.msg=3", "ospf.lsa=1", "ospf.link_state_id=192.168.255.11",
                "ospf.advrouter=192.168.255.11");
    }

    @Test void builtV2Kinds() {
        Frame f = decode(1, BUILT_V2);
        assertCells(f, "ospf.auth.simple=secret", "ospf.v2.options.p=1", "ospf.v2.options.n=1,1,1",
                "ospf.lsa.tos=0,0,8", "ospf.lsa.asext.fwdaddr=10.0.0.9", "ospf.tlv_type.opaque=1",
                "ospf.lsa.router.nummetrics=1,0", "ospf.v2.router.lsa.flags.h=1", "ospf.lsa=7,10,1,3");
        Frame g = decode(1, UNKNOWN_AUTH);
        assertCells(g, "ospf.auth.type=7", "ospf.auth.unknown=6162636465666768", "ospf.lsa=1,5");
    }

    @Test void builtV3Kinds() {
        Frame f = decode(1, BUILT_V3);
        assertCells(f, "ospf.v3.lsa.type=1,2", "ospf.v3.lsa.neighbor_router_id=4.4.4.4,5.5.5.5",
                "ospf.v3.lsa.destination_router_id=6.6.6.6", "ospf.v3.as.external.flags=0x07,0x00",
                "ospf.v3.lsa.forwarding_address.ipv6=2001:db8::99", "ospf.v3.lsa.external_route_tag=1234",
                "ospf.v3.lsa.referenced_link_state_id=7.7.7.7", "ospf.v3.lsa.attached_router=1.1.1.1,2.2.2.2",
                "ospf.v3.address_prefix.ipv6=2001:db8:1::,2001:db8:2::", "ospf.v3.lsa.do_not_age=1,1,1,1,1");
    }

    /** Malformed: the LS Update cut in its third LSA: the first two stay, the rest is an anomaly. */
    @Test void updateCutShort() {
        Frame f = decode(1, Arrays.copyOf(hex(UPDATE_V2), 34 + 24 + 4 + 48 + 36 + 10), 434);
        assertCells(f, "ospf.packet_length=400", "ospf.lsa=1,1", "ospf.lsa.router.linkid=192.168.20.0,10.0.20.2,"
                + "10.0.20.0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: the header cut at 20 of 24 bytes: no field, an anomaly. */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(UPDATE_V2), 34 + 20), 434);
        assertEquals("Ethernet:IPv4:OSPF", f.protochain());
        assertCells(f, "ospf.version=", "ospf.msg=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an LSA claiming 4 bytes, less than its own header, ends the update. */
    @Test void lsaLengthBelowHeader() {
        byte[] b = hex(UPDATE_V2);
        b[34 + 24 + 4 + 18] = 0;
        b[34 + 24 + 4 + 19] = 4;
        Frame f = decode(1, b, b.length);
        assertCells(f, "ospf.lsa=1", "ospf.lsa.length=4", "ospf.lsa.router.linkid=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }
}
