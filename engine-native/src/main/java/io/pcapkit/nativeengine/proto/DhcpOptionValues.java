package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The DHCP options whose value has a structure of its own (see {@link DhcpOptions} for the rest): client identifier
 * (61), client FQDN (81), user class (77) and classless static routes (121), with tshark 4.0's fields.
 */
final class DhcpOptionValues {
    static final FieldDef FQDN_FLAGS = Fields.hex("dhcp.fqdn.flags", "Flags", 8);
    static final FieldDef FQDN_MBZ = Fields.masked("dhcp.fqdn.mbz", "Reserved flags", 8, 0xF0, Base.HEX);
    static final FieldDef FQDN_N = Fields.flag("dhcp.fqdn.n", "Server DDNS", 8, 0x08);
    static final FieldDef FQDN_E = Fields.flag("dhcp.fqdn.e", "Encoding", 8, 0x04);
    static final FieldDef FQDN_O = Fields.flag("dhcp.fqdn.o", "Server overrides", 8, 0x02);
    static final FieldDef FQDN_S = Fields.flag("dhcp.fqdn.s", "Server", 8, 0x01);
    static final FieldDef FQDN_RCODE1 = Fields.uint("dhcp.fqdn.rcode1", "A-RR result", 8);
    static final FieldDef FQDN_RCODE2 = Fields.uint("dhcp.fqdn.rcode2", "PTR-RR result", 8);
    static final FieldDef FQDN_NAME = Fields.string("dhcp.fqdn.name", "Client name");

    static final FieldDef USER_CLASS_INSTANCE = Fields.uint("dhcp.option.user_class", "Instance of User Class", 8);
    static final FieldDef USER_CLASS_LENGTH = Fields.uint("dhcp.option.user_class.length", "User Class Length", 8);
    static final FieldDef USER_CLASS_DATA = Fields.bytes("dhcp.option.user_class.data", "User Class Data");
    static final FieldDef CLASSLESS_ROUTE_ITEM = Fields.bytes("dhcp.option.classless_static_route",
            "Subnet/MaskWidth-Router");
    static final FieldDef IAID = Fields.string("dhcp.client_id.iaid", "IAID");
    static final FieldDef DUID_TYPE = Fields.uint("dhcp.client_id.duid_type", "DUID Type", 16);
    static final FieldDef DUID_LLT_HW_TYPE = Fields.uint("dhcp.client_id.duid_llt_hw_type", "Hardware type", 16);
    static final FieldDef DUID_LL_HW_TYPE = Fields.uint("dhcp.client_id.duid_ll_hw_type", "Hardware type", 16);
    static final FieldDef DUID_TIME = Fields.uint("dhcp.client_id.time", "Time", 32);
    static final FieldDef DUID_LLA = Fields.string("dhcp.client_id.link_layer_address", "Link layer address");


    private DhcpOptionValues() { }

    /**
     * Option 61 (RFC 2132 section 9.14): seven bytes whose first is a hardware type below 48 are a type and an
     * address (a MAC for Ethernet), as tshark reads them; type 255 is RFC 4361's IAID and DUID; other identifiers are
     * opaque.
     */
    static void clientId(DecodeContext c, int v, int len) {
        if (len < 1) return;
        int type = c.u8(v);
        if (len == 7 && type > 0 && type < 48) {
            c.add(DhcpDecoder.HW_TYPE, type, v, 1);
            if (type == DhcpDecoder.HTYPE_ETHERNET || type == DhcpDecoder.HTYPE_IEEE802) {
                c.add(DhcpDecoder.HW_MAC, c.u48(v + 1), v + 1, 6);
            }
        } else if (type == 255 && len >= 7) {
            StringBuilder iaid = new StringBuilder(8);
            for (int i = 1; i <= 4; i++) io.pcapkit.model.FieldFormat.appendHexInt(iaid, c.u8(v + i), 2);
            c.out().addObject(IAID, iaid.toString().replace("0x", ""), v + 1, 4);
            int d = v + 5, dlen = len - 5;
            int duidType = c.u16(d);
            c.add(DUID_TYPE, duidType, d, 2);
            if (duidType == 1 && dlen >= 8) {
                c.add(DUID_LLT_HW_TYPE, c.u16(d + 2), d + 2, 2);
                c.add(DUID_TIME, c.u32(d + 4), d + 4, 4);
                c.out().addObject(DUID_LLA, colonHex(c, d + 8, dlen - 8), d + 8, dlen - 8);
            } else if (duidType == 3 && dlen >= 4) {
                c.add(DUID_LL_HW_TYPE, c.u16(d + 2), d + 2, 2);
                c.out().addObject(DUID_LLA, colonHex(c, d + 4, dlen - 4), d + 4, dlen - 4);
            }
        }
    }

    static String colonHex(DecodeContext c, int at, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) sb.append(':');
            int x = c.u8(at + i);
            sb.append(Character.forDigit(x >> 4, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }

    /** Option 77 (RFC 3004): instances of a length and opaque data. */
    static void userClass(DecodeContext c, int v, int len) {
        int i = 0;
        for (int n = 0; i < len && n < c.maxOptions(); n++) {
            int l = c.u8(v + i);
            if (i + 1 + l > len) return;
            c.out().beginGroup(USER_CLASS_INSTANCE, n, v + i, 1 + l);
            c.add(USER_CLASS_LENGTH, l, v + i, 1);
            if (l > 0) c.ref(USER_CLASS_DATA, v + i + 1, l);
            c.out().endGroup();
            i += 1 + l;
        }
    }

    /** Option 121 (RFC 3442): each route is a width, the significant octets of the destination, and a router. */
    static void classlessRoutes(DecodeContext c, int v, int len) {
        int i = 0;
        for (int n = 0; i < len && n < c.maxOptions(); n++) {
            int width = c.u8(v + i);
            if (width > 32) {
                c.anomaly(Anomaly.Kind.BAD_VALUE, v + i, "classless static route mask width " + width + " > 32");
                return;
            }
            int size = 1 + (width + 7) / 8 + 4;
            if (i + size > len) return;
            c.ref(CLASSLESS_ROUTE_ITEM, v + i, size);
            i += size;
        }
    }

    /** Option 81 (RFC 4702): flags, two obsolete RCODEs, then the name, in DNS wire form when E is set. */
    static void fqdn(DecodeContext c, int v, int len) {
        if (len < 3) return;
        int flags = c.u8(v);
        c.out().beginGroup(FQDN_FLAGS, flags, v, 1);
        c.add(FQDN_MBZ, flags & 0xF0, v, 1);
        c.add(FQDN_N, flags >> 3 & 1, v, 1);
        c.add(FQDN_E, flags >> 2 & 1, v, 1);
        c.add(FQDN_O, flags >> 1 & 1, v, 1);
        c.add(FQDN_S, flags & 1, v, 1);
        c.out().endGroup();
        c.add(FQDN_RCODE1, c.u8(v + 1), v + 1, 1);
        c.add(FQDN_RCODE2, c.u8(v + 2), v + 2, 1);
        if (len == 3) return;
        int at = v + 3, n = len - 3;
        if ((flags & 0x04) != 0) {
            if (DnsNames.read(c, at, at + n, at) == DnsNames.OK) {
                c.out().addObject(FQDN_NAME, DnsNames.last().text, at, n);
            }
        } else {
            c.out().addObject(FQDN_NAME, DnsNames.ascii(c, at, n), at, n);
        }
    }
}
