package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/** The options field of OSPF version 2 (one octet, RFC 2328 A.2) and version 3 (three octets, RFC 5340 A.2). */
final class OspfOptions {
    static final FieldDef V2 = Fields.hex("ospf.v2.options", "Options", 8);
    static final FieldDef V2_DN = Fields.flag("ospf.v2.options.dn", "DN", 8, 0x80);
    static final FieldDef V2_O = Fields.flag("ospf.v2.options.o", "O", 8, 0x40);
    static final FieldDef V2_DC = Fields.flag("ospf.v2.options.dc", "(DC) Demand Circuits", 8, 0x20);
    static final FieldDef V2_L = Fields.flag("ospf.v2.options.l", "(L) LLS Data block", 8, 0x10);
    static final FieldDef V2_N = Fields.flag("ospf.v2.options.n", "(N) NSSA", 8, 0x08);
    static final FieldDef V2_P = Fields.flag("ospf.v2.options.p", "(P) Propagate", 8, 0x08);
    static final FieldDef V2_MC = Fields.flag("ospf.v2.options.mc", "(MC) Multicast", 8, 0x04);
    static final FieldDef V2_E = Fields.flag("ospf.v2.options.e", "(E) External Routing", 8, 0x02);
    static final FieldDef V2_MT = Fields.flag("ospf.v2.options.mt", "(MT) Multi-Topology Routing", 8, 0x01);
    static final FieldDef V3 = Fields.hex("ospf.v3.options", "Options", 24);
    static final FieldDef V3_AT = Fields.flag("ospf.v3.options.at", "AT", 24, 0x400);
    static final FieldDef V3_L = Fields.flag("ospf.v3.options.l", "L", 24, 0x200);
    static final FieldDef V3_AF = Fields.flag("ospf.v3.options.af", "AF", 24, 0x100);
    static final FieldDef V3_DC = Fields.flag("ospf.v3.options.dc", "DC", 24, 0x20);
    static final FieldDef V3_R = Fields.flag("ospf.v3.options.r", "R", 24, 0x10);
    static final FieldDef V3_N = Fields.flag("ospf.v3.options.n", "N", 24, 0x08);
    static final FieldDef V3_MC = Fields.flag("ospf.v3.options.mc", "MC", 24, 0x04);
    static final FieldDef V3_E = Fields.flag("ospf.v3.options.e", "E", 24, 0x02);
    static final FieldDef V3_V6 = Fields.flag("ospf.v3.options.v6", "V6", 24, 0x01);

    private OspfOptions() { }

    /**
     * Version 2's options octet at {@code at}; returns it. Wireshark shows bit 0x08 as N (NSSA) everywhere but in
     * NSSA LSAs' headers, where it is P (propagate): {@code nssa} says which.
     */
    static int v2(DecodeContext c, int at, boolean nssa) {
        int o = c.u8(at);
        c.out().beginGroup(V2, o, at, 1);
        c.out().addMasked(V2_DN, o, at, 1);
        c.out().addMasked(V2_O, o, at, 1);
        c.out().addMasked(V2_DC, o, at, 1);
        c.out().addMasked(V2_L, o, at, 1);
        c.out().addMasked(nssa ? V2_P : V2_N, o, at, 1);
        c.out().addMasked(V2_MC, o, at, 1);
        c.out().addMasked(V2_E, o, at, 1);
        c.out().addMasked(V2_MT, o, at, 1);
        c.out().endGroup();
        return o;
    }

    static int v2(DecodeContext c, int at) { return v2(c, at, false); }

    /** Version 3's three option octets at {@code at}; returns them. */
    static int v3(DecodeContext c, int at) {
        int o = c.u24(at);
        c.out().beginGroup(V3, o, at, 3);
        c.out().addMasked(V3_AT, o, at, 3);
        c.out().addMasked(V3_L, o, at, 3);
        c.out().addMasked(V3_AF, o, at, 3);
        c.out().addMasked(V3_DC, o, at, 3);
        c.out().addMasked(V3_R, o, at, 3);
        c.out().addMasked(V3_N, o, at, 3);
        c.out().addMasked(V3_MC, o, at, 3);
        c.out().addMasked(V3_E, o, at, 3);
        c.out().addMasked(V3_V6, o, at, 3);
        c.out().endGroup();
        return o;
    }
}
