package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Tcp;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Protocols;

/** The TCP header (tcp.ksy) mapped to Wireshark's tcp.*; options by {@link TcpOptionsLayer}. */
final class TcpLayer {
    static final FieldDef SRCPORT = Catalog.field("tcp.srcport");
    static final FieldDef DSTPORT = Catalog.field("tcp.dstport");
    static final FieldDef PORT = Catalog.field("tcp.port");
    static final FieldDef LEN = Catalog.field("tcp.len");
    static final FieldDef SEQ_RAW = Catalog.field("tcp.seq_raw");
    static final FieldDef ACK_RAW = Catalog.field("tcp.ack_raw");
    static final FieldDef HDR_LEN = Catalog.field("tcp.hdr_len");
    static final FieldDef FLAGS = Catalog.field("tcp.flags");
    static final FieldDef[] FLAG_BITS = {
        Catalog.field("tcp.flags.res"), Catalog.field("tcp.flags.ae"), Catalog.field("tcp.flags.cwr"),
        Catalog.field("tcp.flags.ece"), Catalog.field("tcp.flags.urg"), Catalog.field("tcp.flags.ack"),
        Catalog.field("tcp.flags.push"), Catalog.field("tcp.flags.reset"), Catalog.field("tcp.flags.syn"),
        Catalog.field("tcp.flags.fin")};
    static final FieldDef FLAGS_STR = Catalog.field("tcp.flags.str");
    static final FieldDef WINDOW = Catalog.field("tcp.window_size_value");
    static final FieldDef CHECKSUM = Catalog.field("tcp.checksum");
    static final FieldDef CHECKSUM_STATUS = Catalog.field("tcp.checksum.status");
    static final FieldDef URGENT = Catalog.field("tcp.urgent_pointer");
    static final FieldDef PAYLOAD = Catalog.field("tcp.payload");

    private static final int UNVERIFIED = 2;
    /** tshark's tcp.flags.str letters, highest bit first; a clear flag is a middle dot. */
    private static final String LETTERS = "RRRACEUAPRSF";
    private static final String[] FLAG_STRINGS = new String[1 << 12];

    private TcpLayer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(Protocols.TCP, off);
        Tcp h;
        try {
            h = new Tcp(p.at(off));
        } catch (RuntimeException e) {
            p.damaged(Protocols.TCP, e, off, len);
            return;
        }
        int src = h.srcPort(), dst = h.dstPort();
        p.b.add(SRCPORT, src, off, 2);
        p.b.add(DSTPORT, dst, off + 2, 2);
        p.b.add(PORT, src, off, 2);
        p.b.add(PORT, dst, off + 2, 2);
        int hlen = h.headerLength();
        // tcp.len is the segment's length as the IP header reports it, even where the capture holds less
        int rep = p.reported >= len ? p.reported : len;
        if (hlen < 20) {
            p.b.add(LEN, rep - hlen, off, 0);
            p.b.add(SEQ_RAW, h.seqNum(), off + 4, 4);
            p.b.add(HDR_LEN, hlen, off + 12, 1);
            p.b.anomaly(Anomaly.Kind.BAD_VALUE, off + 12, "bogus TCP header length " + hlen + ", must be at least 20");
            p.b.endLayer(20);
            return;
        }
        if (hlen <= rep) p.b.add(LEN, rep - hlen, off, 0);
        p.b.add(SEQ_RAW, h.seqNum(), off + 4, 4);
        p.b.add(ACK_RAW, h.ackNum(), off + 8, 4);
        p.b.add(HDR_LEN, hlen, off + 12, 1);
        int flags = (int) h.flags12();
        p.b.beginGroup(FLAGS, flags, off + 12, 2);
        for (FieldDef f : FLAG_BITS) p.b.addMasked(f, flags, off + 12, 2);
        p.b.addObject(FLAGS_STR, flagString(flags), off + 12, 0);
        p.b.endGroup();
        p.b.add(WINDOW, h.window(), off + 14, 2);
        p.b.add(CHECKSUM, h.checksum(), off + 16, 2);
        p.b.add(CHECKSUM_STATUS, UNVERIFIED, off + 16, 0);
        p.b.add(URGENT, h.urgentPointer(), off + 18, 2);
        if (hlen > len) {
            p.b.anomaly(Anomaly.Kind.BAD_LENGTH, off + 12, "TCP header length " + hlen
                    + " exceeds the IP payload (" + len + " bytes)");
            p.b.endLayer(len);
            return;
        }
        if (hlen > 20 && !TcpOptionsLayer.decode(p, off + 20, hlen - 20)) {
            p.b.endLayer(hlen);
            return;
        }
        if (len > hlen) p.b.addRef(PAYLOAD, off + hlen, len - hlen);
        p.b.endLayer(hlen);
        p.raw(off + hlen, len - hlen);
    }

    static String flagString(int flags) {
        String s = FLAG_STRINGS[flags];
        if (s == null) {
            char[] out = new char[12];
            for (int i = 0; i < 12; i++) out[i] = (flags >>> (11 - i) & 1) != 0 ? LETTERS.charAt(i) : '\u00B7';
            FLAG_STRINGS[flags] = s = new String(out);
        }
        return s;
    }
}
