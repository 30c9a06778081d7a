package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The TCP option walk, as Wireshark 4.0 does it: EOL and NOP are one byte each and do not end the walk; any other
 * kind needs a length byte of at least 2 that keeps the option inside the header, else the walk stops there with an
 * anomaly and the segment's payload is still decoded. An option whose length is wrong for its kind shows its kind and
 * length only. Kinds Wireshark registers but we do not take apart (SCPS, SNACK, Riverbed) show kind and length.
 */
final class TcpOptions {
    static final FieldDef OPTIONS = Fields.bytes("tcp.options", "TCP Options");
    static final FieldDef KIND = Fields.uint("tcp.option_kind", "Kind", 8, ValueNames.of(0, "End of Option List (EOL)",
            1, "No-Operation (NOP)", 2, "Maximum Segment Size", 3, "Window Scale", 4, "SACK Permitted", 5, "SACK",
            6, "Echo", 7, "Echo Reply", 8, "Time Stamp Option", 19, "TCP MD5 signature", 28, "User Timeout",
            29, "TCP Authentication Option", 30, "Multipath TCP", 34, "TCP Fast Open Cookie",
            253, "RFC3692-style Experiment 1", 254, "RFC3692-style Experiment 2"));
    static final FieldDef LEN = Fields.uint("tcp.option_len", "Length", 8);

    // One node per option. tshark 4.0 registers these as FT_BYTES pseudo-protocols: -T fields prints their bytes.
    static final FieldDef EOL = Fields.bytes("tcp.options.eol", "TCP Option - End of Option List (EOL)");
    static final FieldDef NOP = Fields.bytes("tcp.options.nop", "TCP Option - No-Operation (NOP)");
    static final FieldDef MSS = Fields.bytes("tcp.options.mss", "TCP Option - Maximum segment size");
    static final FieldDef WSCALE = Fields.bytes("tcp.options.wscale", "TCP Option - Window scale");
    static final FieldDef SACK_PERM = Fields.bytes("tcp.options.sack_perm", "TCP Option - SACK permitted");
    static final FieldDef SACK = Fields.bytes("tcp.options.sack", "TCP Option - SACK");
    static final FieldDef ECHO = Fields.bytes("tcp.options.echo", "TCP Option - Echo");
    static final FieldDef TIMESTAMP = Fields.bytes("tcp.options.timestamp", "TCP Option - Timestamps");
    static final FieldDef CC = Fields.bytes("tcp.options.cc", "TCP Option - CC");
    static final FieldDef MD5 = Fields.bytes("tcp.options.md5", "TCP Option - TCP MD5 signature");
    static final FieldDef SCPS = Fields.bytes("tcp.options.scps", "TCP Option - SCPS capabilities");
    static final FieldDef SNACK = Fields.bytes("tcp.options.snack", "TCP Option - Selective Negative Acknowledgment");
    static final FieldDef SCPSREC = Fields.bytes("tcp.options.scpsrec", "TCP Option - SCPS record boundary");
    static final FieldDef SCPSCOR = Fields.bytes("tcp.options.scpscor", "TCP Option - SCPS corruption experienced");
    static final FieldDef QS = Fields.bytes("tcp.options.qs", "TCP Option - Quick-Start");
    static final FieldDef USER_TO = Fields.bytes("tcp.options.user_to", "TCP Option - User Timeout");
    static final FieldDef AO = Fields.bytes("tcp.options.ao", "TCP Option - TCP AO");
    static final FieldDef TFO = Fields.bytes("tcp.options.tfo", "TCP Option - TCP Fast Open");
    static final FieldDef RVBD_PROBE = Fields.bytes("tcp.options.rvbd.probe", "TCP Option - Riverbed Probe");
    static final FieldDef RVBD_TRPY = Fields.bytes("tcp.options.rvbd.trpy", "TCP Option - Riverbed Transparency");
    static final FieldDef EXPERIMENTAL = Fields.bytes("tcp.options.experimental", "TCP Option - Experimental");
    static final FieldDef UNKNOWN = Fields.bytes("tcp.options.unknown", "TCP Option - Unknown");

    static final FieldDef MSS_VAL = Fields.uint("tcp.options.mss_val", "MSS Value", 16);
    static final FieldDef WSCALE_SHIFT = Fields.uint("tcp.options.wscale.shift", "Shift count", 8);
    static final FieldDef WSCALE_MULTIPLIER = Fields.uint("tcp.options.wscale.multiplier", "Multiplier", 16);
    static final FieldDef ECHO_VALUE = Fields.uint("tcp.options.echo_value", "TCP Echo Option", 32);
    static final FieldDef TSVAL = Fields.uint("tcp.options.timestamp.tsval", "Timestamp value", 32);
    static final FieldDef TSECR = Fields.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply", 32);
    static final FieldDef CC_VALUE = Fields.uint("tcp.options.cc_value", "TCP CC Option", 32);
    static final FieldDef MD5_DIGEST = Fields.bytes("tcp.options.md5.digest", "MD5 digest");
    static final FieldDef QS_RATE = Fields.masked("tcp.options.qs.rate", "QS Rate", 8, 0x0F, Base.DEC);
    static final FieldDef QS_TTL_DIFF = Fields.uint("tcp.options.qs.ttl_diff", "QS Rate", 8);
    static final FieldDef USER_TO_GRANULARITY = Fields.flag("tcp.options.user_to_granularity", "Granularity", 16, 0x8000);
    static final FieldDef USER_TO_VAL = Fields.masked("tcp.options.user_to_val", "User Timeout", 16, 0x7FFF, Base.DEC);
    static final FieldDef AO_KEYID = Fields.uint("tcp.options.ao.keyid", "AO KeyID", 8);
    static final FieldDef AO_RNEXTKEYID = Fields.uint("tcp.options.ao.rnextkeyid", "AO RNextKeyID", 8);
    static final FieldDef AO_MAC = Fields.bytes("tcp.options.ao.mac", "AO MAC");
    // FT_NONE in Wireshark: a node without a value, which tshark prints as 1
    static final FieldDef TFO_REQUEST = Fields.group("tcp.options.tfo.request", "Fast Open Cookie Request");
    static final FieldDef TFO_COOKIE = Fields.bytes("tcp.options.tfo.cookie", "Fast Open Cookie");
    static final FieldDef EXP_EXID = Fields.hex("tcp.options.experimental.exid", "Experiment Identifier", 16,
            ValueNames.of(0xF989, "TCP Fast Open", 0xACC0, "Accurate ECN - Order 0", 0xACC1, "Accurate ECN - Order 1"));
    static final FieldDef EXP_DATA = Fields.bytes("tcp.options.experimental.data", "Data");
    static final FieldDef UNKNOWN_PAYLOAD = Fields.bytes("tcp.options.unknown.payload", "Payload");

    private TcpOptions() { }

    /** What the walk ended on: the end of the header or a bad option length (the payload follows as usual). */
    static final int DONE = 0;
    /** The end of the available bytes: nothing after it can be decoded. */
    static final int CUT = 1;
    /** An option too broken for its values, where Wireshark gives up on the segment: no payload is decoded. */
    static final int BROKEN = 2;

    /**
     * Walks the options of the header at {@code off} ({@code hlen} bytes long, {@code len} of the segment available)
     * and says how the walk ended: {@link #DONE}, {@link #CUT} or {@link #BROKEN}.
     */
    static int decode(DecodeContext c, int off, int hlen, int len) {
        int start = off + 20, end = off + hlen, avail = off + Math.min(hlen, len);
        c.out().beginGroup(OPTIONS, start, avail - start);
        int how = walk(c, off, start, end, avail);
        c.out().endGroup();
        return how;
    }

    private static int walk(DecodeContext c, int off, int start, int end, int avail) {
        int p = start, count = 0;
        while (p < end) {
            if (++count > c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " TCP options");
                return DONE;
            }
            if (p >= avail) return CUT;
            int kind = c.u8(p);
            if (kind == 0 || kind == 1) {
                c.out().beginGroup(kind == 0 ? EOL : NOP, p, 1);
                c.add(KIND, kind, p, 1);
                c.out().endGroup();
                p++;
                continue;
            }
            if (p + 1 >= end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "TCP option " + kind + ": length byte past end of options");
                return DONE;
            }
            if (p + 1 >= avail) return CUT;
            int olen = c.u8(p + 1);
            if (olen < 2 || olen > end - p) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "TCP option " + kind + " has a bad length " + olen
                        + (olen < 2 ? "" : " (past the end of the header)"));
                return DONE;
            }
            if (olen > avail - p) {
                // cut short by the capture: Wireshark shows what is there of it, then gives up on the header
                if (kind == MptcpOption.KIND) MptcpOption.begin(c, p, avail - p);
                else c.out().beginGroup(node(kind), p, avail - p);
                c.add(KIND, kind, p, 1);
                c.add(LEN, olen, p + 1, 1);
                c.out().endGroup();
                return CUT;
            }
            if (!option(c, off, kind, p, olen)) return BROKEN;
            p += olen;
        }
        return DONE;
    }

    /**
     * One whole option of {@code olen} bytes at {@code p}: its node, kind and length, then its values. Returns false
     * when a value Wireshark reads runs past the option (an exception there ends its dissection of the segment).
     */
    private static boolean option(DecodeContext c, int off, int kind, int p, int olen) {
        if (kind == MptcpOption.KIND) return MptcpOption.decode(c, p, olen);
        boolean whole = true;
        c.out().beginGroup(node(kind), p, olen);
        c.add(KIND, kind, p, 1);
        c.add(LEN, olen, p + 1, 1);
        switch (kind) {
            case 2 -> { if (lengthIs(c, kind, p, olen, 4)) c.add(MSS_VAL, c.u16(p + 2), p + 2, 2); }
            case 3 -> {
                if (lengthIs(c, kind, p, olen, 3)) {
                    int shift = c.u8(p + 2);
                    c.add(WSCALE_SHIFT, shift, p + 2, 1);
                    // RFC 7323: a shift over 14 is taken as 14
                    c.add(WSCALE_MULTIPLIER, 1 << Math.min(shift, 14), p + 2, 1);
                }
            }
            case 4, 22, 23 -> lengthIs(c, kind, p, olen, 2);
            case 5 -> whole = TcpOptionValues.sack(c, p, olen, c.u32(off + 8));
            case 6, 7 -> { if (lengthIs(c, kind, p, olen, 6)) c.add(ECHO_VALUE, c.u32(p + 2), p + 2, 4); }
            case 8 -> {
                if (lengthIs(c, kind, p, olen, 10)) {
                    c.add(TSVAL, c.u32(p + 2), p + 2, 4);
                    c.add(TSECR, c.u32(p + 6), p + 6, 4);
                }
            }
            case 11, 12, 13 -> { if (lengthIs(c, kind, p, olen, 6)) c.add(CC_VALUE, c.u32(p + 2), p + 2, 4); }
            case 19 -> { if (lengthIs(c, kind, p, olen, 18)) c.ref(MD5_DIGEST, p + 2, 16); }
            case 27 -> {
                if (lengthIs(c, kind, p, olen, 8)) {
                    c.out().addMasked(QS_RATE, c.u8(p + 2), p + 2, 1);
                    c.add(QS_TTL_DIFF, c.u8(p + 3), p + 3, 1);
                }
            }
            case 28 -> {
                if (lengthIs(c, kind, p, olen, 4)) {
                    int v = c.u16(p + 2);
                    c.out().addMasked(USER_TO_GRANULARITY, v, p + 2, 2);
                    c.out().addMasked(USER_TO_VAL, v, p + 2, 2);
                }
            }
            case 29 -> TcpOptionValues.authentication(c, p, olen);
            case 34 -> TcpOptionValues.fastOpen(c, p, olen);
            case 172, 174 -> TcpOptionValues.accurateEcn(c, p + 2, olen - 2, kind == 174, olen, 2);
            case 253, 254 -> TcpOptionValues.experimental(c, p, olen);
            case 20, 21, 76, 78 -> { }
            default -> { if (olen > 2) c.ref(UNKNOWN_PAYLOAD, p + 2, olen - 2); }
        }
        c.out().endGroup();
        return whole;
    }

    /** Wireshark's tcp_option_len_check: a fixed-length option of the wrong length is an anomaly, shown bare. */
    static boolean lengthIs(DecodeContext c, int kind, int p, int olen, int want) {
        if (olen == want) return true;
        c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "TCP option " + kind + " length should be " + want + ", is " + olen);
        return false;
    }

    /** The node field of option {@code kind}: {@code tcp.options.unknown} for kinds Wireshark 4.0 does not register. */
    static FieldDef node(int kind) {
        return switch (kind) {
            case 0 -> EOL;
            case 1 -> NOP;
            case 2 -> MSS;
            case 3 -> WSCALE;
            case 4 -> SACK_PERM;
            case 5 -> SACK;
            case 6, 7 -> ECHO;
            case 8 -> TIMESTAMP;
            case 11, 12, 13 -> CC;
            case 19 -> MD5;
            case 20 -> SCPS;
            case 21 -> SNACK;
            case 22 -> SCPSREC;
            case 23 -> SCPSCOR;
            case 27 -> QS;
            case 28 -> USER_TO;
            case 29 -> AO;
            case 30 -> MptcpOption.MPTCP;
            case 34 -> TFO;
            case 76 -> RVBD_PROBE;
            case 78 -> RVBD_TRPY;
            case 172, 174 -> TcpOptionValues.ACC_ECN;
            case 253, 254 -> EXPERIMENTAL;
            default -> UNKNOWN;
        };
    }
}
