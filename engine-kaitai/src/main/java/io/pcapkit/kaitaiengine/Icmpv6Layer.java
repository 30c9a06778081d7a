package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Icmpv6;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/**
 * ICMPv6 (icmpv6.ksy) mapped to Wireshark's icmpv6.*: type, code, checksum (verified over the IPv6 pseudo header),
 * echo identifier and sequence, Packet Too Big MTU, Parameter Problem pointer; an error's quoted packet is decoded
 * as IPv6 again. Neighbour discovery and MLD bodies are left undecoded.
 */
final class Icmpv6Layer {
    static final FieldDef TYPE = Catalog.field("icmpv6.type");
    static final FieldDef CODE = Catalog.field("icmpv6.code");
    static final FieldDef CHECKSUM = Catalog.field("icmpv6.checksum");
    static final FieldDef CHECKSUM_STATUS = Catalog.field("icmpv6.checksum.status");
    static final FieldDef MTU = Catalog.field("icmpv6.mtu");
    static final FieldDef POINTER = Catalog.field("icmpv6.pointer");
    static final FieldDef ECHO_ID = Catalog.field("icmpv6.echo.identifier");
    static final FieldDef ECHO_SEQ = Catalog.field("icmpv6.echo.sequence_number");

    private Icmpv6Layer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.ICMPV6, off);
        Icmpv6 h;
        try {
            h = new Icmpv6(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.ICMPV6, e, off, len);
            return;
        }
        int type = h.type();
        p.b.add(TYPE, type, off, 1);
        p.b.add(CODE, h.code(), off + 1, 1);
        p.b.add(CHECKSUM, h.checksum(), off + 2, 2);
        p.b.add(CHECKSUM_STATUS, p.inError ? 2 : Checksums.status(p, off, len, pseudoHeader(p, len)), off + 2, 0);
        switch (type) {
            case 2 -> p.b.add(MTU, h.mtu() & 0xFFFFFFFFL, off + 4, 4);
            case 4 -> p.b.add(POINTER, h.pointer() & 0xFFFFFFFFL, off + 4, 4);
            case 128, 129 -> {
                p.b.add(ECHO_ID, h.identifier(), off + 4, 2);
                p.b.add(ECHO_SEQ, h.sequence(), off + 6, 2);
            }
            default -> { }
        }
        p.b.endLayer(8);
        if (h.isError() && len > 8) {
            p.inError = true;
            Ipv6Layer.decode(p, off + 8, len - 8);
        } else if (type == 128 || type == 129) {
            p.raw(off + 8, len - 8);
        }
    }

    /** RFC 8200 8.1: source and destination addresses, upper-layer length, next header 58. */
    private static long pseudoHeader(Packet p, int len) {
        long sum = len + 58L;
        for (int i = p.ip6Off + 8, end = p.ip6Off + 40; i < end; i += 2) sum += p.u16(i);
        return sum;
    }
}
