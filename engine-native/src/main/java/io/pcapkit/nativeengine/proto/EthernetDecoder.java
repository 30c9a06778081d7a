package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/** Ethernet II (IEEE 802.3 with a type field). */
public final class EthernetDecoder implements LayerDecoder {
    static final FieldDef DST = Fields.mac("eth.dst", "Destination");
    static final FieldDef SRC = Fields.mac("eth.src", "Source");
    static final FieldDef TYPE = Fields.hex("eth.type", "Type", 16);

    @Override public Protocol protocol() { return Protocols.ETHERNET; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 14) return c.truncated(len, "ethernet header needs 14 bytes, has " + len);
        c.add(DST, c.u48(off), off, 6);
        c.add(SRC, c.u48(off + 6), off + 6, 6);
        int type = c.u16(off + 12);
        c.add(TYPE, type, off + 12, 2);
        c.next(Dispatch.ETHERTYPE, type, -1);
        return 14;
    }
}
