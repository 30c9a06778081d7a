package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
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
 * IPv6 (RFC 8200) fixed header, as Wireshark 4.0 shows it, including the hidden {@code ip.version} and the
 * addresses embedded in 6to4, Teredo, SLAAC (EUI-64) and ISATAP addresses. Extension headers are layers of their
 * own, reached through {@link Dispatch#IP_PROTO} like any next header.
 */
public final class Ipv6Decoder implements LayerDecoder {
    static final FieldDef VERSION = Fields.uint("ipv6.version", "Version", 8);
    static final FieldDef TCLASS = Fields.masked("ipv6.tclass", "Traffic Class", 32, 0x0FF00000L, Base.HEX);
    static final FieldDef DSCP = Fields.masked("ipv6.tclass.dscp", "Differentiated Services Codepoint", 32,
            0x0FC00000L, Base.DEC);
    static final FieldDef ECN = Fields.masked("ipv6.tclass.ecn", "Explicit Congestion Notification", 32,
            0x00300000L, Base.DEC);
    static final FieldDef FLOW = Fields.masked("ipv6.flow", "Flow Label", 24, 0xFFFFF, Base.HEX);
    static final FieldDef PLEN = Fields.uint("ipv6.plen", "Payload Length", 16);
    static final FieldDef NXT = Fields.uint("ipv6.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef HLIM = Fields.uint("ipv6.hlim", "Hop Limit", 8);
    static final FieldDef SRC = Fields.ipv6("ipv6.src", "Source Address");
    static final FieldDef DST = Fields.ipv6("ipv6.dst", "Destination Address");
    static final FieldDef ADDR = Fields.ipv6("ipv6.addr", "Source or Destination Address");
    // Wireshark's host fields are FT_STRING names; unresolved (tshark -n) they are the address, stored as such
    static final FieldDef SRC_HOST = Fields.ipv6("ipv6.src_host", "Source Host");
    static final FieldDef DST_HOST = Fields.ipv6("ipv6.dst_host", "Destination Host");
    static final FieldDef HOST = Fields.ipv6("ipv6.host", "Source or Destination Host");

    static final int HEADER = 40;

    @Override public Protocol protocol() { return Protocols.IPV6; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 1) return c.truncated(0, "IPv6 header needs 40 bytes, has 0");
        int version = c.u8(off) >>> 4;
        c.add(VERSION, version, off, 1);
        c.add(Ipv4Decoder.VERSION, version, off, 1); // Wireshark adds a hidden ip.version to IPv6 headers too
        if (version != 6) {
            // tshark shows the whole packet, from the version byte on, as data
            c.anomaly(Anomaly.Kind.BAD_VALUE, off, "bogus IPv6 version " + version);
            c.nextRaw(-1);
            return 0;
        }
        // as tshark does, a header cut short keeps every field that was captured whole
        if (len < 4) return cut(c, len);
        long w = c.u32(off);
        c.out().beginGroup(TCLASS, TCLASS.extract(w), off, 2);
        c.out().addMasked(DSCP, w, off, 2);
        c.out().addMasked(ECN, w, off, 2);
        c.out().endGroup();
        c.out().addMasked(FLOW, w, off + 1, 3);
        if (len < 8) return cut(c, len);
        int plen = c.u16(off + 4);
        int nxt = c.u8(off + 6);
        c.add(PLEN, plen, off + 4, 2);
        c.add(NXT, nxt, off + 6, 1);
        c.add(HLIM, c.u8(off + 7), off + 7, 1);
        if (len < 24) return cut(c, len);
        address(c, SRC, SRC_HOST, off + 8);
        if (len < HEADER) return cut(c, len);
        address(c, DST, DST_HOST, off + 24);
        Ipv6EmbeddedAddresses.add(c, off + 8, off + 24);
        int payload;
        if (plen == 0 && nxt == 0) {
            payload = -1; // a jumbogram: the Hop-by-Hop header's Jumbo Payload option says how long
        } else {
            payload = plen;
            long reported = c.reportedLength(off, len) - HEADER;
            if (plen > reported && !Ipv4Decoder.afterIcmp(c)) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "IPv6 payload length " + plen
                        + " exceeds the packet (" + reported + " bytes)");
            }
        }
        c.ipVersion = 6;
        c.next(Dispatch.IP_PROTO, nxt, payload);
        return HEADER;
    }

    private static int cut(DecodeContext c, int len) {
        return c.truncated(len, "IPv6 header needs 40 bytes, has " + len);
    }

    private static void address(DecodeContext c, FieldDef which, FieldDef whichHost, int at) {
        c.ref(which, at, 16);
        c.ref(ADDR, at, 16);
        c.ref(whichHost, at, 16);
        c.ref(HOST, at, 16);
    }
}
