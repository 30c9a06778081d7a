package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.EtherType;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;
import io.pcapkit.nativeengine.decode.TrailerDecoder;

/**
 * An IEEE 802.1Q VLAN tag (EtherType 0x8100, and 0x9100 which Wireshark 4.0 also decodes as "vlan"), as the
 * "vlan" dissector shows it with its default 802.1Q-2011 naming ({@code vlan.dei}, not {@code vlan.cfi}). Stacked
 * tags are simply one layer per tag. A tag followed by a length instead of a type is an IEEE 802.3 frame.
 */
public final class VlanDecoder implements TrailerDecoder {
    static final FieldDef PRIORITY = Fields.masked("vlan.priority", "Priority", 16, 0xE000, Base.DEC);
    static final FieldDef DEI = Fields.flag("vlan.dei", "DEI", 16, 0x1000);
    static final FieldDef ID = Fields.masked("vlan.id", "ID", 16, 0x0FFF, Base.DEC);
    static final FieldDef ETYPE = Fields.hex("vlan.etype", "Type", 16, EtherType.names());
    static final FieldDef LEN = Fields.uint("vlan.len", "Length", 16);
    static final FieldDef TRAILER = Fields.bytes("vlan.trailer", "Trailer");

    @Override public Protocol protocol() { return Protocols.VLAN; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 2) return c.truncated(len, "VLAN tag needs 4 bytes, has " + len);
        int tci = c.u16(off);
        c.out().addMasked(PRIORITY, tci, off, 2);
        c.out().addMasked(DEI, tci, off, 2);
        c.out().addMasked(ID, tci, off, 2);
        if (len < 4) return c.truncated(len, "VLAN tag needs 4 bytes, has " + len);
        int type = c.u16(off + 2);
        if (type <= EthernetDecoder.IEEE_802_3_MAX_LEN) {
            c.add(LEN, type, off + 2, 2);
            // Wireshark assumes no FCS after a VLAN tag's 802.3 payload
            EthernetDecoder.payload8023(c, off, 4, len, type, TRAILER, 0);
        } else {
            c.add(ETYPE, type, off + 2, 2);
            c.next(Dispatch.ETHERTYPE, type, -1);
        }
        return 4;
    }

    /** Padding, trailer and FCS after the payload, once the layer above has said where its PDU ends. */
    @Override public void trailer(DecodeContext c, int pduOff, int pduLen, int trailerOff) {
        EthernetTrailer.add(c, TRAILER, pduOff, pduLen, trailerOff, 0);
    }
}
