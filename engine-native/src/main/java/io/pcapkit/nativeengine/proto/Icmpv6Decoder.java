package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * ICMPv6 (RFC 4443) with Neighbor Discovery (RFC 4861) and MLD (RFC 2710, RFC 3810), as Wireshark 4.0 shows it.
 * Error messages quote the invoking packet, decoded as the next layers through {@link Dispatch#IP_VERSION}. The
 * checksum is verified over the IPv6 pseudo-header, as tshark does by default. ND options are read by
 * {@link Icmpv6NdOptions}, MLD bodies by {@link Icmpv6Mld}.
 */
public final class Icmpv6Decoder implements LayerDecoder {
    static final FieldDef TYPE = Fields.uint("icmpv6.type", "Type", 8);
    static final FieldDef CODE = Fields.uint("icmpv6.code", "Code", 8);
    static final FieldDef CHECKSUM = Fields.hex("icmpv6.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("icmpv6.checksum.status", "Checksum Status", 8,
            Ipv4Decoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef RESERVED = Fields.bytes("icmpv6.reserved", "Reserved");
    static final FieldDef DATA = Fields.bytes("icmpv6.data", "Data");
    static final FieldDef MTU = Fields.uint("icmpv6.mtu", "MTU", 32);
    static final FieldDef POINTER = Fields.uint("icmpv6.pointer", "Pointer", 32);
    static final FieldDef LENGTH = Fields.uint("icmpv6.length", "Length of original datagram", 8);
    static final FieldDef ECHO_ID = Fields.hex("icmpv6.echo.identifier", "Identifier", 16);
    static final FieldDef ECHO_SEQ = Fields.uint("icmpv6.echo.sequence_number", "Sequence", 16);
    static final FieldDef RA_CUR_HOP_LIMIT = Fields.uint("icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", 8);
    static final FieldDef RA_FLAG = Fields.hex("icmpv6.nd.ra.flag", "Flags", 8);
    static final FieldDef RA_FLAG_M = Fields.flag("icmpv6.nd.ra.flag.m", "Managed address configuration", 8, 0x80);
    static final FieldDef RA_FLAG_O = Fields.flag("icmpv6.nd.ra.flag.o", "Other configuration", 8, 0x40);
    static final FieldDef RA_FLAG_H = Fields.flag("icmpv6.nd.ra.flag.h", "Home Agent", 8, 0x20);
    static final FieldDef RA_FLAG_PRF = Fields.masked("icmpv6.nd.ra.flag.prf", "Prf (Default Router Preference)", 8,
            0x18, io.pcapkit.model.Base.DEC);
    static final FieldDef RA_FLAG_P = Fields.flag("icmpv6.nd.ra.flag.p", "Proxy", 8, 0x04);
    static final FieldDef RA_FLAG_RSV = Fields.masked("icmpv6.nd.ra.flag.rsv", "Reserved", 8, 0x03,
            io.pcapkit.model.Base.DEC);
    static final FieldDef RA_ROUTER_LIFETIME = Fields.uint("icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", 16);
    static final FieldDef RA_REACHABLE = Fields.uint("icmpv6.nd.ra.reachable_time", "Reachable time (ms)", 32);
    static final FieldDef RA_RETRANS = Fields.uint("icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", 32);
    static final FieldDef NS_TARGET = Fields.ipv6("icmpv6.nd.ns.target_address", "Target Address");
    static final FieldDef NA_FLAG = Fields.hex("icmpv6.nd.na.flag", "Flags", 32);
    static final FieldDef NA_FLAG_R = Fields.flag("icmpv6.nd.na.flag.r", "Router", 32, 0x80000000L);
    static final FieldDef NA_FLAG_S = Fields.flag("icmpv6.nd.na.flag.s", "Solicited", 32, 0x40000000L);
    static final FieldDef NA_FLAG_O = Fields.flag("icmpv6.nd.na.flag.o", "Override", 32, 0x20000000L);
    static final FieldDef NA_FLAG_RSV = Fields.masked("icmpv6.nd.na.flag.rsv", "Reserved", 32, 0x1FFFFFFFL,
            io.pcapkit.model.Base.DEC);
    static final FieldDef NA_TARGET = Fields.ipv6("icmpv6.nd.na.target_address", "Target Address");
    static final FieldDef RD_TARGET = Fields.ipv6("icmpv6.nd.rd.target_address", "Target Address");
    static final FieldDef RD_DESTINATION = Fields.ipv6("icmpv6.rd.na.destination_address", "Destination Address");

    static final int UNREACH = 1, PACKET_TOO_BIG = 2, TIME_EXCEEDED = 3, PARAM_PROBLEM = 4, ECHO_REQUEST = 128,
            ECHO_REPLY = 129, MLD_QUERY = 130, MLD_REPORT = 131, MLD_DONE = 132, ND_RS = 133, ND_RA = 134,
            ND_NS = 135, ND_NA = 136, ND_REDIRECT = 137, MLDV2_REPORT = 143;
    private static final int NEXT_HEADER_ICMPV6 = 58;

    @Override public Protocol protocol() { return Protocols.ICMPV6; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 4) return c.truncated(len, "ICMPv6 header needs 4 bytes, has " + len);
        int type = c.u8(off);
        c.add(TYPE, type, off, 1);
        c.add(CODE, c.u8(off + 1), off + 1, 1);
        c.add(CHECKSUM, c.u16(off + 2), off + 2, 2);
        c.add(CHECKSUM_STATUS, checksumStatus(c, off, len), off + 2, 0);
        int end = off + len;
        switch (type) {
            case UNREACH, TIME_EXCEEDED, PACKET_TOO_BIG, PARAM_PROBLEM -> {
                return error(c, off, len, type);
            }
            case ECHO_REQUEST, ECHO_REPLY -> {
                if (len < 6) return c.truncated(len, "ICMPv6 echo cut short at " + len + " bytes");
                c.add(ECHO_ID, c.u16(off + 4), off + 4, 2);
                if (len < 8) return c.truncated(len, "ICMPv6 echo cut short at " + len + " bytes");
                c.add(ECHO_SEQ, c.u16(off + 6), off + 6, 2);
                c.nextRaw(len - 8);
                return 8;
            }
            case MLD_QUERY, MLD_REPORT, MLD_DONE, MLDV2_REPORT -> {
                return Icmpv6Mld.decode(c, off, len, type);
            }
            case ND_RS -> {
                if (len < 8) return c.truncated(len, "ICMPv6 router solicitation needs 8 bytes");
                c.ref(RESERVED, off + 4, 4);
                Icmpv6NdOptions.decode(c, off + 8, end);
                return len;
            }
            case ND_RA -> {
                if (len < 16) return c.truncated(len, "ICMPv6 router advertisement needs 16 bytes");
                c.add(RA_CUR_HOP_LIMIT, c.u8(off + 4), off + 4, 1);
                int f = c.u8(off + 5);
                c.out().beginGroup(RA_FLAG, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_M, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_O, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_H, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_PRF, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_P, f, off + 5, 1);
                c.out().addMasked(RA_FLAG_RSV, f, off + 5, 1);
                c.out().endGroup();
                c.add(RA_ROUTER_LIFETIME, c.u16(off + 6), off + 6, 2);
                c.add(RA_REACHABLE, c.u32(off + 8), off + 8, 4);
                c.add(RA_RETRANS, c.u32(off + 12), off + 12, 4);
                Icmpv6NdOptions.decode(c, off + 16, end);
                return len;
            }
            case ND_NS -> {
                if (len < 24) return c.truncated(len, "ICMPv6 neighbor solicitation needs 24 bytes");
                c.ref(RESERVED, off + 4, 4);
                c.ref(NS_TARGET, off + 8, 16);
                Icmpv6NdOptions.decode(c, off + 24, end);
                return len;
            }
            case ND_NA -> {
                if (len < 24) return c.truncated(len, "ICMPv6 neighbor advertisement needs 24 bytes");
                long f = c.u32(off + 4);
                c.out().beginGroup(NA_FLAG, f, off + 4, 4);
                c.out().addMasked(NA_FLAG_R, f, off + 4, 4);
                c.out().addMasked(NA_FLAG_S, f, off + 4, 4);
                c.out().addMasked(NA_FLAG_O, f, off + 4, 4);
                c.out().addMasked(NA_FLAG_RSV, f, off + 4, 4);
                c.out().endGroup();
                c.ref(NA_TARGET, off + 8, 16);
                Icmpv6NdOptions.decode(c, off + 24, end);
                return len;
            }
            case ND_REDIRECT -> {
                if (len < 40) return c.truncated(len, "ICMPv6 redirect needs 40 bytes");
                c.ref(RESERVED, off + 4, 4);
                c.ref(RD_TARGET, off + 8, 16);
                c.ref(RD_DESTINATION, off + 24, 16);
                Icmpv6NdOptions.decode(c, off + 40, end);
                return len;
            }
            default -> {
                // Wireshark shows the body of a type it has no decoder for as icmpv6.data; the types it does
                // decode (router renumbering, node information, SEND, MIPv6, RPL, ...) pcapkit leaves unshown
                if (len > 4 && !Icmpv6Mld.knownToWireshark(type)) c.ref(DATA, off + 4, len - 4);
                c.nextRaw(0);
                return len;
            }
        }
    }

    /** Unreachable, packet too big, time exceeded, parameter problem: the second word, then the quoted packet. */
    private static int error(DecodeContext c, int off, int len, int type) {
        if (len < 8) return c.truncated(len, "ICMPv6 error message needs 8 bytes, has " + len);
        int words = 0;
        switch (type) {
            case PACKET_TOO_BIG -> c.add(MTU, c.u32(off + 4), off + 4, 4);
            case PARAM_PROBLEM -> c.add(POINTER, c.u32(off + 4), off + 4, 4);
            default -> {
                // RFC 4884: byte 4 may give the quoted packet's length in 64-bit words
                words = c.u8(off + 4);
                if (words == 0) {
                    c.ref(RESERVED, off + 4, 4);
                } else {
                    c.add(LENGTH, words, off + 4, 1);
                    c.ref(RESERVED, off + 5, 3);
                }
            }
        }
        int quoted = IcmpExtensions.decode(c, off + 8, len - 8, words, true);
        if (quoted > 0) c.next(Dispatch.IP_VERSION, c.u8(off + 8) >>> 4, quoted);
        else c.nextRaw(0);
        return 8;
    }

    /**
     * Verified over the pseudo-header of the IPv6 header below when the whole message was captured and it is not
     * quoted inside another ICMP error: 1 good, 0 bad, 2 unverified.
     */
    private static int checksumStatus(DecodeContext c, int off, int len) {
        int ip6 = Ipv6Extension.ipv6Header(c);
        if (ip6 < 0 || IcmpDecoder.insideQuote(c) || c.reportedLength(off, len) != len) {
            return Ipv4Decoder.CHECKSUM_UNVERIFIED;
        }
        long pseudo = IcmpChecksums.ipv6PseudoHeader(c, ip6 + 8, finalDestination(c, ip6), len, NEXT_HEADER_ICMPV6);
        return IcmpChecksums.internet(c, off, len, pseudo) == 0 ? 1 : 0;
    }

    /**
     * The destination the sender summed (RFC 8200 §8.1): with a routing header whose segments are not all visited,
     * the last address of a type 0 route or the first segment (the final one) of a Segment Routing Header.
     */
    private static int finalDestination(DecodeContext c, int ip6) {
        io.pcapkit.model.Frame f = c.out().frame();
        for (int i = c.out().currentLayer() - 1; i >= 0 && f.protocolAt(i) != Protocols.IPV6; i--) {
            if (f.protocolAt(i) != Protocols.IPV6_ROUTING) continue;
            int r = f.layer(i).offset(), hl = f.layer(i).length();
            if (hl < 24 || c.u8(r + 3) == 0) continue;
            int type = c.u8(r + 2);
            if (type == 0) return r + hl - 16;
            if (type == 4) return r + 8;
        }
        return ip6 + 24;
    }
}
