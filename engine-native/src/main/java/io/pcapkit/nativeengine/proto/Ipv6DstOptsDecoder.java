package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/** IPv6 Destination Options header (RFC 8200 §4.6); its options are the same TLVs as Hop-by-Hop's. */
public final class Ipv6DstOptsDecoder implements LayerDecoder {
    static final FieldDef NXT = Fields.uint("ipv6.dstopts.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef LEN = Fields.uint("ipv6.dstopts.len", "Length", 8);
    static final FieldDef LEN_OCT = Fields.uint("ipv6.dstopts.len_oct", "Length", 16);

    @Override public Protocol protocol() { return Protocols.IPV6_DSTOPTS; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        int hl = Ipv6Extension.prologue(c, off, len, NXT, LEN, LEN_OCT);
        if (hl < 0) return len;
        // as tshark does, the options that were captured are shown even when the header is cut short
        Ipv6Options.decode(c, off + 2, Math.min(hl, len) - 2);
        if (len < hl) return Ipv6Extension.cutShort(c, len, hl);
        c.next(Dispatch.IP_PROTO, c.u8(off), -1);
        return hl;
    }
}
