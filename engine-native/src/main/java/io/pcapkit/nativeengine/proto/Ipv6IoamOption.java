package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The IPv6 IOAM option (RFC 9486) with the pre-allocated and incremental trace option-types (RFC 9197 §4.4): the
 * trace header, the free space a pre-allocated trace leaves, then each node's data, whose fields the trace type's
 * bits select. Other IOAM option-types show their header; the rest is left as unknown data.
 */
final class Ipv6IoamOption {
    static final FieldDef RSV = Fields.uint("ipv6.opt.ioam.rsv", "Reserved", 8);
    static final FieldDef OPT_TYPE = Fields.uint("ipv6.opt.ioam.opt_type", "Option-Type", 8);
    static final FieldDef NS = Fields.uint("ipv6.opt.ioam.trace.ns", "Namespace ID", 16);
    static final FieldDef NODELEN = Fields.uint("ipv6.opt.ioam.trace.nodelen", "Node Length", 8);
    static final FieldDef FLAGS = Fields.masked("ipv6.opt.ioam.trace.flags", "Flags", 16, 0x0780, Base.HEX);
    static final FieldDef FLAG_O = Fields.flag("ipv6.opt.ioam.trace.flag.o", "Overflow", 16, 0x0400);
    static final FieldDef FLAG_L = Fields.flag("ipv6.opt.ioam.trace.flag.l", "Loopback", 16, 0x0200);
    static final FieldDef FLAG_A = Fields.flag("ipv6.opt.ioam.trace.flag.a", "Active", 16, 0x0100);
    static final FieldDef FLAG_RSV = Fields.flag("ipv6.opt.ioam.trace.flag.rsv", "Reserved", 16, 0x0080);
    static final FieldDef REMLEN = Fields.uint("ipv6.opt.ioam.trace.remlen", "Remaining Length", 8);
    static final FieldDef TYPE = Fields.hex("ipv6.opt.ioam.trace.type", "Trace Type", 24);
    static final FieldDef[] BITS = new FieldDef[12];
    static final FieldDef TYPE_UNDEF = Fields.flag("ipv6.opt.ioam.trace.type.undef", "Undefined", 24, 0xFFC);
    static final FieldDef TYPE_BIT22 = Fields.flag("ipv6.opt.ioam.trace.type.bit22", "Opaque State Snapshot", 24, 0x2);
    static final FieldDef TYPE_RSV = Fields.flag("ipv6.opt.ioam.trace.type.rsv", "Reserved", 24, 0x1);
    static final FieldDef TRACE_RSV = Fields.uint("ipv6.opt.ioam.trace.rsv", "Reserved", 8);
    static final FieldDef FREE_SPACE = Fields.bytes("ipv6.opt.ioam.trace.free_space", "Free space");
    static final FieldDef HLIM = Fields.uint("ipv6.opt.ioam.trace.node.hlim", "Hop Limit", 8);
    static final FieldDef ID = Fields.hex("ipv6.opt.ioam.trace.node.id", "ID", 24);
    static final FieldDef IIF = Fields.hex("ipv6.opt.ioam.trace.node.iif", "Ingress ID", 16);
    static final FieldDef EIF = Fields.hex("ipv6.opt.ioam.trace.node.eif", "Egress ID", 16);
    static final FieldDef TSS = Fields.hex("ipv6.opt.ioam.trace.node.tss", "Timestamp Seconds", 32);
    static final FieldDef TSF = Fields.hex("ipv6.opt.ioam.trace.node.tsf", "Timestamp Fraction", 32);
    static final FieldDef TRDELAY = Fields.hex("ipv6.opt.ioam.trace.node.trdelay", "Transit Delay", 32);
    static final FieldDef NSDATA = Fields.hex("ipv6.opt.ioam.trace.node.nsdata", "Namespace Data", 32);
    static final FieldDef QDEPTH = Fields.hex("ipv6.opt.ioam.trace.node.qdepth", "Queue Depth", 32);
    static final FieldDef CSUM = Fields.hex("ipv6.opt.ioam.trace.node.csum", "Checksum Complement", 32);
    static final FieldDef ID_WIDE = Fields.hex("ipv6.opt.ioam.trace.node.id_wide", "ID", 56);
    static final FieldDef IIF_WIDE = Fields.hex("ipv6.opt.ioam.trace.node.iif_wide", "Ingress ID", 32);
    static final FieldDef EIF_WIDE = Fields.hex("ipv6.opt.ioam.trace.node.eif_wide", "Egress ID", 32);
    static final FieldDef NSDATA_WIDE = Fields.hex("ipv6.opt.ioam.trace.node.nsdata_wide", "Namespace Data", 64);
    static final FieldDef BUFOCCUP = Fields.hex("ipv6.opt.ioam.trace.node.bufoccup", "Buffer Occupancy", 32);
    static final FieldDef UNDEFINED = Fields.hex("ipv6.opt.ioam.trace.node.undefined", "Undefined", 32);
    static final FieldDef OSS_LEN = Fields.uint("ipv6.opt.ioam.trace.node.oss.len", "Length", 8);
    static final FieldDef OSS_SCID = Fields.hex("ipv6.opt.ioam.trace.node.oss.scid", "Schema ID", 24);
    static final FieldDef OSS_DATA = Fields.bytes("ipv6.opt.ioam.trace.node.oss.data", "Data");

    static {
        String[] labels = {"Hop_Lim and Node ID (short)", "Ingress and Egress IDs (short)", "Timestamp seconds",
                "Timestamp fraction", "Transit delay", "IOAM-Namespace specific data (short)", "Queue depth",
                "Checksum complement", "Hop_Lim and Node ID (wide)", "Ingress and Egress IDs (wide)",
                "IOAM-Namespace specific data (wide)", "Buffer occupancy"};
        for (int b = 0; b < 12; b++) {
            BITS[b] = Fields.flag("ipv6.opt.ioam.trace.type.bit" + b, labels[b], 24, 0x800000L >>> b);
        }
    }

    static final int PREALLOCATED = 0, INCREMENTAL = 1;

    private Ipv6IoamOption() { }

    /** The option's data at {@code d}, {@code n} bytes; returns how many of them were read. */
    static int decode(DecodeContext c, int d, int n) {
        if (n < 2) return 0;
        c.add(RSV, c.u8(d), d, 1);
        int type = c.u8(d + 1);
        c.add(OPT_TYPE, type, d + 1, 1);
        if ((type != PREALLOCATED && type != INCREMENTAL) || n < 10) return 2;
        c.add(NS, c.u16(d + 2), d + 2, 2);
        int w = c.u16(d + 4);
        int nodeLen = w >>> 11, remLen = w & 0x7F;
        c.add(NODELEN, nodeLen, d + 4, 1);
        c.out().beginGroup(FLAGS, FLAGS.extract(w), d + 4, 2);
        c.out().addMasked(FLAG_O, w, d + 4, 2);
        c.out().addMasked(FLAG_L, w, d + 4, 2);
        c.out().addMasked(FLAG_A, w, d + 4, 2);
        c.out().addMasked(FLAG_RSV, w, d + 4, 2);
        c.out().endGroup();
        c.add(REMLEN, remLen, d + 5, 1);
        int tt = c.u24(d + 6);
        c.out().beginGroup(TYPE, tt, d + 6, 3);
        for (FieldDef b : BITS) c.out().addMasked(b, tt, d + 6, 3);
        c.out().addMasked(TYPE_UNDEF, tt, d + 6, 3);
        c.out().addMasked(TYPE_BIT22, tt, d + 6, 3);
        c.out().addMasked(TYPE_RSV, tt, d + 6, 3);
        c.out().endGroup();
        c.add(TRACE_RSV, c.u8(d + 9), d + 9, 1);
        int p = 10;
        if (type == PREALLOCATED && remLen > 0) {
            int free = Math.min(remLen * 4, n - p);
            c.ref(FREE_SPACE, d + p, free);
            p += free;
        }
        int node = nodeLen * 4 + ((tt & 0x2) != 0 ? 4 : 0);
        for (int k = 0; node > 0 && p + nodeLen * 4 <= n && k < c.maxOptions(); k++) {
            int q = nodeData(c, tt, d + p, d + n);
            if (q <= d + p) break;
            p = q - d;
        }
        return p;
    }

    /** One node's data at {@code a} (ending by {@code end}); returns where it ends. */
    private static int nodeData(DecodeContext c, int tt, int a, int end) {
        for (int b = 0; b < 22; b++) {
            if ((tt & (0x800000 >>> b)) == 0) continue;
            int w = b == 8 || b == 9 || b == 10 ? 8 : 4;
            if (a + w > end) return a;
            switch (b) {
                case 0 -> {
                    c.add(HLIM, c.u8(a), a, 1);
                    c.add(ID, c.u24(a + 1), a + 1, 3);
                }
                case 1 -> {
                    c.add(IIF, c.u16(a), a, 2);
                    c.add(EIF, c.u16(a + 2), a + 2, 2);
                }
                case 2 -> c.add(TSS, c.u32(a), a, 4);
                case 3 -> c.add(TSF, c.u32(a), a, 4);
                case 4 -> c.add(TRDELAY, c.u32(a), a, 4);
                case 5 -> c.add(NSDATA, c.u32(a), a, 4);
                case 6 -> c.add(QDEPTH, c.u32(a), a, 4);
                case 7 -> c.add(CSUM, c.u32(a), a, 4);
                case 8 -> {
                    c.add(HLIM, c.u8(a), a, 1);
                    c.add(ID_WIDE, c.u64(a) & 0xFFFFFFFFFFFFFFL, a + 1, 7);
                }
                case 9 -> {
                    c.add(IIF_WIDE, c.u32(a), a, 4);
                    c.add(EIF_WIDE, c.u32(a + 4), a + 4, 4);
                }
                case 10 -> c.add(NSDATA_WIDE, c.u64(a), a, 8);
                case 11 -> c.add(BUFOCCUP, c.u32(a), a, 4);
                default -> c.add(UNDEFINED, c.u32(a), a, 4);
            }
            a += w;
        }
        if ((tt & 0x2) != 0 && a + 4 <= end) {
            int len = c.u8(a);
            c.add(OSS_LEN, len, a, 1);
            c.add(OSS_SCID, c.u24(a + 1), a + 1, 3);
            a += 4;
            if (len > 0 && a + len * 4 <= end) {
                c.ref(OSS_DATA, a, len * 4);
                a += len * 4;
            }
        }
        return a;
    }
}
