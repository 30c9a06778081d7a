package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * VXLAN (RFC 7348, UDP 4789) as Wireshark 4.0 shows it, with the Group Based Policy extension's flag bits and
 * policy id that Wireshark always reads from the first word: flags, group policy id, VNI, reserved; an Ethernet
 * frame follows.
 */
public final class VxlanDecoder implements LayerDecoder {
    public static final Protocol VXLAN = Protocols.define("VXLAN", "vxlan", Level.APPLICATION);

    static final FieldDef FLAGS = Fields.hex("vxlan.flags", "Flags", 16);
    static final FieldDef FLAG_G = Fields.flag("vxlan.flag_g", "GBP Extension", 16, 0x8000);
    static final FieldDef FLAG_I = Fields.flag("vxlan.flag_i", "VXLAN Network ID (VNI)", 16, 0x0800);
    static final FieldDef FLAG_D = Fields.flag("vxlan.flag_d", "Don't Learn", 16, 0x0040);
    static final FieldDef FLAG_A = Fields.flag("vxlan.flag_a", "Policy Applied", 16, 0x0008);
    static final FieldDef FLAGS_RESERVED = Fields.masked("vxlan.flags_reserved", "Reserved(R)", 16, 0x77B7,
            io.pcapkit.model.Base.HEX);
    static final FieldDef GBP = Fields.uint("vxlan.gbp", "Group Policy ID", 16);
    static final FieldDef VNI = Fields.uint("vxlan.vni", "VXLAN Network Identifier (VNI)", 24);
    static final FieldDef RESERVED8 = Fields.uint("vxlan.reserved8", "Reserved", 8);

    private static final FieldDef[] FLAG_BITS = {FLAG_G, FLAG_I, FLAG_D, FLAG_A, FLAGS_RESERVED};
    private static final int LINKTYPE_ETHERNET = 1;

    @Override public Protocol protocol() { return VXLAN; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 8) return c.truncated(len, "VXLAN header needs 8 bytes, has " + len);
        int flags = c.u16(off);
        c.add(FLAGS, flags, off, 2);
        for (FieldDef f : FLAG_BITS) c.out().addMasked(f, flags, off, 2);
        c.add(GBP, c.u16(off + 2), off + 2, 2);
        c.add(VNI, c.u24(off + 4), off + 4, 3);
        c.add(RESERVED8, c.u8(off + 7), off + 7, 1);
        c.next(Dispatch.LINK_TYPE, LINKTYPE_ETHERNET, -1);
        return 8;
    }
}
