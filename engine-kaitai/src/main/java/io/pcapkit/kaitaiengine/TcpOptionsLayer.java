package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Tcp;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;

/**
 * TCP options (tcp.ksy {@code option}), one generated parse per option so a damaged one ends the walk with an
 * anomaly, not the frame. Mapped: EOL, NOP, MSS, window scale, SACK permitted, SACK, timestamps; other kinds keep
 * their kind and length only.
 */
final class TcpOptionsLayer {
    static final FieldDef OPTIONS = Catalog.field("tcp.options");
    static final FieldDef KIND = Catalog.field("tcp.option_kind");
    static final FieldDef LEN = Catalog.field("tcp.option_len");
    static final FieldDef EOL = Catalog.field("tcp.options.eol");
    static final FieldDef NOP = Catalog.field("tcp.options.nop");
    static final FieldDef MSS = Catalog.field("tcp.options.mss");
    static final FieldDef MSS_VAL = Catalog.field("tcp.options.mss_val");
    static final FieldDef WSCALE = Catalog.field("tcp.options.wscale");
    static final FieldDef WSCALE_SHIFT = Catalog.field("tcp.options.wscale.shift");
    static final FieldDef WSCALE_MULTIPLIER = Catalog.field("tcp.options.wscale.multiplier");
    static final FieldDef SACK_PERM = Catalog.field("tcp.options.sack_perm");
    static final FieldDef SACK = Catalog.field("tcp.options.sack");
    static final FieldDef TIMESTAMP = Catalog.field("tcp.options.timestamp");
    static final FieldDef TSVAL = Catalog.field("tcp.options.timestamp.tsval");
    static final FieldDef TSECR = Catalog.field("tcp.options.timestamp.tsecr");

    /** A header holds at most 40 option bytes; 40 one-byte options bound the walk. */
    private static final int MAX_OPTIONS = 40;

    private TcpOptionsLayer() { }

    /** Maps the options in {@code [off, off+len)}; false when a damaged option ends the TCP header's decoding. */
    static boolean decode(Packet p, int off, int len) {
        p.b.beginGroup(OPTIONS, off, len);
        boolean ok = walk(p, off, off + len);
        p.b.endGroup();
        return ok;
    }

    private static boolean walk(Packet p, int start, int end) {
        int at = start;
        for (int count = 0; at < end && count < MAX_OPTIONS; count++) {
            Tcp.Option o;
            try {
                o = new Tcp.Option(p.at(at));
            } catch (RuntimeException e) {
                p.b.anomaly(Anomaly.Kind.TRUNCATED, at, "TCP option at " + at + " cut short");
                return false;
            }
            int kind = o.kind();
            if (kind <= 1) {
                p.b.beginGroup(kind == 0 ? EOL : NOP, at, 1);
                p.b.add(KIND, kind, at, 1);
                p.b.endGroup();
                at++;
                continue;
            }
            int olen = o.length();
            if (olen < 2 || olen > end - at) {
                p.b.anomaly(Anomaly.Kind.BAD_LENGTH, at, "TCP option " + kind + " has a bad length " + olen);
                return true;
            }
            FieldDef node = switch (kind) {
                case 2 -> MSS;
                case 3 -> WSCALE;
                case 4 -> SACK_PERM;
                case 5 -> SACK;
                case 8 -> TIMESTAMP;
                default -> null;
            };
            if (node != null) p.b.beginGroup(node, at, olen);
            p.b.add(KIND, kind, at, 1);
            p.b.add(LEN, olen, at + 1, 1);
            if (o.mss() != null) p.b.add(MSS_VAL, o.mss(), at + 2, 2);
            if (o.windowScale() != null) {
                int shift = o.windowScale();
                p.b.add(WSCALE_SHIFT, shift, at + 2, 1);
                p.b.add(WSCALE_MULTIPLIER, 1 << Math.min(shift, 14), at + 2, 1); // RFC 7323 2.3: at most 14
            }
            if (o.tsValue() != null) {
                p.b.add(TSVAL, o.tsValue() & 0xFFFFFFFFL, at + 2, 4);
                p.b.add(TSECR, o.tsEchoReply() & 0xFFFFFFFFL, at + 6, 4);
            }
            if (node != null) p.b.endGroup();
            at += olen;
        }
        return true;
    }
}
