package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The locators of a HIP LOCATOR parameter: types 0 and 1 (RFC 5206 §4) and type 2 (RFC 5770 §5.7). As in tshark,
 * each locator's node is its address (shown once more inside it), the count of bytes left starts four short of
 * the parameter's length, and a locator of an unknown type is skipped by its length byte.
 */
final class HipLocators {
    static final FieldDef TRAFFIC_TYPE = Fields.uint("hip.tlv.locator_traffic_type", "Traffic Type", 8);
    static final FieldDef TYPE = Fields.uint("hip.tlv.locator_type", "Locator Type", 8);
    static final FieldDef LEN = Fields.uint("hip.tlv.locator_len", "Locator Length", 8);
    static final FieldDef RESERVED = Fields.hex("hip.tlv.locator_reserved", "Reserved", 8);
    static final FieldDef LIFETIME = Fields.uint("hip.tlv.locator_lifetime", "Locator Lifetime", 32);
    static final FieldDef PORT = Fields.uint("hip.tlv.locator_port", "Locator port", 16);
    static final FieldDef TRANSPORT = Fields.uint("hip.tlv.locator_transport_protocol", "Locator transport protocol", 8);
    static final FieldDef KIND = Fields.hex("hip.tlv.locator_kind", "Locator kind", 8);
    static final FieldDef PRIORITY = Fields.hex("hip.tlv.locator_priority", "Locator priority", 32);
    static final FieldDef SPI = Fields.hex("hip.tlv.locator_spi", "Locator SPI", 32);
    static final FieldDef ADDRESS = Fields.ipv6("hip.tlv.locator_address", "Locator");

    private HipLocators() { }

    /** The locators from {@code d}, the parameter's {@code len} content bytes; false when they ran past {@code e}. */
    static boolean decode(DecodeContext c, int e, int d, int len) {
        int left = len - 4;
        for (int n = 0; left > 0; n++) {
            if (n == HipParameters.MAX_ENTRIES) {
                c.anomaly(Anomaly.Kind.LIMIT, d, "more than " + HipParameters.MAX_ENTRIES + " HIP locators");
                return true;
            }
            if (d + 3 > e) return false;
            int type = c.u8(d + 1);
            if (type > 2) {
                d += 1 + c.u8(d + 2);
                if (d + 3 > e) return false;
                left -= 1 + c.u8(d + 2);
                continue;
            }
            int addr = d + (type == 0 ? 8 : type == 1 ? 12 : 20);
            if (addr + 16 > e) return false;
            c.ref(ADDRESS, addr, 16); // tshark's node for the locator
            if (!locator(c, e, d, type, addr)) return false;
            d = addr + 16;
            left -= type == 0 ? 24 : type == 1 ? 28 : 36;
        }
        return true;
    }

    private static boolean locator(DecodeContext c, int e, int d, int type, int addr) {
        if (!HipParameters.num(c, e, TRAFFIC_TYPE, d, 1) || !HipParameters.num(c, e, TYPE, d + 1, 1)
                || !HipParameters.num(c, e, LEN, d + 2, 1) || !HipParameters.num(c, e, RESERVED, d + 3, 1)
                || !HipParameters.num(c, e, LIFETIME, d + 4, 4)) return false;
        if (type == 1 && !HipParameters.num(c, e, SPI, d + 8, 4)) return false;
        if (type == 2 && !(HipParameters.num(c, e, PORT, d + 8, 2) && HipParameters.num(c, e, TRANSPORT, d + 10, 1)
                && HipParameters.num(c, e, KIND, d + 11, 1) && HipParameters.num(c, e, PRIORITY, d + 12, 4)
                && HipParameters.num(c, e, SPI, d + 16, 4))) return false;
        return HipParameters.ref(c, e, ADDRESS, addr, 16);
    }
}
