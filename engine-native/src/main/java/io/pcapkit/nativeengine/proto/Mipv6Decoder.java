package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * The IPv6 Mobility Header (RFC 6275 §6.1) and the message types Wireshark 4.0 decodes: the return-routability and
 * binding messages of Mobile IPv6, FMIPv6's (RFC 5568), Home Agent Switch (RFC 5142), Heartbeat (RFC 5847),
 * Binding Revocation (RFC 5846) and PMIPv6 localized routing (RFC 6705). The mobility options after each
 * message's fixed part are read by {@link MipOptions}.
 */
public final class Mipv6Decoder implements LayerDecoder {
    static final Protocol MIPV6 = Protocols.define("MIPv6", "mipv6", Level.INTERNET);

    static final FieldDef PROTO = Fields.uint("mip6.proto", "Payload protocol", 8, IpProtocol.names());
    static final FieldDef HLEN = Fields.uint("mip6.hlen", "Header length", 8);
    static final FieldDef MHTYPE = Fields.uint("mip6.mhtype", "Mobility Header Type", 8, ValueNames.of(
            0, "Binding Refresh Request", 1, "Home Test Init", 2, "Care-of Test Init", 3, "Home Test",
            4, "Care-of Test", 5, "Binding Update", 6, "Binding Acknowledgement", 7, "Binding Error",
            8, "Fast Binding Update", 9, "Fast Binding Acknowledgment", 10, "Fast Neighbor Advertisement",
            11, "Experimental Mobility Header", 12, "Home Agent Switch", 13, "Heartbeat", 14, "Handover Initiate",
            15, "Handover Acknowledge", 16, "Binding Revocation", 17, "Localized Routing Initiation",
            18, "Localized Routing Acknowledgment"));
    static final FieldDef RESERVED = Fields.hex("mip6.reserved", "Reserved", 8);
    static final FieldDef CSUM = Fields.hex("mip6.csum", "Checksum", 16);
    static final FieldDef BRR = Fields.bytes("mip6.binding_refresh_request", "Binding Refresh Request");
    static final FieldDef HOTI_COOKIE = Fields.hex("mip6.hoti.cookie", "Home Init Cookie", 64);
    static final FieldDef COTI_COOKIE = Fields.hex("mip6.coti.cookie", "Care-of Init Cookie", 64);
    static final FieldDef HOT_NINDEX = Fields.uint("mip6.hot.nindex", "Home Nonce Index", 16);
    static final FieldDef HOT_COOKIE = Fields.hex("mip6.hot.cookie", "Home Init Cookie", 64);
    static final FieldDef HOT_TOKEN = Fields.hex("mip6.hot.token", "Home Keygen Token", 64);
    static final FieldDef COT_NINDEX = Fields.uint("mip6.cot.nindex", "Care-of Nonce Index", 16);
    static final FieldDef COT_COOKIE = Fields.hex("mip6.cot.cookie", "Care-of Init Cookie", 64);
    static final FieldDef BU_SEQNR = Fields.uint("mip6.bu.seqnr", "Sequence number", 16);
    static final FieldDef[] BU_FLAGS = {
            Fields.flag("mip6.bu.a_flag", "Acknowledge (A) flag", 16, 0x8000),
            Fields.flag("mip6.bu.h_flag", "Home Registration (H) flag", 16, 0x4000),
            Fields.flag("mip6.bu.l_flag", "Link-Local Compatibility (L) flag", 16, 0x2000),
            Fields.flag("mip6.bu.k_flag", "Key Management Compatibility (K) flag", 16, 0x1000),
            Fields.flag("mip6.bu.m_flag", "MAP Registration Compatibility (M) flag", 16, 0x0800),
            Fields.flag("mip6.nemo.bu.r_flag", "Mobile Router (R) flag", 16, 0x0400),
            Fields.flag("mip6.bu.p_flag", "Proxy Registration (P) flag", 16, 0x0200),
            Fields.flag("mip6.bu.f_flag", "Forcing UDP encapsulation (F) flag", 16, 0x0100),
            Fields.flag("mip6.bu.t_flag", "TLV-header format (T) flag", 16, 0x0080),
            Fields.flag("mip6.bu.b_flag", "Bulk-Binding-Update flag (B)", 16, 0x0040)};
    static final FieldDef BU_LIFETIME = Fields.uint("mip6.bu.lifetime", "Lifetime", 16);
    static final FieldDef BA_STATUS = Fields.uint("mip6.ba.status", "Status", 8);
    static final FieldDef[] BA_FLAGS = {
            Fields.flag("mip6.ba.k_flag", "Key Management Compatibility (K) flag", 8, 0x80),
            Fields.flag("mip6.nemo.ba.r_flag", "Mobile Router (R) flag", 8, 0x40),
            Fields.flag("mip6.ba.p_flag", "Proxy Registration (P) flag", 8, 0x20),
            Fields.flag("mip6.ba.t_flag", "TLV-header format (T) flag", 8, 0x10),
            Fields.flag("mip6.ba.b_flag", "Bulk-Binding-Update flag (B)", 8, 0x08)};
    static final FieldDef BA_SEQNR = Fields.uint("mip6.ba.seqnr", "Sequence number", 16);
    static final FieldDef BA_LIFETIME = Fields.uint("mip6.ba.lifetime", "Lifetime", 16);
    static final FieldDef BE_STATUS = Fields.uint("mip6.be.status", "Status", 8);
    static final FieldDef BE_HADDR = Fields.ipv6("mip6.be.haddr", "Home Address");
    static final FieldDef FBU_SEQNR = Fields.uint("mip6.fbu.seqnr", "Sequence number", 16);
    static final FieldDef[] FBU_FLAGS = {
            Fields.flag("mip6.fbu.a_flag", "Acknowledge (A) flag", 8, 0x80),
            Fields.flag("mip6.fbu.h_flag", "Home Registration (H) flag", 8, 0x40),
            Fields.flag("mip6.fbu.l_flag", "Link-Local Compatibility (L) flag", 8, 0x20),
            Fields.flag("mip6.fbu.k_flag", "Key Management Compatibility (K) flag", 8, 0x10)};
    static final FieldDef FBU_LIFETIME = Fields.uint("mip6.fbu.lifetime", "Lifetime", 16);
    static final FieldDef FBACK_STATUS = Fields.uint("mip6.fback.status", "Status", 8);
    static final FieldDef FBACK_K = Fields.flag("mip6.fback.k_flag", "Key Management Compatibility (K) flag", 8, 0x80);
    static final FieldDef FBACK_SEQNR = Fields.uint("mip6.fback.seqnr", "Sequence number", 16);
    static final FieldDef FBACK_LIFETIME = Fields.uint("mip6.fback.lifetime", "Lifetime", 16);
    static final FieldDef FNA = Fields.bytes("mip6.fast_neighbor_advertisement", "Fast Neighbor Advertisement");
    static final FieldDef HAS_NUM = Fields.uint("mip6.has.num_addrs", "Number of Addresses", 8);
    static final FieldDef HAS_RESERVED = Fields.hex("mip6.has.reserved", "Reserved", 8);
    static final FieldDef HAS_ADDRESS = Fields.ipv6("mip6.has.address", "Address");
    static final FieldDef HB_U = Fields.flag("mip6.hb.u_flag", "Unsolicited (U) flag", 8, 0x02);
    static final FieldDef HB_R = Fields.flag("mip6.hb.r_flag", "Response (R) flag", 8, 0x01);
    static final FieldDef HB_SEQNR = Fields.uint("mip6.hb.seqnr", "Sequence number", 32);
    static final FieldDef HI_SEQNR = Fields.uint("mip6.hi.seqnr", "Sequence number", 16);
    static final FieldDef HI_S = Fields.flag("mip6.hi.s_flag", "Assigned address configuration flag (S) flag", 8, 0x80);
    static final FieldDef HI_U = Fields.flag("mip6.hi.u_flag", "Buffer flag (U) flag", 8, 0x40);
    static final FieldDef HI_CODE = Fields.uint("mip6.hi.code", "Code", 8);
    static final FieldDef HACK_SEQNR = Fields.uint("mip6.hack.seqnr", "Sequence number", 16);
    static final FieldDef HACK_CODE = Fields.uint("mip6.hack.code", "Code", 8);
    static final FieldDef UNKNOWN_DATA = Fields.bytes("mip6.unknown_type_data", "Message Data");

    static final int BRR_T = 0, HOTI = 1, COTI = 2, HOT = 3, COT = 4, BU = 5, BA = 6, BE = 7, FBU = 8, FBACK = 9,
            FNA_T = 10, EMH = 11, HAS = 12, HB = 13, HI = 14, HACK = 15, BR = 16, LRI = 17, LRA = 18;

    @Override public Protocol protocol() { return MIPV6; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 6) return c.truncated(len, "Mobility Header needs 6 bytes, has " + len);
        int hlen = c.u8(off + 1), type = c.u8(off + 2);
        int hl = (hlen + 1) * 8;
        c.add(PROTO, c.u8(off), off, 1);
        c.add(HLEN, hlen, off + 1, 1);
        c.add(MHTYPE, type, off + 2, 1);
        c.add(RESERVED, c.u8(off + 3), off + 3, 1);
        c.add(CSUM, c.u16(off + 4), off + 4, 2);
        int end = off + Math.min(hl, len);
        int opts = message(c, off, type, hl, end);
        if (opts < 0) return c.truncated(len, "Mobility Header message cut short at " + len + " bytes");
        // tshark opens the options' tree over the whole header length first: when that is not all captured, no
        // option is shown
        if (hl > len) return c.truncated(len, "Mobility Header of " + hl + " bytes has " + len);
        if (opts < hl && !MipOptions.decode(c, off, off + opts, off + hl, end)) {
            return c.truncated(len, "mobility option past the captured bytes");
        }
        c.nextRaw(-1);
        return Math.min(hl, len);
    }

    /**
     * The fixed part of message {@code type}: adds its fields and returns where its options start (from the header's
     * offset), or -1 when a field lies past {@code end}.
     */
    private static int message(DecodeContext c, int off, int type, int hl, int end) {
        int d = off + 6;
        switch (type) {
            case BRR_T -> {
                return has(end, d, 2) ? ref(c, BRR, d, 2, 8) : -1;
            }
            case HOTI, COTI -> {
                if (!has(end, d + 2, 8)) return -1;
                c.add(type == HOTI ? HOTI_COOKIE : COTI_COOKIE, c.u64(d + 2), d + 2, 8);
                return 16;
            }
            case HOT, COT -> {
                if (!has(end, d, 18)) return -1;
                c.add(type == HOT ? HOT_NINDEX : COT_NINDEX, c.u16(d), d, 2);
                c.add(type == HOT ? HOT_COOKIE : COT_COOKIE, c.u64(d + 2), d + 2, 8);
                c.add(HOT_TOKEN, c.u64(d + 10), d + 10, 8); // tshark names the care-of keygen token so too
                return 24;
            }
            case BU -> {
                if (!has(end, d, 6)) return -1;
                c.add(BU_SEQNR, c.u16(d), d, 2);
                int flags = c.u16(d + 2);
                for (FieldDef f : BU_FLAGS) c.out().addMasked(f, flags, d + 2, 2);
                c.add(BU_LIFETIME, c.u16(d + 4), d + 4, 2);
                return 12;
            }
            case BA -> {
                if (!has(end, d, 6)) return -1;
                c.add(BA_STATUS, c.u8(d), d, 1);
                int flags = c.u8(d + 1);
                for (FieldDef f : BA_FLAGS) c.out().addMasked(f, flags, d + 1, 1);
                c.add(BA_SEQNR, c.u16(d + 2), d + 2, 2);
                c.add(BA_LIFETIME, c.u16(d + 4), d + 4, 2);
                return 12;
            }
            case BE -> {
                if (!has(end, d, 18)) return -1;
                c.add(BE_STATUS, c.u8(d), d, 1);
                c.ref(BE_HADDR, d + 2, 16);
                return 24;
            }
            case FBU -> {
                if (!has(end, d, 6)) return -1;
                c.add(FBU_SEQNR, c.u16(d), d, 2);
                int flags = c.u8(d + 2);
                for (FieldDef f : FBU_FLAGS) c.out().addMasked(f, flags, d + 2, 1);
                c.add(FBU_LIFETIME, c.u16(d + 4), d + 4, 2);
                return 12;
            }
            case FBACK -> {
                if (!has(end, d, 6)) return -1;
                c.add(FBACK_STATUS, c.u8(d), d, 1);
                c.out().addMasked(FBACK_K, c.u8(d + 1), d + 1, 1);
                c.add(FBACK_SEQNR, c.u16(d + 2), d + 2, 2);
                c.add(FBACK_LIFETIME, c.u16(d + 4), d + 4, 2);
                return 12;
            }
            case FNA_T -> {
                return has(end, d, 2) ? ref(c, FNA, d, 2, 8) : -1;
            }
            case EMH -> {
                int n = hl - 6; // RFC 5096: the whole message body is experimental data
                if (n > 0 && !has(end, d, n)) return -1;
                if (n > 0) c.ref(MipOptionBodies.EM_DATA, d, n);
                return hl;
            }
            case HAS -> {
                return homeAgentSwitch(c, off, d, end);
            }
            case HB -> {
                if (!has(end, d, 6)) return -1;
                c.out().addMasked(HB_U, c.u8(d + 1), d + 1, 1);
                c.out().addMasked(HB_R, c.u8(d + 1), d + 1, 1);
                c.add(HB_SEQNR, c.u32(d + 2), d + 2, 4);
                return 12;
            }
            case HI -> {
                if (!has(end, d, 4)) return -1;
                c.add(HI_SEQNR, c.u16(d), d, 2);
                c.out().addMasked(HI_S, c.u8(d + 2), d + 2, 1);
                c.out().addMasked(HI_U, c.u8(d + 2), d + 2, 1);
                c.add(HI_CODE, c.u8(d + 3), d + 3, 1);
                return 10;
            }
            case HACK -> {
                if (!has(end, d, 4)) return -1;
                c.add(HACK_SEQNR, c.u16(d), d, 2);
                c.add(HACK_CODE, c.u8(d + 3), d + 3, 1);
                return 10;
            }
            case BR -> {
                return MipMessages.revocation(c, d, end);
            }
            case LRI -> {
                return MipMessages.lri(c, d, end);
            }
            case LRA -> {
                return MipMessages.lra(c, d, end);
            }
            default -> {
                int n = hl - 6;
                if (n > 0 && !has(end, d, n)) return -1;
                if (n > 0) c.ref(UNKNOWN_DATA, d, n);
                return hl;
            }
        }
    }

    /** RFC 5142: the number of addresses, reserved, then the addresses; options follow them (see the return). */
    private static int homeAgentSwitch(DecodeContext c, int off, int d, int end) {
        if (!has(end, d, 2)) return -1;
        int n = c.u8(d);
        c.add(HAS_NUM, n, d, 1);
        c.add(HAS_RESERVED, c.u8(d + 1), d + 1, 1);
        for (int i = 0; i < n; i++) {
            int a = d + 2 + 16 * i;
            if (!has(end, a, 16)) return -1;
            c.ref(HAS_ADDRESS, a, 16);
        }
        return 2 + 16 * n; // tshark forgets the 6 header bytes here: its options start inside the addresses
    }

    static boolean has(int end, int at, int n) { return at + n <= end; }

    private static int ref(DecodeContext c, FieldDef f, int at, int n, int next) {
        c.ref(f, at, n);
        return next;
    }
}
