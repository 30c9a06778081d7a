package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The mobility options of Proxy Mobile IPv6 and its IPv4 and FMIPv6 extensions (types 29 to 55: RFC 5555, 5844,
 * 5845, 5568, 5648, 5949, 6463, 6602, 6705, 7148), as Wireshark 4.0 shows them. Same conventions as
 * {@link MipOptionBodies}: {@code o} is the option's offset, {@code n} its length with the type and length bytes.
 */
final class PmipOptionBodies {
    static final FieldDef IPV4HA_PREFLEN = Fields.masked("mip6.ipv4ha.preflen", "Prefix-len", 8, 0xFC, Base.DEC);
    static final FieldDef IPV4HA_P = Fields.flag("mip6.ipv4ha.p_flag", "mobile network prefix (P) flag", 16, 0x0200);
    static final FieldDef IPV4HA_HA = Fields.ipv4("mip6.ipv4ha.ha", "IPv4 Home Address");
    static final FieldDef IPV4HA_RESERVED = Fields.hex("mip6.ipv4ha.reserved", "Reserved", 8);
    static final FieldDef IPV4AA_STS = Fields.uint("mip6.ipv4aa.sts", "Status", 8);
    static final FieldDef NATD_F = Fields.flag("mip6.natd.f_flag", "(F) flag", 16, 0x8000);
    static final FieldDef NATD_RESERVED = Fields.masked("mip6.natd.reserved", "Reserved", 16, 0x7FFF, Base.DEC);
    static final FieldDef NATD_REFRESH = Fields.uint("mip6.natd.refresh_t", "Refresh time", 32);
    static final FieldDef IPV4COA_RESERVED = Fields.masked("mip6.ipv4coa.reserved", "Reserved", 16, 0xFFFF, Base.DEC);
    static final FieldDef IPV4COA_ADDR = Fields.ipv4("mip6.ipv4coa.addr", "IPv4 Care-of address");
    static final FieldDef GRE_KEY = Fields.uint("mip6.gre_key", "GRE Key", 32);
    static final FieldDef AP_OPT_CODE = Fields.uint("mip6.mhipv6ap.opt_code", "Option-Code", 8);
    static final FieldDef AP_LEN = Fields.uint("mip6.mhipv6ap.len", "Prefix Length", 8);
    static final FieldDef AP_ADDRESS = Fields.ipv6("mip6.mhipv6ap.ipv6_address", "IPv6 Address");
    static final FieldDef AP_PREFIX = Fields.string("mip6.mhipv6ap.ipv6_address_prefix", "IPv6 Address/Prefix");
    static final FieldDef BI_BID = Fields.uint("mip6.bi.bid", "Binding ID (BID)", 16);
    static final FieldDef BI_STATUS = Fields.uint("mip6.bi.status", "Status", 8);
    static final FieldDef BI_H = Fields.flag("mip6.bi.h_flag", "Simultaneous Home and Foreign Binding (H)", 8, 0x80);
    static final FieldDef BI_COA4 = Fields.ipv4("mip6.bi.coa_ipv4", "IPv4 care-of address (CoA)");
    static final FieldDef BI_COA6 = Fields.ipv6("mip6.bi.coa_ipv6", "IPv6 care-of address (CoA)");
    static final FieldDef IPV4DRA_RESERVED = Fields.uint("mip6.ipv4dra.reserved", "Reserved", 16);
    static final FieldDef IPV4DRA_DRA = Fields.ipv4("mip6.ipv4dra.dra", "IPv4 Default-Router Address");
    static final FieldDef IPV4DSM_RESERVED = Fields.masked("mip6.ipv4dsm.reserved", "Reserved", 16, 0xFFFE, Base.DEC);
    static final FieldDef IPV4DSM_S = Fields.flag("mip6.ipv4dsm.s_flag", "DHCP Support Mode (S)", 16, 0x1);
    static final FieldDef LMAA_CODE = Fields.uint("mip6.lmaa.opt_code", "Option-Code", 8);
    static final FieldDef LMAA_RESERVED = Fields.uint("mip6.lmaa.reserved", "Reserved", 8);
    static final FieldDef LMAA_IPV4 = Fields.ipv4("mip6.lmaa.ipv4", "Local Mobility Anchor Address");
    static final FieldDef LMAA_IPV6 = Fields.ipv6("mip6.lmaa.ipv6", "Local Mobility Anchor Address");
    static final FieldDef RECAP_RESERVED = Fields.hex("mip6.recap.reserved", "Reserved", 16);
    static final FieldDef REDIR_K = Fields.flag("mip6.redir.k", "K", 16, 0x8000);
    static final FieldDef REDIR_N = Fields.flag("mip6.redir.n", "N", 16, 0x4000);
    static final FieldDef REDIR_RESERVED = Fields.masked("mip6.redir.reserved", "Reserved", 16, 0x3FFF, Base.HEX);
    static final FieldDef REDIR_IPV6 = Fields.ipv6("mip6.redir.addr_r2lma_ipv6", "IPv6 r2LMA Address");
    static final FieldDef REDIR_IPV4 = Fields.ipv4("mip6.redir.addr_r2lma_ipv4", "IPv4 r2LMA Address");
    static final FieldDef LOAD_PRIORITY = Fields.uint("mip6.load_inf.priority", "Priority", 16);
    static final FieldDef LOAD_IN_USE = Fields.uint("mip6.load_inf.sessions_in_use", "Sessions in Use", 32);
    static final FieldDef LOAD_MAX_SESSIONS = Fields.uint("mip6.load_inf.maximum_sessions", "Maximum Sessions", 32);
    static final FieldDef LOAD_USED = Fields.uint("mip6.load_inf.used_capacity", "Used Capacity", 32);
    static final FieldDef LOAD_MAX_CAPACITY = Fields.uint("mip6.load_inf.maximum_capacity", "Maximum Capacity", 32);
    static final FieldDef ALT_IP4 = Fields.ipv4("mip6.alt_ip4", "Alternate IPv4 Care-of Address");
    static final FieldDef MNG_SUBTYPE = Fields.uint("mip6.mng.sub_type", "Sub Type", 8);
    static final FieldDef MNG_RESERVED = Fields.uint("mip6.mng.reserved", "Reserved", 8);
    static final FieldDef MNG_ID = Fields.uint("mip6.mng.mng_id", "Mobile Node Group Identifier", 32);
    static final FieldDef MAG_RESERVED = Fields.hex("mip6.mag_ipv6.reserved", "Reserved", 8);
    static final FieldDef MAG_LEN = Fields.uint("mip6.mag_ipv6.address_length", "Address Length", 8);
    static final FieldDef MAG_ADDRESS = Fields.ipv6("mip6.mag_ipv6.address", "Address");
    static final FieldDef DMNP_V = Fields.flag("mip6.dmnp.v_flag", "IPv4 Prefix (V) flag", 8, 0x80);
    static final FieldDef DMNP_RESERVED = Fields.masked("mip6.dmnp.reserved", "Reserved", 8, 0x7F, Base.DEC);
    static final FieldDef DMNP_PREFIX_LEN = Fields.uint("mip6.dmnp.prefix_len", "Prefix Length", 8);
    static final FieldDef DMNP_IPV4 = Fields.ipv4("mip6.dmnp.dmnp_ipv4", "IPv4 Delegated Mobile Network Prefix");
    static final FieldDef DMNP_IPV6 = Fields.ipv6("mip6.dmnp.dmnp_ipv6", "IPv6 Delegated Mobile Network Prefix");

    private PmipOptionBodies() { }

    /** The body of option {@code type} (29 and up) at {@code o}, {@code n} bytes in all. */
    static void body(DecodeContext c, int type, int o, int n) {
        switch (type) {
            case 29 -> {
                MipOptionBodies.num(c, IPV4HA_PREFLEN, o, n, 2, 1);
                MipOptionBodies.num(c, IPV4HA_P, o, n, 2, 2);
                MipOptionBodies.num(c, IPV4HA_HA, o, n, 4, 4);
            }
            case 30 -> {
                MipOptionBodies.num(c, IPV4AA_STS, o, n, 2, 1);
                MipOptionBodies.num(c, IPV4HA_PREFLEN, o, n, 3, 1);
                MipOptionBodies.num(c, IPV4HA_HA, o, n, 4, 4);
            }
            case 31 -> {
                MipOptionBodies.num(c, NATD_F, o, n, 2, 2);
                MipOptionBodies.num(c, NATD_RESERVED, o, n, 2, 2);
                MipOptionBodies.num(c, NATD_REFRESH, o, n, 4, 4);
            }
            case 32 -> {
                MipOptionBodies.num(c, IPV4COA_RESERVED, o, n, 2, 2);
                MipOptionBodies.num(c, IPV4COA_ADDR, o, n, 4, 4);
            }
            case 33 -> {
                MipOptionBodies.num(c, IPV4DRA_RESERVED, o, n, 2, 2);
                if (n == 8) MipOptionBodies.num(c, GRE_KEY, o, n, 4, 4);
            }
            case 34 -> addressPrefix(c, o, n);
            case 35 -> {
                MipOptionBodies.num(c, BI_BID, o, n, 2, 2);
                MipOptionBodies.num(c, BI_STATUS, o, n, 4, 1);
                MipOptionBodies.num(c, BI_H, o, n, 5, 1);
                // here the length byte (not the option's whole length) picks the address family
                if (n - 2 == 8) MipOptionBodies.num(c, BI_COA4, o, n, 6, 4);
                else if (n - 2 == 20) MipOptionBodies.ref(c, BI_COA6, o, n, 6, 16);
            }
            case 36 -> {
                MipOptionBodies.num(c, IPV4HA_PREFLEN, o, n, 2, 1);
                MipOptionBodies.num(c, IPV4HA_RESERVED, o, n, 3, 1);
                MipOptionBodies.num(c, IPV4HA_HA, o, n, 4, 4);
            }
            case 37 -> {
                MipOptionBodies.num(c, IPV4AA_STS, o, n, 2, 1);
                MipOptionBodies.num(c, IPV4HA_PREFLEN, o, n, 3, 1);
                MipOptionBodies.num(c, IPV4HA_HA, o, n, 4, 4);
            }
            case 38 -> {
                MipOptionBodies.num(c, IPV4DRA_RESERVED, o, n, 2, 2);
                MipOptionBodies.num(c, IPV4DRA_DRA, o, n, 4, 4);
            }
            case 39 -> {
                MipOptionBodies.num(c, IPV4DSM_RESERVED, o, n, 2, 2);
                MipOptionBodies.num(c, IPV4DSM_S, o, n, 2, 2);
            }
            case 40 -> MipVendorOptions.contextRequest(c, o, n);
            case 41 -> {
                int code = n > 2 ? c.u8(o + 2) : -1;
                MipOptionBodies.num(c, LMAA_CODE, o, n, 2, 1);
                MipOptionBodies.num(c, LMAA_RESERVED, o, n, 3, 1);
                if (code == 1) MipOptionBodies.ref(c, LMAA_IPV6, o, n, 4, 16);
                else if (code == 2) MipOptionBodies.num(c, LMAA_IPV4, o, n, 4, 4);
            }
            case 46 -> MipOptionBodies.num(c, RECAP_RESERVED, o, n, 2, 2);
            case 47 -> redirect(c, o, n);
            case 48 -> {
                MipOptionBodies.num(c, LOAD_PRIORITY, o, n, 2, 2);
                MipOptionBodies.num(c, LOAD_IN_USE, o, n, 4, 4);
                MipOptionBodies.num(c, LOAD_MAX_SESSIONS, o, n, 8, 4);
                MipOptionBodies.num(c, LOAD_USED, o, n, 12, 4);
                MipOptionBodies.num(c, LOAD_MAX_CAPACITY, o, n, 16, 4);
            }
            case 49 -> MipOptionBodies.num(c, ALT_IP4, o, n, 2, 4);
            case 50 -> {
                MipOptionBodies.num(c, MNG_SUBTYPE, o, n, 2, 1);
                MipOptionBodies.num(c, MNG_RESERVED, o, n, 3, 1);
                MipOptionBodies.num(c, MNG_ID, o, n, 4, 4);
            }
            case 51 -> {
                MipOptionBodies.num(c, MAG_RESERVED, o, n, 2, 1);
                MipOptionBodies.num(c, MAG_LEN, o, n, 3, 1);
                MipOptionBodies.ref(c, MAG_ADDRESS, o, n, 4, 16);
            }
            case 52 -> MipVendorOptions.accessNetworkId(c, o, n);
            case 55 -> {
                MipOptionBodies.num(c, DMNP_V, o, n, 2, 1);
                MipOptionBodies.num(c, DMNP_RESERVED, o, n, 2, 1);
                MipOptionBodies.num(c, DMNP_PREFIX_LEN, o, n, 3, 1);
                if (n == 8) MipOptionBodies.num(c, DMNP_IPV4, o, n, 4, 4);
                else if (n == 20) MipOptionBodies.ref(c, DMNP_IPV6, o, n, 4, 16);
            }
            default -> { }
        }
    }

    /** RFC 5568 §6.4.4: option code, prefix length, address; tshark adds the address/prefix as text. */
    private static void addressPrefix(DecodeContext c, int o, int n) {
        MipOptionBodies.num(c, AP_OPT_CODE, o, n, 2, 1);
        MipOptionBodies.num(c, AP_LEN, o, n, 3, 1);
        if (!MipOptionBodies.ref(c, AP_ADDRESS, o, n, 4, 16)) return;
        StringBuilder sb = new StringBuilder(48);
        byte[] a = new byte[16];
        for (int i = 0; i < 16; i++) a[i] = (byte) c.u8(o + 4 + i);
        io.pcapkit.model.FieldFormat.appendIpv6(sb, a, 0); // the "/length" is only in tshark's label
        c.out().addObject(AP_PREFIX, sb.toString(), o + 3, 17);
    }

    /** RFC 6463 §6.2: the K and N flags say whether an IPv6 and an IPv4 address follow. */
    private static void redirect(DecodeContext c, int o, int n) {
        if (!MipOptionBodies.num(c, REDIR_K, o, n, 2, 2)) return;
        MipOptionBodies.num(c, REDIR_N, o, n, 2, 2);
        MipOptionBodies.num(c, REDIR_RESERVED, o, n, 2, 2);
        int flags = c.u16(o + 2), at = 4;
        if ((flags & 0x8000) != 0) {
            MipOptionBodies.ref(c, REDIR_IPV6, o, n, at, 16);
            at += 16;
        }
        if ((flags & 0x4000) != 0) MipOptionBodies.num(c, REDIR_IPV4, o, n, at, 4);
    }
}
