package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.EtherType;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * Generic Routing Encapsulation (RFC 1701/2784/2890) and PPTP's enhanced GRE (RFC 2637, version 1: the key is a
 * payload length and a call id, an acknowledgment number may follow the sequence number), as Wireshark 4.0's
 * "gre" dissector shows them. The payload is looked up by protocol type in {@link Dispatch#GRE_PROTO} first (types
 * that are no EtherType Wireshark decodes, such as PPP 0x880B), then in {@link Dispatch#ETHERTYPE}. The checksum
 * is verified, as Wireshark does, when the whole packet was captured.
 */
public final class GreDecoder implements LayerDecoder {
    public static final Protocol GRE = Protocols.define("GRE", "gre", Level.INTERNET);

    static final FieldDef FLAGS_AND_VERSION = Fields.hex("gre.flags_and_version", "Flags and Version", 16);
    static final FieldDef F_CHECKSUM = Fields.flag("gre.flags.checksum", "Checksum Bit", 16, 0x8000);
    static final FieldDef F_ROUTING = Fields.flag("gre.flags.routing", "Routing Bit", 16, 0x4000);
    static final FieldDef F_KEY = Fields.flag("gre.flags.key", "Key Bit", 16, 0x2000);
    static final FieldDef F_SEQUENCE = Fields.flag("gre.flags.sequence_number", "Sequence Number Bit", 16, 0x1000);
    static final FieldDef F_STRICT = Fields.flag("gre.flags.strict_source_route", "Strict Source Route Bit", 16,
            0x0800);
    static final FieldDef F_RECURSION = Fields.masked("gre.flags.recursion_control", "Recursion control", 16, 0x0700,
            Base.DEC);
    static final FieldDef F_ACK = Fields.flag("gre.flags.ack", "Acknowledgment", 16, 0x0080);
    static final FieldDef F_RESERVED = Fields.masked("gre.flags.reserved", "Flags (Reserved)", 16, 0x00F8, Base.DEC);
    static final FieldDef F_VERSION = Fields.masked("gre.flags.version", "Version", 16, 0x0007, Base.DEC);
    static final FieldDef PROTO = Fields.hex("gre.proto", "Protocol Type", 16, EtherType.names());
    static final FieldDef CHECKSUM = Fields.hex("gre.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("gre.checksum.status", "Checksum Status", 8,
            TcpDecoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef OFFSET = Fields.uint("gre.offset", "Offset", 16);
    static final FieldDef KEY = Fields.hex("gre.key", "Key", 32);
    static final FieldDef PAYLOAD_LENGTH = Fields.uint("gre.key.payload_length", "Payload Length", 16);
    static final FieldDef CALL_ID = Fields.uint("gre.key.call_id", "Call ID", 16);
    static final FieldDef SEQUENCE = Fields.uint("gre.sequence_number", "Sequence Number", 32);
    static final FieldDef ACK_NUMBER = Fields.uint("gre.ack_number", "Acknowledgment Number", 32);
    static final FieldDef ROUTING = Fields.group("gre.routing", "Routing");
    static final FieldDef SRE_AF = Fields.uint("gre.routing.address_family", "Address Family", 16);
    static final FieldDef SRE_OFFSET = Fields.uint("gre.routing.sre_offset", "SRE Offset", 8);
    static final FieldDef SRE_LENGTH = Fields.uint("gre.routing.src_length", "SRE Length", 8);
    static final FieldDef SRE_INFO = Fields.bytes("gre.routing.information", "Routing Information");

    static final int CHECKSUM_BIT = 0x8000, ROUTING_BIT = 0x4000, KEY_BIT = 0x2000, SEQUENCE_BIT = 0x1000;
    static final int ACK_BIT = 0x0080;
    /** Enhanced GRE's flag reserve is one bit shorter: the acknowledgment bit took it. */
    static final int RESERVED_V1_MASK = 0x0078;
    static final int ENHANCED = 1;

    @Override public Protocol protocol() { return GRE; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads flags and type (for the protocol line) before showing either
        if (len < 4) return c.truncated(len, "GRE header needs 4 bytes, has " + len);
        int fv = c.u16(off);
        int version = fv & 0x7;
        int type = c.u16(off + 2);
        c.out().beginGroup(FLAGS_AND_VERSION, fv, off, 2);
        c.out().addMasked(F_CHECKSUM, fv, off, 2);
        c.out().addMasked(F_ROUTING, fv, off, 2);
        c.out().addMasked(F_KEY, fv, off, 2);
        c.out().addMasked(F_SEQUENCE, fv, off, 2);
        c.out().addMasked(F_STRICT, fv, off, 2);
        c.out().addMasked(F_RECURSION, fv, off, 2);
        if (version == ENHANCED) {
            c.out().addMasked(F_ACK, fv, off, 2);
            c.add(F_RESERVED, (fv & RESERVED_V1_MASK) >>> 3, off, 2);
        } else {
            c.out().addMasked(F_RESERVED, fv, off, 2);
        }
        c.out().addMasked(F_VERSION, fv, off, 2);
        c.out().endGroup();
        c.add(PROTO, type, off + 2, 2);
        int at = off + 4;
        if ((fv & (CHECKSUM_BIT | ROUTING_BIT)) != 0) {
            if (len < at - off + 4) return cut(c, len);
            c.add(CHECKSUM, c.u16(at), at, 2);
            int status = UdpDecoder.UNVERIFIED;
            if ((fv & CHECKSUM_BIT) != 0 && c.reportedLength(off, len) == len) {
                status = IcmpChecksums.internet(c, off, len, 0) == 0 ? 1 : 0;
                if (status == 0) c.anomaly(Anomaly.Kind.BAD_CHECKSUM, at, "GRE checksum is wrong");
            }
            c.add(CHECKSUM_STATUS, status, at, 2);
            c.add(OFFSET, c.u16(at + 2), at + 2, 2);
            at += 4;
        }
        if ((fv & KEY_BIT) != 0) {
            if (len < at - off + 4) return cut(c, len);
            if (version == ENHANCED) {
                c.add(PAYLOAD_LENGTH, c.u16(at), at, 2);
                c.add(CALL_ID, c.u16(at + 2), at + 2, 2);
            } else {
                c.add(KEY, c.u32(at), at, 4);
            }
            at += 4;
        }
        if ((fv & SEQUENCE_BIT) != 0) {
            if (len < at - off + 4) return cut(c, len);
            c.add(SEQUENCE, c.u32(at), at, 4);
            at += 4;
        }
        if (version == ENHANCED && (fv & ACK_BIT) != 0) {
            if (len < at - off + 4) return cut(c, len);
            c.add(ACK_NUMBER, c.u32(at), at, 4);
            at += 4;
        }
        if ((fv & ROUTING_BIT) != 0) {
            at = routing(c, at, off + len);
            if (at < 0) {
                c.nextRaw(0);
                return len;
            }
        }
        c.next(Dispatch.GRE_PROTO, type, -1);
        c.orElse(Dispatch.ETHERTYPE, type);
        return at - off;
    }

    /**
     * The Source Route Entries up to the null one (family 0, length 0); returns where they end, or -1 when they are
     * cut short or too many.
     */
    private static int routing(DecodeContext c, int at, int end) {
        int start = at;
        for (int n = 0; n < c.maxOptions(); n++) {
            if (end - at < 4) {
                c.truncated(end - start, "GRE source route entry cut short");
                return -1;
            }
            int af = c.u16(at), sreLen = c.u8(at + 3);
            // each entry is a "gre.routing" node of its own, the null one that ends the list too
            int g = c.out().beginGroup(ROUTING, at, 4);
            c.add(SRE_AF, af, at, 2);
            c.add(SRE_OFFSET, c.u8(at + 2), at + 2, 1);
            c.add(SRE_LENGTH, sreLen, at + 3, 1);
            at += 4;
            if (af == 0 && sreLen == 0) {
                c.out().endGroup();
                return at;
            }
            if (end - at < sreLen) {
                c.out().endGroup();
                c.truncated(end - start, "GRE routing information cut short");
                return -1;
            }
            c.ref(SRE_INFO, at, sreLen);
            c.out().setLength(g, 4 + sreLen);
            c.out().endGroup();
            at += sreLen;
        }
        c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " GRE source route entries");
        return -1;
    }

    private static int cut(DecodeContext c, int len) {
        return c.truncated(len, "GRE header cut short at " + len + " bytes");
    }
}
