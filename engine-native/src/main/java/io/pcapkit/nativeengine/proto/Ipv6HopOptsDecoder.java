package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IPv6 Hop-by-Hop Options header (RFC 8200 §4.3). In a jumbogram (payload length 0) its Jumbo Payload option
 * (RFC 2675) gives the length of everything after the IPv6 header, this header included.
 */
public final class Ipv6HopOptsDecoder implements LayerDecoder {
    static final FieldDef NXT = Fields.uint("ipv6.hopopts.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef LEN = Fields.uint("ipv6.hopopts.len", "Length", 8);
    static final FieldDef LEN_OCT = Fields.uint("ipv6.hopopts.len_oct", "Length", 16);

    @Override public Protocol protocol() { return Protocols.IPV6_HOPOPTS; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        int hl = Ipv6Extension.prologue(c, off, len, NXT, LEN, LEN_OCT);
        if (hl < 0) return len;
        // as tshark does, the options that were captured are shown even when the header is cut short
        long jumbo = Ipv6Options.decode(c, off + 2, Math.min(hl, len) - 2);
        if (len < hl) return Ipv6Extension.cutShort(c, len, hl);
        int payload = -1;
        int ip6 = Ipv6Extension.ipv6Header(c);
        if (jumbo >= 0 && ip6 >= 0 && ip6 + Ipv6Decoder.HEADER == off && c.u16(ip6 + 4) == 0) {
            payload = (int) Math.min(Integer.MAX_VALUE, Math.max(0, jumbo - hl));
        }
        c.next(Dispatch.IP_PROTO, c.u8(off), payload);
        return hl;
    }
}
