package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Ipv6;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** The fixed IPv6 header (ipv6.ksy) mapped to Wireshark's ipv6.*. */
final class Ipv6Layer {
    static final FieldDef VERSION = Catalog.field("ipv6.version");
    static final FieldDef IP_VERSION = Catalog.field("ip.version");
    static final FieldDef TCLASS = Catalog.field("ipv6.tclass");
    static final FieldDef DSCP = Catalog.field("ipv6.tclass.dscp");
    static final FieldDef ECN = Catalog.field("ipv6.tclass.ecn");
    static final FieldDef FLOW = Catalog.field("ipv6.flow");
    static final FieldDef PLEN = Catalog.field("ipv6.plen");
    static final FieldDef NXT = Catalog.field("ipv6.nxt");
    static final FieldDef HLIM = Catalog.field("ipv6.hlim");
    static final FieldDef SRC = Catalog.field("ipv6.src");
    static final FieldDef DST = Catalog.field("ipv6.dst");
    static final FieldDef ADDR = Catalog.field("ipv6.addr");
    static final FieldDef SRC_HOST = Catalog.field("ipv6.src_host");
    static final FieldDef DST_HOST = Catalog.field("ipv6.dst_host");
    static final FieldDef HOST = Catalog.field("ipv6.host");

    static final int HEADER = 40;

    private Ipv6Layer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.IPV6, off);
        Ipv6 h;
        try {
            h = new Ipv6(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.IPV6, e, off, len);
            return;
        }
        int version = (int) h.version();
        p.b.add(VERSION, version, off, 1);
        p.b.add(IP_VERSION, version, off, 1); // Wireshark adds a hidden ip.version to IPv6 headers too
        if (version != 6) {
            p.b.anomaly(Anomaly.Kind.BAD_VALUE, off, "bogus IPv6 version " + version);
            p.b.endLayer(0);
            p.raw(off, len);
            return;
        }
        p.b.beginGroup(TCLASS, h.trafficClass(), off, 2);
        p.b.add(DSCP, h.dscp(), off, 2);
        p.b.add(ECN, h.ecn(), off, 2);
        p.b.endGroup();
        p.b.add(FLOW, h.flowLabel(), off + 1, 3);
        int plen = h.payloadLength();
        p.b.add(PLEN, plen, off + 4, 2);
        p.b.add(NXT, h.nextHeader(), off + 6, 1);
        p.b.add(HLIM, h.hopLimit(), off + 7, 1);
        address(p, SRC, SRC_HOST, off + 8);
        address(p, DST, DST_HOST, off + 24);
        int avail = len - HEADER;
        if (plen > avail) p.cut = true;
        if (plen > avail && !p.inError) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "IPv6 payload length " + plen
                    + " exceeds the packet (" + avail + " bytes)");
        }
        p.b.endLayer(HEADER);
        p.ipVersion = 6;
        p.ip6Off = off;
        int payload = plen == 0 && h.nextHeader() == 0 ? avail : Math.min(plen, avail);
        p.reported = plen == 0 && h.nextHeader() == 0 ? avail : (int) Math.min(plen, avail + p.missing(off + len));
        Ipv6Extensions.next(p, h.nextHeader(), off + HEADER, payload);
    }

    /** The address lives in the frame's bytes: the model refers to them, no copy. */
    private static void address(Packet p, FieldDef which, FieldDef whichHost, int at) {
        p.b.addRef(which, at, 16);
        p.b.addRef(ADDR, at, 16);
        p.b.addRef(whichHost, at, 16);
        p.b.addRef(HOST, at, 16);
    }
}
