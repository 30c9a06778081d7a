package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IP Authentication Header (RFC 4302) as Wireshark 4.0's "ah" dissector shows it. Over IPv6 it is one more
 * extension header in the chain ({@link Ipv6Extension} counts it), over IPv4 an IP protocol; either way the next
 * header follows after {@code (length + 2) * 4} bytes. The ICV is everything after the 12 fixed bytes; with a
 * payload length below 1 there is none, and tshark still reads SPI and sequence from where they would be.
 */
public final class AhDecoder implements LayerDecoder {
    public static final Protocol AH = Protocols.define("AH", "ah", Level.INTERNET);

    static final FieldDef NEXT_HEADER = Fields.uint("ah.next_header", "Next header", 8, IpProtocol.names());
    static final FieldDef LENGTH = Fields.uint("ah.length", "Length", 8);
    static final FieldDef RESERVED = Fields.bytes("ah.reserved", "Reserved");
    static final FieldDef SPI = Fields.hex("ah.spi", "AH SPI", 32);
    static final FieldDef SEQUENCE = Fields.uint("ah.sequence", "AH Sequence", 32);
    static final FieldDef ICV = Fields.bytes("ah.icv", "AH ICV");

    static final int FIXED = 12;

    @Override public Protocol protocol() { return AH; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (!Ipv6Extension.withinChain(c, off)) return 0;
        if (len < 2) return c.truncated(len, "AH header needs 12 bytes, has " + len);
        int nxt = c.u8(off);
        int units = c.u8(off + 1);
        int hl = (units + 2) * 4;
        c.add(NEXT_HEADER, nxt, off, 1);
        c.add(LENGTH, units, off + 1, 1);
        if (len < 4) return c.truncated(len, "AH header needs 12 bytes, has " + len);
        c.ref(RESERVED, off + 2, 2);
        if (len < 8) return c.truncated(len, "AH header needs 12 bytes, has " + len);
        c.add(SPI, c.u32(off + 4), off + 4, 4);
        if (len < FIXED) return c.truncated(len, "AH header needs 12 bytes, has " + len);
        c.add(SEQUENCE, c.u32(off + 8), off + 8, 4);
        int icv = hl - FIXED;
        if (icv > 0) {
            if (len < hl) return c.truncated(len, "AH header of " + hl + " bytes cut short at " + len);
            c.ref(ICV, off + FIXED, icv);
        }
        c.next(Dispatch.IP_PROTO, nxt, -1);
        return hl;
    }
}
