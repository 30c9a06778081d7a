package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IPv6 Fragment header (RFC 8200 §4.5). Fragments are not reassembled here: a fragment with a non-zero offset hands
 * its bytes on as {@code Raw}; a first fragment (offset 0, M set) and an atomic fragment (offset 0, M clear,
 * RFC 6946) are decoded through, as far as their bytes go, which is what tshark shows without reassembly (the
 * per-frame view the native engine has; the upper header of a first fragment is complete in practice).
 */
public final class Ipv6FragDecoder implements LayerDecoder {
    static final FieldDef NXT = Fields.uint("ipv6.fraghdr.nxt", "Next header", 8, IpProtocol.names());
    static final FieldDef RESERVED_OCTET = Fields.hex("ipv6.fraghdr.reserved_octet", "Reserved octet", 8);
    static final FieldDef OFFSET = Fields.masked("ipv6.fraghdr.offset", "Offset", 16, 0xFFF8, Base.DEC);
    static final FieldDef RESERVED_BITS = Fields.masked("ipv6.fraghdr.reserved_bits", "Reserved bits", 16, 0x0006,
            Base.DEC);
    static final FieldDef MORE = Fields.flag("ipv6.fraghdr.more", "More Fragments", 16, 0x0001);
    static final FieldDef IDENT = Fields.hex("ipv6.fraghdr.ident", "Identification", 32);

    @Override public Protocol protocol() { return Protocols.IPV6_FRAG; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        if (len < 8) return c.truncated(len, "IPv6 fragment header needs 8 bytes, has " + len);
        int nxt = c.u8(off);
        int om = c.u16(off + 2);
        c.add(NXT, nxt, off, 1);
        c.add(RESERVED_OCTET, c.u8(off + 1), off + 1, 1);
        c.out().addMasked(OFFSET, om, off + 2, 2);
        c.out().addMasked(RESERVED_BITS, om, off + 2, 2);
        c.out().addMasked(MORE, om, off + 2, 2);
        c.add(IDENT, c.u32(off + 4), off + 4, 4);
        if ((om & 0xFFF8) != 0) c.nextRaw(-1);
        else c.next(Dispatch.IP_PROTO, nxt, -1);
        return 8;
    }
}
