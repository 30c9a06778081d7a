package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * Neighbor Discovery options (RFC 4861 §4.6 and later: RFC 6106 RDNSS/DNSSL, RFC 4191 route information, RFC 6275
 * advertisement interval and home agent information), each an {@code icmpv6.opt} group as Wireshark 4.0 shows it.
 * A zero length ends the list, as RFC 4861 requires. A redirected-header option is shown by its reserved bytes;
 * the packet it carries is left undecoded.
 */
final class Icmpv6NdOptions {
    static final FieldDef OPT = Fields.group("icmpv6.opt", "ICMPv6 Option");
    static final FieldDef TYPE = Fields.uint("icmpv6.opt.type", "Type", 8);
    static final FieldDef LENGTH = Fields.uint("icmpv6.opt.length", "Length", 8);
    static final FieldDef RESERVED = Fields.group("icmpv6.opt.reserved", "Reserved");
    static final FieldDef PADDING = Fields.group("icmpv6.opt.padding", "Padding");
    // FT_BYTES shown colon-separated by Wireshark; the 6-byte (Ethernet) addresses are declared as MACs so that
    // FieldFormat prints them the same way. Other lengths are left out (FieldFormat has no separated-bytes form).
    static final FieldDef LINKADDR = Fields.mac("icmpv6.opt.linkaddr", "Link-layer address");
    static final FieldDef SRC_LINKADDR = Fields.mac("icmpv6.opt.src_linkaddr", "Source Link-layer address");
    static final FieldDef TARGET_LINKADDR = Fields.mac("icmpv6.opt.target_linkaddr", "Target Link-layer address");
    static final FieldDef PREFIX_LENGTH = Fields.uint("icmpv6.opt.prefix.length", "Prefix Length", 8);
    static final FieldDef PREFIX_FLAG = Fields.hex("icmpv6.opt.prefix.flag", "Flag", 8);
    static final FieldDef PREFIX_FLAG_L = Fields.flag("icmpv6.opt.prefix.flag.l", "On-link flag(L)", 8, 0x80);
    static final FieldDef PREFIX_FLAG_A = Fields.flag("icmpv6.opt.prefix.flag.a",
            "Autonomous address-configuration flag(A)", 8, 0x40);
    static final FieldDef PREFIX_FLAG_R = Fields.flag("icmpv6.opt.prefix.flag.r", "Router address flag(R)", 8, 0x20);
    static final FieldDef PREFIX_FLAG_RSV = Fields.masked("icmpv6.opt.prefix.flag.reserved", "Reserved", 8, 0x1F,
            Base.DEC);
    static final FieldDef PREFIX_VALID = Fields.uint("icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime", 32);
    static final FieldDef PREFIX_PREFERRED = Fields.uint("icmpv6.opt.prefix.preferred_lifetime",
            "Preferred Lifetime", 32);
    static final FieldDef PREFIX = Fields.ipv6("icmpv6.opt.prefix", "Prefix");
    static final FieldDef MTU = Fields.uint("icmpv6.opt.mtu", "MTU", 32);
    static final FieldDef ADV_INTERVAL = Fields.uint("icmpv6.opt.advertisement_interval", "Advertisement Interval", 32);
    static final FieldDef HA_PREFERENCE = Fields.uint("icmpv6.opt.home_agent_preference", "Home Agent Preference", 16);
    static final FieldDef HA_LIFETIME = Fields.uint("icmpv6.opt.home_agent_lifetime", "Home Agent Preference", 16);
    static final FieldDef ROUTE_FLAG = Fields.hex("icmpv6.opt.route_info.flag", "Flag", 8);
    static final FieldDef ROUTE_PREF = Fields.masked("icmpv6.opt.route_info.flag.route_preference",
            "Route Preference", 8, 0x18, Base.DEC);
    static final FieldDef ROUTE_RSV = Fields.masked("icmpv6.opt.route_info.flag.reserved", "Reserved", 8, 0xE7,
            Base.DEC);
    static final FieldDef ROUTE_LIFETIME = Fields.uint("icmpv6.opt.route_lifetime", "Route Lifetime", 32);
    static final FieldDef RDNSS_LIFETIME = Fields.uint("icmpv6.opt.rdnss.lifetime", "Lifetime", 32);
    static final FieldDef RDNSS = Fields.ipv6("icmpv6.opt.rdnss", "Recursive DNS Servers");
    static final FieldDef DNSSL_LIFETIME = Fields.uint("icmpv6.opt.dnssl.lifetime", "Lifetime", 32);
    static final FieldDef DNSSL = Fields.string("icmpv6.opt.dnssl", "Domain Names");
    static final FieldDef NONCE = Fields.bytes("icmpv6.opt.nonce", "Nonce");

    static final int SLLA = 1, TLLA = 2, PREFIX_INFO = 3, REDIRECTED = 4, MTU_OPT = 5, ADV_INT = 7, HA_INFO = 8,
            NONCE_OPT = 14, ROUTE_INFO = 24, RDNSS_OPT = 25, DNSSL_OPT = 31;

    private Icmpv6NdOptions() { }

    /**
     * Walks the options in {@code [start, end)}, the rest of the message: every byte belongs to the ICMPv6 header,
     * so nothing follows it.
     */
    static void decode(DecodeContext c, int start, int end) {
        int p = start;
        for (int n = 0; p + 2 <= end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " ND options");
                break;
            }
            int type = c.u8(p), units = c.u8(p + 1), olen = units * 8;
            int g = c.out().beginGroup(OPT, p, olen);
            c.add(TYPE, type, p, 1);
            c.add(LENGTH, units, p + 1, 1);
            if (olen == 0 || p + olen > end) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 1, "ND option " + type + " has a bad length of " + units);
                break;
            }
            body(c, type, p, olen);
            c.out().endGroup();
            c.out().setLength(g, olen);
            p += olen;
        }
        c.nextRaw(0);
    }

    private static void body(DecodeContext c, int type, int p, int olen) {
        int d = p + 2;
        switch (type) {
            case SLLA, TLLA -> {
                if (olen == 8) {
                    long mac = c.u48(d);
                    c.add(LINKADDR, mac, d, 6);
                    c.add(type == SLLA ? SRC_LINKADDR : TARGET_LINKADDR, mac, d, 6);
                }
            }
            case PREFIX_INFO -> {
                if (olen < 32) return;
                c.add(PREFIX_LENGTH, c.u8(d), d, 1);
                int f = c.u8(d + 1);
                c.out().beginGroup(PREFIX_FLAG, f, d + 1, 1);
                c.out().addMasked(PREFIX_FLAG_L, f, d + 1, 1);
                c.out().addMasked(PREFIX_FLAG_A, f, d + 1, 1);
                c.out().addMasked(PREFIX_FLAG_R, f, d + 1, 1);
                c.out().addMasked(PREFIX_FLAG_RSV, f, d + 1, 1);
                c.out().endGroup();
                c.add(PREFIX_VALID, c.u32(d + 2), d + 2, 4);
                c.add(PREFIX_PREFERRED, c.u32(d + 6), d + 6, 4);
                reserved(c, d + 10, 4);
                c.ref(PREFIX, d + 14, 16);
            }
            case REDIRECTED -> reserved(c, d, 6);
            case MTU_OPT -> {
                reserved(c, d, 2);
                c.add(MTU, c.u32(d + 2), d + 2, 4);
            }
            case ADV_INT -> {
                reserved(c, d, 2);
                c.add(ADV_INTERVAL, c.u32(d + 2), d + 2, 4);
            }
            case HA_INFO -> {
                reserved(c, d, 2);
                c.add(HA_PREFERENCE, c.u16(d + 2), d + 2, 2);
                c.add(HA_LIFETIME, c.u16(d + 4), d + 4, 2);
            }
            case NONCE_OPT -> c.ref(NONCE, d, olen - 2);
            case ROUTE_INFO -> routeInfo(c, d, olen);
            case RDNSS_OPT -> {
                reserved(c, d, 2);
                c.add(RDNSS_LIFETIME, c.u32(d + 2), d + 2, 4);
                for (int a = d + 6; a + 16 <= p + olen; a += 16) c.ref(RDNSS, a, 16);
            }
            case DNSSL_OPT -> {
                reserved(c, d, 2);
                c.add(DNSSL_LIFETIME, c.u32(d + 2), d + 2, 4);
                domains(c, d + 6, p + olen);
            }
            default -> { }
        }
    }

    /** RFC 4191: prefix length, preference flags, route lifetime, then as many prefix bytes as the length holds. */
    private static void routeInfo(DecodeContext c, int d, int olen) {
        c.add(PREFIX_LENGTH, c.u8(d), d, 1);
        int f = c.u8(d + 1);
        c.out().beginGroup(ROUTE_FLAG, f, d + 1, 1);
        c.out().addMasked(ROUTE_PREF, f, d + 1, 1);
        c.out().addMasked(ROUTE_RSV, f, d + 1, 1);
        c.out().endGroup();
        c.add(ROUTE_LIFETIME, c.u32(d + 2), d + 2, 4);
        int have = olen - 8;
        if (have >= 16) {
            c.ref(PREFIX, d + 6, 16);
        } else if (have > 0) {
            // a shortened prefix (8 bytes for /64) is shown zero-filled to a full address
            byte[] full = new byte[16];
            for (int i = 0; i < have; i++) full[i] = (byte) c.u8(d + 6 + i);
            c.out().addObject(PREFIX, full, d + 6, have);
        }
    }

    /** RFC 6106 domain names in DNS label form, one field per name, then the zero padding. */
    private static void domains(DecodeContext c, int q, int end) {
        while (q < end && c.u8(q) != 0) {
            StringBuilder name = new StringBuilder();
            int start = q;
            while (q < end) {
                int l = c.u8(q++);
                if (l == 0) break;
                if (l > 63 || q + l > end) {
                    c.anomaly(Anomaly.Kind.BAD_VALUE, q - 1, "DNSSL label of length " + l);
                    return;
                }
                if (!name.isEmpty()) name.append('.');
                for (int i = 0; i < l; i++) name.append((char) c.u8(q + i));
                q += l;
            }
            c.out().addObject(DNSSL, name.toString(), start, q - start);
        }
        if (q < end) reservedAs(c, PADDING, q, end - q);
    }

    private static void reserved(DecodeContext c, int at, int len) { reservedAs(c, RESERVED, at, len); }

    /** Wireshark's FT_NONE marker fields: present, valueless. */
    private static void reservedAs(DecodeContext c, FieldDef d, int at, int len) {
        c.out().beginGroup(d, at, len);
        c.out().endGroup();
    }
}
