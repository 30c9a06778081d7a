package io.pcapkit.nativeengine.proto;

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
 * Linux "cooked" captures: LINKTYPE_LINUX_SLL (16-byte header) and LINKTYPE_LINUX_SLL2 (20 bytes, with the
 * interface index), as Wireshark 4.0's "sll" dissector shows both. The protocol field is an EtherType above 1536
 * and a Linux ETH_P_ value otherwise; both are looked up in {@link Dispatch#ETHERTYPE}, whose values below 0x0600
 * are never real EtherTypes (0x0004 is 802.2 LLC, 0x0001 raw 802.3). Not emulated: Wireshark's lookup of small
 * protocol values by hardware type first (radiotap, 802.15.4 … inside SLL), its trailer after the payload, and
 * netlink captures (ARPHRD_NETLINK), which it hands whole to its netlink dissector.
 */
public final class SllDecoder implements TrailerDecoder {
    static final FieldDef TRAILER = Fields.bytes("sll.trailer", "Trailer");
    static final FieldDef PKTTYPE = Fields.uint("sll.pkttype", "Packet type", 16);
    static final FieldDef HATYPE = Fields.uint("sll.hatype", "Link-layer address type", 16);
    static final FieldDef HALEN = Fields.uint("sll.halen", "Link-layer address length", 16);
    static final FieldDef SRC_ETH = Fields.mac("sll.src.eth", "Source");
    static final FieldDef SRC_IPV4 = Fields.ipv4("sll.src.ipv4", "Source");
    static final FieldDef SRC_OTHER = Fields.bytes("sll.src.other", "Source");
    static final FieldDef UNUSED = Fields.bytes("sll.unused", "Unused");
    static final FieldDef LTYPE = Fields.hex("sll.ltype", "Protocol", 16);
    static final FieldDef GRETYPE = Fields.hex("sll.gretype", "Protocol", 16);
    static final FieldDef ETYPE = Fields.hex("sll.etype", "Protocol", 16, EtherType.names());
    static final FieldDef IFINDEX = Fields.uint("sll.ifindex", "Interface index", 32);

    /** Linux uses 1536, not 1500, as the bound between its own protocol numbers and EtherTypes. */
    private static final int MAX_LINUX_PROTOCOL = 1536;
    /** The address field is 8 bytes whatever the address length says. */
    private static final int ADDR_FIELD = 8;
    private static final int ARPHRD_IPGRE = 778;

    private final boolean v2;

    /** {@code v2}: LINKTYPE_LINUX_SLL2 rather than LINKTYPE_LINUX_SLL. */
    public SllDecoder(boolean v2) { this.v2 = v2; }

    @Override public Protocol protocol() { return v2 ? Protocols.SLL2 : Protocols.SLL; }

    @Override public int decode(DecodeContext c, int off, int len) {
        return v2 ? decodeV2(c, off, len) : decodeV1(c, off, len);
    }

    // Wireshark reads the packet and address types before adding any field, then adds fields one by one until
    // the capture ends; a short header shows the fields that fit.

    private static int decodeV1(DecodeContext c, int off, int len) {
        if (len < 4) return short1(c, len);
        int hatype = c.u16(off + 2);
        c.add(PKTTYPE, c.u16(off), off, 2);
        c.add(HATYPE, hatype, off + 2, 2);
        if (len < 6 || !addAddress(c, c.u16(off + 4), off + 4, 2, off + len)) return short1(c, len);
        if (len < 16) return short1(c, len);
        int protocol = c.u16(off + 14);
        addProtocol(c, off + 14, protocol, hatype);
        c.next(Dispatch.ETHERTYPE, protocol, -1);
        return 16;
    }

    private static int decodeV2(DecodeContext c, int off, int len) {
        if (len < 12) return short2(c, len);
        int protocol = c.u16(off);
        int hatype = c.u16(off + 8);
        addProtocol(c, off, protocol, hatype);
        c.add(IFINDEX, c.u32(off + 4), off + 4, 4);
        c.add(HATYPE, hatype, off + 8, 2);
        c.add(PKTTYPE, c.u8(off + 10), off + 10, 1);
        if (!addAddress(c, c.u8(off + 11), off + 11, 1, off + len) || len < 20) return short2(c, len);
        c.next(Dispatch.ETHERTYPE, protocol, -1);
        return 20;
    }

    private static int short1(DecodeContext c, int len) {
        return c.truncated(len, "SLL header needs 16 bytes, has " + len);
    }

    private static int short2(DecodeContext c, int len) {
        return c.truncated(len, "SLL2 header needs 20 bytes, has " + len);
    }

    private static void addProtocol(DecodeContext c, int at, int protocol, int hatype) {
        FieldDef f = protocol <= MAX_LINUX_PROTOCOL ? LTYPE : hatype == ARPHRD_IPGRE ? GRETYPE : ETYPE;
        c.add(f, protocol, at, 2);
    }

    /**
     * The address length, then the address read as its length suggests (Wireshark does not check the type), then
     * the unused rest of the 8-byte field. False when the capture ends before all of it ({@code end}).
     */
    private static boolean addAddress(DecodeContext c, int halen, int at, int width, int end) {
        c.add(HALEN, halen, at, width);
        int a = at + width;
        int shown = halen == 4 || halen == 6 ? halen : Math.min(halen, ADDR_FIELD);
        if (halen != 0 && a + shown > end) return false;
        switch (halen) {
            case 0 -> { }
            case 4 -> c.add(SRC_IPV4, c.u32(a), a, 4);
            case 6 -> c.add(SRC_ETH, c.u48(a), a, 6);
            default -> c.ref(SRC_OTHER, a, shown);
        }
        if (halen < ADDR_FIELD) {
            if (a + ADDR_FIELD > end) return false;
            c.ref(UNUSED, a + halen, ADDR_FIELD - halen);
        }
        return true;
    }

    /** Padding, trailer and FCS after the payload, once the layer above has said where its PDU ends. */
    @Override public void trailer(DecodeContext c, int pduOff, int pduLen, int trailerOff) {
        EthernetTrailer.add(c, TRAILER, pduOff, pduLen, trailerOff, 0);
    }
}
