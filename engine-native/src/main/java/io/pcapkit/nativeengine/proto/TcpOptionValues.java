package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The values of the TCP options with more than a fixed field or two: SACK (with D-SACK), TCP-AO, Fast Open,
 * Accurate ECN and the RFC 6994 experimental option. Each reads only inside its option, whose bytes the walk in
 * {@link TcpOptions} has checked are present.
 */
final class TcpOptionValues {
    // tshark prints SACK edges relative to the peer's first sequence number, which needs the conversation; we print
    // the absolute edges, which is what tshark prints with -o tcp.relative_sequence_numbers:FALSE
    static final FieldDef SACK_LE = Fields.uint("tcp.options.sack_le", "TCP SACK Left Edge", 32);
    static final FieldDef SACK_RE = Fields.uint("tcp.options.sack_re", "TCP SACK Right Edge", 32);
    static final FieldDef SACK_COUNT = Fields.uint("tcp.options.sack.count", "TCP SACK Count", 8);
    static final FieldDef DSACK_LE = Fields.uint("tcp.options.sack.dsack_le", "TCP D-SACK Left Edge", 32);
    static final FieldDef DSACK_RE = Fields.uint("tcp.options.sack.dsack_re", "TCP D-SACK Right Edge", 32);
    static final FieldDef ACC_ECN = Fields.bytes("tcp.options.acc_ecn", "TCP Option - Accurate ECN");
    static final FieldDef EE0B = Fields.uint("tcp.options.acc_ecn.ee0b", "Accurate ECN Echo ECT(0) Byte Counter", 24);
    static final FieldDef ECEB = Fields.uint("tcp.options.acc_ecn.eceb", "Accurate ECN Echo CE Byte Counter", 24);
    static final FieldDef EE1B = Fields.uint("tcp.options.acc_ecn.ee1b", "Accurate ECN Echo ECT(1) Byte Counter", 24);

    private TcpOptionValues() { }

    /**
     * SACK blocks of 8 bytes; a left edge without its right edge ends the list. {@code ack} is the header's
     * acknowledgment number: RFC 2883 D-SACK is flagged, as Wireshark does, when the first block's right edge is not
     * above it or the first block lies inside the second; an option with no whole block counts as D-SACK too, and
     * reading its edges runs past it, which returns false.
     */
    static boolean sack(DecodeContext c, int p, int olen, long ack) {
        int q = p + 2, rest = olen - 2, n = 0;
        long re0 = 0, le1 = 0, re1 = 0;
        while (rest > 0) {
            if (rest < 4) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, q, "SACK block cut short");
                break;
            }
            long le = c.u32(q);
            c.add(SACK_LE, le, q, 4);
            rest -= 4;
            if (rest < 4) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, q, "SACK block without its right edge");
                break;
            }
            long re = c.u32(q + 4);
            c.add(SACK_RE, re, q + 4, 4);
            rest -= 4;
            if (++n == 1) re0 = re;
            else if (n == 2) { le1 = le; re1 = re; }
            q += 8;
        }
        c.add(SACK_COUNT, n, p, 0);
        boolean dsack = seqDiff(re0, ack) <= 0 || (n > 1 && seqDiff(le1, re0) < 0 && seqDiff(re1, re0) >= 0);
        if (!dsack) return true;
        if (olen >= 6) c.add(DSACK_LE, c.u32(p + 2), p + 2, 4);
        if (olen < 10) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "SACK option of " + olen + " bytes holds no whole block");
            return false;
        }
        c.add(DSACK_RE, c.u32(p + 6), p + 6, 4);
        return true;
    }

    /** Sequence-space comparison (RFC 1982): negative when {@code a} comes before {@code b}. */
    private static int seqDiff(long a, long b) { return (int) (a - b); }

    /** RFC 5925 TCP-AO: key ids, then the MAC. */
    static void authentication(DecodeContext c, int p, int olen) {
        if (olen < 4) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "TCP-AO option length should be >= 4, is " + olen);
            return;
        }
        c.add(TcpOptions.AO_KEYID, c.u8(p + 2), p + 2, 1);
        c.add(TcpOptions.AO_RNEXTKEYID, c.u8(p + 3), p + 3, 1);
        if (olen > 4) c.ref(TcpOptions.AO_MAC, p + 4, olen - 4);
    }

    /** RFC 7413 Fast Open (kind 34): no cookie is a cookie request. */
    static void fastOpen(DecodeContext c, int p, int olen) {
        if (olen == 2) c.ref(TcpOptions.TFO_REQUEST, p, 2);
        else c.ref(TcpOptions.TFO_COOKIE, p + 2, olen - 2);
    }

    /**
     * Accurate ECN byte counters (3 bytes each) in {@code [q, q+n)}: order 0 lists ECT(0), CE, ECT(1), order 1 the
     * reverse. The option is {@code olen} long, {@code fixed} bytes before the counters: any whole number of
     * counters up to three is allowed, anything else is shown bare.
     */
    static void accurateEcn(DecodeContext c, int q, int n, boolean order1, int olen, int fixed) {
        if (n < 0 || n > 9 || n % 3 != 0) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, q - fixed + 1, "Accurate ECN option length should be " + fixed + ", "
                    + (fixed + 3) + ", " + (fixed + 6) + " or " + (fixed + 9) + ", is " + olen);
            return;
        }
        for (int k = 0; k < n / 3; k++) {
            FieldDef d = k == 1 ? ECEB : (k == 0) != order1 ? EE0B : EE1B;
            c.add(d, c.u24(q + 3 * k), q + 3 * k, 3);
        }
    }

    /**
     * RFC 6994 experimental options (kinds 253 and 254): a 16-bit experiment identifier, then its data. Fast Open
     * (0xF989) and Accurate ECN (0xACC0, 0xACC1) are taken apart as Wireshark does; other data is shown as bytes.
     */
    static void experimental(DecodeContext c, int p, int olen) {
        if (olen == 2) return;
        if (olen < 4) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "experimental TCP option too short for its identifier: " + olen);
            return;
        }
        int exid = c.u16(p + 2);
        c.add(TcpOptions.EXP_EXID, exid, p + 2, 2);
        switch (exid) {
            case 0xF989 -> {
                if (olen == 4) c.ref(TcpOptions.TFO_REQUEST, p + 2, 2);
                else c.ref(TcpOptions.TFO_COOKIE, p + 4, olen - 4);
            }
            case 0xACC0, 0xACC1 -> accurateEcn(c, p + 4, olen - 4, exid == 0xACC1, olen, 4);
            default -> { if (olen > 4) c.ref(TcpOptions.EXP_DATA, p + 4, olen - 4); }
        }
    }
}
