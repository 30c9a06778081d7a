package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The IPv4 options that carry address lists: Record Route, Loose/Strict Source Route (RFC 791) and Time Stamp
 * (RFC 791, RFC 781). Each address is named by where it stands relative to the pointer, as Wireshark names it:
 * recorded, next/remaining source route, empty slot; a live source route's last address is the datagram's
 * destination and is shown as {@code ip.dst}.
 */
final class Ipv4RouteOptions {
    static final FieldDef PTR = Fields.uint("ip.opt.ptr", "Pointer", 8);
    static final FieldDef REC_RT = Fields.ipv4("ip.rec_rt", "Recorded Route");
    static final FieldDef REC_RT_HOST = Fields.ipv4("ip.rec_rt_host", "Recorded Route Host");
    static final FieldDef SRC_RT = Fields.ipv4("ip.src_rt", "Source Route");
    static final FieldDef SRC_RT_HOST = Fields.ipv4("ip.src_rt_host", "Source Route Host");
    static final FieldDef EMPTY_RT = Fields.ipv4("ip.empty_rt", "Empty Route");
    static final FieldDef EMPTY_RT_HOST = Fields.ipv4("ip.empty_rt_host", "Empty Route Host");
    static final FieldDef OVERFLOW = Fields.masked("ip.opt.overflow", "Overflow", 8, 0xF0, Base.DEC);
    static final FieldDef FLAG = Fields.masked("ip.opt.flag", "Flag", 8, 0x0F, Base.HEX);
    static final FieldDef TIME_STAMP = Fields.uint("ip.opt.time_stamp", "Time stamp", 32);
    static final FieldDef TIME_STAMP_ADDR = Fields.ipv4("ip.opt.time_stamp_addr", "Address");

    private Ipv4RouteOptions() { }

    /** Record Route or Loose/Strict Source Route at {@code p}, {@code olen} bytes (type and length included). */
    static void route(DecodeContext c, int type, int p, int olen) {
        int ptr = c.u8(p + 2);
        c.add(PTR, ptr, p + 2, 1);
        if (ptr < 4 || (ptr & 3) != 0) {
            c.anomaly(Anomaly.Kind.BAD_VALUE, p + 2, "IPv4 route option pointer " + ptr + " is not an address slot");
            return;
        }
        boolean record = type == Ipv4Options.RR;
        int slot = 3;
        for (int rest = olen - 3; rest > 0; rest -= 4, slot += 4) {
            if (rest < 4) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p + slot, "IPv4 route option ends inside an address");
                return;
            }
            int at = p + slot;
            long a = c.u32(at);
            if (ptr > olen) {
                pair(c, REC_RT, REC_RT_HOST, a, at);
            } else if (!record && slot == olen - 4) {
                // the final destination of a live source route
                c.add(Ipv4Decoder.DST, a, at, 4);
                c.add(Ipv4Decoder.ADDR, a, at, 4);
                c.add(Ipv4Decoder.DST_HOST, a, at, 4);
                c.add(Ipv4Decoder.HOST, a, at, 4);
            } else if (slot + 1 < ptr) {
                pair(c, REC_RT, REC_RT_HOST, a, at);
            } else if (record) {
                pair(c, EMPTY_RT, EMPTY_RT_HOST, a, at);
            } else {
                pair(c, SRC_RT, SRC_RT_HOST, a, at);
            }
        }
    }

    /** Time Stamp: pointer, overflow and flag, then time stamps, or (address, time stamp) pairs for flags 1 and 3. */
    static void timestamp(DecodeContext c, int p, int olen) {
        c.add(PTR, c.u8(p + 2), p + 2, 1);
        int of = c.u8(p + 3);
        c.out().addMasked(OVERFLOW, of, p + 3, 1);
        c.out().addMasked(FLAG, of, p + 3, 1);
        int flag = of & 0x0F;
        boolean withAddress = flag == 1 || flag == 3;
        int q = p + 4;
        for (int rest = olen - 4; rest > 0; ) {
            int need = withAddress ? 8 : 4;
            if (rest < need) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, q, "IPv4 time stamp option ends inside an entry");
                return;
            }
            if (withAddress) {
                c.add(TIME_STAMP_ADDR, c.u32(q), q, 4);
                q += 4;
            }
            c.add(TIME_STAMP, c.u32(q), q, 4);
            q += 4;
            rest -= need;
        }
    }

    private static void pair(DecodeContext c, FieldDef addr, FieldDef host, long a, int at) {
        c.add(addr, a, at, 4);
        c.add(host, a, at, 4);
    }
}
