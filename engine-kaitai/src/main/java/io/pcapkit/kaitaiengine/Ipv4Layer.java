package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Ipv4;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** The IPv4 header (ipv4.ksy) mapped to Wireshark's ip.*; options by {@link Ipv4OptionsLayer}. */
final class Ipv4Layer {
    static final FieldDef VERSION = Catalog.field("ip.version");
    static final FieldDef HDR_LEN = Catalog.field("ip.hdr_len");
    static final FieldDef DSFIELD = Catalog.field("ip.dsfield");
    static final FieldDef DSCP = Catalog.field("ip.dsfield.dscp");
    static final FieldDef ECN = Catalog.field("ip.dsfield.ecn");
    static final FieldDef LEN = Catalog.field("ip.len");
    static final FieldDef ID = Catalog.field("ip.id");
    static final FieldDef FLAGS = Catalog.field("ip.flags");
    static final FieldDef FLAG_RB = Catalog.field("ip.flags.rb");
    static final FieldDef FLAG_DF = Catalog.field("ip.flags.df");
    static final FieldDef FLAG_MF = Catalog.field("ip.flags.mf");
    static final FieldDef FRAG_OFFSET = Catalog.field("ip.frag_offset");
    static final FieldDef TTL = Catalog.field("ip.ttl");
    static final FieldDef PROTO = Catalog.field("ip.proto");
    static final FieldDef CHECKSUM = Catalog.field("ip.checksum");
    static final FieldDef CHECKSUM_STATUS = Catalog.field("ip.checksum.status");
    static final FieldDef SRC = Catalog.field("ip.src");
    static final FieldDef DST = Catalog.field("ip.dst");
    static final FieldDef ADDR = Catalog.field("ip.addr");
    static final FieldDef SRC_HOST = Catalog.field("ip.src_host");
    static final FieldDef DST_HOST = Catalog.field("ip.dst_host");
    static final FieldDef HOST = Catalog.field("ip.host");

    /** tshark does not verify the header checksum by default: PROTO_CHECKSUM_E_UNVERIFIED. */
    private static final int UNVERIFIED = 2;

    private Ipv4Layer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.IPV4, off);
        Ipv4 h;
        try {
            h = new Ipv4(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.IPV4, e, off, len);
            return;
        }
        int version = (int) h.version();
        p.b.add(VERSION, version, off, 1);
        if (version != 4) {
            p.b.anomaly(Anomaly.Kind.BAD_VALUE, off, "bogus IPv4 version " + version);
            p.b.endLayer(1);
            p.raw(off, len);
            return;
        }
        int hl = h.headerLength();
        p.b.add(HDR_LEN, hl, off, 1);
        if (hl < 20) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off, "bogus IPv4 header length " + hl + ", must be at least 20");
            p.b.endLayer(1);
            p.raw(off + 1, len - 1); // as tshark: what follows the version octet is data
            return;
        }
        int dscp = (int) h.dscp(), ecn = (int) h.ecn();
        p.b.beginGroup(DSFIELD, (dscp << 2) | ecn, off + 1, 1);
        p.b.add(DSCP, dscp, off + 1, 1);
        p.b.add(ECN, ecn, off + 1, 1);
        p.b.endGroup();
        int total = h.totalLength();
        if (total < hl) {
            if (total != 0) {
                p.b.add(LEN, total, off + 2, 2);
                p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "bogus IPv4 total length " + total
                        + ", less than the header length " + hl);
                p.b.endLayer(Math.min(hl, len));
                p.raw(off + 20, len - 20);
                return;
            }
            total = len; // TCP segmentation offload leaves the length 0; Wireshark takes the frame's
        } else if (total > len && !p.inError) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "IPv4 total length " + total
                    + " exceeds the packet (" + len + " bytes)");
        }
        if (total > len) p.cut = true;
        p.b.add(LEN, total, off + 2, 2);
        p.b.add(ID, h.identification(), off + 4, 2);
        int rb = h.flagReserved() ? 1 : 0, df = h.flagDf() ? 1 : 0, mf = h.flagMf() ? 1 : 0;
        p.b.beginGroup(FLAGS, (rb << 2) | (df << 1) | mf, off + 6, 1);
        p.b.add(FLAG_RB, rb, off + 6, 1);
        p.b.add(FLAG_DF, df, off + 6, 1);
        p.b.add(FLAG_MF, mf, off + 6, 1);
        p.b.endGroup();
        p.b.add(FRAG_OFFSET, h.fragmentOffset(), off + 6, 2);
        p.b.add(TTL, h.ttl(), off + 8, 1);
        p.b.add(PROTO, h.protocol(), off + 9, 1);
        p.b.add(CHECKSUM, h.checksum(), off + 10, 2);
        p.b.add(CHECKSUM_STATUS, UNVERIFIED, off + 10, 0);
        address(p, SRC, SRC_HOST, h.src(), off + 12);
        address(p, DST, DST_HOST, h.dst(), off + 16);
        if (hl > 20) Ipv4OptionsLayer.decode(p, off + 20, Math.min(hl, len) - 20);
        if (len < hl) {
            p.b.anomaly(Anomaly.Kind.TRUNCATED, off + len, "IPv4 header of " + hl + " bytes cut short at " + len);
            p.b.endLayer(len);
            return;
        }
        p.b.endLayer(hl);
        p.ipVersion = 4;
        int payload = Math.min(total, len) - hl;
        // what tshark calls the reported length: as the header says, but no more than the frame had on the wire
        p.reported = (int) Math.min(total, len + p.missing(off + len)) - hl;
        if (h.fragmentOffset() != 0 || h.flagMf()) {
            p.raw(off + hl, payload); // a fragment: without reassembly tshark shows its payload as data
            return;
        }
        p.byIpProtocol(h.protocol(), off + hl, payload);
    }

    private static void address(Packet p, FieldDef which, FieldDef whichHost, long a, int at) {
        p.b.add(which, a, at, 4);
        p.b.add(ADDR, a, at, 4);
        p.b.add(whichHost, a, at, 4);
        p.b.add(HOST, a, at, 4);
    }
}
