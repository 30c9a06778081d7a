package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * ICMP for IPv4 (RFC 792 and its additions), as Wireshark 4.0 shows it. Error messages (unreachable, source quench,
 * redirect, time exceeded, parameter problem) quote the invoking datagram: it is decoded as the next layers through
 * {@link Dispatch#IP_VERSION}, so tshark's double occurrences (ip.src of both headers) come out the same. RFC 4884
 * extension objects after the quoted datagram are read by {@link IcmpExtensions}.
 */
public final class IcmpDecoder implements LayerDecoder {
    static final FieldDef TYPE = Fields.uint("icmp.type", "Type", 8);
    static final FieldDef CODE = Fields.uint("icmp.code", "Code", 8);
    static final FieldDef CHECKSUM = Fields.hex("icmp.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("icmp.checksum.status", "Checksum Status", 8,
            Ipv4Decoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef UNUSED = Fields.bytes("icmp.unused", "Unused");
    static final FieldDef IDENT = Fields.define("icmp.ident", "Identifier (BE)", FieldType.UINT, Base.DEC_HEX, 16, 0,
            null, "");
    static final FieldDef IDENT_LE = Fields.define("icmp.ident_le", "Identifier (LE)", FieldType.UINT, Base.DEC_HEX,
            16, 0, null, "");
    static final FieldDef SEQ = Fields.define("icmp.seq", "Sequence Number (BE)", FieldType.UINT, Base.DEC_HEX, 16, 0,
            null, "");
    static final FieldDef SEQ_LE = Fields.define("icmp.seq_le", "Sequence Number (LE)", FieldType.UINT, Base.DEC_HEX,
            16, 0, null, "");
    static final FieldDef MTU = Fields.uint("icmp.mtu", "MTU of next hop", 16);
    static final FieldDef LENGTH = Fields.uint("icmp.length", "Length", 8);
    static final FieldDef LENGTH_ORIGINAL = Fields.uint("icmp.length.original_datagram", "Length of original datagram",
            8);
    static final FieldDef POINTER = Fields.uint("icmp.pointer", "Pointer", 32);
    static final FieldDef REDIR_GW = Fields.ipv4("icmp.redir_gw", "Gateway Address");
    static final FieldDef NUM_ADDRS = Fields.uint("icmp.num_addrs", "Number of addresses", 8);
    static final FieldDef ADDR_ENTRY_SIZE = Fields.uint("icmp.addr_entry_size", "Address entry size", 8);
    static final FieldDef LIFETIME = Fields.uint("icmp.lifetime", "Lifetime", 16);
    static final FieldDef ROUTER_ADDRESS = Fields.ipv4("icmp.router_address", "Router address");
    static final FieldDef PREF_LEVEL = Fields.define("icmp.pref_level", "Preference level", FieldType.INT, Base.DEC,
            32, 0, null, "");
    static final FieldDef ORIGINATE_TS = Fields.uint("icmp.originate_timestamp", "Originate Timestamp", 32);
    static final FieldDef RECEIVE_TS = Fields.uint("icmp.receive_timestamp", "Receive Timestamp", 32);
    static final FieldDef TRANSMIT_TS = Fields.uint("icmp.transmit_timestamp", "Transmit Timestamp", 32);
    static final FieldDef ADDRESS_MASK = Fields.ipv4("icmp.address_mask", "Address Mask");
    static final FieldDef EXT_ECHO_SEQ = Fields.define("icmp.ext.echo.seq", "Sequence Number", FieldType.UINT,
            Base.DEC_HEX, 8, 0, null, "");
    static final FieldDef EXT_ECHO_REQ_RES = Fields.masked("icmp.ext.echo.req.res", "Reserved", 8, 0xFE, Base.HEX);
    static final FieldDef EXT_ECHO_REQ_LOCAL = Fields.flag("icmp.ext.echo.req.local", "Local bit", 8, 0x01);
    static final FieldDef EXT_ECHO_RSP_STATE = Fields.masked("icmp.ext.echo.rsp.state", "State", 8, 0xE0, Base.DEC);
    static final FieldDef EXT_ECHO_RSP_RES = Fields.masked("icmp.ext.echo.rsp.res", "Reserved", 8, 0x18, Base.HEX);
    static final FieldDef EXT_ECHO_RSP_ACTIVE = Fields.flag("icmp.ext.echo.rsp.active", "Active bit", 8, 0x04);
    static final FieldDef EXT_ECHO_RSP_IPV4 = Fields.flag("icmp.ext.echo.rsp.ipv4", "IPv4 bit", 8, 0x02);
    static final FieldDef EXT_ECHO_RSP_IPV6 = Fields.flag("icmp.ext.echo.rsp.ipv6", "IPv6 bit", 8, 0x01);

    static final int ECHO_REPLY = 0, UNREACH = 3, SOURCE_QUENCH = 4, REDIRECT = 5, ECHO = 8, ROUTER_ADVERT = 9,
            TIME_EXCEEDED = 11, PARAM_PROBLEM = 12, TSTAMP = 13, TSTAMP_REPLY = 14, INFO_REQUEST = 15,
            INFO_REPLY = 16, MASK_REQUEST = 17, MASK_REPLY = 18, EXT_ECHO_REQUEST = 42, EXT_ECHO_REPLY = 43,
            FRAG_NEEDED = 4;

    @Override public Protocol protocol() { return Protocols.ICMP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 4) {
            if (len >= 1) c.add(TYPE, c.u8(off), off, 1);
            if (len >= 2) c.add(CODE, c.u8(off + 1), off + 1, 1);
            return c.truncated(len, "ICMP header needs 8 bytes, has " + len);
        }
        int type = c.u8(off), code = c.u8(off + 1);
        c.add(TYPE, type, off, 1);
        c.add(CODE, code, off + 1, 1);
        c.add(CHECKSUM, c.u16(off + 2), off + 2, 2);
        c.add(CHECKSUM_STATUS, checksumStatus(c, off, len), off + 2, 0);
        return switch (type) {
            case ECHO_REPLY, ECHO -> {
                int h = identSeq(c, off, len, 8);
                yield h == 8 ? h + echoTimestamp(c, off + 8, len - 8) : h;
            }
            case INFO_REQUEST, INFO_REPLY -> identSeq(c, off, len, 8);
            case TSTAMP, TSTAMP_REPLY -> {
                int h = identSeq(c, off, len, 20);
                if (h == 20) {
                    c.add(ORIGINATE_TS, c.u32(off + 8), off + 8, 4);
                    c.add(RECEIVE_TS, c.u32(off + 12), off + 12, 4);
                    c.add(TRANSMIT_TS, c.u32(off + 16), off + 16, 4);
                }
                yield h;
            }
            case MASK_REQUEST, MASK_REPLY -> {
                int h = identSeq(c, off, len, 12);
                if (h == 12) c.add(ADDRESS_MASK, c.u32(off + 8), off + 8, 4);
                yield h;
            }
            case UNREACH, SOURCE_QUENCH, REDIRECT, TIME_EXCEEDED, PARAM_PROBLEM -> error(c, off, len, type, code);
            case ROUTER_ADVERT -> routerAdvert(c, off, len);
            case EXT_ECHO_REQUEST, EXT_ECHO_REPLY -> extendedEcho(c, off, len, type);
            default -> {
                c.nextRaw(len > 8 ? len - 8 : 0);
                yield Math.min(len, 8);
            }
        };
    }

    /** Echo-style messages: identifier and sequence number, each also read little-endian as tshark does. */
    private static int identSeq(DecodeContext c, int off, int len, int headerLen) {
        if (len < 6) return c.truncated(len, "ICMP message cut short at " + len + " bytes");
        c.add(IDENT, c.u16(off + 4), off + 4, 2);
        c.add(IDENT_LE, c.u16le(off + 4), off + 4, 2);
        if (len < 8) return c.truncated(len, "ICMP message cut short at " + len + " bytes");
        c.add(SEQ, c.u16(off + 6), off + 6, 2);
        c.add(SEQ_LE, c.u16le(off + 6), off + 6, 2);
        if (len < headerLen) return c.truncated(len, "ICMP message needs " + headerLen + " bytes, has " + len);
        c.nextRaw(len - headerLen);
        return headerLen;
    }

    /**
     * RFC 8335 extended echo (PROBE): identifier, sequence number and the request's L bit or the reply's state
     * bits; a request carries an extension structure naming the interface probed.
     */
    private static int extendedEcho(DecodeContext c, int off, int len, int type) {
        if (len < 8) return c.truncated(len, "ICMP extended echo needs 8 bytes, has " + len);
        c.add(IDENT, c.u16(off + 4), off + 4, 2);
        c.add(IDENT_LE, c.u16le(off + 4), off + 4, 2);
        c.add(EXT_ECHO_SEQ, c.u8(off + 6), off + 6, 1);
        int b = c.u8(off + 7);
        if (type == EXT_ECHO_REQUEST) {
            c.out().addMasked(EXT_ECHO_REQ_RES, b, off + 7, 1);
            c.out().addMasked(EXT_ECHO_REQ_LOCAL, b, off + 7, 1);
            if (len >= 12) IcmpExtensions.structure(c, off + 8, len - 8);
        } else {
            c.out().addMasked(EXT_ECHO_RSP_STATE, b, off + 7, 1);
            c.out().addMasked(EXT_ECHO_RSP_RES, b, off + 7, 1);
            c.out().addMasked(EXT_ECHO_RSP_ACTIVE, b, off + 7, 1);
            c.out().addMasked(EXT_ECHO_RSP_IPV4, b, off + 7, 1);
            c.out().addMasked(EXT_ECHO_RSP_IPV6, b, off + 7, 1);
        }
        c.nextRaw(0);
        return len;
    }

    /**
     * Wireshark takes the first 8 (or 16) bytes of echo data for the sender's time stamp when, read as seconds and
     * microseconds (32-bit, else 64-bit; big-, else little-endian), they fall within a day of the frame's own time;
     * the data then starts after them. Returns how many bytes it takes (the time stamp itself is not a field here:
     * tshark prints it as a calendar date, which FieldFormat does not produce).
     */
    private static int echoTimestamp(DecodeContext c, int at, int len) {
        if (len < 8) return 0;
        long frameSecs = Math.floorDiv(c.out().frame().timestampNanos(), 1_000_000_000L);
        if (plausible(c.u32(at), c.u32(at + 4), frameSecs) || plausible(c.u32le(at), c.u32le(at + 4), frameSecs)) {
            c.nextRaw(len - 8);
            return 8;
        }
        if (len >= 16 && (plausible(c.u64(at), c.u64(at + 8), frameSecs)
                || plausible(Long.reverseBytes(c.u64(at)), Long.reverseBytes(c.u64(at + 8)), frameSecs))) {
            c.nextRaw(len - 16);
            return 16;
        }
        return 0;
    }

    private static boolean plausible(long secs, long micros, long frameSecs) {
        return Math.abs(secs - frameSecs) < 86_400 && micros >= 0 && micros < 1_000_000;
    }

    /** An error message: its second word, then the quoted datagram and any RFC 4884 extension objects. */
    private static int error(DecodeContext c, int off, int len, int type, int code) {
        if (len < 8) return c.truncated(len, "ICMP error message needs 8 bytes, has " + len);
        int words = 0;
        switch (type) {
            case UNREACH -> {
                if (code == FRAG_NEEDED) {
                    c.ref(UNUSED, off + 4, 2);
                    c.add(MTU, c.u16(off + 6), off + 6, 2);
                } else {
                    words = lengthOrUnused(c, off);
                }
            }
            case TIME_EXCEEDED -> words = lengthOrUnused(c, off);
            case PARAM_PROBLEM -> {
                c.add(POINTER, c.u8(off + 4), off + 4, 1);
                c.ref(UNUSED, off + 5, 3);
            }
            case REDIRECT -> c.add(REDIR_GW, c.u32(off + 4), off + 4, 4);
            default -> { }
        }
        int quoted = IcmpExtensions.decode(c, off + 8, len - 8, words, false);
        if (quoted > 0) c.next(Dispatch.IP_VERSION, c.u8(off + 8) >>> 4, quoted);
        else c.nextRaw(0);
        return 8;
    }

    /**
     * RFC 4884: a non-zero byte 5 of unreachable / time exceeded gives the quoted datagram's length in 32-bit words
     * (returned); zero leaves the four bytes unused.
     */
    private static int lengthOrUnused(DecodeContext c, int off) {
        int words = c.u8(off + 5);
        if (words == 0) {
            c.ref(UNUSED, off + 4, 4);
            return 0;
        }
        c.ref(UNUSED, off + 4, 1);
        c.add(LENGTH, words, off + 5, 1);
        c.add(LENGTH_ORIGINAL, words * 4, off + 5, 1);
        c.ref(UNUSED, off + 6, 2);
        return words;
    }

    /** RFC 1256 router advertisement: address / preference pairs (Mobile IP extensions are left undecoded). */
    private static int routerAdvert(DecodeContext c, int off, int len) {
        if (len < 8) return c.truncated(len, "ICMP router advertisement needs 8 bytes, has " + len);
        int n = c.u8(off + 4), size = c.u8(off + 5);
        c.add(NUM_ADDRS, n, off + 4, 1);
        c.add(ADDR_ENTRY_SIZE, size, off + 5, 1);
        c.add(LIFETIME, c.u16(off + 6), off + 6, 2);
        int step = size * 4;
        int p = off + 8;
        if (step >= 8) {
            for (int i = 0; i < n && i < c.maxOptions(); i++, p += step) {
                if (p + 8 > off + len) return c.truncated(len, "ICMP router advertisement cut short");
                c.add(ROUTER_ADDRESS, c.u32(p), p, 4);
                c.add(PREF_LEVEL, (int) c.u32(p + 4), p + 4, 4);
            }
        }
        c.nextRaw(off + len - p);
        return p - off;
    }

    /**
     * Wireshark verifies the ICMP checksum when the whole message was captured and it is not itself quoted by an
     * error: 1 good, 0 bad, 2 unverified.
     */
    private static int checksumStatus(DecodeContext c, int off, int len) {
        if (insideQuote(c) || c.reportedLength(off, len) != len) {
            return Ipv4Decoder.CHECKSUM_UNVERIFIED;
        }
        return IcmpChecksums.internet(c, off, len, 0) == 0 ? 1 : 0;
    }

    /** Whether an ICMP/ICMPv6 error message lies below this layer (the quoted datagram's own ICMP). */
    static boolean insideQuote(DecodeContext c) {
        for (int i = c.out().currentLayer() - 1; i >= 0; i--) {
            Protocol p = c.out().frame().protocolAt(i);
            if (p == Protocols.ICMP || p == Protocols.ICMPV6) return true;
        }
        return false;
    }
}
