package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * L2TP as Wireshark 4.0's "l2tp" dissector shows it: version 2 over UDP (RFC 2661), version 3 over UDP and over IP
 * protocol 115 (RFC 3931). Control messages carry AVPs ({@link L2tpAvps}); version 2 data messages carry PPP in
 * HDLC-like framing, handed to {@link PppDecoder} as Wireshark hands them to its "ppp_hdlc" dissector. A version 3
 * data message shows its session id; what follows depends on the cookie and pseudowire negotiated by earlier
 * control messages, which a stateless decoder does not see: like tshark with its default "Detect" preferences and
 * no control message of that session, no cookie and no sublayer are assumed and the payload is left raw.
 */
public final class L2tpDecoder implements LayerDecoder {
    public static final Protocol L2TP = Protocols.define("L2TP", "l2tp", Level.LINK);

    static final ValueNames TYPES = ValueNames.of(0, "Data Message", 1, "Control Message");
    static final FieldDef FLAGS = Fields.hex("l2tp.flags", "Flags", 16);
    static final FieldDef TYPE = Fields.masked("l2tp.type", "Type", 16, 0x8000, Base.DEC, TYPES);
    static final FieldDef LENGTH_BIT = Fields.flag("l2tp.length_bit", "Length Bit", 16, 0x4000);
    static final FieldDef SEQ_BIT = Fields.flag("l2tp.seq_bit", "Sequence Bit", 16, 0x0800);
    static final FieldDef OFFSET_BIT = Fields.flag("l2tp.offset_bit", "Offset bit", 16, 0x0200);
    static final FieldDef PRIORITY = Fields.flag("l2tp.priority", "Priority", 16, 0x0100);
    static final FieldDef VERSION = Fields.masked("l2tp.version", "Version", 16, 0x000F, Base.DEC);
    static final FieldDef LENGTH = Fields.uint("l2tp.length", "Length", 16);
    static final FieldDef TUNNEL = Fields.uint("l2tp.tunnel", "Tunnel ID", 16);
    static final FieldDef SESSION = Fields.uint("l2tp.session", "Session ID", 16);
    static final FieldDef NS = Fields.uint("l2tp.Ns", "Ns", 16);
    static final FieldDef NR = Fields.uint("l2tp.Nr", "Nr", 16);
    static final FieldDef OFFSET = Fields.uint("l2tp.offset", "Offset", 16);
    static final FieldDef OFFSET_PADDING = Fields.group("l2tp.offset_padding", "Offset Padding");
    static final FieldDef ZLB = Fields.group("l2tp.zero_length_body_message", "Zero Length Body message");
    static final FieldDef SID = Fields.hex("l2tp.sid", "Session ID", 32);
    static final FieldDef CCID = Fields.hex("l2tp.ccid", "Control Connection ID", 32);
    static final FieldDef RES = Fields.hex("l2tp.res", "Reserved", 16);

    static final int T_BIT = 0x8000, L_BIT = 0x4000, S_BIT = 0x0800, O_BIT = 0x0200;
    /** A control message with Length and Sequence and no AVP: an acknowledgment only. */
    static final int ZLB_LENGTH = 12;

    /** PPP after a version 2 data header: Wireshark's HDLC-like PPP (address and control may be there). */
    private static final PppDecoder PPP_HDLC = new PppDecoder(true);

    private final boolean overIp;

    /** {@code overIp}: L2TPv3 directly over IP (protocol 115), where a session id comes first; else over UDP. */
    public L2tpDecoder(boolean overIp) { this.overIp = overIp; }

    @Override public Protocol protocol() { return L2TP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (overIp) {
            if (len < 4) return c.truncated(len, "L2TPv3 session id needs 4 bytes, has " + len);
            long sid = c.u32(off);
            c.add(SID, sid, off, 4);
            if (sid != 0) { // a data message; RFC 3931 §4.1.1.1: session id 0 marks a control message
                c.nextRaw(-1);
                return 4;
            }
            return 4 + control(c, off + 4, len - 4, 3);
        }
        if (len < 2) return c.truncated(len, "L2TP header needs 2 bytes, has " + len);
        int flags = c.u16(off);
        int version = flags & 0xF;
        if (version == 3) {
            if ((flags & T_BIT) != 0) return control(c, off, len, 3);
            if (len < 8) return c.truncated(len, "L2TPv3 data header needs 8 bytes, has " + len);
            addFlags(c, off, flags, 3);
            c.add(RES, c.u16(off + 2), off + 2, 2);
            c.add(SID, c.u32(off + 4), off + 4, 4);
            c.nextRaw(-1);
            return 8;
        }
        if (version != 2) {
            // Wireshark declines the packet: no L2TP field, the bytes stay data
            c.anomaly(Anomaly.Kind.BAD_VALUE, off, "L2TP version " + version + " is neither 2 nor 3");
            c.nextRaw(-1);
            return 0;
        }
        if ((flags & T_BIT) != 0) return control(c, off, len, 2);
        int hl = v2HeaderLength(c, off, len, flags);
        if (hl < 0) return c.truncated(len, "L2TPv2 header cut short at " + len + " bytes");
        int length = v2Header(c, off, flags);
        int payload = length >= hl ? Math.min(length, len) - hl : -1;
        c.nextDecoder(PPP_HDLC, payload);
        return hl;
    }

    /**
     * A control message whose flags word is at {@code off}: version 2's tunnel/session header or version 3's
     * control connection id, then the AVPs up to the length field's end. Returns the bytes used.
     */
    private static int control(DecodeContext c, int off, int len, int version) {
        if (len < 2) return c.truncated(len, "L2TP control header cut short at " + len + " bytes");
        int flags = c.u16(off);
        int hl, length;
        if (version == 2) {
            hl = v2HeaderLength(c, off, len, flags);
            if (hl < 0) return c.truncated(len, "L2TPv2 header cut short at " + len + " bytes");
            length = v2Header(c, off, flags);
        } else {
            hl = 6 + ((flags & L_BIT) != 0 ? 2 : 0) + ((flags & S_BIT) != 0 ? 4 : 0);
            if (len < hl) return c.truncated(len, "L2TPv3 control header cut short at " + len + " bytes");
            addFlags(c, off, flags, 3);
            int at = off + 2;
            length = -1;
            if ((flags & L_BIT) != 0) {
                length = c.u16(at);
                c.add(LENGTH, length, at, 2);
                at += 2;
            }
            c.add(CCID, c.u32(at), at, 4);
            at += 4;
            if ((flags & S_BIT) != 0) {
                c.add(NS, c.u16(at), at, 2);
                c.add(NR, c.u16(at + 2), at + 2, 2);
            }
        }
        if (length == ZLB_LENGTH) c.add(ZLB, 0, off, 0);
        int end = length >= 0 ? length : len;
        if (end > len) {
            c.anomaly(Anomaly.Kind.TRUNCATED, off, "L2TP length " + length + " goes past the captured " + len
                    + " bytes");
            end = len;
        }
        if (end > hl) L2tpAvps.decode(c, off + hl, end - hl);
        c.nextRaw(0);
        return Math.max(end, hl);
    }

    /** Header length of version 2 from its flags, or -1 when the bytes there are fewer (offset pad included). */
    private static int v2HeaderLength(DecodeContext c, int off, int len, int flags) {
        int hl = 6 + ((flags & L_BIT) != 0 ? 2 : 0) + ((flags & S_BIT) != 0 ? 4 : 0);
        if ((flags & O_BIT) != 0) {
            if (len < hl + 2) return -1;
            hl += 2 + c.u16(off + hl);
        }
        return len < hl ? -1 : hl;
    }

    /** Adds version 2's header fields (the header is known to be all there); returns the length field or -1. */
    private static int v2Header(DecodeContext c, int off, int flags) {
        addFlags(c, off, flags, 2);
        int at = off + 2;
        int length = -1;
        if ((flags & L_BIT) != 0) {
            length = c.u16(at);
            c.add(LENGTH, length, at, 2);
            at += 2;
        }
        c.add(TUNNEL, c.u16(at), at, 2);
        c.add(SESSION, c.u16(at + 2), at + 2, 2);
        at += 4;
        if ((flags & S_BIT) != 0) {
            c.add(NS, c.u16(at), at, 2);
            c.add(NR, c.u16(at + 2), at + 2, 2);
            at += 4;
        }
        if ((flags & O_BIT) != 0) {
            int pad = c.u16(at);
            c.add(OFFSET, pad, at, 2);
            if (pad > 0) c.add(OFFSET_PADDING, 0, at + 2, pad);
        }
        return length;
    }

    /** The flags word; version 3 has no offset and priority bits. */
    private static void addFlags(DecodeContext c, int off, int flags, int version) {
        c.out().beginGroup(FLAGS, flags, off, 2);
        c.out().addMasked(TYPE, flags, off, 2);
        c.out().addMasked(LENGTH_BIT, flags, off, 2);
        c.out().addMasked(SEQ_BIT, flags, off, 2);
        if (version == 2) {
            c.out().addMasked(OFFSET_BIT, flags, off, 2);
            c.out().addMasked(PRIORITY, flags, off, 2);
        }
        c.out().addMasked(VERSION, flags, off, 2);
        c.out().endGroup();
    }
}
