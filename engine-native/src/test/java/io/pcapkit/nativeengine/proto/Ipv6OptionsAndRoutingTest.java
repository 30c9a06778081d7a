package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.pcapkit.nativeengine.proto.Built.ascii;
import static io.pcapkit.nativeengine.proto.Built.be;
import static io.pcapkit.nativeengine.proto.Built.cat;
import static io.pcapkit.nativeengine.proto.Built.seq;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IPv6 Hop-by-Hop / Destination options and routing types that the corpus lacks (the corpus ones are in
 * {@link Ipv6DecoderTest}), built from their RFC layouts (RFC 6621, 6971, 7731, 8250, 9268, 9486 / 9197, 6554,
 * draft-bonica-6man-comp-rtg-hdr) and checked against live tshark on every ipv6.opt / ipv6.routing field.
 */
class Ipv6OptionsAndRoutingTest {
    static final String A6 = "20010db8000000000000000000000abc", UDP = "03e807d000080000";

    @Test void multicastProtocolForLlnOption() {
        // MPL with a 16-bit seed id, in a Hop-by-Hop header
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(0, options(17, opt(0x6d, "4008abcd")) + UDP));
        assertCells(f, "ipv6.opt.type=0x6d", "ipv6.opt.mpl.flag=0x40", "ipv6.opt.mpl.flag.s=1",
                "ipv6.opt.mpl.sequence=0x08", "ipv6.opt.mpl.seed_id=abcd", "ipv6.opt.header_mismatch=");
    }

    @Test void rplSourceRouteFullAddresses() {
        // RFC 6554: CmprI 8, CmprE 12, pad 4; the elided bytes come from the destination 2001:db8::2
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(43, routing(3, 1, cat("8c400000", seq(0, 8), seq(0, 4), "00000000")) + UDP));
        assertCells(f, "ipv6.routing.rpl.cmprI=8", "ipv6.routing.rpl.cmprE=12", "ipv6.routing.rpl.addr_count=2",
                "ipv6.routing.rpl.address=0001020304050607,00010203",
                "ipv6.routing.rpl.full_address=2001:db8::1:203:405:607,2001:db8::1:203");
    }

    /** Malformed: segments left (2) points past the one SID a compact routing header holds. */
    @Test void compactRoutingSegmentsLeftPastTheList() {
        Frame f = decode(TestFrames.ETHERNET, Built.ipv6(43, routing(6, 2, be(5, 4)) + UDP));
        assertCells(f, "ipv6.routing.type=6", "ipv6.routing.segleft=2", "ipv6.routing.crh32.current_sid=",
                "ipv6.routing.crh32.sid=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }

    @Test void everyOptionAndRoutingTypeAgreesWithTshark() throws IOException {
        List<String> opts = List.of(opt(0x05, "0000"), opt(0x04, "05"), opt(0xc9, A6), opt(0x63, "80010005"),
                opt(0x07, cat(be(3, 4), "00050000")), opt(0x8b, seq(0, 6)), opt(0x8c, cat("03", ascii("abc"))),
                opt(0x1e, "7878"), opt(0x08, "0212 34aabb"), opt(0x08, cat("91", seq(0, 5))), opt(0xee, "380012"),
                opt(0x6d, "0007"), opt(0x6d, "4008abcd"), opt(0x6d, cat("8009", seq(0, 8))), opt(0x6d, cat("c009", A6)),
                opt(0x0f, cat("0304", be(100, 2), be(200, 2), be(300, 2), be(400, 2))), opt(0x30, cat(be(1280, 2), be(1501, 2))),
                opt(0x26, cat("0740", "12345678")), opt(0x26, cat("8740", "12345678")), opt(0x8a, "00000000"),
                opt(0x41, be(0x1234, 4)), opt(0xc2, be(70000, 4)), opt(0x31, "00030102"),
                opt(0x31, cat("0000", be(0x1234, 2), "8084f000", "0080", "00000000", be((64L << 24) | 0x010203, 4),
                        "00010002", be(3, 4), be(4, 4))),
                opt(0x31, cat("0001", be(0x1234, 2), "80000fff", "0000", "00000000")));
        List<String> frames = new ArrayList<>();
        for (String o : opts) {
            frames.add(Built.ipv6(0, options(17, o) + UDP));
            frames.add(Built.ipv6(60, options(17, o) + UDP));
        }
        frames.add(Built.ipv6(43, routing(0, 1, cat("00000000", A6, A6)) + UDP));
        frames.add(Built.ipv6(43, routing(3, 1, cat("8c400000", seq(0, 8), seq(0, 4), "00000000")) + UDP));
        frames.add(Built.ipv6(43, routing(3, 2, cat("00000000", A6, A6)) + UDP));
        frames.add(Built.ipv6(43, routing(4, 1, cat("01000007", A6, A6)) + UDP));
        frames.add(Built.ipv6(43, routing(5, 2, cat(be(1, 2), be(2, 2), be(3, 2), be(4, 2), be(5, 2), be(6, 2))) + UDP));
        frames.add(Built.ipv6(43, routing(6, 1, cat(be(5, 4), be(6, 4), be(7, 4))) + UDP));
        frames.add(Built.ipv6(43, routing(7, 1, "00000000") + UDP));
        List<String> fields = Fields.all().stream().map(FieldDef::name)
                .filter(n -> n.startsWith("ipv6.opt") || n.startsWith("ipv6.routing") || n.startsWith("ipv6.hopopts")
                        || n.startsWith("ipv6.dstopts"))
                .filter(n -> !n.equals("ipv6.opt.calipso.cmpt_bitmap")) // tshark prints <MISSING> for its empty value
                .toList();
        TsharkOracle.assertAgrees(frames, fields);
    }

    static String opt(int type, String data) {
        String d = data.replace(" ", "");
        return cat(be(type, 1), be(d.length() / 2, 1), d);
    }

    /** A Hop-by-Hop / Destination Options header around the options, padded to 8 bytes with Pad1 / PadN. */
    static String options(int nxt, String opts) {
        int n = 2 + opts.length() / 2, pad = (8 - n % 8) % 8;
        String padding = pad == 0 ? "" : pad == 1 ? "00" : cat("01", be(pad - 2, 1), "00".repeat(pad - 2));
        return cat(be(nxt, 1), be((n + pad) / 8 - 1, 1), opts, padding);
    }

    /** A routing header of {@code type} (next header UDP) with its type-specific data. */
    static String routing(int type, int segLeft, String data) {
        return cat("11", be((4 + data.length() / 2) / 8 - 1, 1), be(type, 1), be(segLeft, 1), data);
    }
}
