package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The LCP configuration options Wireshark 4.0 names most often seen on real links: MRU, ACCM, authentication and
 * quality protocols, magic number, protocol-field and address/control-field compression (RFC 1661), callback
 * (RFC 1570), and the multilink options (RFC 1990). Other types add no field, as unknown ones do in Wireshark.
 */
final class LcpOptions extends PppOptions {
    static final FieldDef TYPE = Fields.uint("lcp.opt.type", "Type", 8);
    static final FieldDef LENGTH = Fields.uint("lcp.opt.length", "Length", 8);
    // Wireshark's node over each whole option is a protocol item, whose -T fields value is the option's bytes
    static final FieldDef MRU_NODE = Fields.bytes("lcp.opt.mtu_bytes", "Maximum Receive Unit");
    static final FieldDef ACCM_NODE = Fields.bytes("lcp.opt.asyncmap_bytes", "Async Control Character Map");
    static final FieldDef AUTH_NODE = Fields.bytes("lcp.opt.auth_protocol_bytes", "Authentication Protocol");
    static final FieldDef QUALITY_NODE = Fields.bytes("lcp.opt.quality_protocol_bytes", "Quality Protocol");
    static final FieldDef MAGIC_NODE = Fields.bytes("lcp.opt.magic_number_bytes", "Magic Number");
    static final FieldDef PFC_NODE = Fields.bytes("lcp.opt.field_compress", "Protocol Field Compression");
    static final FieldDef ACFC_NODE = Fields.bytes("lcp.opt.addr_field_compress", "Address and Control Field Compression");
    static final FieldDef CALLBACK_NODE = Fields.bytes("lcp.opt.callback", "Callback");
    static final FieldDef MRRU_NODE = Fields.bytes("lcp.opt.multilink_mrru", "Multilink MRRU");
    static final FieldDef SSNH_NODE = Fields.bytes("lcp.opt.multilink_ssnh", "Multilink Short Sequence Number Header");
    static final FieldDef EP_DISC_NODE = Fields.bytes("lcp.opt.multilink_ep_disc", "Multilink Endpoint Discriminator");
    static final FieldDef MRU = Fields.uint("lcp.opt.mru", "Maximum Receive Unit", 16);
    static final FieldDef ASYNCMAP = Fields.hex("lcp.opt.asyncmap", "Async Control Character Map", 32);
    static final FieldDef AUTH_PROTOCOL = Fields.hex("lcp.opt.auth_protocol", "Authentication Protocol", 16);
    static final FieldDef ALGORITHM = Fields.uint("lcp.opt.algorithm", "Algorithm", 8);
    static final FieldDef DATA = Fields.bytes("lcp.opt.data", "Data");
    static final FieldDef QUALITY_PROTOCOL = Fields.hex("lcp.opt.quality_protocol", "Quality Protocol", 16);
    static final FieldDef MAGIC_NUMBER = Fields.hex("lcp.opt.magic_number", "Magic Number", 32);
    static final FieldDef OPERATION = Fields.uint("lcp.opt.operation", "Operation", 8);
    static final FieldDef MESSAGE = Fields.bytes("lcp.opt.message", "Message");
    static final FieldDef MRRU = Fields.uint("lcp.opt.mrru", "MRRU", 16);
    static final FieldDef EP_DISC_CLASS = Fields.uint("lcp.opt.ep_disc_class", "Class", 8);
    static final FieldDef IP_ADDRESS = Fields.ipv4("lcp.opt.ip_address", "IP Address");
    static final FieldDef IEEE_802_1_ADDRESS = Fields.mac("lcp.opt.802_1_address", "IEEE 802.1 Address");
    static final FieldDef MAGIC_BLOCK = Fields.bytes("lcp.opt.magic_block", "PPP Magic-Number Block");
    static final FieldDef PSNDN = Fields.bytes("lcp.opt.psndn", "Public Switched Network Directory Number");
    /** The 32 ACCM flags, bit 0 (NUL) first; Wireshark adds them from bit 31 (US) down. */
    private static final String[] CONTROL_CHARS = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht",
        "lf", "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
        "esc", "fs", "gs", "rs", "us"};
    private static final FieldDef[] ACCM_FLAGS = new FieldDef[32];
    static {
        for (int bit = 0; bit < 32; bit++) {
            ACCM_FLAGS[bit] = Fields.flag("lcp.opt.asyncmap." + CONTROL_CHARS[bit],
                    CONTROL_CHARS[bit].toUpperCase(java.util.Locale.ROOT), 32, 1L << bit);
        }
    }

    static final int PPP_CHAP = 0xC223;

    @Override String name() { return "LCP"; }

    @Override boolean option(DecodeContext c, int type, int o, int olen) {
        switch (type) {
            case 1 -> {
                if (!open(c, MRU_NODE, "MRU", o, olen, 4, true)) return true;
                c.add(MRU, c.u16(o + 2), o + 2, 2);
            }
            case 2 -> {
                if (!open(c, ACCM_NODE, "ACCM", o, olen, 6, true)) return true;
                accm(c, o + 2);
            }
            case 3 -> {
                if (!open(c, AUTH_NODE, "Authentication-Protocol", o, olen, 4, false)) return true;
                int proto = c.u16(o + 2);
                c.add(AUTH_PROTOCOL, proto, o + 2, 2);
                if (proto == PPP_CHAP) {
                    if (olen > 4) c.add(ALGORITHM, c.u8(o + 4), o + 4, 1);
                } else if (olen > 4) {
                    c.ref(DATA, o + 4, olen - 4);
                }
            }
            case 4 -> {
                if (!open(c, QUALITY_NODE, "Quality-Protocol", o, olen, 4, false)) return true;
                int proto = c.u16(o + 2);
                c.add(QUALITY_PROTOCOL, proto, o + 2, 2);
                if (olen > 4) {
                    // Wireshark 4.0 fails on any data after the quality protocol (even LQR's reporting period) and
                    // shows nothing more of the packet: the walk ends here too, for agreement
                    c.out().endGroup();
                    return false;
                }
            }
            case 5 -> {
                if (!open(c, MAGIC_NODE, "Magic-Number", o, olen, 6, true)) return true;
                c.add(MAGIC_NUMBER, c.u32(o + 2), o + 2, 4);
            }
            case 7 -> { if (!open(c, PFC_NODE, "Protocol-Field-Compression", o, olen, 2, true)) return true; }
            case 8 -> { if (!open(c, ACFC_NODE, "Address-and-Control-Field-Compression", o, olen, 2, true)) return true; }
            case 13 -> {
                if (!open(c, CALLBACK_NODE, "Callback", o, olen, 3, false)) return true;
                c.add(OPERATION, c.u8(o + 2), o + 2, 1);
                if (olen > 3) c.ref(MESSAGE, o + 3, olen - 3);
            }
            case 17 -> {
                if (!open(c, MRRU_NODE, "Multilink-MRRU", o, olen, 4, true)) return true;
                c.add(MRRU, c.u16(o + 2), o + 2, 2);
            }
            case 18 -> { if (!open(c, SSNH_NODE, "Multilink-SSNH", o, olen, 2, true)) return true; }
            case 19 -> {
                if (!open(c, EP_DISC_NODE, "Endpoint-Discriminator", o, olen, 3, false)) return true;
                endpoint(c, o, olen);
            }
            default -> { return true; }
        }
        c.out().endGroup();
        return true;
    }

    /**
     * Checks the length and, when it is right, opens the option's node and adds type and length; the caller adds
     * the value and {@link #option} closes the node.
     */
    private static boolean open(DecodeContext c, FieldDef node, String what, int o, int olen, int min, boolean exact) {
        if (!lengthOk(c, "LCP " + what, o, olen, min, exact)) return false;
        c.out().beginGroup(node, o, olen);
        c.add(TYPE, c.u8(o), o, 1);
        c.add(LENGTH, olen, o + 1, 1);
        return true;
    }

    private static void accm(DecodeContext c, int v) {
        long map = c.u32(v);
        c.out().beginGroup(ASYNCMAP, map, v, 4);
        for (int bit = 31; bit >= 0; bit--) c.out().addMasked(ACCM_FLAGS[bit], map, v, 4);
        c.out().endGroup();
    }

    /** RFC 1990 section 5.1.3: the class says what the address is. */
    private static void endpoint(DecodeContext c, int o, int olen) {
        int cls = c.u8(o + 2);
        c.add(EP_DISC_CLASS, cls, o + 2, 1);
        int v = o + 3, n = olen - 3;
        if (n <= 0) return;
        switch (cls) {
            case 2 -> { if (n >= 4) c.add(IP_ADDRESS, c.u32(v), v, 4); }
            case 3 -> { if (n >= 6) c.add(IEEE_802_1_ADDRESS, c.u48(v), v, 6); }
            case 4 -> c.ref(MAGIC_BLOCK, v, n);
            case 5 -> c.ref(PSNDN, v, n);
            default -> c.ref(DATA, v, n);
        }
    }
}
