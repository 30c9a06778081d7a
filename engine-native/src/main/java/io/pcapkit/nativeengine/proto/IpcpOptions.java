package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * IPCP options (RFC 1332 addresses and Van Jacobson compression, RFC 1877 name servers, RFC 2290 mobile home
 * address) or IPV6CP's (RFC 5072: interface identifier, and compression shown with IPCP's fields), as Wireshark 4.0
 * shows them. Header-compression sub-options (ROHC, IPHC) add no field here.
 */
final class IpcpOptions extends PppOptions {
    static final FieldDef TYPE = Fields.uint("ipcp.opt.type", "Type", 8);
    static final FieldDef LENGTH = Fields.uint("ipcp.opt.length", "Length", 8);
    // Wireshark's node over each whole option is a protocol item, whose -T fields value is the option's bytes
    static final FieldDef ADDRS_NODE = Fields.bytes("ipcp.opt.addrs", "IP Addresses (deprecated)");
    static final FieldDef COMPRESS_NODE = Fields.bytes("ipcp.opt.compress", "IP Compression Protocol");
    static final FieldDef ADDR_NODE = Fields.bytes("ipcp.opt.addr", "IP Address");
    static final FieldDef MOBILE_NODE = Fields.bytes("ipcp.opt.mobileipv4", "Mobile Node's Home IP Address");
    static final FieldDef PRI_DNS_NODE = Fields.bytes("ipcp.opt.pri_dns", "Primary DNS Server IP Address");
    static final FieldDef PRI_NBNS_NODE = Fields.bytes("ipcp.opt.pri_nbns", "Primary NBNS Server IP Address");
    static final FieldDef SEC_DNS_NODE = Fields.bytes("ipcp.opt.sec_dns", "Secondary DNS Server IP Address");
    static final FieldDef SEC_NBNS_NODE = Fields.bytes("ipcp.opt.sec_nbns", "Secondary NBNS Server IP Address");
    static final FieldDef SRC_ADDRESS = Fields.ipv4("ipcp.opt.src_address", "Source IP Address");
    static final FieldDef DST_ADDRESS = Fields.ipv4("ipcp.opt.dst_address", "Destination IP Address");
    static final FieldDef COMPRESS_PROTO = Fields.hex("ipcp.opt.compress_proto", "IP Compression Protocol", 16);
    static final FieldDef MAX_SLOT_ID = Fields.uint("ipcp.opt.max_slot_id", "Max Slot ID", 8);
    static final FieldDef COMP_SLOT_ID = Fields.flag("ipcp.opt.comp_slot_id", "Comp Slot ID", 8, 0x01);
    static final FieldDef IP_ADDRESS = Fields.ipv4("ipcp.opt.ip_address", "IP Address");
    static final FieldDef HOME_ADDRESS = Fields.ipv4("ipcp.opt.mobilenodehomeaddress", "Mobile Node's Home Address");
    static final FieldDef PRI_DNS = Fields.ipv4("ipcp.opt.pri_dns_address", "Primary DNS Address");
    static final FieldDef PRI_NBNS = Fields.ipv4("ipcp.opt.pri_nbns_address", "Primary NBNS Address");
    static final FieldDef SEC_DNS = Fields.ipv4("ipcp.opt.sec_dns_address", "Secondary DNS Address");
    static final FieldDef SEC_NBNS = Fields.ipv4("ipcp.opt.sec_nbns_address", "Secondary NBNS Address");
    static final FieldDef V6_TYPE = Fields.uint("ipv6cp.opt.type", "Type", 8);
    static final FieldDef V6_LENGTH = Fields.uint("ipv6cp.opt.length", "Length", 8);
    static final FieldDef V6_IID_NODE = Fields.bytes("ipv6cp.opt.interface_identifier", "Interface Identifier");
    // an FT_BYTES field in Wireshark, printed with colons: a string here (see colonHex)
    static final FieldDef V6_IID = Fields.string("ipv6cp.interface_identifier", "Interface Identifier");

    /** Van Jacobson TCP/IP header compression (RFC 1332): max slot id and comp slot id follow. */
    static final int VJ_COMPRESSION = 0x002D;

    private final boolean v6;

    IpcpOptions(boolean v6) { this.v6 = v6; }

    @Override String name() { return v6 ? "IPV6CP" : "IPCP"; }

    @Override boolean option(DecodeContext c, int type, int o, int olen) {
        if (v6 && type == 1) {
            if (!lengthOk(c, "IPV6CP Interface-Identifier", o, olen, 10, true)) return true;
            c.out().beginGroup(V6_IID_NODE, o, olen);
            c.add(V6_TYPE, type, o, 1);
            c.add(V6_LENGTH, olen, o + 1, 1);
            c.out().addObject(V6_IID, colonHex(c, o + 2, 8), o + 2, 8);
            c.out().endGroup();
            return true;
        }
        // IPV6CP's compression option is shown with IPCP's fields; its other types are IPCP's unknowns
        if (v6 && type != 2) return true;
        switch (type) {
            case 1 -> {
                if (!open(c, ADDRS_NODE, "IP-Addresses", o, olen, 10, true)) return true;
                c.add(SRC_ADDRESS, c.u32(o + 2), o + 2, 4);
                c.add(DST_ADDRESS, c.u32(o + 6), o + 6, 4);
            }
            case 2 -> {
                if (!open(c, COMPRESS_NODE, "IP-Compression-Protocol", o, olen, 4, false)) return true;
                int proto = c.u16(o + 2);
                c.add(COMPRESS_PROTO, proto, o + 2, 2);
                if (proto == VJ_COMPRESSION && olen >= 6) {
                    c.add(MAX_SLOT_ID, c.u8(o + 4), o + 4, 1);
                    c.out().addMasked(COMP_SLOT_ID, c.u8(o + 5), o + 5, 1);
                }
            }
            case 3 -> { if (!address(c, ADDR_NODE, IP_ADDRESS, "IP-Address", o, olen)) return true; }
            case 4 -> { if (!address(c, MOBILE_NODE, HOME_ADDRESS, "Mobile-IPv4", o, olen)) return true; }
            case 129 -> { if (!address(c, PRI_DNS_NODE, PRI_DNS, "Primary-DNS", o, olen)) return true; }
            case 130 -> { if (!address(c, PRI_NBNS_NODE, PRI_NBNS, "Primary-NBNS", o, olen)) return true; }
            case 131 -> { if (!address(c, SEC_DNS_NODE, SEC_DNS, "Secondary-DNS", o, olen)) return true; }
            case 132 -> { if (!address(c, SEC_NBNS_NODE, SEC_NBNS, "Secondary-NBNS", o, olen)) return true; }
            default -> { return true; }
        }
        c.out().endGroup();
        return true;
    }

    /**
     * Wireshark prints the interface identifier, a byte string, with colons between the bytes: a small String,
     * made only for IPV6CP Configure packets (a few per session).
     */
    private static String colonHex(DecodeContext c, int at, int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(':');
            int b = c.u8(at + i);
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** A 6-byte option holding one IPv4 address; on success its node is left open for {@link #option} to close. */
    private static boolean address(DecodeContext c, FieldDef node, FieldDef value, String what, int o, int olen) {
        if (!open(c, node, what, o, olen, 6, true)) return false;
        c.add(value, c.u32(o + 2), o + 2, 4);
        return true;
    }

    private static boolean open(DecodeContext c, FieldDef node, String what, int o, int olen, int min, boolean exact) {
        if (!lengthOk(c, "IPCP " + what, o, olen, min, exact)) return false;
        c.out().beginGroup(node, o, olen);
        c.add(TYPE, c.u8(o), o, 1);
        c.add(LENGTH, olen, o + 1, 1);
        return true;
    }
}
