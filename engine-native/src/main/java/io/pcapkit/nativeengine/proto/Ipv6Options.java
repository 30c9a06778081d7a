package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The type-length-value options of the Hop-by-Hop and Destination Options headers (RFC 8200 §4.2), named as
 * Wireshark 4.0 names them. Each option is an {@code ipv6.opt} group: its type (with the action, may-change and
 * low-order bits, except for Pad1), its length, then what the option carries.
 */
final class Ipv6Options {
    static final FieldDef OPT = Fields.group("ipv6.opt", "IPv6 Option");
    static final FieldDef TYPE = Fields.hex("ipv6.opt.type", "Type", 8);
    static final FieldDef ACTION = Fields.masked("ipv6.opt.type.action", "Action", 8, 0xC0, Base.DEC);
    static final FieldDef CHANGE = Fields.flag("ipv6.opt.type.change", "May Change", 8, 0x20);
    static final FieldDef REST = Fields.masked("ipv6.opt.type.rest", "Low-Order Bits", 8, 0x1F, Base.HEX);
    static final FieldDef LENGTH = Fields.uint("ipv6.opt.length", "Length", 8);
    static final FieldDef PAD1 = Fields.group("ipv6.opt.pad1", "Pad1");
    static final FieldDef PADN = Fields.bytes("ipv6.opt.padn", "PadN");
    static final FieldDef ROUTER_ALERT = Fields.uint("ipv6.opt.router_alert", "Router Alert", 16);
    static final FieldDef TEL = Fields.uint("ipv6.opt.tel", "Tunnel Encapsulation Limit", 8);
    static final FieldDef JUMBO = Fields.uint("ipv6.opt.jumbo", "Payload Length", 32);
    static final FieldDef JUMBO_PROHIBITED = Fields.group("ipv6.opt.jumbo.prohibited", "Jumbo Payload option present and payload length is not 0");
    static final FieldDef HOME_ADDRESS = Fields.ipv6("ipv6.opt.mipv6.home_address", "MIPv6 Home Address");
    static final FieldDef QS_FUNC = Fields.masked("ipv6.opt.qs_func", "Function", 8, 0xF0, Base.DEC);
    static final FieldDef QS_RATE = Fields.masked("ipv6.opt.qs_rate", "Rate", 8, 0x0F, Base.DEC);
    static final FieldDef QS_TTL = Fields.uint("ipv6.opt.qs_ttl", "QS TTL", 8);
    static final FieldDef QS_TTL_DIFF = Fields.uint("ipv6.opt.qs_ttl_diff", "TTL Diff", 8);
    static final FieldDef QS_UNUSED = Fields.uint("ipv6.opt.qs_unused", "Not Used", 8);
    static final FieldDef QS_NONCE = Fields.masked("ipv6.opt.qs_nonce", "QS Nonce", 32, 0xFFFFFFFCL, Base.HEX);
    static final FieldDef QS_RESERVED = Fields.masked("ipv6.opt.qs_reserved", "Reserved", 32, 0x3, Base.HEX);
    static final FieldDef RPL_FLAG = Fields.hex("ipv6.opt.rpl.flag", "Flag", 8);
    static final FieldDef RPL_FLAG_O = Fields.flag("ipv6.opt.rpl.flag.o", "Down", 8, 0x80);
    static final FieldDef RPL_FLAG_R = Fields.flag("ipv6.opt.rpl.flag.r", "Rank Error", 8, 0x40);
    static final FieldDef RPL_FLAG_F = Fields.flag("ipv6.opt.rpl.flag.f", "Forwarding Error", 8, 0x20);
    static final FieldDef RPL_FLAG_RSV = Fields.masked("ipv6.opt.rpl.flag.rsv", "Reserved", 8, 0x1F, Base.HEX);
    static final FieldDef RPL_INSTANCE = Fields.hex("ipv6.opt.rpl.instance_id", "RPLInstanceID", 8);
    static final FieldDef RPL_RANK = Fields.hex("ipv6.opt.rpl.sender_rank", "Sender Rank", 16);
    static final FieldDef CALIPSO_DOI = Fields.uint("ipv6.opt.calipso.doi", "CALIPSO Domain of Interpretation", 32);
    static final FieldDef CALIPSO_CMPT_LEN = Fields.uint("ipv6.opt.calipso.cmpt.length", "Compartment Length", 8);
    static final FieldDef CALIPSO_LEVEL = Fields.uint("ipv6.opt.calipso.sens_level", "Sensitivity Level", 8);
    static final FieldDef CALIPSO_CHECKSUM = Fields.hex("ipv6.opt.calipso.checksum", "Checksum", 16);
    static final FieldDef CALIPSO_BITMAP = Fields.bytes("ipv6.opt.calipso.cmpt_bitmap", "Compartment Bitmap");
    static final FieldDef ILNP_NONCE = Fields.bytes("ipv6.opt.ilnp_nonce", "ILNP Nonce");
    static final FieldDef LIO_LENGTH = Fields.uint("ipv6.opt.lio.length", "LineIDLen", 8);
    static final FieldDef LIO_LINE_ID = Fields.string("ipv6.opt.lio.line_id", "Line ID");
    static final FieldDef EXPERIMENTAL = Fields.bytes("ipv6.opt.experimental", "Experimental Option");
    static final FieldDef UNKNOWN = Fields.bytes("ipv6.opt.unknown", "Unknown Option Payload");

    static final int PAD1_TYPE = 0x00, PADN_TYPE = 0x01, TEL_TYPE = 0x04, RA_TYPE = 0x05, CALIPSO_TYPE = 0x07,
            QS_TYPE = 0x26, RPL_TYPE = 0x63, ILNP_TYPE = 0x8B, LIO_TYPE = 0x8C,
            JUMBO_TYPE = 0xC2, HOME_TYPE = 0xC9;

    private Ipv6Options() { }

    /** Walks the options at {@code [off, off+len)}; returns the Jumbo Payload length when there is one, else -1. */
    static long decode(DecodeContext c, int off, int len) {
        int p = off, end = off + len;
        long jumbo = -1;
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " IPv6 options");
                break;
            }
            int t = c.u8(p);
            int start = c.out().beginGroup(OPT, p, 1);
            if (t == PAD1_TYPE) {
                c.add(TYPE, t, p, 1);
                c.out().beginGroup(PAD1, p, 1);
                c.out().endGroup();
                c.out().endGroup();
                p++;
                continue;
            }
            c.out().beginGroup(TYPE, t, p, 1);
            c.out().addMasked(ACTION, t, p, 1);
            c.out().addMasked(CHANGE, t, p, 1);
            c.out().addMasked(REST, t, p, 1);
            c.out().endGroup();
            Ipv6MoreOptions.headerCheck(c, t, p);
            if (p + 1 >= end) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "IPv6 option 0x" + Integer.toHexString(t)
                        + ": length byte past the end of the header");
                break;
            }
            int olen = c.u8(p + 1);
            c.add(LENGTH, olen, p + 1, 1);
            int data = p + 2;
            if (data + olen > end) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "IPv6 option 0x" + Integer.toHexString(t) + " of " + olen
                        + " bytes runs past the end of the header");
                break;
            }
            c.out().setLength(start, 2 + olen);
            long j = body(c, t, data, olen, end);
            c.out().endGroup();
            if (j == STOP) break;
            if (j >= 0) jumbo = j;
            p = data + olen;
        }
        return jumbo;
    }

    /** {@link #body}'s answer when the option's length is wrong for its kind: the walk stops there, as tshark's. */
    private static final long STOP = -2;

    /**
     * The option's data; returns the jumbo payload length for a Jumbo Payload option, {@link #STOP} for a
     * fixed-size option of the wrong length (its value is still shown when the header holds it), else -1.
     */
    private static long body(DecodeContext c, int t, int d, int olen, int end) {
        switch (t) {
            case PADN_TYPE -> c.ref(PADN, d, olen);
            case RA_TYPE -> {
                if (d + 2 <= end) c.add(ROUTER_ALERT, c.u16(d), d, 2);
                if (!fixed(c, t, d, olen, 2)) return STOP;
            }
            case TEL_TYPE -> {
                if (d + 1 <= end) c.add(TEL, c.u8(d), d, 1);
                if (!fixed(c, t, d, olen, 1)) return STOP;
            }
            case JUMBO_TYPE -> {
                if (!fixed(c, t, d, olen, 4)) return STOP;
                long v = c.u32(d);
                c.add(JUMBO, v, d, 4);
                int ip6 = Ipv6Extension.ipv6Header(c);
                if (ip6 >= 0 && c.u16(ip6 + 4) != 0) { // RFC 2675 §3: only with an IPv6 payload length of 0
                    c.out().beginGroup(JUMBO_PROHIBITED, d, 4);
                    c.out().endGroup();
                }
                return v;
            }
            case HOME_TYPE -> {
                if (d + 16 <= end) c.ref(HOME_ADDRESS, d, 16);
                if (!fixed(c, t, d, olen, 16)) return STOP;
            }
            case QS_TYPE -> {
                if (olen >= 6) quickStart(c, d);
            }
            case RPL_TYPE -> {
                if (olen >= 4) {
                    int f = c.u8(d);
                    c.out().beginGroup(RPL_FLAG, f, d, 1);
                    c.out().addMasked(RPL_FLAG_O, f, d, 1);
                    c.out().addMasked(RPL_FLAG_R, f, d, 1);
                    c.out().addMasked(RPL_FLAG_F, f, d, 1);
                    c.out().addMasked(RPL_FLAG_RSV, f, d, 1);
                    c.out().endGroup();
                    c.add(RPL_INSTANCE, c.u8(d + 1), d + 1, 1);
                    c.add(RPL_RANK, c.u16(d + 2), d + 2, 2);
                }
            }
            case CALIPSO_TYPE -> {
                if (olen >= 8) {
                    c.add(CALIPSO_DOI, c.u32(d), d, 4);
                    int cmpt = c.u8(d + 4);
                    c.add(CALIPSO_CMPT_LEN, cmpt, d + 4, 1);
                    c.add(CALIPSO_LEVEL, c.u8(d + 5), d + 5, 1);
                    c.add(CALIPSO_CHECKSUM, c.u16(d + 6), d + 6, 2);
                    if (olen > 8) c.ref(CALIPSO_BITMAP, d + 8, olen - 8);
                } else {
                    c.anomaly(Anomaly.Kind.BAD_LENGTH, d - 2, "CALIPSO option shorter than 8 bytes");
                }
            }
            case ILNP_TYPE -> c.ref(ILNP_NONCE, d, olen);
            case LIO_TYPE -> {
                if (olen >= 1) {
                    int l = Math.min(c.u8(d), olen - 1);
                    c.add(LIO_LENGTH, c.u8(d), d, 1);
                    c.ref(LIO_LINE_ID, d + 1, l);
                }
            }
            default -> {
                if ((t & 0x1F) == 0x1E) c.ref(EXPERIMENTAL, d, olen);
                else if (Ipv6MoreOptions.knows(t)) Ipv6MoreOptions.body(c, t, d, olen);
                else c.ref(UNKNOWN, d, olen);
            }
        }
        return -1;
    }

    private static boolean fixed(DecodeContext c, int t, int d, int olen, int want) {
        if (olen == want) return true;
        c.anomaly(Anomaly.Kind.BAD_LENGTH, d - 2, "IPv6 option 0x" + Integer.toHexString(t) + " has length " + olen
                + ", should be " + want);
        return false;
    }

    /** RFC 4782 Quick-Start in IPv6: a rate request carries the QS TTL, a report does not. */
    private static void quickStart(DecodeContext c, int d) {
        int cmd = c.u8(d);
        int function = cmd >>> 4;
        c.out().addMasked(QS_FUNC, cmd, d, 1);
        if (function != 0 && function != 8) return;
        c.out().addMasked(QS_RATE, cmd, d, 1);
        if (function == 0) {
            c.add(QS_TTL, c.u8(d + 1), d + 1, 1);
            // RFC 4782 §3.1: the TTL diff is the IP hop limit minus the QS TTL, modulo 256
            int ip6 = Ipv6Extension.ipv6Header(c);
            if (ip6 >= 0) c.add(QS_TTL_DIFF, (c.u8(ip6 + 7) - c.u8(d + 1)) & 0xFF, d + 1, 1);
        }
        else c.add(QS_UNUSED, c.u8(d + 1), d + 1, 1);
        long nonce = c.u32(d + 2);
        c.out().addMasked(QS_NONCE, nonce, d + 2, 4);
        c.out().addMasked(QS_RESERVED, nonce, d + 2, 4);
    }
}
