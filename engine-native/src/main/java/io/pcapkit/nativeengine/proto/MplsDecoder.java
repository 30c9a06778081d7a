package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * An MPLS label stack (RFC 3032; EtherTypes 0x8847 and 0x8848) as Wireshark 4.0 shows it: one "mpls" layer with
 * label, EXP / traffic class, bottom-of-stack and TTL per entry. Wireshark guesses the payload after the bottom
 * entry from its first nibble: 4 and 6 go to {@link Dispatch#IP_VERSION}, anything else to
 * {@link Dispatch#MPLS_PW} (0: a pseudowire control word). At most {@link #MAX_LABELS} entries.
 */
public final class MplsDecoder implements LayerDecoder {
    public static final Protocol MPLS = Protocols.define("MPLS", "mpls", Level.LINK);

    static final FieldDef LABEL = Fields.masked("mpls.label", "MPLS Label", 32, 0xFFFFF000L, Base.DEC_HEX);
    static final FieldDef EXP = Fields.masked("mpls.exp", "MPLS Experimental Bits", 32, 0x00000E00L, Base.DEC);
    static final FieldDef BOTTOM = Fields.masked("mpls.bottom", "MPLS Bottom Of Label Stack", 32, 0x00000100L, Base.DEC);
    static final FieldDef TTL = Fields.masked("mpls.ttl", "MPLS TTL", 32, 0x000000FFL, Base.DEC);

    /** Deeper stacks than this are damage, not a network (real stacks hold a handful of labels). */
    static final int MAX_LABELS = 32;

    @Override public Protocol protocol() { return MPLS; }

    @Override public int decode(DecodeContext c, int off, int len) {
        int at = off;
        for (int n = 0; ; n++) {
            if (n == MAX_LABELS) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + MAX_LABELS + " MPLS labels");
                c.nextRaw(-1);
                return at - off;
            }
            if (at + 4 > off + len) return c.truncated(len, "MPLS label entry cut short");
            long entry = c.u32(at);
            c.out().addMasked(LABEL, entry, at, 4);
            c.out().addMasked(EXP, entry, at, 4);
            c.out().addMasked(BOTTOM, entry, at, 4);
            c.out().addMasked(TTL, entry, at, 4);
            at += 4;
            if ((entry & 0x100) != 0) break;
        }
        int hdr = at - off;
        if (hdr == len) {
            c.nextRaw(0);
            return hdr;
        }
        int nibble = c.u8(at) >> 4;
        c.next(nibble == 4 || nibble == 6 ? Dispatch.IP_VERSION : Dispatch.MPLS_PW, nibble, -1);
        return hdr;
    }
}
