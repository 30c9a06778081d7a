package io.pcapkit.nativeengine.proto;

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
 * NTP (RFC 5905) on UDP port 123, with tshark 4.0's {@code ntp.*} fields. Modes 1–5 carry the time packet: flags,
 * stratum, poll, precision, root delay and dispersion (their raw 16.16 values, as {@code -T fields} prints them),
 * reference ID (bytes) and the four timestamps as UTC dates ({@code NULL} for a zero timestamp, RFC 4330's era rule
 * for the seconds, the fraction truncated to nanoseconds), then the key ID and MAC when present. Mode 6 (control,
 * RFC 9327) and mode 7 (ntpd's private mode) show their headers; their data is left undecoded. A packet cut short
 * shows its fields as far as its bytes go, as in tshark.
 */
public final class NtpDecoder implements LayerDecoder {
    public static final Protocol NTP = Protocols.define("NTP", "ntp", Level.APPLICATION);

    static final FieldDef FLAGS = Fields.hex("ntp.flags", "Flags", 8);
    static final FieldDef LI = Fields.masked("ntp.flags.li", "Leap Indicator", 8, 0xC0, Base.DEC);
    static final FieldDef VN = Fields.masked("ntp.flags.vn", "Version number", 8, 0x38, Base.DEC);
    static final FieldDef MODE = Fields.masked("ntp.flags.mode", "Mode", 8, 0x07, Base.DEC, ValueNames.of(
            0, "reserved", 1, "symmetric active", 2, "symmetric passive", 3, "client", 4, "server", 5, "broadcast",
            6, "reserved for NTP control message", 7, "reserved for private use"));
    static final FieldDef STRATUM = Fields.uint("ntp.stratum", "Peer Clock Stratum", 8);
    static final FieldDef PPOLL = Fields.uint("ntp.ppoll", "Peer Polling Interval", 8);
    static final FieldDef PRECISION = Fields.uint("ntp.precision", "Peer Clock Precision", 8);
    static final FieldDef ROOTDELAY = Fields.uint("ntp.rootdelay", "Root Delay", 32);
    static final FieldDef ROOTDISPERSION = Fields.uint("ntp.rootdispersion", "Root Dispersion", 32);
    static final FieldDef REFID = Fields.bytes("ntp.refid", "Reference ID");
    static final FieldDef REFTIME = Fields.string("ntp.reftime", "Reference Timestamp");
    static final FieldDef ORG = Fields.string("ntp.org", "Origin Timestamp");
    static final FieldDef REC = Fields.string("ntp.rec", "Receive Timestamp");
    static final FieldDef XMT = Fields.string("ntp.xmt", "Transmit Timestamp");
    static final FieldDef KEYID = Fields.bytes("ntp.keyid", "Key ID");
    static final FieldDef MAC = Fields.bytes("ntp.mac", "Message Authentication Code");

    static final FieldDef CTRL_FLAGS2 = Fields.hex("ntp.ctrl.flags2", "Flags 2", 8);
    static final FieldDef CTRL_R = Fields.masked("ntp.ctrl.flags2.r", "Response bit", 8, 0x80, Base.DEC);
    static final FieldDef CTRL_ERROR = Fields.masked("ntp.ctrl.flags2.error", "Error bit", 8, 0x40, Base.DEC);
    static final FieldDef CTRL_MORE = Fields.masked("ntp.ctrl.flags2.more", "More bit", 8, 0x20, Base.DEC);
    static final FieldDef CTRL_OPCODE = Fields.masked("ntp.ctrl.flags2.opcode", "Opcode", 8, 0x1F, Base.DEC);
    static final FieldDef CTRL_SEQUENCE = Fields.uint("ntp.ctrl.sequence", "Sequence", 16);
    static final FieldDef CTRL_STATUS = Fields.hex("ntp.ctrl.status", "Status", 16);
    static final FieldDef SYS_LI = Fields.masked("ntp.ctrl.sys_status.li", "Leap Indicator", 16, 0xC000, Base.DEC);
    static final FieldDef SYS_CLKSRC = Fields.masked("ntp.ctrl.sys_status.clksrc", "Clock Source", 16, 0x3F00,
            Base.DEC);
    static final FieldDef SYS_COUNT = Fields.masked("ntp.ctrl.sys_status.count", "System Event Counter", 16, 0x00F0,
            Base.DEC);
    static final FieldDef SYS_CODE = Fields.masked("ntp.ctrl.sys_status.code", "System Event Code", 16, 0x000F,
            Base.DEC);
    static final FieldDef CTRL_ASSOCID = Fields.uint("ntp.ctrl.associd", "AssociationID", 16);
    static final FieldDef CTRL_OFFSET = Fields.uint("ntp.ctrl.offset", "Offset", 16);
    static final FieldDef CTRL_COUNT = Fields.uint("ntp.ctrl.count", "Count", 16);
    /** The data's node; its name=value items are not decoded here. */
    static final FieldDef CTRL_DATA = Fields.group("ntp.ctrl.data", "Data");

    static final FieldDef PRIV_R = Fields.masked("ntp.priv.flags.r", "Response bit", 8, 0x80, Base.DEC);
    static final FieldDef PRIV_MORE = Fields.masked("ntp.priv.flags.more", "More bit", 8, 0x40, Base.DEC);
    static final FieldDef PRIV_AUTH_SEQ = Fields.uint("ntp.priv.auth_seq", "Auth, sequence", 8);
    static final FieldDef PRIV_AUTH = Fields.masked("ntp.priv.auth", "Auth bit", 8, 0x80, Base.DEC);
    static final FieldDef PRIV_SEQ = Fields.masked("ntp.priv.seq", "Sequence number", 8, 0x7F, Base.DEC);
    static final FieldDef PRIV_IMPL = Fields.uint("ntp.priv.impl", "Implementation", 8);
    static final FieldDef PRIV_REQCODE = Fields.uint("ntp.priv.reqcode", "Request code", 8);
    static final FieldDef PRIV_ERR = Fields.hex("ntp.priv.err", "Err", 8);
    static final FieldDef PRIV_NUMITEMS = Fields.uint("ntp.priv.numitems", "Number of data items", 16);
    static final FieldDef PRIV_RESERVED = Fields.hex("ntp.priv.reserved", "Reserved", 8);
    static final FieldDef PRIV_ITEMSIZE = Fields.uint("ntp.priv.itemsize", "Size of data item", 16);

    private static final FieldDef[] BYTE_FIELDS = {STRATUM, PPOLL, PRECISION};
    private static final FieldDef[] TIMES = {REFTIME, ORG, REC, XMT};

    static final int MODE_CONTROL = 6, MODE_PRIVATE = 7;
    /** Seconds from 1900 (NTP's era 0) to 1970. */
    static final long NTP_TO_UNIX = 2_208_988_800L;

    @Override public Protocol protocol() { return NTP; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(0);
        if (len < 1) return c.truncated(len, "NTP header cut short");
        int flags = c.u8(off);
        int mode = flags & 7;
        if (mode == MODE_CONTROL) return control(c, off, len, flags);
        if (mode == MODE_PRIVATE) return privateMode(c, off, len, flags);
        c.out().beginGroup(FLAGS, flags, off, 1);
        c.add(LI, flags >> 6, off, 1);
        c.add(VN, flags >> 3 & 7, off, 1);
        c.add(MODE, mode, off, 1);
        c.out().endGroup();
        // like tshark, each field as far as the bytes go
        for (int k = 0; k < 3; k++) {
            if (len < 2 + k) return c.truncated(len, "NTP packet needs 48 bytes, has " + len);
            c.add(BYTE_FIELDS[k], c.u8(off + 1 + k), off + 1 + k, 1);
        }
        if (len < 8) return c.truncated(len, "NTP packet needs 48 bytes, has " + len);
        c.add(ROOTDELAY, c.u32(off + 4), off + 4, 4);
        if (len < 12) return c.truncated(len, "NTP packet needs 48 bytes, has " + len);
        c.add(ROOTDISPERSION, c.u32(off + 8), off + 8, 4);
        if (len < 16) return c.truncated(len, "NTP packet needs 48 bytes, has " + len);
        c.ref(REFID, off + 12, 4);
        for (int k = 0; k < 4; k++) {
            if (len < 24 + 8 * k) return c.truncated(len, "NTP packet needs 48 bytes, has " + len);
            timestamp(c, TIMES[k], off + 16 + 8 * k);
        }
        int rest = len - 48;
        // RFC 5905 section 7.3: a MAC of a 4-byte key ID and a 16-byte (MD5) or 20-byte (SHA-1) digest; other
        // lengths are extension fields, which this decoder leaves undecoded
        if (rest == 20 || rest == 24) {
            c.ref(KEYID, off + 48, 4);
            c.ref(MAC, off + 52, rest - 4);
        }
        return len;
    }

    /** An NTP timestamp (RFC 5905 section 6) as tshark prints it. */
    static void timestamp(DecodeContext c, FieldDef f, int at) {
        long secs = c.u32(at), frac = c.u32(at + 4);
        String text;
        if (secs == 0 && frac == 0) {
            text = "NULL";
        } else {
            // RFC 4330 section 3: with the top bit clear the time is in era 1 (from 2036)
            long unix = (secs & 0x80000000L) != 0 ? secs - NTP_TO_UNIX : secs + (1L << 32) - NTP_TO_UNIX;
            text = AbsoluteTimes.utc(unix, (frac * 1_000_000_000L) >>> 32);
        }
        c.out().addObject(f, text, at, 8);
    }

    /** Mode 6 (RFC 9327): version and mode, then the control header. */
    private int control(DecodeContext c, int off, int len, int flags) {
        c.out().beginGroup(FLAGS, flags, off, 1);
        c.add(LI, flags >> 6, off, 1);
        c.add(VN, flags >> 3 & 7, off, 1);
        c.add(MODE, flags & 7, off, 1);
        c.out().endGroup();
        if (len < 12) return c.truncated(len, "NTP control header needs 12 bytes, has " + len);
        int f2 = c.u8(off + 1);
        c.out().beginGroup(CTRL_FLAGS2, f2, off + 1, 1);
        c.add(CTRL_R, f2 >> 7, off + 1, 1);
        c.add(CTRL_ERROR, f2 >> 6 & 1, off + 1, 1);
        c.add(CTRL_MORE, f2 >> 5 & 1, off + 1, 1);
        c.add(CTRL_OPCODE, f2 & 0x1F, off + 1, 1);
        c.out().endGroup();
        c.add(CTRL_SEQUENCE, c.u16(off + 2), off + 2, 2);
        int status = c.u16(off + 4), associd = c.u16(off + 6);
        c.out().beginGroup(CTRL_STATUS, status, off + 4, 2);
        // a response about the system (association 0) carries the system status word (RFC 9327 section 2.2)
        if ((f2 & 0x80) != 0 && (f2 & 0x40) == 0 && associd == 0) {
            c.add(SYS_LI, status >> 14, off + 4, 2);
            c.add(SYS_CLKSRC, status >> 8 & 0x3F, off + 4, 2);
            c.add(SYS_COUNT, status >> 4 & 0xF, off + 4, 2);
            c.add(SYS_CODE, status & 0xF, off + 4, 2);
        }
        c.out().endGroup();
        c.add(CTRL_ASSOCID, associd, off + 6, 2);
        c.add(CTRL_OFFSET, c.u16(off + 8), off + 8, 2);
        int count = c.u16(off + 10);
        c.add(CTRL_COUNT, count, off + 10, 2);
        if (count > 0 && len > 12) c.out().addObject(CTRL_DATA, null, off + 12, Math.min(count, len - 12));
        return len;
    }

    /** Mode 7 (ntpd's private mode, no RFC): response/more bits, version, mode, then the request header. */
    private int privateMode(DecodeContext c, int off, int len, int flags) {
        c.out().beginGroup(FLAGS, flags, off, 1);
        c.add(PRIV_R, flags >> 7, off, 1);
        c.add(PRIV_MORE, flags >> 6 & 1, off, 1);
        c.add(VN, flags >> 3 & 7, off, 1);
        c.add(MODE, flags & 7, off, 1);
        c.out().endGroup();
        if (len < 8) return c.truncated(len, "NTP private header needs 8 bytes, has " + len);
        int as = c.u8(off + 1);
        c.out().beginGroup(PRIV_AUTH_SEQ, as, off + 1, 1);
        c.add(PRIV_AUTH, as >> 7, off + 1, 1);
        c.add(PRIV_SEQ, as & 0x7F, off + 1, 1);
        c.out().endGroup();
        c.add(PRIV_IMPL, c.u8(off + 2), off + 2, 1);
        c.add(PRIV_REQCODE, c.u8(off + 3), off + 3, 1);
        int en = c.u16(off + 4), ms = c.u16(off + 6);
        c.add(PRIV_ERR, en >> 12, off + 4, 1);
        c.add(PRIV_NUMITEMS, en & 0x0FFF, off + 4, 2);
        c.add(PRIV_RESERVED, ms >> 12, off + 6, 1);
        c.add(PRIV_ITEMSIZE, ms & 0x0FFF, off + 6, 2);
        return len;
    }
}
