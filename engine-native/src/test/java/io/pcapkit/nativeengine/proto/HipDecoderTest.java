package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.pcapkit.nativeengine.proto.Built.ascii;
import static io.pcapkit.nativeengine.proto.Built.be;
import static io.pcapkit.nativeengine.proto.Built.cat;
import static io.pcapkit.nativeengine.proto.Built.seq;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HIP. Real frames from cutehip/hip.pcap (a HIPv2 base exchange over IPv4); the parameters that capture lacks are
 * built from the RFC 7401 / 5206 / 5203 / 5204 / 5770 layouts and checked against live tshark. Expected cells are
 * tshark 4.0's {@code -n -T fields} output for the same bytes.
 */
class HipDecoderTest {
    /** cutehip/hip.pcap frame 3: I1 with one (unknown to tshark) DH_GROUP_LIST parameter. */
    static final String I1 = "0e32ce7de5c50e32ce7de5c608004500004cd0160000808b68a0c0a84010c0a8400f3b060121645500002001"
            + "002117ff0234b200ad270767f466200100211010fb60685eada017cf598701ff000607090803040a000000000000";
    /** cutehip/hip.pcap frame 40: R2 with ESP_INFO, HIP_MAC_2 and HIP_SIGNATURE_2. */
    static final String R2 = "0e32ce7de5c60e32ce7de5c508004500017c0e690000808b291ec0a8400fc0a840103b2c0421322d00002001"
            + "00211010fb60685eada017cf59872001002117ff0234b200ad270767f4660041000c0000008000000000281f460ff0810020883d"
            + "24f7741d596688bff9ff9e093c530f35c015cb83d6848b940a12f7d7571d00000000f0c1010200055e262d960dffdcf9399b30"
            + "cae750996f72c296a2aa550d750cb19fb15e330c126c3108bec0c44d094bf4e653484263f0eb671fcfdb28ecc14467d9694fce"
            + "f2ba5cda2951d691de26c2b6b1f63497a8948f1565bd1f5a41313c71c354eeffa5d496cac077739847bec996bcda871e79a230"
            + "2da93f573732d8191d4a5ee824e2cdfc16a47f9222c0af43a7c8d8d88219d7c21519e7adb6dec56461627cc305d98c8e206cfc"
            + "6a5b092e119d22b5d252c53505de71c8f0a171011eccdaec3fc219e97598ca24496b08238cee3d03ba7460f62d910e793e6711"
            + "877304951045cb6d8aec884dce8e1cec61fd4e1b89f5d33d4451f5e1840fc0aa89eac7a46fbea033240000";

    @Test void i1() {
        Frame f = decode(TestFrames.ETHERNET, I1);
        assertEquals("Ethernet:IPv4:HIP", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "hip.proto=59", "hip.hdr_len=6", "hip.shim6_fixed_p=0", "hip.packet_type=1", "hip.version=2",
                "hip.shim6_fixed_s=1", "hip.checksum=0x6455", "hip.checksum.status=1", "hip.controls=0x0000",
                "hip.controls.a=0", "hip.hit_sndr=2001002117ff0234b200ad270767f466",
                "hip.hit_rcvr=200100211010fb60685eada017cf5987", "hip.type=511");
    }

    @Test void r2() {
        Frame f = decode(TestFrames.ETHERNET, R2);
        assertCells(f, "hip.packet_type=4", "hip.hdr_len=44", "hip.checksum=0x322d", "hip.checksum.status=1",
                "hip.type=65,61569,61633", "hip.tlv_esp_info_reserved=0x0000", "hip.tlv_esp_info_key_index=0x0080",
                "hip.tlv_esp_info_old_spi=0x00000000", "hip.tlv_esp_info_new_spi=0x281f460f",
                "hip.tlv.hmac=883d24f7741d596688bff9ff9e093c530f35c015cb83d6848b940a12f7d7571d", "hip.tlv.sig_alg=0");
    }

    @Test void badChecksumIsAnAnomaly() {
        Frame f = decode(TestFrames.ETHERNET, TestFrames.change(I1, 38, "6456"));
        assertCells(f, "hip.checksum=0x6456", "hip.checksum.status=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_CHECKSUM));
    }

    /** Malformed: the header length claims 168 bytes, 48 are there; the parameter present is shown, then it stops. */
    @Test void headerLengthPastThePacket() {
        String hip = cat("3b14", "0121", "0000", "0000", seq(0, 32), tlv(385, be(5, 4)));
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(139, hip));
        assertCells(f, "hip.hdr_len=20", "hip.type=385", "hip.tlv_seq_update_id=0x00000005");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an empty DIFFIE_HELLMAN parameter ends the capture; its group would lie past the bytes. */
    @Test void emptyDiffieHellmanAtTheEnd() {
        String hip = cat("3b05", "0121", "0000", "0000", seq(0, 32), "02010000");
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(139, hip));
        assertCells(f, "hip.hdr_len=5", "hip.type=513", "hip.tlv.dh_group_id="); // tshark: the same, then "Malformed"
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Every parameter type tshark decodes, built from the RFC layouts, against live tshark on every hip field. */
    @Test void everyParameterAgreesWithTshark() throws IOException {
        String a = "20010db8000000000000000000000abc";
        String loc0 = cat("01000480", be(7200, 4), a);
        String loc1 = cat("02010500", be(3600, 4), be(0x1234, 4), a);
        String loc2 = cat("00020700", be(10, 4), be(50500, 2), "11", "01", "7e0000ff", be(0xabcd, 4), a);
        String rsa = cat("0202ff05", "03", "010001", seq(100, 16));
        String hostRsa = cat(be(rsa.length() / 2, 2), be((1 << 12) | 12, 2), rsa, ascii("host.example"));
        String dsa = cat("0201ff03", "00", seq(0, 20), seq(0, 64), seq(64, 64), seq(128, 64));
        String hostDsa = cat(be(dsa.length() / 2, 2), "0000", dsa);
        List<String> frames = List.of(
                Built.ipv6(139, hip(16, tlv(128, cat("00000000", seq(0, 8))), tlv(193, cat(loc0, loc1, loc2)),
                        tlv(385, be(5, 4)), tlv(449, cat(be(5, 4), be(6, 4))), tlv(577, "00010005"),
                        tlv(608, "000000010002"), tlv(610, be(200, 4)), tlv(641, cat("00000000", seq(0, 16))))),
                Built.ipv6(139, hip(17, tlv(705, hostRsa), tlv(705, hostDsa), tlv(768, cat("01020101", ascii("CERT"))),
                        tlv(832, "0000000e0102"), tlv(897, ascii("echo")), tlv(63425, ascii("resp12")),
                        tlv(930, "01ff0102"), tlv(932, "0a01"), tlv(934, "0a02"), tlv(936, "0102"),
                        tlv(950, cat(be(10500, 2), "1100", a)))),
                Built.ipv6(139, hip(18, tlv(511, "0709"), tlv(513, cat("09", "0004", ascii("abcd"))), tlv(2049, "0fff"),
                        tlv(4095, "000000090008"), tlv(63998, cat(be(1000, 2), "1100", a)),
                        tlv(64002, cat(be(2000, 2), "1100", a)), tlv(65498, a), tlv(65502, cat(a, Built.SRC6)),
                        tlv(65520, seq(0, 20)), tlv(65500, seq(0, 20)), tlv(61569, seq(0, 32)),
                        tlv(61697, cat("05", seq(0, 40))))));
        Frame f = decode(TestFrames.ETHERNET, frames.get(0));
        assertCells(f, "hip.checksum.status=1", "hip.tlv.locator_type=0,1,2", "hip.tlv.locator_spi=0x00001234,0x0000abcd",
                "hip.tlv.locator_port=50500", "hip.tlv.r1_counter=0001020304050607", "hip.tlv_ack_updid=0x00000005,0x00000006");
        assertCells(decode(TestFrames.ETHERNET, frames.get(1)), "hip.fqdn=host.example", "hip.tlv.host_id_e=010001",
                "hip.tlv.reg_type=1,2,1,2,2", "hip.tlv.notification_type=14");
        List<String> fields = Fields.all().stream().map(FieldDef::name).filter(n -> n.startsWith("hip.")).toList();
        TsharkOracle.assertAgrees(frames, fields);
    }

    /** A parameter: type, length, contents, zero padding to 8 bytes (RFC 7401 §5.2.1). */
    static String tlv(int type, String value) {
        return Built.padTo(cat(be(type, 2), be(value.length() / 2, 2), value), 8);
    }

    /** A HIPv2 header of packet type {@code type} around the parameters, checksum set for {@link Built#ipv6}. */
    static String hip(int type, String... params) {
        String body = cat(params);
        String h = cat("3b", be((40 + body.length() / 2) / 8 - 1, 1), be(type, 1), "21", "0000", "0000",
                seq(0, 16), seq(16, 16), body);
        return Built.put(h, 4, be(Built.ipv6Checksum(139, h), 2));
    }
}
