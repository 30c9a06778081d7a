package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * OSPFv3 link state advertisements (RFC 5340 A.4): the 20-byte header with the LS type split into U bit, flooding
 * scope and function code, and in LS Updates the bodies of router, network, inter-area prefix, inter-area router,
 * AS-external, NSSA, link and intra-area prefix LSAs. Prefixes are stored in whole 32-bit words and shown as the
 * IPv6 address they start (zero-filled). Wireshark 4.0 shows IPv6 prefixes whatever the instance id, so the IPv4
 * address families of RFC 5838 are shown the same way here.
 */
final class Ospf3Lsa {
    static final FieldDef TYPE = Fields.hex("ospf.v3.lsa", "LS Type", 16);
    static final FieldDef U = Fields.flag("ospf.v3.lsa.u", "LSA Handling", 16, 0x8000);
    static final FieldDef S12 = Fields.masked("ospf.v3.lsa.s12", "Flooding Scope", 16, 0x6000, Base.HEX);
    static final FieldDef FC = Fields.masked("ospf.v3.lsa.fc", "Function Code", 16, 0x1FFF, Base.DEC);
    static final FieldDef DO_NOT_AGE = Fields.flag("ospf.v3.lsa.do_not_age", "Do Not Age", 16, 0x8000);
    static final FieldDef ROUTER_KIND = OspfDecoder.present("ospf.v3.lsa.router", "Router-LSA");
    static final FieldDef NETWORK_KIND = OspfDecoder.present("ospf.v3.lsa.network", "Network-LSA");
    static final FieldDef INTERPREFIX_KIND = OspfDecoder.present("ospf.v3.lsa.interprefix", "Inter-Area-Prefix-LSA");
    static final FieldDef INTERROUTER_KIND = OspfDecoder.present("ospf.v3.lsa.interrouter", "Inter-Area-Router-LSA");
    static final FieldDef ASEXT_KIND = OspfDecoder.present("ospf.v3.lsa.asext", "AS-External-LSA");
    static final FieldDef MEMBER_KIND = OspfDecoder.present("ospf.v3.lsa.member", "Group-Membership-LSA");
    static final FieldDef NSSA_KIND = OspfDecoder.present("ospf.v3.lsa.nssa", "NSSA-LSA");
    static final FieldDef LINK_KIND = OspfDecoder.present("ospf.v3.lsa.link", "Link-LSA");
    static final FieldDef INTRAPREFIX_KIND = OspfDecoder.present("ospf.v3.lsa.intraprefix", "Intra-Area-Prefix-LSA");
    static final FieldDef ROUTER_FLAGS = Fields.hex("ospf.v3.router.lsa.flags", "Flags", 8);
    static final FieldDef FLAG_W = Fields.flag("ospf.v3.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8,
            0x08);
    static final FieldDef FLAG_V = Fields.flag("ospf.v3.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04);
    static final FieldDef FLAG_E = Fields.flag("ospf.v3.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02);
    static final FieldDef FLAG_B = Fields.flag("ospf.v3.router.lsa.flags.b", "(B) Area border router", 8, 0x01);
    static final FieldDef LINK_TYPE = Fields.uint("ospf.v3.lsa.type", "Type", 8);
    static final FieldDef INTERFACE_ID = Fields.uint("ospf.v3.lsa.interface_id", "Interface ID", 32);
    static final FieldDef NEIGHBOR_INTERFACE_ID =
            Fields.uint("ospf.v3.lsa.neighbor_interface_id", "Neighbor Interface ID", 32);
    static final FieldDef NEIGHBOR_ROUTER_ID = Fields.ipv4("ospf.v3.lsa.neighbor_router_id", "Neighbor Router ID");
    static final FieldDef ATTACHED_ROUTER = Fields.ipv4("ospf.v3.lsa.attached_router", "Attached Router");
    static final FieldDef DESTINATION_ROUTER_ID =
            Fields.ipv4("ospf.v3.lsa.destination_router_id", "Destination Router ID");
    static final FieldDef ASEXT_FLAGS = Fields.hex("ospf.v3.as.external.flags", "Flags", 8);
    static final FieldDef ASEXT_E = Fields.flag("ospf.v3.as.external.flags.e", "(E) External Metric", 8, 0x04);
    static final FieldDef ASEXT_F = Fields.flag("ospf.v3.as.external.flags.f", "(F) Forwarding Address", 8, 0x02);
    static final FieldDef ASEXT_T = Fields.flag("ospf.v3.as.external.flags.t", "(T) External Route Tag", 8, 0x01);
    static final FieldDef REFERENCED_LS_TYPE = Fields.hex("ospf.v3.lsa.referenced_ls_type", "Referenced LS type", 16);
    static final FieldDef FORWARDING_V6 = Fields.ipv6("ospf.v3.lsa.forwarding_address.ipv6", "Forwarding Address");
    static final FieldDef EXTERNAL_ROUTE_TAG = Fields.uint("ospf.v3.lsa.external_route_tag", "External Route Tag", 32);
    static final FieldDef REFERENCED_LSID = Fields.ipv4("ospf.v3.lsa.referenced_link_state_id",
            "Referenced Link State ID");
    static final FieldDef REFERENCED_ADVROUTER = Fields.ipv4("ospf.v3.lsa.referenced_advertising_router",
            "Referenced Advertising Router");
    static final FieldDef ROUTER_PRIORITY = Fields.uint("ospf.v3.lsa.router_priority", "Router Priority", 8);
    static final FieldDef LINK_LOCAL_V6 = Fields.ipv6("ospf.v3.lsa.link_local_interface_address.ipv6",
            "Link-local Interface Address");
    static final FieldDef NUM_PREFIXES = Fields.uint("ospf.v3.lsa.num_prefixes", "# prefixes", 32);
    static final FieldDef PREFIX_LENGTH = Fields.uint("ospf.prefix_length", "PrefixLength", 8);
    static final FieldDef PREFIX_OPTIONS = Fields.hex("ospf.v3.prefix.options", "PrefixOptions", 8);
    static final FieldDef PREFIX_P = Fields.flag("ospf.v3.prefix.options.p", "(P) Propagate", 8, 0x08);
    static final FieldDef PREFIX_MC = Fields.flag("ospf.v3.prefix.options.mc", "(MC) Multicast", 8, 0x04);
    static final FieldDef PREFIX_LA = Fields.flag("ospf.v3.prefix.options.la", "(LA) Local Address", 8, 0x02);
    static final FieldDef PREFIX_NU = Fields.flag("ospf.v3.prefix.options.nu", "(NU) NoUnicast", 8, 0x01);
    static final FieldDef PREFIX_V6 = Fields.ipv6("ospf.v3.address_prefix.ipv6", "Address Prefix");

    static final int ROUTER = 0x2001, NETWORK = 0x2002, INTER_PREFIX = 0x2003, INTER_ROUTER = 0x2004,
            AS_EXTERNAL = 0x4005, MEMBER = 0x2006, NSSA = 0x2007, LINK = 0x0008, INTRA_PREFIX = 0x2009;

    private Ospf3Lsa() { }

    /** The LS type with its three parts, at {@code at}; returns it. */
    static int type(DecodeContext c, int at) {
        int t = c.u16(at);
        c.out().beginGroup(TYPE, t, at, 2);
        c.out().addMasked(U, t, at, 2);
        c.out().addMasked(S12, t, at, 2);
        c.out().addMasked(FC, t, at, 2);
        c.out().endGroup();
        return t;
    }

    /** As {@link OspfLsa#decode}. */
    static int decode(DecodeContext c, int at, int end, boolean body) {
        if (end - at < OspfLsa.HEADER) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPFv3 LSA header cut short");
            return at;
        }
        int ageWord = c.u16(at);
        c.out().addMasked(OspfLsa.AGE, ageWord, at, 2);
        c.out().addMasked(DO_NOT_AGE, ageWord, at, 2);
        int type = type(c, at + 2);
        FieldDef kind = kind(type);
        if (kind != null) c.add(kind, 1, at + 2, 2);
        c.add(OspfDecoder.LINK_STATE_ID, c.u32(at + 4), at + 4, 4);
        c.add(OspfDecoder.ADVROUTER, c.u32(at + 8), at + 8, 4);
        c.add(OspfLsa.SEQNUM, c.u32(at + 12), at + 12, 4);
        c.add(OspfLsa.CHKSUM, c.u16(at + 16), at + 16, 2);
        int length = c.u16(at + 18);
        c.add(OspfLsa.LENGTH, length, at + 18, 2);
        if (!body) return at + OspfLsa.HEADER;
        if (length < OspfLsa.HEADER) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, at + 18, "OSPFv3 LSA length " + length + " below its header");
            return at;
        }
        int stop = Math.min(end, at + length);
        if (at + length > end) c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPFv3 LSA of " + length + " bytes cut short");
        int b = at + OspfLsa.HEADER;
        switch (type) {
            case ROUTER -> router(c, b, stop);
            case NETWORK -> {
                if (stop - b < 4) break;
                c.ref(OspfDecoder.RESERVED, b, 1);
                OspfOptions.v3(c, b + 1);
                for (b += 4; stop - b >= 4; b += 4) c.add(ATTACHED_ROUTER, c.u32(b), b, 4);
            }
            case INTER_PREFIX -> {
                if (stop - b < 4) break;
                c.ref(OspfDecoder.RESERVED, b, 1);
                c.add(OspfLsa.METRIC, c.u24(b + 1), b + 1, 3);
                prefix(c, b + 4, stop, 0);
            }
            case INTER_ROUTER -> {
                if (stop - b < 12) break;
                c.ref(OspfDecoder.RESERVED, b, 1);
                OspfOptions.v3(c, b + 1);
                c.ref(OspfDecoder.RESERVED, b + 4, 1);
                c.add(OspfLsa.METRIC, c.u24(b + 5), b + 5, 3);
                c.add(DESTINATION_ROUTER_ID, c.u32(b + 8), b + 8, 4);
            }
            case AS_EXTERNAL, NSSA -> external(c, b, stop);
            case LINK -> link(c, b, stop);
            case INTRA_PREFIX -> {
                if (stop - b < 12) break;
                int n = c.u16(b);
                c.add(NUM_PREFIXES, n, b, 2);
                c.add(REFERENCED_LS_TYPE, c.u16(b + 2), b + 2, 2);
                c.add(REFERENCED_LSID, c.u32(b + 4), b + 4, 4);
                c.add(REFERENCED_ADVROUTER, c.u32(b + 8), b + 8, 4);
                b += 12;
                for (int i = 0; i < n && b < stop; i++) b = prefix(c, b, stop, 2);
            }
            default -> { }
        }
        return at + length;
    }

    private static FieldDef kind(int type) {
        return switch (type) {
            case ROUTER -> ROUTER_KIND;
            case NETWORK -> NETWORK_KIND;
            case INTER_PREFIX -> INTERPREFIX_KIND;
            case INTER_ROUTER -> INTERROUTER_KIND;
            case AS_EXTERNAL -> ASEXT_KIND;
            case MEMBER -> MEMBER_KIND;
            case NSSA -> NSSA_KIND;
            case LINK -> LINK_KIND;
            case INTRA_PREFIX -> INTRAPREFIX_KIND;
            default -> null;
        };
    }

    private static void router(DecodeContext c, int b, int stop) {
        if (stop - b < 4) return;
        int flags = c.u8(b);
        c.out().beginGroup(ROUTER_FLAGS, flags, b, 1);
        c.out().addMasked(FLAG_W, flags, b, 1);
        c.out().addMasked(FLAG_V, flags, b, 1);
        c.out().addMasked(FLAG_E, flags, b, 1);
        c.out().addMasked(FLAG_B, flags, b, 1);
        c.out().endGroup();
        OspfOptions.v3(c, b + 1);
        for (b += 4; stop - b >= 16; b += 16) {
            c.add(LINK_TYPE, c.u8(b), b, 1);
            c.ref(OspfDecoder.RESERVED, b + 1, 1);
            c.add(OspfLsa.METRIC, c.u16(b + 2), b + 2, 2);
            c.add(INTERFACE_ID, c.u32(b + 4), b + 4, 4);
            c.add(NEIGHBOR_INTERFACE_ID, c.u32(b + 8), b + 8, 4);
            c.add(NEIGHBOR_ROUTER_ID, c.u32(b + 12), b + 12, 4);
        }
    }

    /** AS-external and NSSA: flags, metric, the prefix, then the optional forwarding address, tag, reference. */
    private static void external(DecodeContext c, int b, int stop) {
        if (stop - b < 8) return;
        int flags = c.u8(b);
        c.out().beginGroup(ASEXT_FLAGS, flags, b, 1);
        c.out().addMasked(ASEXT_E, flags, b, 1);
        c.out().addMasked(ASEXT_F, flags, b, 1);
        c.out().addMasked(ASEXT_T, flags, b, 1);
        c.out().endGroup();
        c.add(OspfLsa.METRIC, c.u24(b + 1), b + 1, 3);
        int refType = c.u16(b + 6);
        int at = prefix(c, b + 4, stop, -1);
        if (at < 0) return;
        if ((flags & 0x02) != 0) {
            if (stop - at < 16) return;
            c.ref(FORWARDING_V6, at, 16);
            at += 16;
        }
        if ((flags & 0x01) != 0) {
            if (stop - at < 4) return;
            c.add(EXTERNAL_ROUTE_TAG, c.u32(at), at, 4);
            at += 4;
        }
        if (refType != 0 && stop - at >= 4) c.add(REFERENCED_LSID, c.u32(at), at, 4);
    }

    private static void link(DecodeContext c, int b, int stop) {
        if (stop - b < 24) return;
        c.add(ROUTER_PRIORITY, c.u8(b), b, 1);
        OspfOptions.v3(c, b + 1);
        c.ref(LINK_LOCAL_V6, b + 4, 16);
        long n = c.u32(b + 20);
        c.add(NUM_PREFIXES, n, b + 20, 4);
        b += 24;
        for (long i = 0; i < n && b < stop; i++) b = prefix(c, b, stop, 0);
    }

    /**
     * A prefix: length, options, then a 16-bit word ({@code word} 0: reserved, 2: metric, -1: the referenced LS type
     * of an AS-external LSA, shown there) and the prefix's whole words. Returns where it ends; {@code stop} when it
     * is cut short.
     */
    private static int prefix(DecodeContext c, int at, int stop, int word) {
        if (stop - at < 4) return word < 0 ? -1 : stop;
        int bits = c.u8(at);
        c.add(PREFIX_LENGTH, bits, at, 1);
        int o = c.u8(at + 1);
        c.out().beginGroup(PREFIX_OPTIONS, o, at + 1, 1);
        c.out().addMasked(PREFIX_P, o, at + 1, 1);
        c.out().addMasked(PREFIX_MC, o, at + 1, 1);
        c.out().addMasked(PREFIX_LA, o, at + 1, 1);
        c.out().addMasked(PREFIX_NU, o, at + 1, 1);
        c.out().endGroup();
        if (word == 0) c.ref(OspfDecoder.RESERVED, at + 2, 2);
        else if (word == 2) c.add(OspfLsa.METRIC, c.u16(at + 2), at + 2, 2);
        else c.add(REFERENCED_LS_TYPE, c.u16(at + 2), at + 2, 2);
        int bytes = ((Math.min(bits, 128) + 31) / 32) * 4;
        int p = at + 4;
        if (stop - p < bytes) {
            c.anomaly(Anomaly.Kind.TRUNCATED, p, "OSPFv3 address prefix cut short");
            return word < 0 ? -1 : stop;
        }
        // the prefix's words, zero-filled to an address: the one allocation per prefix
        byte[] a = new byte[16];
        for (int k = 0; k < bytes; k++) a[k] = (byte) c.u8(p + k);
        c.out().addObject(PREFIX_V6, a, p, bytes);
        return p + bytes;
    }
}
