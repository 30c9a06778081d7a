package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * OSPFv2 link state advertisements (RFC 2328 A.4, RFC 3101 NSSA, RFC 5250 opaque, RFC 3630 traffic engineering):
 * the 20-byte header, and in LS Updates the body of router, network, summary, ASBR-summary, AS-external and NSSA
 * LSAs. Opaque LSAs show their id split as Wireshark does; a traffic-engineering LSA shows its TLVs' types and
 * lengths, down to the sub-TLVs of a Link TLV. Every loop stops at the LSA's length.
 */
final class OspfLsa {
    static final ValueNames TYPES = ValueNames.of(1, "Router-LSA", 2, "Network-LSA", 3, "Summary-LSA (IP network)",
            4, "Summary-LSA (ASBR)", 5, "AS-External-LSA (ASBR)", 6, "Group Membership LSA", 7, "NSSA AS-External-LSA",
            8, "External Attributes LSA", 9, "Opaque LSA, Link-local scope", 10, "Opaque LSA, Area-local scope",
            11, "Opaque LSA, AS-local scope");
    static final FieldDef TYPE = Fields.uint("ospf.lsa", "LS Type", 8, TYPES);
    static final FieldDef AGE = Fields.masked("ospf.lsa.age", "LS Age (seconds)", 16, 0x7FFF, Base.DEC);
    static final FieldDef DONOTAGE = Fields.masked("ospf.lsa.donotage", "Do Not Age Flag", 16, 0x8000, Base.DEC);
    static final FieldDef[] KINDS = {null, OspfDecoder.present("ospf.lsa.router", "Router LSA"),
            OspfDecoder.present("ospf.lsa.network", "Network LSA"),
            OspfDecoder.present("ospf.lsa.summary", "Summary LSA (IP Network)"),
            OspfDecoder.present("ospf.lsa.asbr", "Summary LSA (ASBR)"),
            OspfDecoder.present("ospf.lsa.asext", "AS-External LSA (ASBR)"),
            OspfDecoder.present("ospf.lsa.member", "Group Membership LSA"),
            OspfDecoder.present("ospf.lsa.nssa", "NSSA AS-External LSA"),
            OspfDecoder.present("ospf.lsa.attr", "External Attributes LSA")};
    static final FieldDef OPAQUE = OspfDecoder.present("ospf.lsa.opaque", "Opaque LSA");
    static final FieldDef MPLS = OspfDecoder.present("ospf.lsa.mpls", "MPLS Traffic Engineering LSA");
    static final FieldDef TLV_TYPE_OPAQUE = Fields.uint("ospf.tlv_type.opaque", "TLV Type", 16);
    static final FieldDef ID = Fields.ipv4("ospf.lsa.id", "Link State ID");
    static final FieldDef OPAQUE_TYPE = Fields.uint("ospf.lsid_opaque_type", "Link State ID Opaque Type", 8);
    static final FieldDef TE_RESERVED = Fields.uint("ospf.lsid_te_lsa.reserved", "Link State ID TE-LSA Reserved", 8);
    static final FieldDef TE_INSTANCE = Fields.uint("ospf.lsid_te_lsa.instance", "Link State ID TE-LSA Instance", 16);
    static final FieldDef OPAQUE_ID = Fields.uint("ospf.lsid.opaque_id", "Link State ID Opaque ID", 24);
    static final FieldDef SEQNUM = Fields.hex("ospf.lsa.seqnum", "Sequence Number", 32);
    static final FieldDef CHKSUM = Fields.hex("ospf.lsa.chksum", "Checksum", 16);
    static final FieldDef LENGTH = Fields.uint("ospf.lsa.length", "Length", 16);
    static final FieldDef ROUTER_FLAGS = Fields.hex("ospf.v2.router.lsa.flags", "Flags", 8);
    static final FieldDef FLAG_H = Fields.flag("ospf.v2.router.lsa.flags.h", "(H) flag", 8, 0x80);
    static final FieldDef FLAG_N = Fields.flag("ospf.v2.router.lsa.flags.n", "(N) flag", 8, 0x10);
    static final FieldDef FLAG_W = Fields.flag("ospf.v2.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8,
            0x08);
    static final FieldDef FLAG_V = Fields.flag("ospf.v2.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04);
    static final FieldDef FLAG_E = Fields.flag("ospf.v2.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02);
    static final FieldDef FLAG_B = Fields.flag("ospf.v2.router.lsa.flags.b", "(B) Area border router", 8, 0x01);
    static final FieldDef NUMBER_OF_LINKS = Fields.uint("ospf.lsa.number_of_links", "Number of Links", 16);
    static final FieldDef LINK_ID = Fields.ipv4("ospf.lsa.router.linkid", "Link ID");
    static final FieldDef LINK_DATA = Fields.ipv4("ospf.lsa.router.linkdata", "Link Data");
    static final FieldDef LINK_TYPE = Fields.uint("ospf.lsa.router.linktype", "Link Type", 8);
    static final FieldDef NUM_METRICS = Fields.uint("ospf.lsa.router.nummetrics", "Number of Metrics", 8);
    static final FieldDef METRIC0 = Fields.uint("ospf.lsa.router.metric0", "0 Metric", 16);
    static final FieldDef NETWORK_NETMASK = Fields.ipv4("ospf.lsa.network.netmask", "Netmask");
    static final FieldDef ATTACHED_ROUTER = Fields.ipv4("ospf.lsa.network.attchrtr", "Attached Router");
    static final FieldDef SUMMARY_NETMASK = Fields.ipv4("ospf.lsa.asbr.netmask", "Netmask");
    static final FieldDef TOS = Fields.uint("ospf.lsa.tos", "TOS", 8);
    static final FieldDef METRIC = Fields.uint("ospf.metric", "Metric", 32);
    static final FieldDef ASEXT_NETMASK = Fields.ipv4("ospf.lsa.asext.netmask", "Netmask");
    static final FieldDef ASEXT_TYPE = Fields.flag("ospf.lsa.asext.type", "External Type", 8, 0x80);
    static final FieldDef FWDADDR = Fields.ipv4("ospf.lsa.asext.fwdaddr", "Forwarding Address");
    static final FieldDef EXTRTTAG = Fields.uint("ospf.lsa.asext.extrttag", "External Route Tag", 32);

    static final int HEADER = 20;
    static final int ROUTER = 1, NETWORK = 2, SUMMARY = 3, ASBR_SUMMARY = 4, AS_EXTERNAL = 5, NSSA = 7;
    static final int OPAQUE_LINK = 9, OPAQUE_AS = 11;
    static final int OPAQUE_TE = 1, OPAQUE_ROUTER_INFORMATION = 4;
    static final int TE_LINK_TLV = 2;

    private OspfLsa() { }

    /**
     * The LSA at {@code at} (the packet ends at {@code end}); with {@code body}, its body too. Returns where the next
     * one starts: after the header alone, or after the LSA's length; {@code at} itself when it cannot go on.
     */
    static int decode(DecodeContext c, int at, int end, boolean body) {
        if (end - at < HEADER) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF LSA header cut short");
            return at;
        }
        int ageWord = c.u16(at);
        c.out().addMasked(AGE, ageWord, at, 2);
        c.out().addMasked(DONOTAGE, ageWord, at, 2);
        int type = c.u8(at + 3);
        OspfOptions.v2(c, at + 2, type == NSSA);
        c.add(TYPE, type, at + 3, 1);
        if (type >= ROUTER && type < KINDS.length) c.add(KINDS[type], 1, at + 3, 1);
        boolean opaque = type >= OPAQUE_LINK && type <= OPAQUE_AS;
        int opaqueType = c.u8(at + 4);
        if (opaque) {
            c.add(OPAQUE, 1, at + 3, 1);
            c.add(OPAQUE_TYPE, opaqueType, at + 4, 1);
            if (opaqueType == OPAQUE_TE) {
                c.add(TE_RESERVED, c.u8(at + 5), at + 5, 1);
                c.add(TE_INSTANCE, c.u16(at + 6), at + 6, 2);
            } else {
                c.add(OPAQUE_ID, c.u24(at + 5), at + 5, 3);
            }
        } else {
            c.add(ID, c.u32(at + 4), at + 4, 4);
        }
        c.add(OspfDecoder.ADVROUTER, c.u32(at + 8), at + 8, 4);
        c.add(SEQNUM, c.u32(at + 12), at + 12, 4);
        c.add(CHKSUM, c.u16(at + 16), at + 16, 2);
        int length = c.u16(at + 18);
        c.add(LENGTH, length, at + 18, 2);
        if (!body) return at + HEADER;
        if (length < HEADER) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, at + 18, "OSPF LSA length " + length + " below its header");
            return at;
        }
        int stop = Math.min(end, at + length);
        if (at + length > end) c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF LSA of " + length + " bytes cut short");
        int b = at + HEADER;
        switch (type) {
            case ROUTER -> router(c, b, stop);
            case NETWORK -> {
                if (stop - b >= 4) c.add(NETWORK_NETMASK, c.u32(b), b, 4);
                for (b += 4; stop - b >= 4; b += 4) c.add(ATTACHED_ROUTER, c.u32(b), b, 4);
            }
            case SUMMARY, ASBR_SUMMARY -> {
                if (stop - b >= 4) c.add(SUMMARY_NETMASK, c.u32(b), b, 4);
                for (b += 4; stop - b >= 4; b += 4) {
                    c.add(TOS, c.u8(b), b, 1);
                    c.add(METRIC, c.u24(b + 1), b + 1, 3);
                }
            }
            case AS_EXTERNAL, NSSA -> {
                if (stop - b >= 4) c.add(ASEXT_NETMASK, c.u32(b), b, 4);
                for (b += 4; stop - b >= 12; b += 12) {
                    int e = c.u8(b);
                    c.out().addMasked(ASEXT_TYPE, e, b, 1);
                    c.add(TOS, e & 0x7F, b, 1);
                    c.add(METRIC, c.u24(b + 1), b + 1, 3);
                    c.add(FWDADDR, c.u32(b + 4), b + 4, 4);
                    c.add(EXTRTTAG, c.u32(b + 8), b + 8, 4);
                }
            }
            default -> {
                if (opaque && opaqueType == OPAQUE_TE) {
                    trafficEngineering(c, b, stop);
                    c.add(MPLS, 1, b, 2);
                } else if (opaque && opaqueType == OPAQUE_ROUTER_INFORMATION) {
                    routerInformation(c, b, stop);
                }
            }
        }
        return at + length;
    }

    /** A router LSA's flags and links, each link's TOS metrics skipped as Wireshark 4.0 shows none of them. */
    private static void router(DecodeContext c, int b, int stop) {
        if (stop - b < 4) return;
        int flags = c.u8(b);
        c.out().beginGroup(ROUTER_FLAGS, flags, b, 1);
        c.out().addMasked(FLAG_H, flags, b, 1);
        c.out().addMasked(FLAG_N, flags, b, 1);
        c.out().addMasked(FLAG_W, flags, b, 1);
        c.out().addMasked(FLAG_V, flags, b, 1);
        c.out().addMasked(FLAG_E, flags, b, 1);
        c.out().addMasked(FLAG_B, flags, b, 1);
        c.out().endGroup();
        int links = c.u16(b + 2);
        c.add(NUMBER_OF_LINKS, links, b + 2, 2);
        b += 4;
        for (int i = 0; i < links && stop - b >= 12; i++) {
            int metrics = c.u8(b + 9);
            c.add(LINK_ID, c.u32(b), b, 4);
            c.add(LINK_DATA, c.u32(b + 4), b + 4, 4);
            c.add(LINK_TYPE, c.u8(b + 8), b + 8, 1);
            c.add(NUM_METRICS, metrics, b + 9, 1);
            c.add(METRIC0, c.u16(b + 10), b + 10, 2);
            b += 12 + 4 * metrics;
        }
    }

    /** RFC 7770 router information TLVs: type and length of each, values padded to 4 octets. */
    private static void routerInformation(DecodeContext c, int b, int stop) {
        for (int n = 0; stop - b >= 4 && n < c.maxOptions(); n++) {
            int length = c.u16(b + 2);
            c.add(TLV_TYPE_OPAQUE, c.u16(b), b, 2);
            c.add(OspfLls.TLV_LENGTH, length, b + 2, 2);
            b += 4 + ((length + 3) & ~3);
        }
    }

    /** RFC 3630 TLVs: type and length of each, and of the sub-TLVs of a Link TLV; values padded to 4 octets. */
    private static void trafficEngineering(DecodeContext c, int b, int stop) {
        for (int n = 0; stop - b >= 4 && n < c.maxOptions(); n++) {
            int type = c.u16(b), length = c.u16(b + 2);
            c.add(OspfLls.TLV_TYPE, type, b, 2);
            c.add(OspfLls.TLV_LENGTH, length, b + 2, 2);
            int v = b + 4, vEnd = Math.min(stop, v + length);
            if (type == TE_LINK_TLV) {
                for (int s = v, k = 0; vEnd - s >= 4 && k < c.maxOptions(); k++) {
                    int subLength = c.u16(s + 2);
                    c.add(OspfLls.TLV_TYPE, c.u16(s), s, 2);
                    c.add(OspfLls.TLV_LENGTH, subLength, s + 2, 2);
                    s += 4 + ((subLength + 3) & ~3);
                }
            }
            b = v + ((length + 3) & ~3);
        }
    }
}
