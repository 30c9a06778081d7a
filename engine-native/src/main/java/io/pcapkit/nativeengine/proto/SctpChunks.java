package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * SCTP chunks (RFC 9260 §3.2 and the extensions: RFC 4895 AUTH, 5061 ASCONF, 6525 RE-CONFIG, 3758 and 8260
 * FORWARD-TSN and I-DATA, 4820 PAD, the NR-SACK and PKTDROP drafts), named as Wireshark 4.0 names them. Each chunk:
 * its type (with the two action bits), flags (with the bits its type defines), length, contents, padding to 4
 * bytes. TSNs are shown raw ({@code *_raw}): tshark's relative TSNs depend on earlier packets.
 */
final class SctpChunks {
    static final ValueNames TYPES = ValueNames.of(0, "DATA", 1, "INIT", 2, "INIT_ACK", 3, "SACK", 4, "HEARTBEAT",
            5, "HEARTBEAT_ACK", 6, "ABORT", 7, "SHUTDOWN", 8, "SHUTDOWN_ACK", 9, "ERROR", 10, "COOKIE_ECHO",
            11, "COOKIE_ACK", 12, "ECNE", 13, "CWR", 14, "SHUTDOWN_COMPLETE", 15, "AUTH", 16, "NR_SACK",
            64, "I_DATA", 128, "ASCONF_ACK", 129, "PKTDROP", 130, "RE_CONFIG", 132, "PAD", 192, "FORWARD_TSN",
            193, "ASCONF", 194, "I_FORWARD_TSN");
    static final FieldDef TYPE = Fields.uint("sctp.chunk_type", "Chunk type", 8, TYPES);
    static final FieldDef BIT_1 = Fields.flag("sctp.chunk_bit_1", "Bit", 8, 0x80);
    static final FieldDef BIT_2 = Fields.flag("sctp.chunk_bit_2", "Bit", 8, 0x40);
    static final FieldDef FLAGS = Fields.hex("sctp.chunk_flags", "Chunk flags", 8);
    static final FieldDef LENGTH = Fields.uint("sctp.chunk_length", "Chunk length", 16);
    static final FieldDef PADDING = Fields.bytes("sctp.chunk_padding", "Chunk padding");
    static final FieldDef VALUE = Fields.bytes("sctp.chunk_value", "Chunk value");
    static final FieldDef DATA_I = Fields.flag("sctp.data_i_bit", "I-Bit", 8, 0x08);
    static final FieldDef DATA_U = Fields.flag("sctp.data_u_bit", "U-Bit", 8, 0x04);
    static final FieldDef DATA_B = Fields.flag("sctp.data_b_bit", "B-Bit", 8, 0x02);
    static final FieldDef DATA_E = Fields.flag("sctp.data_e_bit", "E-Bit", 8, 0x01);
    static final FieldDef TSN_RAW = Fields.uint("sctp.data_tsn_raw", "TSN raw", 32);
    static final FieldDef SID = Fields.hex("sctp.data_sid", "Stream identifier", 16);
    static final FieldDef SSN = Fields.uint("sctp.data_ssn", "Stream sequence number", 16);
    static final FieldDef PPI = Fields.uint("sctp.data_payload_proto_id", "Payload protocol identifier", 32);
    static final FieldDef DATA_RESERVED = Fields.uint("sctp.data_reserved", "Reserved", 16);
    static final FieldDef MID = Fields.uint("sctp.data_mid", "Message identifier", 32);
    static final FieldDef FSN = Fields.uint("sctp.data_fsn", "Fragment sequence number", 32);
    static final FieldDef INITIATE_TAG = Fields.hex("sctp.initiate_tag", "Initiate tag", 32);
    static final FieldDef[] INIT = {Fields.hex("sctp.init_initiate_tag", "Initiate tag", 32),
            Fields.uint("sctp.init_credit", "Advertised receiver window credit (a_rwnd)", 32),
            Fields.uint("sctp.init_nr_out_streams", "Number of outbound streams", 16),
            Fields.uint("sctp.init_nr_in_streams", "Number of inbound streams", 16),
            Fields.uint("sctp.init_initial_tsn", "Initial TSN", 32)};
    static final FieldDef[] INIT_ACK = {Fields.hex("sctp.initack_initiate_tag", "Initiate tag", 32),
            Fields.uint("sctp.initack_credit", "Advertised receiver window credit (a_rwnd)", 32),
            Fields.uint("sctp.initack_nr_out_streams", "Number of outbound streams", 16),
            Fields.uint("sctp.initack_nr_in_streams", "Number of inbound streams", 16),
            Fields.uint("sctp.initack_initial_tsn", "Initial TSN", 32)};
    static final FieldDef ABORT_T = Fields.flag("sctp.abort_t_bit", "T-Bit", 8, 0x01);
    static final FieldDef SHUTDOWN_COMPLETE_T = Fields.flag("sctp.shutdown_complete_t_bit", "T-Bit", 8, 0x01);
    static final FieldDef SHUTDOWN_TSN = Fields.uint("sctp.shutdown_cumulative_tsn_ack", "Cumulative TSN Ack", 32);
    static final FieldDef COOKIE = Fields.bytes("sctp.cookie", "Cookie");
    static final FieldDef ECNE_TSN = Fields.uint("sctp.ecne_lowest_tsn", "Lowest TSN", 32);
    static final FieldDef CWR_TSN = Fields.uint("sctp.cwr_lowest_tsn", "Lowest TSN", 32);
    static final FieldDef SHARED_KEY_ID = Fields.uint("sctp.shared_key_id", "Shared key identifier", 16);
    static final FieldDef HMAC = Fields.bytes("sctp.hmac", "HMAC");
    static final FieldDef ASCONF_SEQ = Fields.hex("sctp.asconf_seq_nr_number", "Sequence number", 32);
    static final FieldDef ASCONF_ACK_SEQ = Fields.hex("sctp.asconf_ack_seq_nr_number", "Sequence number", 32);
    static final FieldDef PAD_DATA = Fields.bytes("sctp.padding_data", "Padding data");
    static final FieldDef FWD_TSN = Fields.uint("sctp.forward_tsn_tsn", "New cumulative TSN", 32);
    static final FieldDef FWD_SID = Fields.uint("sctp.forward_tsn_sid", "Stream identifier", 16);
    static final FieldDef FWD_SSN = Fields.uint("sctp.forward_tsn_ssn", "Stream sequence number", 16);
    static final FieldDef IFWD_TSN = Fields.uint("sctp.i_forward_tsn_tsn", "New cumulative TSN", 32);
    static final FieldDef IFWD_SID = Fields.uint("sctp.i_forward_tsn_sid", "Stream identifier", 16);
    static final FieldDef IFWD_FLAGS = Fields.hex("sctp.i_forward_tsn_flags", "Flags", 16);
    static final FieldDef IFWD_RES = Fields.masked("sctp.i_forward_tsn_res", "Reserved", 16, 0xFFFE, Base.DEC);
    static final FieldDef IFWD_U = Fields.flag("sctp.i_forward_tsn_u_bit", "U bit", 16, 0x0001);
    static final FieldDef FWD_MID = Fields.uint("sctp.forward_tsn_mid", "Message identifier", 32);
    static final FieldDef PKTDROP_M = Fields.flag("sctp.pckdrop_m_bit", "M-Bit", 8, 0x01);
    static final FieldDef PKTDROP_B = Fields.flag("sctp.pckdrop_b_bit", "B-Bit", 8, 0x02);
    static final FieldDef PKTDROP_T = Fields.flag("sctp.pckdrop_t_bit", "T-Bit", 8, 0x04);
    static final FieldDef[] PKTDROP = {Fields.uint("sctp.pktdrop_bandwidth", "Bandwidth", 32),
            Fields.uint("sctp.pktdrop_queuesize", "Queuesize", 32),
            Fields.uint("sctp.pktdrop_truncated_length", "Truncated length", 16),
            Fields.uint("sctp.pktdrop_reserved", "Reserved", 16)};
    static final FieldDef PKTDROP_DATA = Fields.bytes("sctp.pktdrop_datafield", "Data field");

    static final int DATA = 0, INIT_T = 1, INIT_ACK_T = 2, SACK = 3, HEARTBEAT = 4, HEARTBEAT_ACK = 5, ABORT = 6,
            SHUTDOWN = 7, ERROR = 9, COOKIE_ECHO = 10, ECNE = 12, CWR = 13, SHUTDOWN_COMPLETE = 14, AUTH = 15,
            NR_SACK = 16, I_DATA = 64, ASCONF_ACK = 128, PKTDROP_CHUNK = 129, RE_CONFIG = 130, PAD = 132,
            FORWARD_TSN = 192, ASCONF = 193, I_FORWARD_TSN = 194;
    /** Chunks inside an error cause inside a chunk …: deeper than this is not a real packet. */
    static final int MAX_NESTING = 4;

    private SctpChunks() { }

    /**
     * Walks the chunks in {@code [p, end)}. Returns the first whole user message (a DATA or I-DATA chunk with both
     * its B and E bits) as {@code offset << 32 | length}, or -1 when there is none.
     */
    static long decode(DecodeContext c, int p, int end) {
        long data = -1;
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " SCTP chunks");
                break;
            }
            int next = chunk(c, p, end, 0);
            if (next < 0) break;
            int type = c.u8(p), flags = c.u8(p + 1), len = c.u16(p + 2);
            int hdr = type == DATA ? 16 : type == I_DATA ? 20 : -1;
            if (data < 0 && hdr > 0 && (flags & 0x03) == 0x03 && len > hdr) data = ((long) (p + hdr) << 32) | (len - hdr);
            p = next;
        }
        return data;
    }

    /** One chunk at {@code p}: adds its fields, returns where the next one starts, or -1 when the walk must stop. */
    static int chunk(DecodeContext c, int p, int end, int depth) {
        if (p + 4 > end) {
            c.anomaly(Anomaly.Kind.TRUNCATED, p, "SCTP chunk header cut short");
            return -1;
        }
        int type = c.u8(p), flags = c.u8(p + 1), len = c.u16(p + 2);
        c.out().beginGroup(TYPE, type, p, 1);
        c.out().addMasked(BIT_1, type, p, 1);
        c.out().addMasked(BIT_2, type, p, 1);
        c.out().endGroup();
        c.out().beginGroup(FLAGS, flags, p + 1, 1);
        flags(c, type, flags, p + 1);
        c.out().endGroup();
        c.add(LENGTH, len, p + 2, 2);
        if (len < 4) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 2, "SCTP chunk length " + len + " is under 4");
            return -1;
        }
        if (p + len > end) {
            c.anomaly(Anomaly.Kind.TRUNCATED, p, "SCTP chunk of " + len + " bytes runs past the packet");
            return -1;
        }
        body(c, type, flags, p, len, depth);
        int padded = p + ((len + 3) & ~3);
        if (padded > p + len && padded <= end) c.ref(PADDING, p + len, padded - p - len);
        return Math.min(padded, end);
    }

    private static void flags(DecodeContext c, int type, int flags, int at) {
        switch (type) {
            case DATA, I_DATA -> {
                c.out().addMasked(DATA_I, flags, at, 1);
                c.out().addMasked(DATA_U, flags, at, 1);
                c.out().addMasked(DATA_B, flags, at, 1);
                c.out().addMasked(DATA_E, flags, at, 1);
            }
            case SACK -> c.out().addMasked(SctpSacks.NOUNCE, flags, at, 1);
            case NR_SACK -> c.out().addMasked(SctpSacks.NR_NOUNCE, flags, at, 1);
            case ABORT -> c.out().addMasked(ABORT_T, flags, at, 1);
            case SHUTDOWN_COMPLETE -> c.out().addMasked(SHUTDOWN_COMPLETE_T, flags, at, 1);
            case PKTDROP_CHUNK -> {
                c.out().addMasked(PKTDROP_M, flags, at, 1);
                c.out().addMasked(PKTDROP_B, flags, at, 1);
                c.out().addMasked(PKTDROP_T, flags, at, 1);
            }
            default -> { }
        }
    }

    /** The contents of the {@code len}-byte chunk at {@code p} (bounds already checked). */
    private static void body(DecodeContext c, int type, int flags, int p, int len, int depth) {
        int d = p + 4, end = p + len;
        switch (type) {
            case DATA -> {
                if (len < 16) break;
                c.add(TSN_RAW, c.u32(d), d, 4);
                c.add(SID, c.u16(d + 4), d + 4, 2);
                c.add(SSN, c.u16(d + 6), d + 6, 2);
                c.add(PPI, c.u32(d + 8), d + 8, 4);
            }
            case I_DATA -> {
                if (len < 20) break;
                c.add(TSN_RAW, c.u32(d), d, 4);
                c.add(SID, c.u16(d + 4), d + 4, 2);
                c.add(DATA_RESERVED, c.u16(d + 6), d + 6, 2);
                c.add(MID, c.u32(d + 8), d + 8, 4);
                c.add((flags & 0x02) != 0 ? PPI : FSN, c.u32(d + 12), d + 12, 4);
            }
            case INIT_T, INIT_ACK_T -> {
                if (len < 20) break;
                FieldDef[] f = type == INIT_T ? INIT : INIT_ACK;
                c.add(f[0], c.u32(d), d, 4);
                c.add(INITIATE_TAG, c.u32(d), d, 4);
                c.add(f[1], c.u32(d + 4), d + 4, 4);
                c.add(f[2], c.u16(d + 8), d + 8, 2);
                c.add(f[3], c.u16(d + 10), d + 10, 2);
                c.add(f[4], c.u32(d + 12), d + 12, 4);
                SctpParameters.parameters(c, d + 16, end, depth);
            }
            case SACK -> SctpSacks.sack(c, d, end);
            case NR_SACK -> SctpSacks.nrSack(c, d, end);
            case HEARTBEAT, HEARTBEAT_ACK, RE_CONFIG -> SctpParameters.parameters(c, d, end, depth);
            case ABORT, ERROR -> SctpParameters.causes(c, d, end, depth);
            case SHUTDOWN -> u32(c, SHUTDOWN_TSN, d, end);
            case COOKIE_ECHO -> bytes(c, COOKIE, d, end);
            case ECNE -> u32(c, ECNE_TSN, d, end);
            case CWR -> u32(c, CWR_TSN, d, end);
            case AUTH -> {
                if (len < 8) break;
                c.add(SHARED_KEY_ID, c.u16(d), d, 2);
                c.add(SctpParameters.HMAC_ID, c.u16(d + 2), d + 2, 2);
                bytes(c, HMAC, d + 4, end);
            }
            case ASCONF, ASCONF_ACK -> {
                if (!u32(c, type == ASCONF ? ASCONF_SEQ : ASCONF_ACK_SEQ, d, end)) break;
                SctpParameters.parameters(c, d + 4, end, depth);
            }
            case PAD -> bytes(c, PAD_DATA, d, end);
            case FORWARD_TSN -> {
                if (!u32(c, FWD_TSN, d, end)) break;
                for (int a = d + 4, k = 0; a + 4 <= end && k < c.maxOptions(); a += 4, k++) {
                    c.add(FWD_SID, c.u16(a), a, 2);
                    c.add(FWD_SSN, c.u16(a + 2), a + 2, 2);
                }
            }
            case I_FORWARD_TSN -> {
                if (!u32(c, IFWD_TSN, d, end)) break;
                for (int a = d + 4, k = 0; a + 8 <= end && k < c.maxOptions(); a += 8, k++) {
                    c.add(IFWD_SID, c.u16(a), a, 2);
                    int f = c.u16(a + 2);
                    c.out().beginGroup(IFWD_FLAGS, f, a + 2, 2);
                    c.out().addMasked(IFWD_RES, f, a + 2, 2);
                    c.out().addMasked(IFWD_U, f, a + 2, 2);
                    c.out().endGroup();
                    c.add(FWD_MID, c.u32(a + 4), a + 4, 4);
                }
            }
            case PKTDROP_CHUNK -> {
                if (len < 16) break;
                c.add(PKTDROP[0], c.u32(d), d, 4);
                c.add(PKTDROP[1], c.u32(d + 4), d + 4, 4);
                c.add(PKTDROP[2], c.u16(d + 8), d + 8, 2);
                c.add(PKTDROP[3], c.u16(d + 10), d + 10, 2);
                bytes(c, PKTDROP_DATA, d + 12, end);
            }
            default -> bytes(c, VALUE, d, end);
        }
    }

    static boolean u32(DecodeContext c, FieldDef f, int at, int end) {
        if (at + 4 > end) return false;
        c.add(f, c.u32(at), at, 4);
        return true;
    }

    static void bytes(DecodeContext c, FieldDef f, int at, int end) {
        if (end > at) c.ref(f, at, end - at);
    }
}
