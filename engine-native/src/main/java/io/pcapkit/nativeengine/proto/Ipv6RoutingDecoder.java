package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IPv6 Routing header (RFC 8200 §4.4) with the type-specific data Wireshark 4.0 decodes: type 0 source route
 * (RFC 2460, deprecated), type 2 Mobile IPv6 home address (RFC 6275), type 3 RPL source route with compressed
 * addresses (RFC 6554), type 4 Segment Routing Header (RFC 8754). Other types keep their data as bytes.
 */
public final class Ipv6RoutingDecoder implements LayerDecoder {
    static final FieldDef NXT = Fields.uint("ipv6.routing.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef LEN = Fields.uint("ipv6.routing.len", "Length", 8);
    static final FieldDef LEN_OCT = Fields.uint("ipv6.routing.len_oct", "Length", 16);
    static final FieldDef TYPE = Fields.uint("ipv6.routing.type", "Type", 8);
    static final FieldDef SEGLEFT = Fields.uint("ipv6.routing.segleft", "Segments Left", 8);
    static final FieldDef UNKNOWN_DATA = Fields.bytes("ipv6.routing.unknown_data", "Type-Specific Data");
    static final FieldDef SRC_RESERVED = Fields.bytes("ipv6.routing.src.reserved", "Reserved");
    static final FieldDef SRC_ADDR = Fields.ipv6("ipv6.routing.src.addr", "Address");
    static final FieldDef MIPV6_RESERVED = Fields.bytes("ipv6.routing.mipv6.reserved", "Reserved");
    static final FieldDef MIPV6_HOME = Fields.ipv6("ipv6.routing.mipv6.home_address", "Home Address");
    static final FieldDef RPL_CMPRI = Fields.masked("ipv6.routing.rpl.cmprI", "Compressed Internal Octets (CmprI)",
            32, 0xF0000000L, Base.DEC);
    static final FieldDef RPL_CMPRE = Fields.masked("ipv6.routing.rpl.cmprE", "Compressed Final Octets (CmprE)",
            32, 0x0F000000L, Base.DEC);
    static final FieldDef RPL_PAD = Fields.masked("ipv6.routing.rpl.pad", "Padding Bytes", 32, 0x00F00000L, Base.DEC);
    static final FieldDef RPL_RESERVED = Fields.masked("ipv6.routing.rpl.reserved", "Reserved", 32, 0x000FFFFFL,
            Base.DEC);
    static final FieldDef RPL_ADDR_COUNT = Fields.define("ipv6.routing.rpl.addr_count", "Total Address Count",
            FieldType.INT, Base.DEC, 32, 0, null, "");
    static final FieldDef RPL_ADDRESS = Fields.bytes("ipv6.routing.rpl.address", "Address");
    static final FieldDef SRH_LAST_ENTRY = Fields.uint("ipv6.routing.srh.last_entry", "Last Entry", 8);
    static final FieldDef SRH_FLAGS = Fields.hex("ipv6.routing.srh.flags", "Flags", 8);
    static final FieldDef SRH_TAG = Fields.bytes("ipv6.routing.srh.tag", "Tag");
    static final FieldDef SRH_ADDR = Fields.ipv6("ipv6.routing.srh.addr", "Address");
    static final FieldDef DEPRECATED = Fields.group("ipv6.routing.deprecated", "Routing header type is deprecated");
    static final FieldDef RPL_FULL_ADDRESS = Fields.ipv6("ipv6.routing.rpl.full_address", "Address");
    static final FieldDef CRH16_CURRENT = Fields.uint("ipv6.routing.crh16.current_sid", "Current SID", 16);
    static final FieldDef CRH16_SID = Fields.uint("ipv6.routing.crh16.sid", "SID", 16);
    static final FieldDef CRH32_CURRENT = Fields.uint("ipv6.routing.crh32.current_sid", "Current SID", 32);
    static final FieldDef CRH32_SID = Fields.uint("ipv6.routing.crh32.sid", "SID", 32);

    @Override public Protocol protocol() { return Protocols.IPV6_ROUTING; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        int hl = Ipv6Extension.prologue(c, off, len, NXT, LEN, LEN_OCT);
        if (hl < 0) return len;
        if (len < hl) return Ipv6Extension.cutShort(c, len, hl);
        int type = c.u8(off + 2);
        c.add(TYPE, type, off + 2, 1);
        c.add(SEGLEFT, c.u8(off + 3), off + 3, 1);
        int end = off + hl;
        switch (type) {
            case 0 -> {
                c.out().beginGroup(DEPRECATED, off + 2, 1); // RFC 5095 deprecated type 0
                c.out().endGroup();
                c.ref(SRC_RESERVED, off + 4, 4);
                for (int a = off + 8; a + 16 <= end; a += 16) c.ref(SRC_ADDR, a, 16);
            }
            case 2 -> {
                c.ref(MIPV6_RESERVED, off + 4, 4);
                if (off + 24 <= end) c.ref(MIPV6_HOME, off + 8, 16);
            }
            case 3 -> rpl(c, off, hl);
            case 4 -> {
                c.add(SRH_LAST_ENTRY, c.u8(off + 4), off + 4, 1);
                c.add(SRH_FLAGS, c.u8(off + 5), off + 5, 1);
                c.ref(SRH_TAG, off + 6, 2);
                for (int a = off + 8; a + 16 <= end; a += 16) c.ref(SRH_ADDR, a, 16);
            }
            case 5, 6 -> compactRouting(c, off, hl, type == 5 ? 2 : 4);
            default -> c.ref(UNKNOWN_DATA, off + 4, hl - 4);
        }
        c.next(Dispatch.IP_PROTO, c.u8(off), -1);
        return hl;
    }

    /**
     * Compact Routing Headers (draft-bonica-6man-comp-rtg-hdr) of 16- or 32-bit SIDs: the SID the segments left
     * count points at, then every SID the header holds.
     */
    private static void compactRouting(DecodeContext c, int off, int hl, int w) {
        int n = (hl - 4) / w, left = c.u8(off + 3);
        FieldDef current = w == 2 ? CRH16_CURRENT : CRH32_CURRENT, sid = w == 2 ? CRH16_SID : CRH32_SID;
        if (left >= n) { // tshark's reading of the current SID fails here, before the list
            c.anomaly(io.pcapkit.model.Anomaly.Kind.BAD_VALUE, off + 3, "segments left " + left + " past the "
                    + n + " SIDs of the compact routing header");
            return;
        }
        int cur = off + 4 + left * w;
        c.add(current, w == 2 ? c.u16(cur) : c.u32(cur), cur, w);
        for (int i = 0; i < n; i++) {
            int at = off + 4 + i * w;
            c.add(sid, w == 2 ? c.u16(at) : c.u32(at), at, w);
        }
    }

    /** RFC 6554: n-1 addresses of 16-CmprI bytes, then the last of 16-CmprE bytes, then Pad bytes. */
    private static void rpl(DecodeContext c, int off, int hl) {
        long w = c.u32(off + 4);
        c.out().addMasked(RPL_CMPRI, w, off + 4, 4);
        c.out().addMasked(RPL_CMPRE, w, off + 4, 4);
        c.out().addMasked(RPL_PAD, w, off + 4, 4);
        c.out().addMasked(RPL_RESERVED, w, off + 4, 4);
        int cmprI = (int) RPL_CMPRI.extract(w), cmprE = (int) RPL_CMPRE.extract(w), pad = (int) RPL_PAD.extract(w);
        int count = (hl - 8 - pad - (16 - cmprE)) / (16 - cmprI) + 1;
        c.add(RPL_ADDR_COUNT, count, off + 4, 4);
        if (count < 0) return;
        int a = off + 8, end = off + hl;
        int dst = Ipv6Extension.ipv6Header(c);
        for (int i = 0; i < count - 1 && a + 16 - cmprI <= end; i++, a += 16 - cmprI) {
            c.ref(RPL_ADDRESS, a, 16 - cmprI);
            fullAddress(c, dst, a, cmprI);
        }
        if (count > 0 && a + 16 - cmprE <= end) {
            c.ref(RPL_ADDRESS, a, 16 - cmprE);
            fullAddress(c, dst, a, cmprE);
        }
    }

    /** The address a compressed one stands for: the IPv6 destination's first {@code elided} bytes, then its own. */
    private static void fullAddress(DecodeContext c, int ip6, int a, int elided) {
        if (ip6 < 0) return;
        byte[] full = new byte[16]; // rare (RPL networks only); an address built from two places needs its own bytes
        for (int k = 0; k < 16; k++) full[k] = (byte) (k < elided ? c.u8(ip6 + 24 + k) : c.u8(a + k - elided));
        c.out().addObject(RPL_FULL_ADDRESS, full, a, 16 - elided);
    }
}
