package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The IPv6 options Wireshark 4.0 decodes beyond RFC 8200's own: SMF duplicate packet detection (RFC 6621), DFF
 * (RFC 6971), MPL (RFC 7731), PDM (RFC 8250), Path MTU (RFC 9268), TPF information, and IOAM (RFC 9486, in
 * {@link Ipv6IoamOption}); also which options belong in which header, as tshark marks them. {@code d} is the
 * option's data and {@code n} its length byte; bytes a layout leaves over are {@code ipv6.opt_unknown_data}.
 */
final class Ipv6MoreOptions {
    static final FieldDef HEADER_MISMATCH = Fields.group("ipv6.opt.header_mismatch", "Wrong options extension header for type");
    static final FieldDef DEPRECATED = Fields.group("ipv6.opt.deprecated", "Option type is deprecated");
    static final FieldDef UNKNOWN_DATA = Fields.bytes("ipv6.opt_unknown_data", "Unknown Data");
    static final FieldDef SMF_H = Fields.flag("ipv6.opt.smf_dpd.hash_bit", "H-bit", 8, 0x80);
    static final FieldDef SMF_TID_TYPE = Fields.masked("ipv6.opt.smf_dpd.tid_type", "TaggerID Type", 8, 0x70, Base.DEC);
    static final FieldDef SMF_TID_LEN = Fields.masked("ipv6.opt.smf_dpd.tid_len", "TaggerID Length", 8, 0x0F, Base.DEC);
    static final FieldDef SMF_TAGGER = Fields.bytes("ipv6.opt.smf_dpd.tagger_id", "TaggerID");
    static final FieldDef SMF_IDENT = Fields.bytes("ipv6.opt.smf_dpd.ident", "Identifier");
    static final FieldDef SMF_HAV = Fields.bytes("ipv6.opt.smf_dpd.hav", "Hash Assist Value");
    static final FieldDef DFF_FLAGS = Fields.hex("ipv6.opt.dff.flags", "Flags", 8);
    static final FieldDef DFF_VER = Fields.masked("ipv6.opt.dff.flag.ver", "Version (VER)", 8, 0xC0, Base.DEC);
    static final FieldDef DFF_DUP = Fields.flag("ipv6.opt.dff.flag.dup", "Duplicate (DUP)", 8, 0x20);
    static final FieldDef DFF_RET = Fields.flag("ipv6.opt.dff.flag.ret", "Return (RET)", 8, 0x10);
    static final FieldDef DFF_RSV = Fields.masked("ipv6.opt.dff.flag.rsv", "Reserved", 8, 0x0F, Base.HEX);
    static final FieldDef DFF_SEQ = Fields.define("ipv6.opt.dff.sequence_number", "Sequence Number",
            io.pcapkit.model.FieldType.UINT, Base.DEC_HEX, 16, 0, null, "");
    static final FieldDef MPL_FLAG = Fields.hex("ipv6.opt.mpl.flag", "Flag", 8);
    static final FieldDef MPL_S = Fields.masked("ipv6.opt.mpl.flag.s", "Seed ID Length", 8, 0xC0, Base.DEC);
    static final FieldDef MPL_M = Fields.flag("ipv6.opt.mpl.flag.m", "Largest Sequence", 8, 0x20);
    static final FieldDef MPL_V = Fields.flag("ipv6.opt.mpl.flag.v", "Version", 8, 0x10);
    static final FieldDef MPL_RSV = Fields.masked("ipv6.opt.mpl.flag.rsv", "Reserved", 8, 0x0F, Base.HEX);
    static final FieldDef MPL_SEQ = Fields.hex("ipv6.opt.mpl.sequence", "Sequence", 8);
    static final FieldDef MPL_SEED = Fields.bytes("ipv6.opt.mpl.seed_id", "Seed ID");
    static final FieldDef MPL_SRC_SEED = Fields.group("ipv6.opt.mpl.ipv6_src_seed_id", "Seed ID is the IPv6 Source Address");
    static final FieldDef[] PDM = {Fields.uint("ipv6.opt.pdm.scale_dtlr", "Scale DTLR", 8),
            Fields.uint("ipv6.opt.pdm.scale_dtls", "Scale DTLS", 8),
            Fields.uint("ipv6.opt.pdm.psn_this_pkt", "PSN This Packet", 16),
            Fields.uint("ipv6.opt.pdm.psn_last_recv", "PSN Last Received", 16),
            Fields.uint("ipv6.opt.pdm.delta_last_recv", "Delta Time Last Received", 16),
            Fields.uint("ipv6.opt.pdm.delta_last_sent", "Delta Time Last Sent", 16)};
    static final FieldDef PMTU_MIN = Fields.uint("ipv6.opt.pmtu.min", "Minimum Reported PMTU", 16);
    static final FieldDef PMTU_RTN = Fields.uint("ipv6.opt.pmtu.rtn", "Return Minimum PMTU", 16);
    // an FT_BOOLEAN without a mask in Wireshark: its value is computed, so it is kept as a 0/1 integer here
    static final FieldDef PMTU_R = Fields.uint("ipv6.opt.pmtu.r_flag", "Return Flag", 8);
    static final FieldDef TPF = Fields.hex("ipv6.opt.tpf_information", "TPF Information", 32);

    static final int SMF_DPD = 0x08, PDM_T = 0x0F, PMTU = 0x30, IOAM = 0x31, TPF_T = 0x41, MPL = 0x6D,
            ENDPOINT_ID = 0x8A, DFF = 0xEE;

    private Ipv6MoreOptions() { }

    /** Marks an option that belongs in the other options header (tshark's header mismatch note). */
    static void headerCheck(DecodeContext c, int t, int p) {
        boolean hopByHopOnly = switch (t) {
            case 0x05, 0x07, 0x08, 0x26, 0x30, 0x31, 0x63, 0x6D, 0xC2, 0xEE -> true;
            default -> false;
        };
        boolean destinationOnly = switch (t) {
            case 0x04, 0x0F, 0x41, 0x8B, 0x8C, 0xC9 -> true;
            default -> false;
        };
        boolean hbh = c.currentProtocol() == Protocols.IPV6_HOPOPTS;
        if (hbh ? destinationOnly : hopByHopOnly) {
            c.out().beginGroup(HEADER_MISMATCH, p, 1);
            c.out().endGroup();
        }
        if (t == ENDPOINT_ID) {
            c.out().beginGroup(DEPRECATED, p, 1);
            c.out().endGroup();
        }
    }

    /** True when this class decodes option {@code t}. */
    static boolean knows(int t) {
        return t == SMF_DPD || t == PDM_T || t == PMTU || t == IOAM || t == TPF_T || t == MPL || t == DFF;
    }

    /** The data of option {@code t} at {@code d}, {@code n} bytes. */
    static void body(DecodeContext c, int t, int d, int n) {
        int used = switch (t) {
            case SMF_DPD -> smfDpd(c, d, n);
            case DFF -> {
                if (n < 3) yield 0;
                int f = c.u8(d);
                c.out().beginGroup(DFF_FLAGS, f, d, 1);
                c.out().addMasked(DFF_VER, f, d, 1);
                c.out().addMasked(DFF_DUP, f, d, 1);
                c.out().addMasked(DFF_RET, f, d, 1);
                c.out().addMasked(DFF_RSV, f, d, 1);
                c.out().endGroup();
                c.add(DFF_SEQ, c.u16(d + 1), d + 1, 2);
                yield 3;
            }
            case MPL -> mpl(c, d, n);
            case PDM_T -> {
                if (n < 10) yield 0;
                c.add(PDM[0], c.u8(d), d, 1);
                c.add(PDM[1], c.u8(d + 1), d + 1, 1);
                for (int k = 0; k < 4; k++) c.add(PDM[2 + k], c.u16(d + 2 + 2 * k), d + 2 + 2 * k, 2);
                yield 10;
            }
            case PMTU -> {
                if (n < 4) yield 0;
                c.add(PMTU_MIN, c.u16(d), d, 2);
                int r = c.u16(d + 2);
                c.add(PMTU_RTN, r & 0xFFFE, d + 2, 2);
                c.add(PMTU_R, r & 1, d + 2, 2);
                yield 4;
            }
            case TPF_T -> {
                if (n < 4) yield 0;
                c.add(TPF, c.u32(d), d, 4);
                yield 4;
            }
            case IOAM -> Ipv6IoamOption.decode(c, d, n);
            default -> n;
        };
        if (used < n) c.ref(UNKNOWN_DATA, d + used, n - used);
    }

    /** RFC 6621 §7: the H bit picks a hash assist value or a tagger id (its type and length) and identifier. */
    private static int smfDpd(DecodeContext c, int d, int n) {
        if (n < 1) return 0;
        int b = c.u8(d);
        c.out().addMasked(SMF_H, b, d, 1);
        if ((b & 0x80) != 0) {
            c.ref(SMF_HAV, d, n);
            return n;
        }
        c.out().addMasked(SMF_TID_TYPE, b, d, 1);
        c.out().addMasked(SMF_TID_LEN, b, d, 1);
        int p = 1;
        if ((b & 0x70) != 0) {
            int tl = Math.min((b & 0x0F) + 1, n - 1);
            c.ref(SMF_TAGGER, d + 1, tl);
            p += tl;
        }
        if (p < n) c.ref(SMF_IDENT, d + p, n - p);
        return n;
    }

    /** RFC 7731 §7.2: flags, sequence, then a seed id of 0, 2, 8 or 16 bytes (0: the source address). */
    private static int mpl(DecodeContext c, int d, int n) {
        if (n < 2) return 0;
        int f = c.u8(d);
        c.out().beginGroup(MPL_FLAG, f, d, 1);
        c.out().addMasked(MPL_S, f, d, 1);
        c.out().addMasked(MPL_M, f, d, 1);
        c.out().addMasked(MPL_V, f, d, 1);
        c.out().addMasked(MPL_RSV, f, d, 1);
        c.out().endGroup();
        c.add(MPL_SEQ, c.u8(d + 1), d + 1, 1);
        int seed = switch (f >>> 6) {
            case 1 -> 2;
            case 2 -> 8;
            case 3 -> 16;
            default -> 0;
        };
        if (seed == 0) {
            c.out().beginGroup(MPL_SRC_SEED, d, 1);
            c.out().endGroup();
        } else if (2 + seed <= n) {
            c.ref(MPL_SEED, d + 2, seed);
        }
        return Math.min(n, 2 + seed);
    }
}
