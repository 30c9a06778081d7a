package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * SCTP chunk parameters (INIT, INIT ACK, HEARTBEAT, ASCONF, RE-CONFIG) and error causes (ABORT, ERROR), named as
 * Wireshark 4.0 names them: type (with the two action bits) or cause code, length, value, padding to 4 bytes.
 * Parameters and causes that carry parameters or chunks nest, to {@link SctpChunks#MAX_NESTING} levels.
 */
final class SctpParameters {
    static final FieldDef TYPE = Fields.hex("sctp.parameter_type", "Parameter type", 16);
    static final FieldDef BIT_1 = Fields.flag("sctp.parameter_bit_1", "Bit", 16, 0x8000);
    static final FieldDef BIT_2 = Fields.flag("sctp.parameter_bit_2", "Bit", 16, 0x4000);
    static final FieldDef LENGTH = Fields.uint("sctp.parameter_length", "Parameter length", 16);
    static final FieldDef VALUE = Fields.bytes("sctp.parameter_value", "Parameter value");
    static final FieldDef PADDING = Fields.bytes("sctp.parameter_padding", "Parameter padding");
    static final FieldDef IPV4 = Fields.ipv4("sctp.parameter_ipv4_address", "IP Version 4 address");
    static final FieldDef IPV6 = Fields.ipv6("sctp.parameter_ipv6_address", "IP Version 6 address");
    static final FieldDef HEARTBEAT = Fields.bytes("sctp.parameter_heartbeat_information", "Heartbeat information");
    static final FieldDef STATE_COOKIE = Fields.bytes("sctp.parameter_state_cookie", "State cookie");
    static final FieldDef COOKIE_INCR = Fields.uint("sctp.parameter_cookie_preservative_incr", "Suggested Cookie life-span increment (msec)", 32);
    static final FieldDef HOSTNAME = Fields.string("sctp.parameter_hostname", "Hostname");
    static final FieldDef ADDRESS_TYPE = Fields.uint("sctp.parameter_supported_address_type", "Supported address type", 16);
    static final FieldDef REQ_SEQ = Fields.uint("sctp.parameter_reconfig_request_sequence_number", "Re-configuration request sequence number", 32);
    static final FieldDef RESP_SEQ = Fields.uint("sctp.parameter_reconfig_response_sequence_number", "Re-configuration response sequence number", 32);
    static final FieldDef LAST_TSN = Fields.uint("sctp.parameter_senders_last_assigned_tsn", "Senders last assigned TSN", 32);
    static final FieldDef SENDERS_NEXT = Fields.uint("sctp.parameter_senders_next_tsn", "Senders next TSN", 32);
    static final FieldDef RECEIVERS_NEXT = Fields.uint("sctp.parameter_receivers_next_tsn", "Receivers next TSN", 32);
    static final FieldDef RESULT = Fields.uint("sctp.parameter_reconfig_response_result", "Result", 32);
    static final FieldDef RECONFIG_SID = Fields.uint("sctp.parameter_reconfig_sid", "Stream Identifier", 16);
    static final FieldDef ADD_OUT = Fields.uint("sctp.parameter_add_outgoing_streams_number", "Number of new outgoing streams", 16);
    static final FieldDef ADD_OUT_RES = Fields.uint("sctp.parameter_add_outgoing_streams_reserved", "Reserved", 16);
    static final FieldDef ADD_IN = Fields.uint("sctp.parameter_add_incoming_streams_number", "Number of new incoming streams", 16);
    static final FieldDef ADD_IN_RES = Fields.uint("sctp.parameter_add_incoming_streams_reserved", "Reserved", 16);
    static final FieldDef CORRELATION_ID = Fields.hex("sctp.correlation_id", "Correlation_id", 32);
    static final FieldDef ADAPTATION = Fields.hex("sctp.adaptation_layer_indication", "Indication", 32);
    static final FieldDef RANDOM = Fields.bytes("sctp.random_number", "Random number");
    static final FieldDef CHUNK_TO_AUTH = Fields.uint("sctp.chunk_type_to_auth", "Chunk type", 8);
    static final FieldDef HMAC_ID = Fields.uint("sctp.hmac_id", "HMAC identifier", 16);
    static final FieldDef SUPPORTED_CHUNK = Fields.uint("sctp.supported_chunk_type", "Supported chunk type", 8);
    static final FieldDef CAUSE_CODE = Fields.hex("sctp.cause_code", "Cause code", 16);
    static final FieldDef CAUSE_LENGTH = Fields.uint("sctp.cause_length", "Cause length", 16);
    static final FieldDef CAUSE_INFO = Fields.bytes("sctp.cause_information", "Cause information");
    static final FieldDef CAUSE_PADDING = Fields.bytes("sctp.cause_padding", "Cause padding");
    static final FieldDef CAUSE_SID = Fields.uint("sctp.cause_stream_identifier", "Stream identifier", 16);
    static final FieldDef CAUSE_RESERVED = Fields.uint("sctp.cause_reserved", "Reserved", 16);
    static final FieldDef CAUSE_MISSING_N = Fields.uint("sctp.cause_nr_of_missing_parameters", "Number of missing parameters", 32);
    static final FieldDef CAUSE_MISSING_TYPE = Fields.hex("sctp.cause_missing_parameter_type", "Missing parameter type", 16);
    static final FieldDef CAUSE_STALENESS = Fields.uint("sctp.cause_measure_of_staleness", "Measure of staleness in usec", 32);
    static final FieldDef CAUSE_TSN = Fields.uint("sctp.cause_tsn", "TSN", 32);

    private SctpParameters() { }

    /** Parameters from {@code p} to {@code end}. */
    static void parameters(DecodeContext c, int p, int end, int depth) {
        for (int n = 0; p + 4 <= end; n++) {
            if (n == c.maxOptions() || depth > SctpChunks.MAX_NESTING) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "SCTP parameters: too many or nested too deep");
                return;
            }
            int type = c.u16(p), len = c.u16(p + 2);
            c.out().beginGroup(TYPE, type, p, 2);
            c.out().addMasked(BIT_1, type, p, 2);
            c.out().addMasked(BIT_2, type, p, 2);
            c.out().endGroup();
            c.add(LENGTH, len, p + 2, 2);
            if (len < 4 || p + len > end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 2, "SCTP parameter length " + len + " does not fit");
                return;
            }
            parameter(c, type, p + 4, p + len, depth);
            p = padding(c, PADDING, p, len, end);
        }
    }

    private static void parameter(DecodeContext c, int type, int d, int end, int depth) {
        int n = end - d;
        switch (type) {
            case 1 -> SctpChunks.bytes(c, HEARTBEAT, d, end);
            case 5 -> { if (n >= 4) c.add(IPV4, c.u32(d), d, 4); }
            case 6 -> { if (n >= 16) c.ref(IPV6, d, 16); }
            case 7 -> SctpChunks.bytes(c, STATE_COOKIE, d, end);
            case 8 -> parameters(c, d, end, depth + 1);
            case 9 -> SctpChunks.u32(c, COOKIE_INCR, d, end);
            case 11 -> {
                int t = 0; // FT_STRINGZ: up to the first NUL
                while (t < n && c.u8(d + t) != 0) t++;
                if (n > 0) c.ref(HOSTNAME, d, t);
            }
            case 12 -> list(c, ADDRESS_TYPE, d, end, 2);
            case 13 -> {
                if (SctpChunks.u32(c, REQ_SEQ, d, end) && SctpChunks.u32(c, RESP_SEQ, d + 4, end)
                        && SctpChunks.u32(c, LAST_TSN, d + 8, end)) list(c, RECONFIG_SID, d + 12, end, 2);
            }
            case 14 -> {
                if (SctpChunks.u32(c, REQ_SEQ, d, end)) list(c, RECONFIG_SID, d + 4, end, 2);
            }
            case 15 -> SctpChunks.u32(c, REQ_SEQ, d, end);
            case 16 -> {
                if (SctpChunks.u32(c, RESP_SEQ, d, end) && SctpChunks.u32(c, RESULT, d + 4, end)
                        && SctpChunks.u32(c, SENDERS_NEXT, d + 8, end)) SctpChunks.u32(c, RECEIVERS_NEXT, d + 12, end);
            }
            case 17, 18 -> {
                if (SctpChunks.u32(c, REQ_SEQ, d, end) && d + 8 <= end) {
                    c.add(type == 17 ? ADD_OUT : ADD_IN, c.u16(d + 4), d + 4, 2);
                    c.add(type == 17 ? ADD_OUT_RES : ADD_IN_RES, c.u16(d + 6), d + 6, 2);
                }
            }
            case 0x8000, 0xC000 -> { } // ECN capable, Forward-TSN supported: no value
            case 0x8002 -> SctpChunks.bytes(c, RANDOM, d, end);
            case 0x8003 -> list(c, CHUNK_TO_AUTH, d, end, 1);
            case 0x8004 -> list(c, HMAC_ID, d, end, 2);
            case 0x8008 -> list(c, SUPPORTED_CHUNK, d, end, 1);
            case 0xC001, 0xC002, 0xC004 -> {
                if (SctpChunks.u32(c, CORRELATION_ID, d, end)) parameters(c, d + 4, end, depth + 1);
            }
            case 0xC003 -> {
                if (SctpChunks.u32(c, CORRELATION_ID, d, end)) causes(c, d + 4, end, depth + 1);
            }
            case 0xC005 -> SctpChunks.u32(c, CORRELATION_ID, d, end);
            case 0xC006 -> SctpChunks.u32(c, ADAPTATION, d, end);
            default -> SctpChunks.bytes(c, VALUE, d, end);
        }
    }

    /** Error causes from {@code p} to {@code end}. */
    static void causes(DecodeContext c, int p, int end, int depth) {
        for (int n = 0; p + 4 <= end; n++) {
            if (n == c.maxOptions() || depth > SctpChunks.MAX_NESTING) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "SCTP error causes: too many or nested too deep");
                return;
            }
            int code = c.u16(p), len = c.u16(p + 2);
            c.add(CAUSE_CODE, code, p, 2);
            c.add(CAUSE_LENGTH, len, p + 2, 2);
            if (len < 4 || p + len > end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p + 2, "SCTP error cause length " + len + " does not fit");
                return;
            }
            cause(c, code, p + 4, p + len, depth);
            p = padding(c, CAUSE_PADDING, p, len, end);
        }
    }

    private static void cause(DecodeContext c, int code, int d, int end, int depth) {
        switch (code) {
            case 1 -> {
                if (d + 4 <= end) {
                    c.add(CAUSE_SID, c.u16(d), d, 2);
                    c.add(CAUSE_RESERVED, c.u16(d + 2), d + 2, 2);
                }
            }
            case 2 -> {
                if (SctpChunks.u32(c, CAUSE_MISSING_N, d, end)) {
                    long missing = c.u32(d);
                    for (int a = d + 4, k = 0; k < missing && a + 2 <= end; a += 2, k++) {
                        c.add(CAUSE_MISSING_TYPE, c.u16(a), a, 2);
                    }
                }
            }
            case 3 -> SctpChunks.u32(c, CAUSE_STALENESS, d, end);
            case 5, 0xA0, 0xA1, 0xA2 -> parameters(c, d, end, depth + 1);
            case 8, 11 -> parameters(c, d, end, depth + 1);
            case 6 -> {
                if (depth < SctpChunks.MAX_NESTING && d + 4 <= end) SctpChunks.chunk(c, d, end, depth + 1);
            }
            case 9 -> SctpChunks.u32(c, CAUSE_TSN, d, end);
            case 4, 7, 10 -> { } // no information
            case 0x105 -> { if (d + 2 <= end) c.add(HMAC_ID, c.u16(d), d, 2); }
            default -> SctpChunks.bytes(c, CAUSE_INFO, d, end);
        }
    }

    private static void list(DecodeContext c, FieldDef f, int d, int end, int size) {
        for (int a = d, k = 0; a + size <= end && k < c.maxOptions(); a += size, k++) {
            c.add(f, size == 1 ? c.u8(a) : c.u16(a), a, size);
        }
    }

    /** The padding after a {@code len}-byte item at {@code p}; returns where the next item starts. */
    private static int padding(DecodeContext c, FieldDef f, int p, int len, int end) {
        int padded = p + ((len + 3) & ~3);
        if (padded > p + len && padded <= end) c.ref(f, p + len, padded - p - len);
        return Math.min(padded, end);
    }
}
