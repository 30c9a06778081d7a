package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * IPv6 Hop-by-Hop Options header (RFC 8200 §4.3). In a jumbogram (payload length 0) its Jumbo Payload option
 * (RFC 2675) gives the length of everything after the IPv6 header, this header included.
 */
public final class Ipv6HopOptsDecoder extends Ipv6OptionsHeader {
    static final FieldDef NXT = Fields.uint("ipv6.hopopts.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef LEN = Fields.uint("ipv6.hopopts.len", "Length", 8);
    static final FieldDef LEN_OCT = Fields.uint("ipv6.hopopts.len_oct", "Length", 16);

    public Ipv6HopOptsDecoder() { super(NXT, LEN, LEN_OCT); }

    @Override public Protocol protocol() { return Protocols.IPV6_HOPOPTS; }

    /** Only right after an IPv6 header whose payload length is 0 does the Jumbo Payload option count. */
    @Override int payloadLength(DecodeContext c, int off, int hl, long jumbo) {
        int ip6 = Ipv6Extension.ipv6Header(c);
        if (jumbo >= 0 && ip6 >= 0 && ip6 + Ipv6Decoder.HEADER == off && c.u16(ip6 + 4) == 0) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, jumbo - hl));
        }
        return -1;
    }
}
