package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The mobility options with inner structure: Vendor Specific (RFC 5094) with 3GPP's sub-types (TS 29.282), Context
 * Request (RFC 5949) and Access Network Identifier (RFC 6757). {@code o} is the option's offset, {@code n} its length
 * with the type and length bytes; inner loops are bounded by the option.
 */
final class MipVendorOptions {
    static final FieldDef VENDOR_ID = Fields.uint("mip6.vsm.vendorId", "Vendor Id", 32);
    static final FieldDef SUBTYPE = Fields.uint("mip6.vsm.subtype", "Subtype", 8);
    static final FieldDef DATA = Fields.bytes("mip6.vsm.data", "Data");
    static final FieldDef REQ_DATA = Fields.bytes("mip6.vsm.req_data", "Req-Data");
    static final FieldDef G_RESERVED = Fields.masked("mip6.3gpp.reserved", "Reserved", 8, 0xFE, Base.DEC);
    static final FieldDef G_M = Fields.flag("mip6.3gpp.flag.m", "M flag", 8, 0x01);
    static final FieldDef G_ERR = Fields.uint("mip6.3gpp.spec_pmipv6_err_code", "3GPP Specific PMIPv6 Error Code", 8);
    static final FieldDef G_GW4 = Fields.ipv4("mip6.3gpp.pdn_gw_ipv4_addr", "PDN GW IPv4 address");
    static final FieldDef G_GW6 = Fields.ipv6("mip6.3gpp.pdn_gw_ipv6_addr", "PDN GW IPv6 address");
    static final FieldDef G_DHCP = Fields.uint("mip6.3gpp.dhcpv4_addr_all_proc_ind",
            "DHCPv4 Address Allocation Procedure Indication", 8);
    static final FieldDef G_PDN_TYPE = Fields.uint("mip6.3gpp.pdn_type", "PDN type", 8);
    static final FieldDef G_PDN_CAUSE = Fields.uint("mip6.3gpp.pdn_ind_cause", "Cause", 8);
    static final FieldDef G_CHG_ID = Fields.uint("mip6.3gpp.chg_id", "Charging ID", 32);
    static final FieldDef G_CHARGING = Fields.masked("mip6.3gpp.charging_characteristic", "Charging Characteristic",
            16, 0xFFFF, Base.HEX);
    static final FieldDef G_MEI = Fields.string("mip6.3gpp.mei", "Mobile Equipment Identity (MEI)");
    static final FieldDef G_MSISDN = Fields.string("mip6.3gpp.msisdn", "MSISDN");
    static final FieldDef G_APN_REST = Fields.uint("mip6.3gpp.apn_rest", "APN Restriction", 8);
    static final FieldDef G_MAX_APN_REST = Fields.uint("mip6.3gpp.max_apn_rest", "Maximum APN Restriction", 8);
    static final FieldDef G_IMSI = Fields.string("mip6.3gpp.imsi", "Unauthenticated IMSI");
    static final FieldDef G_PDN_CONN = Fields.masked("mip6.3gpp.pdn_conn_id", "PDN Connection ID", 8, 0x0F, Base.DEC);
    static final FieldDef G_LAPI = Fields.flag("mip6.3gpp.lapi", "LAPI (Low Access Priority Indication)", 8, 0x01);
    static final FieldDef CR_RESERVED = Fields.uint("mip6.cr.reserved", "Reserved", 16);
    static final FieldDef CR_TYPE = Fields.uint("mip6.cr.req_type", "Req-type", 8);
    static final FieldDef CR_LENGTH = Fields.uint("mip6.cr.req_length", "Req-length", 8);
    static final FieldDef ANI = Fields.group("mip6.acc_net_id", "ANI");
    static final FieldDef ANI_TYPE = Fields.uint("mip6.acc_net_id.ani", "ANI Type", 8);
    static final FieldDef ANI_LEN = Fields.uint("mip6.acc_net_id.sub_opt_len", "Length", 8);
    static final FieldDef ANI_E = Fields.flag("mip6.acc_net_id.e_bit", "E(Encoding)", 8, 0x80);
    static final FieldDef ANI_NET_NAME_LEN = Fields.uint("mip6.acc_net_id.net_name_len", "Net-Name Length", 8);
    static final FieldDef ANI_NET_NAME = Fields.string("mip6.acc_net_id.net_name", "Network Name");
    static final FieldDef ANI_NET_NAME_DATA = Fields.bytes("mip6.acc_net_id.net_name_data", "Network Name");
    static final FieldDef ANI_AP_NAME_LEN = Fields.uint("mip6.acc_net_id.ap_name_len", "AP-Name Length", 8);
    static final FieldDef ANI_AP_NAME = Fields.string("mip6.acc_net_id.ap_name", "Access-Point Name");
    static final FieldDef ANI_OP_ID_TYPE = Fields.uint("mip6.acc_net_id.op_id.type", "Op-ID Type", 8);
    static final FieldDef ANI_OP_ID = Fields.bytes("mip6.acc_net_id.op_id", "Op-ID");

    static final long VENDOR_3GPP = 10415;
    static final int VSM = 19;

    private MipVendorOptions() { }

    /** Vendor Specific: the vendor, then 3GPP's sub-type and data, or a sub-type and opaque data. */
    static void vendor(DecodeContext c, int o, int n) {
        if (!MipOptionBodies.num(c, VENDOR_ID, o, n, 2, 4)) return;
        if (c.u32(o + 2) == VENDOR_3GPP) {
            threeGpp(c, o, n);
            return;
        }
        MipOptionBodies.num(c, SUBTYPE, o, n, 6, 1);
        MipOptionBodies.bytes(c, DATA, o, n, 7, n - 9); // tshark subtracts the header twice
    }

    /** 3GPP TS 29.275 §12.1.1: sub-type, M flag, then one information element (fragments are not reassembled). */
    private static void threeGpp(DecodeContext c, int o, int n) {
        if (!MipOptionBodies.num(c, SUBTYPE, o, n, 6, 1)) return;
        MipOptionBodies.num(c, G_RESERVED, o, n, 7, 1);
        if (!MipOptionBodies.num(c, G_M, o, n, 7, 1) || (c.u8(o + 7) & 1) != 0) return;
        int d = 8, len = n - 8;
        switch (c.u8(o + 6)) {
            case 2 -> MipOptionBodies.num(c, G_ERR, o, n, d, 1);
            case 3 -> {
                if (len == 4) MipOptionBodies.num(c, G_GW4, o, n, d, 4);
                else if (len == 16) MipOptionBodies.ref(c, G_GW6, o, n, d, 16);
            }
            case 4 -> MipOptionBodies.num(c, G_DHCP, o, n, d, 1);
            case 6 -> {
                MipOptionBodies.num(c, G_PDN_TYPE, o, n, d, 1);
                MipOptionBodies.num(c, G_PDN_CAUSE, o, n, d + 1, 1);
            }
            case 7 -> MipOptionBodies.num(c, G_CHG_ID, o, n, d, 4);
            case 10 -> MipOptionBodies.num(c, G_CHARGING, o, n, d, 2);
            case 11 -> bcd(c, G_MEI, o + d, len);
            case 12 -> bcd(c, G_MSISDN, o + d, len);
            case 14 -> MipOptionBodies.num(c, G_APN_REST, o, n, d, 1);
            case 15 -> MipOptionBodies.num(c, G_MAX_APN_REST, o, n, d, 1);
            case 16 -> bcd(c, G_IMSI, o + d, len);
            case 17 -> MipOptionBodies.num(c, G_PDN_CONN, o, n, d, 1);
            case 19 -> MipOptionBodies.num(c, G_LAPI, o, n, d, 1);
            default -> { } // PCO, FQ-CSID, selection mode, serving network, back-off timer: other protocols' fields
        }
    }

    /** Telephony BCD digits, low nibble first; a filler nibble 0xF ends them. */
    private static void bcd(DecodeContext c, FieldDef f, int at, int len) {
        if (len <= 0) return;
        StringBuilder sb = new StringBuilder(2 * len);
        digits:
        for (int i = 0; i < len; i++) {
            int b = c.u8(at + i);
            for (int nib : new int[] {b & 0xF, b >>> 4}) {
                if (nib == 0xF) break digits;
                sb.append(nib <= 9 ? (char) ('0' + nib) : '?');
            }
        }
        c.out().addObject(f, sb.toString(), at, len);
    }

    /** Context Request: reserved, then (type, length, data) requests; a vendor request shows its vendor and sub-type. */
    static void contextRequest(DecodeContext c, int o, int n) {
        MipOptionBodies.num(c, CR_RESERVED, o, n, 2, 2);
        int p = 4;
        for (int k = 0; p < n; k++) {
            if (k == c.maxOptions() || p + 2 > n) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, o + p, "Context Request option: malformed request list");
                return;
            }
            int type = c.u8(o + p), rl = c.u8(o + p + 1);
            c.add(CR_TYPE, type, o + p, 1);
            c.add(CR_LENGTH, rl, o + p + 1, 1);
            p += 2;
            if (rl == 0) continue;
            if (type == VSM) {
                MipOptionBodies.num(c, VENDOR_ID, o, n, p, 4);
                MipOptionBodies.num(c, SUBTYPE, o, n, p + 4, 1);
            } else {
                MipOptionBodies.bytes(c, REQ_DATA, o, n, p, rl);
            }
            p += rl;
        }
    }

    /** Access Network Identifier: sub-options (network name, geo-location, operator id) to the option's end. */
    static void accessNetworkId(DecodeContext c, int o, int n) {
        int p = 2;
        for (int k = 0; p < n; k++) {
            if (k == c.maxOptions() || p + 2 > n) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, o + p, "Access Network Identifier: malformed sub-option");
                return;
            }
            int type = c.u8(o + p), sl = c.u8(o + p + 1);
            c.out().beginGroup(ANI, o + p, Math.min(sl + 2, n - p));
            c.add(ANI_TYPE, type, o + p, 1);
            c.add(ANI_LEN, sl, o + p + 1, 1);
            int d = p + 2;
            switch (type) {
                case 1 -> {
                    if (MipOptionBodies.num(c, ANI_E, o, n, d, 1) && MipOptionBodies.num(c, ANI_NET_NAME_LEN, o, n, d + 1, 1)) {
                        int e = c.u8(o + d), nl = c.u8(o + d + 1);
                        if (nl > 0 && d + 2 + nl <= n) c.ref((e & 0x80) != 0 ? ANI_NET_NAME : ANI_NET_NAME_DATA, o + d + 2, nl);
                        int a = d + 2 + nl;
                        if (MipOptionBodies.num(c, ANI_AP_NAME_LEN, o, n, a, 1)) {
                            int al = c.u8(o + a);
                            if (al > 0 && a + 1 + al <= n) c.ref(ANI_AP_NAME, o + a + 1, al);
                        }
                    }
                }
                case 3 -> {
                    MipOptionBodies.num(c, ANI_OP_ID_TYPE, o, n, d, 1);
                    MipOptionBodies.bytes(c, ANI_OP_ID, o, n, d + 1, sl - 1);
                }
                default -> { } // geo-location: tshark's degrees are a custom rendering of 24-bit fixed point
            }
            c.out().endGroup();
            p += 2 + sl;
        }
    }
}
