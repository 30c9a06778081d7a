package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * Multicast Listener Discovery messages: MLDv1 query, report and done (RFC 2710), the MLDv2 query (a query of 28
 * bytes or more, RFC 3810 §5.1) and the MLDv2 report with its multicast address records (RFC 3810 §5.2).
 */
final class Icmpv6Mld {
    static final FieldDef MAX_RESPONSE_DELAY = Fields.uint("icmpv6.mld.maximum_response_delay",
            "Maximum Response Delay [ms]", 16);
    static final FieldDef MAX_RESPONSE_CODE = Fields.uint("icmpv6.mld.maximum_response_code",
            "Maximum Response Code", 16);
    static final FieldDef MULTICAST_ADDRESS = Fields.ipv6("icmpv6.mld.multicast_address", "Multicast Address");
    static final FieldDef FLAG = Fields.hex("icmpv6.mld.flag", "Flags", 8);
    static final FieldDef FLAG_S = Fields.flag("icmpv6.mld.flag.s", "Suppress Router-Side Processing", 8, 0x08);
    static final FieldDef FLAG_QRV = Fields.masked("icmpv6.mld.flag.qrv", "QRV (Querier's Robustness Variable)", 8,
            0x07, Base.DEC);
    static final FieldDef FLAG_RESERVED = Fields.masked("icmpv6.mld.flag.reserved", "Reserved", 8, 0xF0, Base.DEC);
    static final FieldDef QQI = Fields.uint("icmpv6.mld.qqi", "QQIC (Querier's Query Interval Code)", 8);
    static final FieldDef NB_SOURCES = Fields.uint("icmpv6.mld.nb_sources", "Number of Sources", 16);
    static final FieldDef SOURCE_ADDRESS = Fields.ipv6("icmpv6.mld.source_address", "Source Address");
    static final FieldDef NB_RECORDS = Fields.uint("icmpv6.mldr.nb_mcast_records",
            "Number of Multicast Address Records", 16);
    static final FieldDef MAR = Fields.group("icmpv6.mldr.mar", "Multicast Address Record");
    static final FieldDef MAR_TYPE = Fields.uint("icmpv6.mldr.mar.record_type", "Record Type", 8);
    static final FieldDef MAR_AUX_LEN = Fields.uint("icmpv6.mldr.mar.aux_data_len", "Aux Data Len", 8);
    static final FieldDef MAR_NB_SOURCES = Fields.uint("icmpv6.mldr.mar.nb_sources", "Number of Sources", 16);
    static final FieldDef MAR_ADDRESS = Fields.ipv6("icmpv6.mldr.mar.multicast_address", "Multicast Address");
    static final FieldDef MAR_SOURCE = Fields.ipv6("icmpv6.mldr.mar.source_address", "Source Address");
    static final FieldDef MAR_AUX = Fields.bytes("icmpv6.mldr.mar.auxiliary_data", "Auxiliary Data");

    private static final int MLDV2_QUERY_MIN = 28;

    private Icmpv6Mld() { }

    /** ICMPv6 types beyond RFC 4443/4861/MLD that Wireshark 4.0 decodes with fields of their own. */
    static boolean knownToWireshark(int type) {
        return (type >= 138 && type <= 142) || (type >= 144 && type <= 155) || type == 157 || type == 158
                || type == 160 || type == 161;
    }

    static int decode(DecodeContext c, int off, int len, int type) {
        int end = off + len;
        if (type == Icmpv6Decoder.MLDV2_REPORT) return report(c, off, end);
        if (len < 24) return c.truncated(len, "MLD message needs 24 bytes, has " + len);
        boolean v2 = type == Icmpv6Decoder.MLD_QUERY && len >= MLDV2_QUERY_MIN;
        c.add(v2 ? MAX_RESPONSE_CODE : MAX_RESPONSE_DELAY, c.u16(off + 4), off + 4, 2);
        c.ref(Icmpv6Decoder.RESERVED, off + 6, 2);
        c.ref(MULTICAST_ADDRESS, off + 8, 16);
        if (!v2) {
            c.nextRaw(len - 24);
            return 24;
        }
        int f = c.u8(off + 24);
        c.out().beginGroup(FLAG, f, off + 24, 1);
        c.out().addMasked(FLAG_S, f, off + 24, 1);
        c.out().addMasked(FLAG_QRV, f, off + 24, 1);
        c.out().addMasked(FLAG_RESERVED, f, off + 24, 1);
        c.out().endGroup();
        c.add(QQI, c.u8(off + 25), off + 25, 1);
        int n = c.u16(off + 26);
        c.add(NB_SOURCES, n, off + 26, 2);
        int p = off + 28;
        for (int i = 0; i < n; i++, p += 16) {
            if (p + 16 > end) return c.truncated(len, "MLDv2 query cut short in its source list");
            c.ref(SOURCE_ADDRESS, p, 16);
        }
        c.nextRaw(end - p);
        return p - off;
    }

    private static int report(DecodeContext c, int off, int end) {
        if (end - off < 8) return c.truncated(end - off, "MLDv2 report needs 8 bytes");
        c.ref(Icmpv6Decoder.RESERVED, off + 4, 2);
        int records = c.u16(off + 6);
        c.add(NB_RECORDS, records, off + 6, 2);
        int p = off + 8;
        for (int r = 0; r < records; r++) {
            if (p + 20 > end) return c.truncated(end - off, "MLDv2 report cut short in record " + (r + 1));
            int aux = c.u8(p + 1) * 4, n = c.u16(p + 2);
            int recLen = 20 + n * 16 + aux;
            int g = c.out().beginGroup(MAR, p, recLen);
            c.add(MAR_TYPE, c.u8(p), p, 1);
            c.add(MAR_AUX_LEN, c.u8(p + 1), p + 1, 1);
            c.add(MAR_NB_SOURCES, n, p + 2, 2);
            c.ref(MAR_ADDRESS, p + 4, 16);
            int q = p + 20;
            for (int i = 0; i < n && q + 16 <= end; i++, q += 16) c.ref(MAR_SOURCE, q, 16);
            if (aux > 0 && q + aux <= end) c.ref(MAR_AUX, q, aux);
            c.out().endGroup();
            c.out().setLength(g, recLen);
            if (p + recLen > end) return c.truncated(end - off, "MLDv2 report record runs past the message");
            p += recLen;
        }
        c.nextRaw(end - p);
        return p - off;
    }
}
