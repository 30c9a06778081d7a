package io.pcapkit.nativeengine.proto;

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
 * The pseudowire associated channel header (RFC 4385 / RFC 5586: first nibble 1 after an MPLS stack), Wireshark
 * 4.0's "pwach": version, reserved, channel type. Channel types are PPP protocol numbers (0x0021 IPv4, 0x0057
 * IPv6), so the payload is looked up in {@link Dispatch#PPP_PROTOCOL}.
 */
public final class PwAchDecoder implements LayerDecoder {
    public static final Protocol PW_ACH = Protocols.define("PW_ACH", "pwach", Level.LINK);

    static final FieldDef VERSION = Fields.masked("pwach.ver", "Channel Version", 8, 0x0F, Base.DEC);
    static final FieldDef RESERVED = Fields.hex("pwach.res", "Reserved", 8);
    static final FieldDef CHANNEL_TYPE = Fields.hex("pwach.channel_type", "Channel Type", 16);

    @Override public Protocol protocol() { return PW_ACH; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 4) return c.truncated(len, "PW associated channel header needs 4 bytes, has " + len);
        c.out().addMasked(VERSION, c.u8(off), off, 1);
        c.add(RESERVED, c.u8(off + 1), off + 1, 1);
        int type = c.u16(off + 2);
        c.add(CHANNEL_TYPE, type, off + 2, 2);
        c.next(Dispatch.PPP_PROTOCOL, type, -1);
        return 4;
    }
}
