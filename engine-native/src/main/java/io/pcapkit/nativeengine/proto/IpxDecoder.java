package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * Novell IPX as Wireshark 4.0's "ipx" dissector shows it, however it arrived: EtherType 0x8137 (also through
 * SNAP and GRE), raw 802.3 ("Novell raw", the checksum 0xFFFF right after the length), LLC SAP 0xE0, BSD AF_IPX,
 * or tunnelled over UDP port 213 (RFC 1234). IP protocol 111 ("IPX in IP") is not decoded: tshark 4.0 has no
 * dissector for it and shows such payloads as data.
 * Besides the header fields Wireshark adds hidden ones that {@code tshark -T fields} prints: both addresses as
 * {@code net.node} text ({@code ipx.src}, {@code ipx.dst}, {@code ipx.addr}) and the either-end network, node and
 * socket. The payload is looked up by socket (the lower first) and then by packet type, as Wireshark does.
 */
public final class IpxDecoder implements LayerDecoder {
    public static final Protocol IPX = Protocols.define("IPX", "ipx", Level.INTERNET);

    static final FieldDef CHECKSUM = Fields.hex("ipx.checksum", "Checksum", 16);
    static final FieldDef SRC = Fields.string("ipx.src", "Source Address");
    static final FieldDef DST = Fields.string("ipx.dst", "Destination Address");
    static final FieldDef ADDR = Fields.string("ipx.addr", "Src/Dst Address");
    static final FieldDef LEN = Fields.uint("ipx.len", "Length", 16);
    static final FieldDef HOPS = Fields.uint("ipx.hops", "Transport Control (Hops)", 8);
    static final FieldDef PACKET_TYPE = Fields.hex("ipx.packet_type", "Packet Type", 8, ValueNames.of(
            0, "Unknown", 1, "RIP", 2, "Echo", 3, "Error", 4, "PEP", 5, "SPX", 17, "NCP", 20, "NetBIOS Broadcast"));
    static final FieldDef DST_NET = Fields.hex("ipx.dst.net", "Destination Network", 32);
    static final FieldDef DST_NODE = Fields.mac("ipx.dst.node", "Destination Node");
    static final FieldDef DST_SOCKET = Fields.hex("ipx.dst.socket", "Destination Socket", 16);
    static final FieldDef SRC_NET = Fields.hex("ipx.src.net", "Source Network", 32);
    static final FieldDef SRC_NODE = Fields.mac("ipx.src.node", "Source Node");
    static final FieldDef SRC_SOCKET = Fields.hex("ipx.src.socket", "Source Socket", 16);
    static final FieldDef NET = Fields.hex("ipx.net", "Source or Destination Network", 32);
    static final FieldDef NODE = Fields.mac("ipx.node", "Source or Destination Node");
    static final FieldDef SOCKET = Fields.hex("ipx.socket", "Source or Destination Socket", 16);

    static final int HEADER = 30;

    @Override public Protocol protocol() { return IPX; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads the whole header into its own structure before showing any of it
        if (len < HEADER) return c.truncated(len, "IPX header needs 30 bytes, has " + len);
        int length = c.u16(off + 2);
        c.add(CHECKSUM, c.u16(off), off, 2);
        String src = address(c, off + 18), dst = address(c, off + 6);
        c.out().addObject(SRC, src, off + 18, 0);
        c.out().addObject(ADDR, src, off + 18, 0);
        c.out().addObject(DST, dst, off + 6, 0);
        c.out().addObject(ADDR, dst, off + 6, 0);
        c.add(LEN, length, off + 2, 2);
        c.add(HOPS, c.u8(off + 4), off + 4, 1);
        int type = c.u8(off + 5);
        c.add(PACKET_TYPE, type, off + 5, 1);
        int dstSocket = end(c, off + 6, DST_NET, DST_NODE, DST_SOCKET);
        int srcSocket = end(c, off + 18, SRC_NET, SRC_NODE, SRC_SOCKET);
        if (length < HEADER) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "IPX length " + length + " is shorter than its header");
            c.nextRaw(0);
            return HEADER;
        }
        if (length > c.reportedLength(off, len)) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "IPX length " + length + " goes past the packet");
        }
        c.nextPorts(Dispatch.IPX_SOCKET, srcSocket, dstSocket, Math.min(length, len) - HEADER);
        c.orElse(Dispatch.IPX_PACKET_TYPE, type);
        return HEADER;
    }

    /** Network, node and socket of one end (with their either-end twins); returns the socket. */
    private static int end(DecodeContext c, int at, FieldDef net, FieldDef node, FieldDef socket) {
        long n = c.u32(at), mac = c.u48(at + 4);
        int s = c.u16(at + 10);
        c.add(net, n, at, 4);
        c.add(NET, n, at, 4);
        c.add(node, mac, at + 4, 6);
        c.add(NODE, mac, at + 4, 6);
        c.add(socket, s, at + 10, 2);
        c.add(SOCKET, s, at + 10, 2);
        return s;
    }

    /** Wireshark's text of an IPX address: network and node in lower-case hex, {@code 0a8808aa.000000000001}. */
    private static String address(DecodeContext c, int at) {
        StringBuilder sb = new StringBuilder(21);
        hex(sb, c.u32(at), 8);
        sb.append('.');
        hex(sb, c.u48(at + 4), 12);
        return sb.toString();
    }

    private static void hex(StringBuilder sb, long v, int digits) {
        for (int k = digits - 1; k >= 0; k--) sb.append(Character.forDigit((int) (v >>> (4 * k)) & 0xF, 16));
    }
}
