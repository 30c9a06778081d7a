package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Icmp;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** ICMP (icmp.ksy) mapped to Wireshark's icmp.*; an error's quoted datagram is decoded as IPv4 again. */
final class IcmpLayer {
    static final FieldDef TYPE = Catalog.field("icmp.type");
    static final FieldDef CODE = Catalog.field("icmp.code");
    static final FieldDef CHECKSUM = Catalog.field("icmp.checksum");
    static final FieldDef CHECKSUM_STATUS = Catalog.field("icmp.checksum.status");
    static final FieldDef IDENT = Catalog.field("icmp.ident");
    static final FieldDef IDENT_LE = Catalog.field("icmp.ident_le");
    static final FieldDef SEQ = Catalog.field("icmp.seq");
    static final FieldDef SEQ_LE = Catalog.field("icmp.seq_le");
    static final FieldDef MTU = Catalog.field("icmp.mtu");
    static final FieldDef POINTER = Catalog.field("icmp.pointer");
    static final FieldDef REDIR_GW = Catalog.field("icmp.redir_gw");

    private IcmpLayer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.ICMP, off);
        Icmp h;
        try {
            h = new Icmp(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.ICMP, e, off, len);
            return;
        }
        int type = h.type();
        p.b.add(TYPE, type, off, 1);
        p.b.add(CODE, h.code(), off + 1, 1);
        p.b.add(CHECKSUM, h.checksum(), off + 2, 2);
        p.b.add(CHECKSUM_STATUS, p.inError ? 2 : Checksums.status(p, off, len, 0), off + 2, 0);
        switch (type) {
            case 0, 8, 13, 14, 15, 16, 17, 18 -> {
                int id = h.identifier(), seq = h.sequence();
                p.b.add(IDENT, id, off + 4, 2);
                p.b.add(IDENT_LE, Integer.reverseBytes(id) >>> 16, off + 4, 2);
                p.b.add(SEQ, seq, off + 6, 2);
                p.b.add(SEQ_LE, Integer.reverseBytes(seq) >>> 16, off + 6, 2);
            }
            case 3 -> { if (h.code() == 4) p.b.add(MTU, h.mtu(), off + 6, 2); }
            case 5 -> p.b.add(REDIR_GW, h.gateway() & 0xFFFFFFFFL, off + 4, 4);
            case 12 -> p.b.add(POINTER, h.pointer(), off + 4, 1);
            default -> { }
        }
        p.b.endLayer(8);
        if (h.isError()) {
            p.inError = true;
            Ipv4Layer.decode(p, off + 8, len - 8);
        } else {
            p.raw(off + 8, len - 8);
        }
    }
}
