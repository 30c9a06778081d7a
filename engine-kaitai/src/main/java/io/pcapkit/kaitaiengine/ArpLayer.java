package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Arp;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocol;

/** ARP/RARP (arp.ksy) mapped to Wireshark's arp.*. */
final class ArpLayer {
    static final FieldDef HW_TYPE = Catalog.field("arp.hw.type");
    static final FieldDef PROTO_TYPE = Catalog.field("arp.proto.type");
    static final FieldDef HW_SIZE = Catalog.field("arp.hw.size");
    static final FieldDef PROTO_SIZE = Catalog.field("arp.proto.size");
    static final FieldDef OPCODE = Catalog.field("arp.opcode");
    static final FieldDef SRC_HW_MAC = Catalog.field("arp.src.hw_mac");
    static final FieldDef SRC_HW = Catalog.field("arp.src.hw");
    static final FieldDef SRC_PROTO_IPV4 = Catalog.field("arp.src.proto_ipv4");
    static final FieldDef SRC_PROTO = Catalog.field("arp.src.proto");
    static final FieldDef DST_HW_MAC = Catalog.field("arp.dst.hw_mac");
    static final FieldDef DST_HW = Catalog.field("arp.dst.hw");
    static final FieldDef DST_PROTO_IPV4 = Catalog.field("arp.dst.proto_ipv4");
    static final FieldDef DST_PROTO = Catalog.field("arp.dst.proto");

    private ArpLayer() { }

    static void decode(Packet p, Protocol proto, int off, int len) {
        p.b.beginLayer(proto, off);
        Arp a;
        try {
            a = new Arp(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(proto, e, off, len);
            return;
        }
        int hrd = a.hwType(), pro = a.protoType(), hln = a.hwSize(), pln = a.protoSize();
        p.b.add(HW_TYPE, hrd, off, 2);
        p.b.add(PROTO_TYPE, pro, off + 2, 2);
        p.b.add(HW_SIZE, hln, off + 4, 1);
        p.b.add(PROTO_SIZE, pln, off + 5, 1);
        p.b.add(OPCODE, a.opcode(), off + 6, 2);
        // RFC 826's hardware types 1 (Ethernet) and 6 (IEEE 802) with 6-byte addresses are MACs
        boolean ether = (hrd == 1 || hrd == 6) && hln == 6;
        boolean ipv4 = (pro == 0x0800 || pro == 0xCC) && pln == 4;
        int sha = off + 8, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
        if (hln != 0) address(p, ether ? SRC_HW_MAC : SRC_HW, sha, hln);
        if (pln != 0) address(p, ipv4 ? SRC_PROTO_IPV4 : SRC_PROTO, spa, pln);
        if (hln != 0) address(p, ether ? DST_HW_MAC : DST_HW, tha, hln);
        if (pln != 0) address(p, ipv4 ? DST_PROTO_IPV4 : DST_PROTO, tpa, pln);
        p.b.endLayer(8 + 2 * hln + 2 * pln);
    }

    private static void address(Packet p, FieldDef f, int at, int size) {
        if (f == SRC_HW_MAC || f == DST_HW_MAC) p.b.add(f, (p.u32(at) << 16) | p.u16(at + 4), at, size);
        else if (f == SRC_PROTO_IPV4 || f == DST_PROTO_IPV4) p.b.add(f, p.u32(at), at, size);
        else p.b.addRef(f, at, size);
    }
}
