package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Ethernet;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** Ethernet II / 802.3 MAC header and 802.1Q tags (ethernet.ksy) mapped to Wireshark's eth.* and vlan.*. */
final class EthernetLayer {
    static final FieldDef DST = Catalog.field("eth.dst");
    static final FieldDef DST_OUI = Catalog.field("eth.dst.oui");
    static final FieldDef DST_LG = Catalog.field("eth.dst.lg");
    static final FieldDef DST_IG = Catalog.field("eth.dst.ig");
    static final FieldDef SRC = Catalog.field("eth.src");
    static final FieldDef SRC_OUI = Catalog.field("eth.src.oui");
    static final FieldDef SRC_LG = Catalog.field("eth.src.lg");
    static final FieldDef SRC_IG = Catalog.field("eth.src.ig");
    static final FieldDef ADDR = Catalog.field("eth.addr");
    static final FieldDef ADDR_OUI = Catalog.field("eth.addr.oui");
    static final FieldDef LG = Catalog.field("eth.lg");
    static final FieldDef IG = Catalog.field("eth.ig");
    static final FieldDef TYPE = Catalog.field("eth.type");
    static final FieldDef LEN = Catalog.field("eth.len");
    static final FieldDef VLAN_PRIORITY = Catalog.field("vlan.priority");
    static final FieldDef VLAN_DEI = Catalog.field("vlan.dei");
    static final FieldDef VLAN_ID = Catalog.field("vlan.id");
    static final FieldDef VLAN_ETYPE = Catalog.field("vlan.etype");
    static final FieldDef VLAN_LEN = Catalog.field("vlan.len");

    private EthernetLayer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.ETHERNET, off);
        Ethernet h;
        try {
            h = new Ethernet(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.ETHERNET, e, off, len);
            return;
        }
        address(p, DST, DST_OUI, DST_LG, DST_IG, h.dst(), off);
        address(p, SRC, SRC_OUI, SRC_LG, SRC_IG, h.src(), off + 6);
        int type = h.etherType();
        if (h.isLength()) {
            // an 802.3 length frame: LLC follows, which this engine does not decode
            p.b.add(LEN, type, off + 12, 2);
            p.b.endLayer(14);
            p.raw(off + 14, Math.min(type, len - 14));
            return;
        }
        p.b.add(TYPE, type, off + 12, 2);
        p.b.endLayer(14);
        p.byEtherType(type, off + 14, len - 14);
    }

    /** An 802.1Q tag (after TPID 0x8100): priority, DEI, VLAN id and the EtherType it carries. */
    static void vlan(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.VLAN, off);
        Ethernet.VlanTag t;
        try {
            t = new Ethernet.VlanTag(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.VLAN, e, off, len);
            return;
        }
        p.b.add(VLAN_PRIORITY, t.priority(), off, 2);
        p.b.add(VLAN_DEI, t.dei() ? 1 : 0, off, 2);
        p.b.add(VLAN_ID, t.vid(), off, 2);
        int type = t.etherType();
        if (type < 1536) {
            p.b.add(VLAN_LEN, type, off + 2, 2);
            p.b.endLayer(4);
            p.raw(off + 4, Math.min(type, len - 4));
            return;
        }
        p.b.add(VLAN_ETYPE, type, off + 2, 2);
        p.b.endLayer(4);
        p.byEtherType(type, off + 4, len - 4);
    }

    /** The address and Wireshark's companions, in its order: OUI, eth.addr, eth.addr.oui, LG and IG bits. */
    private static void address(Packet p, FieldDef which, FieldDef oui, FieldDef lg, FieldDef ig, byte[] mac, int at) {
        long v = 0;
        for (byte x : mac) v = (v << 8) | (x & 0xFF);
        long top = v >>> 24;
        p.b.beginGroup(which, v, at, 6);
        p.b.add(oui, top, at, 3);
        p.b.add(ADDR, v, at, 6);
        p.b.add(ADDR_OUI, top, at, 3);
        p.b.addMasked(lg, top, at, 3);
        p.b.addMasked(LG, top, at, 3);
        p.b.addMasked(ig, top, at, 3);
        p.b.addMasked(IG, top, at, 3);
        p.b.endGroup();
    }
}
