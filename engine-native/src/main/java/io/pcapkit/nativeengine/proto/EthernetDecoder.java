package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.EtherType;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;
import io.pcapkit.nativeengine.decode.TrailerDecoder;

/**
 * Ethernet: Ethernet II (a type field) and IEEE 802.3 (a length field, then 802.2 LLC or Novell's raw IPX), as
 * Wireshark 4.0's "eth" dissector shows them, including the hidden {@code eth.addr}, {@code eth.*.oui},
 * {@code eth.lg} and {@code eth.ig} fields that {@code tshark -T fields} prints.
 */
public final class EthernetDecoder implements TrailerDecoder {
    static final FieldDef DST = Fields.mac("eth.dst", "Destination");
    static final FieldDef DST_OUI = Fields.uint("eth.dst.oui", "Destination OUI", 24);
    static final FieldDef DST_LG = Fields.flag("eth.dst.lg", "LG bit", 24, 0x020000);
    static final FieldDef DST_IG = Fields.flag("eth.dst.ig", "IG bit", 24, 0x010000);
    static final FieldDef SRC = Fields.mac("eth.src", "Source");
    static final FieldDef SRC_OUI = Fields.uint("eth.src.oui", "Source OUI", 24);
    static final FieldDef SRC_LG = Fields.flag("eth.src.lg", "LG bit", 24, 0x020000);
    static final FieldDef SRC_IG = Fields.flag("eth.src.ig", "IG bit", 24, 0x010000);
    static final FieldDef ADDR = Fields.mac("eth.addr", "Address");
    static final FieldDef ADDR_OUI = Fields.uint("eth.addr.oui", "Address OUI", 24);
    static final FieldDef LG = Fields.flag("eth.lg", "LG bit", 24, 0x020000);
    static final FieldDef IG = Fields.flag("eth.ig", "IG bit", 24, 0x010000);
    static final FieldDef TYPE = Fields.hex("eth.type", "Type", 16, EtherType.names());
    static final FieldDef LEN = Fields.uint("eth.len", "Length", 16);
    static final FieldDef INVALID_LENTYPE = Fields.define("eth.invalid_lentype", "Invalid length/type",
            FieldType.UINT, Base.HEX_DEC, 16, 0, null, "");
    static final FieldDef TRAILER = Fields.bytes("eth.trailer", "Trailer");

    /** Largest 802.3 length; type/length values above it and below {@link #ETHERNET_II_MIN} are invalid. */
    static final int IEEE_802_3_MAX_LEN = 1500;
    static final int ETHERNET_II_MIN = 1536;
    /**
     * Linux's ETH_P_802_2 and ETH_P_802_3: the pseudo-EtherTypes (below 0x0600, so never real EtherTypes) under
     * which an 802.3 length frame hands on "802.2 LLC follows" and "raw 802.3 (Novell IPX) follows". Linux SLL
     * captures carry the same numbers in their protocol field, so one registration serves both.
     */
    static final int LINUX_P_802_2 = 0x0004;
    static final int LINUX_P_802_3 = 0x0001;

    @Override public Protocol protocol() { return Protocols.ETHERNET; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads the type/length word before adding any field: a short header shows no field at all
        if (len < 14) return c.truncated(len, "ethernet header needs 14 bytes, has " + len);
        addAddresses(c, off);
        int type = c.u16(off + 12);
        if (type > IEEE_802_3_MAX_LEN && type < ETHERNET_II_MIN) {
            c.add(INVALID_LENTYPE, type, off + 12, 2);
            c.anomaly(Anomaly.Kind.BAD_VALUE, off + 12, "invalid length/type 0x" + Integer.toHexString(type));
            c.nextRaw(-1);
            return 14;
        }
        if (type <= IEEE_802_3_MAX_LEN && type != 0) { // type 0 is Cisco's MDS "Vegas", an Ethernet II type
            c.add(LEN, type, off + 12, 2);
            payload8023(c, off, 14, len, type, TRAILER, -1);
            return 14;
        }
        if ((c.u8(off + 6) & 0x01) != 0) {
            c.anomaly(Anomaly.Kind.BAD_VALUE, off + 6, "source MAC must not be a group address");
        }
        c.add(TYPE, type, off + 12, 2);
        c.next(Dispatch.ETHERTYPE, type, -1);
        return 14;
    }

    /**
     * Each address as a node with Wireshark's sub-fields beneath it (its OUI, the generic eth.addr and the LG/IG
     * bits), so documents nest them the way Wireshark's tree does, while fields output still sees every one.
     */
    private static void addAddresses(DecodeContext c, int off) {
        addAddress(c, DST, DST_OUI, DST_LG, DST_IG, off);
        addAddress(c, SRC, SRC_OUI, SRC_LG, SRC_IG, off + 6);
    }

    private static void addAddress(DecodeContext c, FieldDef addr, FieldDef oui, FieldDef lg, FieldDef ig, int at) {
        int top = c.u24(at);
        long mac = c.u48(at);
        c.out().beginGroup(addr, mac, at, 6);
        c.add(oui, top, at, 3);
        c.add(ADDR, mac, at, 6);
        c.add(ADDR_OUI, top, at, 3);
        c.out().addMasked(lg, top, at, 3);
        c.out().addMasked(LG, top, at, 3);
        c.out().addMasked(ig, top, at, 3);
        c.out().addMasked(IG, top, at, 3);
        c.out().endGroup();
    }

    /**
     * The IEEE 802.3 part shared with VLAN tags that carry a length (Wireshark's {@code dissect_802_3}): clamps the
     * length to the frame, adds the trailer fields, and hands the payload on as LLC, or as raw IPX when it starts
     * with 0xFFFF. {@code hdr} is the header length at {@code off}, {@code fcsLen} as in {@link EthernetTrailer}.
     */
    static void payload8023(DecodeContext c, int off, int hdr, int len, int length, FieldDef trailer, int fcsLen) {
        int start = off + hdr;
        boolean raw = len - hdr >= 2 && c.u16(start) == 0xFFFF;
        long reported = c.reportedLength(off, len) - hdr;
        if (fcsLen > 0 && reported >= fcsLen) reported -= fcsLen;
        if (length > reported) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, start - 2, "length " + length + " goes past the end of the payload ("
                    + Math.max(reported, 0) + " bytes)");
            length = (int) Math.max(reported, 0);
        }
        EthernetTrailer.add(c, trailer, off, len, start + length, fcsLen);
        c.next(Dispatch.ETHERTYPE, raw ? LINUX_P_802_3 : LINUX_P_802_2, length);
    }

    /** Padding, trailer and FCS after the payload, once the layer above has said where its PDU ends. */
    @Override public void trailer(DecodeContext c, int pduOff, int pduLen, int trailerOff) {
        EthernetTrailer.add(c, TRAILER, pduOff, pduLen, trailerOff, -1);
    }
}
