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
 * An IEEE 802.1ad service tag (S-tag, EtherType 0x88A8), which Wireshark 4.0 shows as its own "ieee8021ad"
 * protocol, not as "vlan". Two S-tags in a row are shown as one layer with an S-VID and a C-VID; the inner type
 * field belongs to the 802.1ah dissector there ({@code ieee8021ah.etype}). An S-tag carrying 802.1ah (0x88E7)
 * is shown here with its plain ID and type: 802.1ah itself is not decoded.
 */
public final class Ieee8021adDecoder implements LayerDecoder {
    public static final Protocol IEEE8021AD = Protocols.define("802.1ad", "ieee8021ad", Level.LINK);

    static final FieldDef PRIORITY = Fields.masked("ieee8021ad.priority", "Priority", 16, 0xE000, Base.DEC);
    static final FieldDef DEI = Fields.masked("ieee8021ad.dei", "DEI", 16, 0x1000, Base.DEC);
    static final FieldDef ID = Fields.masked("ieee8021ad.id", "ID", 16, 0x0FFF, Base.DEC);
    static final FieldDef SVID = Fields.masked("ieee8021ad.svid", "ID", 16, 0x0FFF, Base.DEC);
    static final FieldDef CVID = Fields.masked("ieee8021ad.cvid", "ID", 16, 0x0FFF, Base.DEC);
    static final FieldDef ETYPE = Fields.hex("ieee8021ah.etype", "Type", 16);

    private static final int ETHERTYPE_8021AD = 0x88A8;

    @Override public Protocol protocol() { return IEEE8021AD; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads the TCI and the type before adding a field
        if (len < 4) return c.truncated(len, "802.1ad tag needs 4 bytes, has " + len);
        int tci = c.u16(off);
        int type = c.u16(off + 2);
        int hdr = 4;
        if (type == ETHERTYPE_8021AD) {
            if (len < 8) return c.truncated(len, "802.1ad double tag needs 8 bytes, has " + len);
            int ctci = c.u16(off + 4);
            c.out().addMasked(PRIORITY, tci, off, 1);
            c.out().addMasked(DEI, tci, off, 1);
            c.out().addMasked(SVID, tci, off, 2);
            c.out().addMasked(PRIORITY, ctci, off + 4, 1);
            c.out().addMasked(DEI, ctci, off + 4, 1);
            c.out().addMasked(CVID, ctci, off + 4, 2);
            type = c.u16(off + 6);
            hdr = 8;
        } else {
            c.out().addMasked(PRIORITY, tci, off, 1);
            c.out().addMasked(DEI, tci, off, 1);
            c.out().addMasked(ID, tci, off, 2);
        }
        c.add(ETYPE, type, off + hdr - 2, 2);
        // an S-tag is always followed by an EtherType; small values are not looked up (they would hit the
        // Linux pseudo-types below 0x0600 that the EtherType table also holds)
        if (type > EthernetDecoder.IEEE_802_3_MAX_LEN) c.next(Dispatch.ETHERTYPE, type, -1);
        else c.nextRaw(-1);
        return hdr;
    }
}
