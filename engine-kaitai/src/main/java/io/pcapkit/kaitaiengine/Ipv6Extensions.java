package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Ipv6;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

/**
 * IPv6 extension headers (ipv6.ksy {@code options_header}, {@code routing_header}, {@code fragment_header}), each its
 * own layer as in Wireshark, walked until an upper-layer protocol. Mapped: each header's next-header and length
 * fields, the routing type and segments left, the whole fragment header; the options inside Hop-by-Hop and
 * Destination Options headers are not mapped one by one.
 */
final class Ipv6Extensions {
    static final FieldDef HOP_NXT = Catalog.field("ipv6.hopopts.nxt");
    static final FieldDef HOP_LEN = Catalog.field("ipv6.hopopts.len");
    static final FieldDef HOP_LEN_OCT = Catalog.field("ipv6.hopopts.len_oct");
    static final FieldDef DST_NXT = Catalog.field("ipv6.dstopts.nxt");
    static final FieldDef DST_LEN = Catalog.field("ipv6.dstopts.len");
    static final FieldDef DST_LEN_OCT = Catalog.field("ipv6.dstopts.len_oct");
    static final FieldDef RT_NXT = Catalog.field("ipv6.routing.nxt");
    static final FieldDef RT_LEN = Catalog.field("ipv6.routing.len");
    static final FieldDef RT_LEN_OCT = Catalog.field("ipv6.routing.len_oct");
    static final FieldDef RT_TYPE = Catalog.field("ipv6.routing.type");
    static final FieldDef RT_SEGLEFT = Catalog.field("ipv6.routing.segleft");
    static final FieldDef FRAG_NXT = Catalog.field("ipv6.fraghdr.nxt");
    static final FieldDef FRAG_RESERVED_OCTET = Catalog.field("ipv6.fraghdr.reserved_octet");
    static final FieldDef FRAG_OFFSET = Catalog.field("ipv6.fraghdr.offset");
    static final FieldDef FRAG_RESERVED_BITS = Catalog.field("ipv6.fraghdr.reserved_bits");
    static final FieldDef FRAG_MORE = Catalog.field("ipv6.fraghdr.more");
    static final FieldDef FRAG_IDENT = Catalog.field("ipv6.fraghdr.ident");

    /** More extension headers than this in one packet is an attack, not a packet. */
    private static final int MAX_HEADERS = 16;

    private Ipv6Extensions() { }

    /** Decodes the header {@code nxt} names at {@code off} and whatever follows it. */
    static void next(Packet p, int nxt, int off, int len) {
        for (int count = 0; ; count++) {
            if (count == MAX_HEADERS) {
                p.b.anomaly(Anomaly.Kind.LIMIT, off, "more than " + MAX_HEADERS + " IPv6 extension headers");
                p.raw(off, len);
                return;
            }
            int used;
            switch (nxt) {
                case 0, 60 -> used = options(p, nxt == 0, off, len);
                case 43 -> used = routing(p, off, len);
                case 44 -> used = fragment(p, off, len);
                default -> {
                    p.byIpProtocol(nxt, off, len);
                    return;
                }
            }
            if (used < 0) return;
            nxt = p.u8(off);
            off += used;
            len -= used;
            p.reported -= used;
            if (p.fragmentRest) {
                p.fragmentRest = false;
                p.raw(off, len);
                return;
            }
        }
    }

    private static int options(Packet p, boolean hop, int off, int len) {
        Protocol proto = hop ? Protocols.IPV6_HOPOPTS : Protocols.IPV6_DSTOPTS;
        p.b.beginLayer(proto, off);
        Ipv6.OptionsHeader h;
        try {
            h = new Ipv6.OptionsHeader(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(proto, e, off, len);
            return -1;
        }
        int units = h.hdrExtLen(), hl = h.length();
        p.b.add(hop ? HOP_NXT : DST_NXT, h.nextHeader(), off, 1);
        p.b.add(hop ? HOP_LEN : DST_LEN, units, off + 1, 1);
        p.b.add(hop ? HOP_LEN_OCT : DST_LEN_OCT, hl, off + 1, 1);
        return end(p, hl, len);
    }

    private static int routing(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.IPV6_ROUTING, off);
        Ipv6.RoutingHeader h;
        try {
            h = new Ipv6.RoutingHeader(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.IPV6_ROUTING, e, off, len);
            return -1;
        }
        int hl = h.length();
        p.b.add(RT_NXT, h.nextHeader(), off, 1);
        p.b.add(RT_LEN, h.hdrExtLen(), off + 1, 1);
        p.b.add(RT_LEN_OCT, hl, off + 1, 1);
        p.b.add(RT_TYPE, h.routingType(), off + 2, 1);
        p.b.add(RT_SEGLEFT, h.segmentsLeft(), off + 3, 1);
        return end(p, hl, len);
    }

    private static int fragment(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.IPV6_FRAG, off);
        Ipv6.FragmentHeader h;
        try {
            h = new Ipv6.FragmentHeader(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.IPV6_FRAG, e, off, len);
            return -1;
        }
        p.b.add(FRAG_NXT, h.nextHeader(), off, 1);
        p.b.add(FRAG_RESERVED_OCTET, h.reserved(), off + 1, 1);
        p.b.add(FRAG_OFFSET, h.fragmentOffset(), off + 2, 2);
        p.b.add(FRAG_RESERVED_BITS, h.res(), off + 2, 2);
        p.b.add(FRAG_MORE, h.moreFragments() ? 1 : 0, off + 2, 2);
        p.b.add(FRAG_IDENT, h.identification(), off + 4, 4);
        // without reassembly every fragment's payload is data, the first one's too
        if (h.fragmentOffset() != 0 || h.moreFragments()) p.fragmentRest = true;
        return end(p, 8, len);
    }

    /** Closes the header's layer; -1 when it runs past the bytes there are. */
    private static int end(Packet p, int hl, int len) {
        if (hl > len) {
            p.b.anomaly(Anomaly.Kind.TRUNCATED, 0, "IPv6 extension header of " + hl + " bytes, " + len + " there");
            p.b.endLayer(len);
            return -1;
        }
        p.b.endLayer(hl);
        return hl;
    }
}
