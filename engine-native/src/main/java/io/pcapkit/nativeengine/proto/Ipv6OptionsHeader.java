package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * What the Hop-by-Hop and Destination Options headers (RFC 8200 §4.3, §4.6) share: the prologue, then the same
 * option TLVs ({@link Ipv6Options}), then the next header. Each header names its own prologue fields and may say
 * how long its payload is.
 */
abstract class Ipv6OptionsHeader implements LayerDecoder {
    private final FieldDef nxt, len8, lenOct;

    Ipv6OptionsHeader(FieldDef nxt, FieldDef len8, FieldDef lenOct) {
        this.nxt = nxt;
        this.len8 = len8;
        this.lenOct = lenOct;
    }

    @Override public final int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        int hl = Ipv6Extension.prologue(c, off, len, nxt, len8, lenOct);
        if (hl < 0) return len;
        // as tshark does, the options that were captured are shown even when the header is cut short
        long jumbo = Ipv6Options.decode(c, off + 2, Math.min(hl, len) - 2);
        if (len < hl) return Ipv6Extension.cutShort(c, len, hl);
        c.next(Dispatch.IP_PROTO, c.u8(off), payloadLength(c, off, hl, jumbo));
        return hl;
    }

    /**
     * The length of what follows this {@code hl}-byte header at {@code off}, given the Jumbo Payload option's value
     * ({@code jumbo}, -1 when there is none); -1 (the default) hands on the rest of the frame.
     */
    int payloadLength(DecodeContext c, int off, int hl, long jumbo) {
        return -1;
    }
}
