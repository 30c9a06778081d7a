package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * A DHCP Unique Identifier (RFC 8415 section 11) in a Client or Server Identifier option, with tshark 4.0's fields:
 * the whole DUID as bytes, its type, then by type the hardware type, time (seconds since 2000, shown as a UTC date)
 * and link-layer address (LLT), the enterprise number and identifier (EN), the hardware type and address (LL), or the
 * UUID.
 */
final class Dhcpv6Duid {
    static final FieldDef BYTES = Fields.bytes("dhcpv6.duid.bytes", "DUID");
    static final FieldDef TYPE = Fields.uint("dhcpv6.duid.type", "DUID Type", 16, ValueNames.of(
            1, "link-layer address plus time", 2, "assigned by vendor based on Enterprise number",
            3, "link-layer address", 4, "Universally Unique IDentifier (UUID)"));
    static final FieldDef LLT_HWTYPE = Fields.uint("dhcpv6.duidllt.hwtype", "Hardware type", 16);
    static final FieldDef LLT_TIME = Fields.string("dhcpv6.duidllt.time", "DUID Time");
    static final FieldDef LLT_ADDR = Fields.string("dhcpv6.duidllt.link_layer_addr", "Link-layer address");
    static final FieldDef EN_ENTERPRISE = Fields.uint("dhcpv6.duiden.enterprise", "Enterprise ID", 32);
    static final FieldDef EN_IDENTIFIER = Fields.bytes("dhcpv6.duiden.identifier", "Identifier");
    static final FieldDef LL_HWTYPE = Fields.uint("dhcpv6.duidll.hwtype", "Hardware type", 16);
    static final FieldDef LL_ADDR = Fields.string("dhcpv6.duidll.link_layer_addr", "Link-layer address");
    static final FieldDef UUID = Fields.bytes("dhcpv6.duiduuid.bytes", "UUID");

    /** 2000-01-01T00:00:00Z, RFC 8415's DUID time origin, in Unix seconds. */
    static final long EPOCH_2000 = 946_684_800L;

    private Dhcpv6Duid() { }

    static void decode(DecodeContext c, int v, int len) {
        if (len < 2) return;
        c.ref(BYTES, v, len);
        int type = c.u16(v);
        c.add(TYPE, type, v, 2);
        switch (type) {
            case 1 -> {
                if (len < 8) return;
                c.add(LLT_HWTYPE, c.u16(v + 2), v + 2, 2);
                c.out().addObject(LLT_TIME, AbsoluteTimes.utc(EPOCH_2000 + c.u32(v + 4), 0), v + 4, 4);
                if (len > 8) c.out().addObject(LLT_ADDR, DhcpOptionValues.colonHex(c, v + 8, len - 8), v + 8, len - 8);
            }
            case 2 -> {
                if (len < 6) return;
                c.add(EN_ENTERPRISE, c.u32(v + 2), v + 2, 4);
                if (len > 6) c.ref(EN_IDENTIFIER, v + 6, len - 6);
            }
            case 3 -> {
                if (len < 4) return;
                c.add(LL_HWTYPE, c.u16(v + 2), v + 2, 2);
                if (len > 4) c.out().addObject(LL_ADDR, DhcpOptionValues.colonHex(c, v + 4, len - 4), v + 4, len - 4);
            }
            case 4 -> {
                if (len == 18) c.ref(UUID, v + 2, 16);
            }
            default -> { }
        }
    }
}
