package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * IPv4 options (RFC 791 and later), walked as Wireshark 4.0 walks them: EOL ends the list; an option whose length
 * byte is missing, below 2, past the header, or wrong for its kind ends it with an anomaly; unknown options are
 * skipped by their length without fields. Security, CIPSO and route/time-stamp options are in their own classes.
 */
final class Ipv4Options {
    static final FieldDef TYPE = Fields.uint("ip.opt.type", "Type", 8);
    static final FieldDef TYPE_COPY = Fields.flag("ip.opt.type.copy", "Copy on fragmentation", 8, 0x80);
    static final FieldDef TYPE_CLASS = Fields.masked("ip.opt.type.class", "Class", 8, 0x60, Base.DEC);
    static final FieldDef TYPE_NUMBER = Fields.masked("ip.opt.type.number", "Number", 8, 0x1F, Base.DEC);
    static final FieldDef LEN = Fields.uint("ip.opt.len", "Length", 8);
    static final FieldDef SID = Fields.uint("ip.opt.sid", "Stream Identifier", 16);
    static final FieldDef MTU = Fields.uint("ip.opt.mtu", "MTU", 16);
    static final FieldDef ID_NUMBER = Fields.uint("ip.opt.id_number", "ID Number", 16);
    static final FieldDef OHC = Fields.uint("ip.opt.ohc", "Outbound Hop Count", 16);
    static final FieldDef RHC = Fields.uint("ip.opt.rhc", "Return Hop Count", 16);
    static final FieldDef ORIGINATOR = Fields.ipv4("ip.opt.originator", "Originator IP Address");
    static final FieldDef RA = Fields.uint("ip.opt.ra", "Router Alert", 16);
    static final FieldDef ADDR = Fields.ipv4("ip.opt.addr", "IP Address");
    static final FieldDef PADDING = Fields.bytes("ip.opt.padding", "Padding");
    static final FieldDef QS_FUNC = Fields.masked("ip.opt.qs_func", "Function", 8, 0xF0, Base.DEC);
    static final FieldDef QS_RATE = Fields.masked("ip.opt.qs_rate", "Rate", 8, 0x0F, Base.DEC);
    static final FieldDef QS_TTL = Fields.uint("ip.opt.qs_ttl", "QS TTL", 8);
    static final FieldDef QS_TTL_DIFF = Fields.uint("ip.opt.qs_ttl_diff", "TTL Diff", 8);
    static final FieldDef QS_UNUSED = Fields.uint("ip.opt.qs_unused", "Not Used", 8);
    static final FieldDef QS_NONCE = Fields.masked("ip.opt.qs_nonce", "QS Nonce", 32, 0xFFFFFFFCL, Base.HEX);
    static final FieldDef QS_RESERVED = Fields.masked("ip.opt.qs_reserved", "Reserved", 32, 0x3, Base.HEX);

    static final int EOL = 0, NOP = 1, RR = 7, MTU_PROBE = 11, MTU_REPLY = 12, QS = 25, TS = 68, TR = 82,
            SEC = 130, LSRR = 131, ESEC = 133, CIPSO = 134, SID_OPT = 136, SSRR = 137, RTRALT = 148, SDB = 149;

    private Ipv4Options() { }

    /**
     * Wireshark's length rule for option {@code t}: 0 = no length byte (EOL, NOP), positive = fixed total length,
     * negative = variable with that minimum, {@link Integer#MIN_VALUE} = an option it does not know.
     */
    static int lengthRule(int t) {
        return switch (t) {
            case EOL, NOP -> 0;
            case SID_OPT, MTU_PROBE, MTU_REPLY, RTRALT -> 4;
            case TR -> 12;
            case QS -> 8;
            case SEC, ESEC -> -3;
            case LSRR, SSRR, RR -> -3;
            case TS -> -5;
            case CIPSO -> -10;
            case SDB -> -6;
            default -> Integer.MIN_VALUE;
        };
    }

    /**
     * Walks the options at {@code [off, off+len)}. {@code ttl} is the header's, for the Quick-Start TTL difference.
     */
    static void decode(DecodeContext c, int off, int len, int ttl) {
        int p = off, end = off + len, count = 0;
        while (p < end) {
            if (++count > c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " IPv4 options");
                return;
            }
            int t = c.u8(p);
            int rule = lengthRule(t);
            if (rule == 0) {
                addType(c, t, p);
                p++;
                if (t == EOL) return;
                continue;
            }
            if (p + 1 >= end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "IPv4 option " + t + ": length byte past end of options");
                return;
            }
            int olen = c.u8(p + 1);
            if (olen < 2 || olen > end - p || (rule > 0 && olen != rule)
                    || (rule < 0 && rule != Integer.MIN_VALUE && olen < -rule)) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "IPv4 option " + t + " has a bad length " + olen);
                return;
            }
            if (rule != Integer.MIN_VALUE) {
                addType(c, t, p);
                c.add(LEN, olen, p + 1, 1);
                body(c, t, p, olen, ttl);
            }
            p += olen;
        }
    }

    private static void body(DecodeContext c, int t, int p, int olen, int ttl) {
        switch (t) {
            case SID_OPT -> c.add(SID, c.u16(p + 2), p + 2, 2);
            case MTU_PROBE, MTU_REPLY -> c.add(MTU, c.u16(p + 2), p + 2, 2);
            case RTRALT -> c.add(RA, c.u16(p + 2), p + 2, 2);
            case TR -> {
                c.add(ID_NUMBER, c.u16(p + 2), p + 2, 2);
                c.add(OHC, c.u16(p + 4), p + 4, 2);
                c.add(RHC, c.u16(p + 6), p + 6, 2);
                c.add(ORIGINATOR, c.u32(p + 8), p + 8, 4);
            }
            case SDB -> {
                int q = p + 2, rest = olen - 2;
                for (; rest >= 4; q += 4, rest -= 4) c.add(ADDR, c.u32(q), q, 4);
                if (rest > 0) c.ref(PADDING, q, rest);
            }
            case QS -> quickStart(c, p, ttl);
            case RR, LSRR, SSRR -> Ipv4RouteOptions.route(c, t, p, olen);
            case TS -> Ipv4RouteOptions.timestamp(c, p, olen);
            case SEC, ESEC, CIPSO -> Ipv4SecurityOptions.decode(c, t, p, olen);
            default -> { }
        }
    }

    /** RFC 4782 Quick-Start: a rate request carries rate, QS TTL and the TTL difference; a report the rate only. */
    private static void quickStart(DecodeContext c, int p, int ttl) {
        int cmd = c.u8(p + 2);
        int function = cmd >>> 4;
        c.out().addMasked(QS_FUNC, cmd, p + 2, 1);
        if (function != 0 && function != 8) return;
        c.out().addMasked(QS_RATE, cmd, p + 2, 1);
        if (function == 0) {
            int qsTtl = c.u8(p + 3);
            c.add(QS_TTL, qsTtl, p + 3, 1);
            c.add(QS_TTL_DIFF, (ttl - qsTtl) & 0xFF, p + 3, 1);
        } else {
            c.add(QS_UNUSED, c.u8(p + 3), p + 3, 1);
        }
        long nonce = c.u32(p + 4);
        c.out().addMasked(QS_NONCE, nonce, p + 4, 4);
        c.out().addMasked(QS_RESERVED, nonce, p + 4, 4);
    }

    /** The option type with its copy / class / number bits beneath. */
    static void addType(DecodeContext c, int t, int p) {
        c.out().beginGroup(TYPE, t, p, 1);
        c.out().addMasked(TYPE_COPY, t, p, 1);
        c.out().addMasked(TYPE_CLASS, t, p, 1);
        c.out().addMasked(TYPE_NUMBER, t, p, 1);
        c.out().endGroup();
    }

    /**
     * Pre-scan for a loose or strict source route whose pointer is still inside it (RFC 791 §3.1): the frame offset
     * of its last address, the datagram's final destination; -1 when there is none. Mirrors Wireshark's
     * get_dst_offset, which gives up on the first malformed option.
     */
    static int sourceRouteDestination(DecodeContext c, int off, int len) {
        int p = off, end = off + len, count = 0;
        while (p < end && ++count <= c.maxOptions()) {
            int t = c.u8(p);
            int rule = lengthRule(t);
            if (rule == 0) {
                if (t == EOL) return -1;
                p++;
                continue;
            }
            if (p + 1 >= end) return -1;
            int olen = c.u8(p + 1);
            if (olen < 2 || olen > end - p || (rule > 0 && olen != rule)
                    || (rule < 0 && rule != Integer.MIN_VALUE && olen < -rule)) {
                return -1;
            }
            if (t == LSRR || t == SSRR) {
                int ptr = c.u8(p + 2);
                if (ptr < 4 || (ptr & 3) != 0 || ptr > olen) return -1;
                return p + olen - 4;
            }
            p += olen;
        }
        return -1;
    }
}
