package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Udp;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** The UDP header (udp.ksy) mapped to Wireshark's udp.*. */
final class UdpLayer {
    static final FieldDef SRCPORT = Catalog.field("udp.srcport");
    static final FieldDef DSTPORT = Catalog.field("udp.dstport");
    static final FieldDef PORT = Catalog.field("udp.port");
    static final FieldDef LENGTH = Catalog.field("udp.length");
    static final FieldDef CHECKSUM = Catalog.field("udp.checksum");
    static final FieldDef CHECKSUM_STATUS = Catalog.field("udp.checksum.status");
    static final FieldDef PAYLOAD = Catalog.field("udp.payload");

    /** Wireshark's PROTO_CHECKSUM_E_*: not checked, absent (0 over IPv4), illegal (0 over IPv6, RFC 8200 8.1). */
    private static final int UNVERIFIED = 2, NOT_PRESENT = 3, ILLEGAL = 4;

    private UdpLayer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.UDP, off);
        Udp h;
        try {
            h = new Udp(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.UDP, e, off, len);
            return;
        }
        int src = h.srcPort(), dst = h.dstPort();
        p.b.add(SRCPORT, src, off, 2);
        p.b.add(DSTPORT, dst, off + 2, 2);
        p.b.add(PORT, src, off, 2);
        p.b.add(PORT, dst, off + 2, 2);
        int length = h.length();
        p.b.add(LENGTH, length, off + 4, 2);
        boolean v6 = p.ipVersion == 6;
        int effective = length == 0 && v6 ? len : length; // RFC 2675 jumbogram
        if (effective < 8) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "bogus UDP length " + length + ", must be at least 8");
            p.b.endLayer(8);
            return;
        }
        if (effective > len) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "UDP length " + length + " exceeds the IP payload ("
                    + len + " bytes)");
        }
        int checksum = h.checksum();
        p.b.add(CHECKSUM, checksum, off + 6, 2);
        int status = checksum != 0 ? UNVERIFIED : v6 ? ILLEGAL : NOT_PRESENT;
        if (status == ILLEGAL) p.b.anomaly(Anomaly.Kind.BAD_VALUE, off + 6, "UDP checksum 0 is illegal over IPv6");
        p.b.add(CHECKSUM_STATUS, status, off + 6, 2);
        if (len > 8) p.b.addRef(PAYLOAD, off + 8, len - 8);
        p.b.endLayer(8);
        if (effective == 8) return;
        p.byUdpPort(src, dst, off + 8, Math.min(effective, len) - 8);
    }
}
