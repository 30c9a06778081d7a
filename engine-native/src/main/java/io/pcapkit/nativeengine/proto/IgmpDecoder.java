package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IGMP versions 1, 2 (RFC 2236) and 3 (RFC 3376) as Wireshark 4.0 shows them. The version is Wireshark's guess: a
 * query of 12 bytes or more is v3, a shorter one v2 when its max response time is set, else v1; reports and leaves
 * by type. The checksum is verified when the whole message was captured. v3 queries list their sources, v3 reports
 * their group records (bounded by {@link DecodeContext#MAX_OPTIONS} records and sources).
 */
public final class IgmpDecoder implements LayerDecoder {
    public static final Protocol IGMP = Protocols.define("IGMP", "igmp", Level.INTERNET);

    static final FieldDef VERSION = Fields.uint("igmp.version", "IGMP Version", 8);
    static final FieldDef TYPE = Fields.hex("igmp.type", "Type", 8);
    static final FieldDef MAX_RESP = Fields.uint("igmp.max_resp", "Max Resp Time", 8);
    static final FieldDef MAX_RESP_EXP = Fields.masked("igmp.max_resp.exp", "Exponent", 8, 0x70, Base.HEX);
    static final FieldDef MAX_RESP_MANT = Fields.masked("igmp.max_resp.mant", "Mantissa", 8, 0x0F, Base.HEX);
    static final FieldDef RESERVED = Fields.bytes("igmp.reserved", "Reserved");
    static final FieldDef CHECKSUM = Fields.hex("igmp.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("igmp.checksum.status", "Checksum Status", 8,
            TcpDecoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef MADDR = Fields.ipv4("igmp.maddr", "Multicast Address");
    static final FieldDef S = Fields.flag("igmp.s", "S", 8, 0x08);
    static final FieldDef QRV = Fields.masked("igmp.qrv", "QRV", 8, 0x07, Base.DEC);
    static final FieldDef QQIC = Fields.uint("igmp.qqic", "QQIC", 8);
    static final FieldDef NUM_SRC = Fields.uint("igmp.num_src", "Num Src", 16);
    static final FieldDef SADDR = Fields.ipv4("igmp.saddr", "Source Address");
    static final FieldDef NUM_GRP_RECS = Fields.uint("igmp.num_grp_recs", "Num Group Records", 16);
    static final FieldDef RECORD_TYPE = Fields.uint("igmp.record_type", "Record Type", 8);
    static final FieldDef AUX_DATA_LEN = Fields.uint("igmp.aux_data_len", "Aux Data Len", 8);
    static final FieldDef AUX_DATA = Fields.bytes("igmp.aux_data", "Aux Data");

    static final int QUERY = 0x11, V1_REPORT = 0x12, V2_REPORT = 0x16, V2_LEAVE = 0x17, V3_REPORT = 0x22;
    private static final int GOOD = 1, BAD = 0, UNVERIFIED = 2;

    @Override public Protocol protocol() { return IGMP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 1) return c.truncated(len, "IGMP message is empty");
        int type = c.u8(off);
        int version = switch (type) {
            case QUERY -> len >= 12 ? 3 : len >= 2 && c.u8(off + 1) != 0 ? 2 : 1;
            case V1_REPORT -> 1;
            case V2_REPORT, V2_LEAVE -> 2;
            case V3_REPORT -> 3;
            default -> 0;
        };
        if (version == 0) {
            // DVMRP, PIMv1, mtrace and the rest are protocols of their own in Wireshark
            c.add(TYPE, type, off, 1);
            c.anomaly(Anomaly.Kind.BAD_VALUE, off, "IGMP type 0x" + Integer.toHexString(type) + " not decoded");
            c.nextRaw(len - 1);
            return 1;
        }
        c.add(VERSION, version, off, 0);
        c.add(TYPE, type, off, 1);
        if (len < 8) return c.truncated(len, "IGMP message needs 8 bytes, has " + len);
        if (version == 1) c.ref(RESERVED, off + 1, 1);
        else if (type == V3_REPORT) c.ref(RESERVED, off + 1, 1);
        else maxResp(c, off + 1, version);
        c.add(CHECKSUM, c.u16(off + 2), off + 2, 2);
        int status = c.reportedLength(off, len) > len ? UNVERIFIED
                : IcmpChecksums.internet(c, off, len, 0) == 0 ? GOOD : BAD;
        c.add(CHECKSUM_STATUS, status, off + 2, 2);
        if (status == BAD) c.anomaly(Anomaly.Kind.BAD_CHECKSUM, off + 2, "bad IGMP checksum");
        if (type == V3_REPORT) return report(c, off, len);
        c.add(MADDR, c.u32(off + 4), off + 4, 4);
        if (version < 3) return 8;
        int b = c.u8(off + 8);
        c.out().addMasked(S, b, off + 8, 1);
        c.out().addMasked(QRV, b, off + 8, 1);
        c.add(QQIC, c.u8(off + 9), off + 9, 1);
        int n = c.u16(off + 10);
        c.add(NUM_SRC, n, off + 10, 2);
        int at = sources(c, off + 12, off + len, n);
        return at < 0 ? len : at - off;
    }

    /** The max response code; from 128 on, v3 codes are a floating point number (exponent and mantissa). */
    private static void maxResp(DecodeContext c, int at, int version) {
        int code = c.u8(at);
        c.add(MAX_RESP, version == 3 ? floatingCode(code) : code, at, 1);
        if (version == 3 && code >= 128) {
            c.out().addMasked(MAX_RESP_EXP, code, at, 1);
            c.out().addMasked(MAX_RESP_MANT, code, at, 1);
        }
    }

    /** RFC 3376 4.1.1: codes from 128 on are (mant | 0x10) << (exp + 3). */
    static int floatingCode(int code) {
        return code < 128 ? code : ((code & 0x0F) | 0x10) << (((code >> 4) & 0x07) + 3);
    }

    private static int report(DecodeContext c, int off, int len) {
        c.ref(RESERVED, off + 4, 2);
        int records = c.u16(off + 6);
        c.add(NUM_GRP_RECS, records, off + 6, 2);
        int at = off + 8, end = off + len;
        for (int r = 0; r < records; r++) {
            if (r == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " group records");
                return at - off;
            }
            if (at + 8 > end) return c.truncated(len, "IGMPv3 group record " + (r + 1) + " cut short");
            c.add(RECORD_TYPE, c.u8(at), at, 1);
            int aux = c.u8(at + 1);
            c.add(AUX_DATA_LEN, aux, at + 1, 1);
            int n = c.u16(at + 2);
            c.add(NUM_SRC, n, at + 2, 2);
            c.add(MADDR, c.u32(at + 4), at + 4, 4);
            at = sources(c, at + 8, end, n);
            if (at < 0) return len;
            if (aux > 0) {
                if (at + 4 * aux > end) return c.truncated(len, "IGMPv3 aux data cut short");
                c.ref(AUX_DATA, at, 4 * aux);
                at += 4 * aux;
            }
        }
        return at - off;
    }

    /** {@code n} source addresses from {@code at}; the offset after them, or -1 when they run past the end. */
    private static int sources(DecodeContext c, int at, int end, int n) {
        for (int i = 0; i < n; i++) {
            if (i == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " IGMP sources");
                return -1;
            }
            if (at + 4 > end) {
                c.truncated(end, "IGMP source address " + (i + 1) + " of " + n + " cut short");
                return -1;
            }
            c.add(SADDR, c.u32(at), at, 4);
            at += 4;
        }
        return at;
    }
}
