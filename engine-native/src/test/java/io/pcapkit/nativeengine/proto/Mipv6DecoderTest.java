package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.pcapkit.nativeengine.proto.Built.ascii;
import static io.pcapkit.nativeengine.proto.Built.be;
import static io.pcapkit.nativeengine.proto.Built.cat;
import static io.pcapkit.nativeengine.proto.Built.seq;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mobility Header. Real frames from tcpdump/ipv6_mobility_1.pcap (raw IPv6), zeek/mobile-ipv6/mip6_bu.pcap and
 * tcpdump/mobility_opt_asan.pcap; every message type and mobility option tshark decodes, built from the RFC
 * layouts (RFC 6275, 5568, 5142, 5847, 5846, 6705, 5213, 5555, 5844, 5949, 6463, 6602, 6757, 7148, TS 29.282),
 * checked against live tshark. Expected cells are tshark 4.0's {@code -n -T fields} output.
 */
class Mipv6DecoderTest {
    /** tcpdump/ipv6_mobility_1.pcap frame 9: Binding Update with Authorization Data and PadN. */
    static final String BU = "600000000020874020010db800000000000000000000000120010db80000000000000000000000023b0305"
            + "00000003e880000e10050c8101738d517d516940ec0611010400000000";
    /** tcpdump/ipv6_mobility_1.pcap frame 15: Binding Error. */
    static final String BE = "600000000018874020010db800000000000000000000000120010db80000000000000000000000023b0207"
            + "000000010020010db8000000000000000000000001";
    /** zeek/mobile-ipv6/mip6_bu.pcap frame 1: Binding Update over Ethernet with a PadN. */
    static final String ZEEK_BU = "ffffffffffff00000000000086dd6000000000108740200104f80004000702e081fffe52ffff200104f8"
            + "0004000702e081fffe529a6b3b01050003640025d000000301020000";
    /** tcpdump/mobility_opt_asan.pcap frame 1: 100 of 32896 bytes captured, header length 160 (next header 62). */
    static final String ASAN = "c08023a000df62383d49967586dd650000041c003e00d4007fa1000004000000000062382949967586dd"
            + "7300002c1c7fffffffc3b2a1021305008000007480570f80000200040000000000cc010000fa0000fa0000640c0600f65c225f"
            + "00000001000000";

    @Test void bindingUpdateWithAuthorizationData() {
        Frame f = decode(TestFrames.RAW_IPV6, BU);
        assertEquals("IPv6:MIPv6", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "mip6.proto=59", "mip6.hlen=3", "mip6.mhtype=5", "mip6.reserved=0x00", "mip6.csum=0x0000",
                "mip6.bu.seqnr=1000", "mip6.bu.a_flag=1", "mip6.bu.h_flag=0", "mip6.bu.lifetime=3600",
                "mip6.options.bad_auth=050c8101738d517d516940ec0611", "mip6.bad.auth=8101738d517d516940ec0611",
                "mip6.options.padn=010400000000", "mip6.padn=00000000", "mip6.mobility_opt.len=12,4");
    }

    @Test void bindingError() {
        assertCells(decode(TestFrames.RAW_IPV6, BE), "mip6.mhtype=7", "mip6.hlen=2", "mip6.be.status=1",
                "mip6.be.haddr=2001:db8::1");
    }

    @Test void overEthernet() {
        assertCells(decode(TestFrames.ETHERNET, ZEEK_BU), "mip6.mhtype=5", "mip6.bu.seqnr=37", "mip6.bu.a_flag=1",
                "mip6.bu.lifetime=3", "mip6.options.padn=01020000", "mip6.mobility_opt.len=2");
    }

    /** Malformed: the header length says 160 bytes, 46 were captured; the message is shown, no option. */
    @Test void headerLongerThanTheCapture() {
        byte[] b = hex(ASAN);
        Frame f = decode(TestFrames.ETHERNET, b, 32896);
        assertCells(f, "mip6.proto=2", "mip6.hlen=19", "mip6.bu.seqnr=116", "mip6.bu.b_flag=1",
                "mip6.bu.lifetime=3968", "mip6.mobility_opt.len=", "mip6.options.padn=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an IPv4 Address Acknowledgement of length 1 shows its status, then ends the walk. */
    @Test void optionShorterThanItsLayout() {
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(135, mh(6, "80000009001e", opt(30, "02"), "0100")));
        assertCells(f, "mip6.ba.status=128", "mip6.ipv4aa.sts=2", "mip6.mobility_opt.len=1", "mip6.options.padn=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Every message type and mobility option, against live tshark on every mip6 field and option node. */
    @Test void everyMessageAndOptionAgreesWithTshark() throws IOException {
        String a6 = "20010db8000000000000000000000abc", a4 = "c0000201";
        List<String> frames = new ArrayList<>();
        String[][] messages = {{"0", "0000"}, {"1", cat("0000", seq(0, 8))}, {"2", cat("0000", seq(8, 8))},
                {"3", cat("0005", seq(0, 16))}, {"4", cat("0006", seq(16, 16))}, {"5", "0009ffc0001e"},
                {"6", "80f80009001e"}, {"7", cat("0100", a6)}, {"8", "0003f0000028"}, {"9", "018000030028"},
                {"10", "0000"}, {"11", seq(0, 10)}, {"12", cat("0200", a6, Built.SRC6)}, {"13", "00030000004d"},
                {"14", "0004c001"}, {"15", "00040002"}, {"16", "01020005e001"}, {"16", "020000058000"},
                {"16", "030000050000"}, {"17", "00010000001e"}, {"18", "00018000001e"}, {"19", seq(0, 10)}};
        for (String[] m : messages) frames.add(Built.ipv6(135, mh(Integer.parseInt(m[0]), m[1])));
        List<String> options = List.of(opt(2, "0064"), opt(3, a6), opt(4, "00010002"), opt(5, seq(0, 12)),
                opt(6, cat("0040", a6)), opt(7, "02001122334455"), opt(8, cat("01", ascii("user@example.com"))),
                opt(9, cat("01", be(256, 4), seq(0, 12))), opt(10, cat(be(1500000000, 4), be(500, 4))), opt(11, ""),
                opt(12, seq(0, 10)), opt(13, seq(0, 8)), opt(14, seq(0, 8)), opt(15, ""), opt(16, seq(0, 8)),
                opt(17, cat("8080", "04", ascii("host"))), opt(18, ascii("exp")), opt(19, cat(be(9, 4), "03", ascii("vend"))),
                opt(19, cat(be(10415, 4), "0700", be(77, 4))), opt(19, cat(be(10415, 4), "1000", "21436587f9")),
                opt(20, ascii("internet")), opt(21, cat(be(5, 4), seq(0, 8))), opt(22, cat("0038", a6)), opt(23, "0001"),
                opt(24, "0004"), opt(25, cat("0000", seq(0, 8))), opt(26, a6), opt(27, "00005a0b2c3d8000"),
                opt(28, cat("0000", be(9, 4))), opt(29, cat("6000", a4)), opt(30, cat("0060", a4)),
                opt(31, cat("8000", be(110, 4))), opt(32, cat("0000", a4)), opt(33, cat("0000", be(1234, 4))),
                opt(34, cat("0140", a6)), opt(35, cat("00070080", a4)), opt(35, cat("00080100", a6)),
                opt(36, cat("6000", a4)), opt(37, cat("0060", a4)), opt(38, cat("0000", a4)), opt(39, "0001"),
                opt(40, cat("0000", "1600", "1305", be(10415, 4), "07", "0802", "0102")), opt(41, cat("0100", a6)),
                opt(41, cat("0200", a4)), opt(42, seq(0, 8)), opt(43, "00000000"), opt(46, "0000"),
                opt(47, cat("c000", a6, a4)), opt(48, cat("0001", be(2, 4), be(3, 4), be(4, 4), be(5, 4))),
                opt(49, a4), opt(50, cat("0100", be(1, 4))), opt(51, cat("0080", a6)),
                opt(52, cat("010c8004", ascii("ssid"), "05", ascii("ap-01"), "030501", ascii("abcd"))),
                opt(55, cat("8018", a4)), opt(55, cat("0030", a6)), opt(60, ascii("xy")));
        for (int i = 0; i < options.size(); i += 4) {
            frames.add(Built.ipv6(135, mh(5, "00018000000a", options.subList(i, Math.min(i + 4, options.size()))
                    .toArray(String[]::new))));
        }
        Frame f = decode(TestFrames.ETHERNET, frames.get(12));
        assertCells(f, "mip6.mhtype=12", "mip6.has.num_addrs=2", "mip6.has.address=2001:db8::abc,2001:db8::1");
        List<String> fields = Stream.concat(Fields.all().stream().map(FieldDef::name).filter(n -> n.startsWith("mip6.")),
                Stream.of("mip6.options.pad1")).distinct().toList();
        TsharkOracle.assertAgrees(frames, fields);
    }

    /** An option: type, length, data. */
    static String opt(int type, String data) { return cat(be(type, 1), be(data.length() / 2, 1), data); }

    /** A Mobility Header of {@code type} around the message data and options, padded to 8 bytes with Pad1/PadN. */
    static String mh(int type, String data, String... options) {
        String body = cat(data, cat(options));
        int pad = (8 - (6 + body.length() / 2) % 8) % 8;
        if (pad == 1) body += "00";
        else if (pad > 1) body += cat(be(1, 1), be(pad - 2, 1), "00".repeat(pad - 2));
        return cat("3b", be((6 + body.length() / 2) / 8 - 1, 1), be(type, 1), "00", "1234", body);
    }
}
