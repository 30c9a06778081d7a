package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The tags of a PPPoE discovery packet (RFC 2516 appendix A and the later ones of IANA's PPPoE tag registry:
 * RFC 4638's PPP-Max-Payload, RFC 5578's credits and metrics …), as Wireshark 4.0 shows them with its default
 * preferences: a known tag shows only its value, an unknown one its type, length and data. The DSL Forum's
 * vendor-specific sub-tags are walked by {@link DslfSubTags}.
 */
final class PppoeTags {
    static final FieldDef TAGS = Fields.group("pppoed.tags", "PPPoE Tags");
    static final FieldDef TAG = Fields.hex("pppoed.tag", "Tag", 16);
    static final FieldDef TAG_LENGTH = Fields.uint("pppoed.tag_length", "Tag Length", 16);
    static final FieldDef TAG_LENGTH_8 = Fields.uint("pppoed.tag_length_8", "Tag Length", 8);
    static final FieldDef UNKNOWN_DATA = Fields.bytes("pppoed.tag.unknown_data", "Unknown Data");
    static final FieldDef SERVICE_NAME = Fields.string("pppoed.tags.service_name", "Service-Name");
    static final FieldDef AC_NAME = Fields.string("pppoed.tags.ac_name", "AC-Name");
    static final FieldDef HOST_UNIQ = Fields.bytes("pppoed.tags.host_uniq", "Host-Uniq");
    static final FieldDef AC_COOKIE = Fields.bytes("pppoed.tags.ac_cookie", "AC-Cookie");
    static final FieldDef VENDOR_ID = Fields.uint("pppoed.tags.vendor_id", "Vendor id", 32);
    static final FieldDef VENDOR_UNSPECIFIED = Fields.bytes("pppoed.tags.vendor_unspecified", "Vendor unspecified");
    static final FieldDef CREDITS = Fields.bytes("pppoed.tags.credits", "Credits");
    static final FieldDef CREDITS_FCN = Fields.uint("pppoed.tags.credits.fcn", "FCN", 16);
    static final FieldDef CREDITS_BCN = Fields.uint("pppoed.tags.credits.bcn", "BCN", 16);
    static final FieldDef METRICS = Fields.bytes("pppoed.tags.metrics", "Metrics");
    static final FieldDef METRICS_MDR_UNITS = Fields.masked("pppoed.tags.metrics.mdr_units", "MDR Units", 16, 0x18, Base.HEX);
    static final FieldDef METRICS_CDR_UNITS = Fields.masked("pppoed.tags.metrics.cdr_units", "CDR Units", 16, 0x06, Base.HEX);
    static final FieldDef METRICS_R = Fields.flag("pppoed.tags.metrics.r", "Receive Only", 16, 0x01);
    static final FieldDef METRICS_RLQ = Fields.uint("pppoed.tags.metrics.rlq", "Relative Link Quality", 8);
    static final FieldDef METRICS_RESOURCE = Fields.uint("pppoed.tags.metrics.resource", "Resource", 8);
    static final FieldDef METRICS_LATENCY = Fields.uint("pppoed.tags.metrics.latency", "Latency", 16);
    static final FieldDef METRICS_CURR_DRATE = Fields.uint("pppoed.tags.metrics.curr_drate", "Curr. datarate", 16);
    static final FieldDef METRICS_MAX_DRATE = Fields.uint("pppoed.tags.metrics.max_drate", "Max. datarate", 16);
    static final FieldDef SEQ_NUM = Fields.hex("pppoed.tags.seq_num", "Sequence Number", 16);
    static final FieldDef CREDIT_SCALE = Fields.uint("pppoed.tags.credit_scale", "Credit Scale Factor", 16);
    static final FieldDef RELAY_SESSION_ID = Fields.bytes("pppoed.tags.relay_session_id", "Relay-Session-Id");
    static final FieldDef HURL = Fields.bytes("pppoed.tags.hurl", "HURL");
    static final FieldDef MOTM = Fields.bytes("pppoed.tags.motm", "MOTM");
    static final FieldDef MAX_PAYLOAD = Fields.bytes("pppoed.tags.max_payload", "PPP-Max-Payload");
    static final FieldDef IP_ROUTE_ADD = Fields.bytes("pppoed.tags.ip_route_add", "IP Route Add");
    static final FieldDef SERVICE_NAME_ERROR = Fields.string("pppoed.tags.service_name_error", "Service-Name-Error");
    static final FieldDef AC_SYSTEM_ERROR = Fields.string("pppoed.tags.ac_system_error", "AC-System-Error");
    static final FieldDef GENERIC_ERROR = Fields.string("pppoed.tags.generic_error", "Generic-Error");

    static final int TAG_EOL = 0x0000, TAG_VENDOR = 0x0105, TAG_METRICS = 0x0107, TAG_SEQ_NUM = 0x0108,
            TAG_CRED_SCALE = 0x0109;
    /** The DSL Forum's IANA enterprise number: its vendor tag holds TR-101 sub-tags. */
    static final long VENDOR_DSLF = 3561;

    private PppoeTags() { }

    /**
     * Walks the tags of a discovery payload of {@code plen} bytes at {@code at}, of which {@code have} were captured.
     * Like Wireshark, the walk goes by the payload length and stops at End-Of-List; a tag cut short by the capture
     * ends it with a TRUNCATED anomaly.
     */
    static void decode(DecodeContext c, int at, int plen, int have) {
        c.out().beginGroup(TAGS, at, plen);
        int p = 0;
        // Wireshark's loop condition: a tag header may start as long as 2 bytes of the payload remain
        for (int n = 0; p <= plen - 2; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at + p, "more than " + c.maxOptions() + " PPPoE tags");
                break;
            }
            if (have - p < 4) {
                c.truncated(have, "PPPoE tag header cut short");
                break;
            }
            int t = at + p;
            int type = c.u16(t), tlen = c.u16(t + 2);
            if (type == TAG_EOL) break;
            // Wireshark's unknown-tag data starts 2 bytes early, at the length field: kept for agreement
            int need = isKnown(type) ? 4 + tlen : 2 + tlen;
            if (have - p < need) {
                c.truncated(have, "PPPoE tag 0x" + Integer.toHexString(type) + " of " + tlen + " bytes cut short");
                break;
            }
            value(c, type, t, tlen);
            p += 4 + tlen;
        }
        c.out().endGroup();
    }

    private static boolean isKnown(int type) {
        return (type >= 0x0101 && type <= 0x0109) || (type >= 0x0110 && type <= 0x0112) || type == 0x0120
                || type == 0x0121 || (type >= 0x0201 && type <= 0x0203);
    }

    private static void value(DecodeContext c, int type, int t, int tlen) {
        int v = t + 4;
        switch (type) {
            case 0x0101 -> { if (tlen > 0) c.ref(SERVICE_NAME, v, tlen); }
            case 0x0102 -> c.ref(AC_NAME, v, tlen);
            case 0x0103 -> c.ref(HOST_UNIQ, v, tlen);
            case 0x0104 -> c.ref(AC_COOKIE, v, tlen);
            case TAG_VENDOR -> vendor(c, v, tlen);
            case 0x0106 -> {
                if (tlen == 4) {
                    c.add(CREDITS_FCN, c.u16(v), v, 2);
                    c.add(CREDITS_BCN, c.u16(v + 2), v + 2, 2);
                } else {
                    c.ref(CREDITS, v, tlen);
                }
            }
            case TAG_METRICS -> metrics(c, v, tlen);
            case TAG_SEQ_NUM -> fixed2(c, SEQ_NUM, v, tlen, "Sequence Number");
            case TAG_CRED_SCALE -> fixed2(c, CREDIT_SCALE, v, tlen, "Credit Scale Factor");
            case 0x0110 -> c.ref(RELAY_SESSION_ID, v, tlen);
            case 0x0111 -> c.ref(HURL, v, tlen);
            case 0x0112 -> c.ref(MOTM, v, tlen);
            case 0x0120 -> c.ref(MAX_PAYLOAD, v, tlen);
            case 0x0121 -> c.ref(IP_ROUTE_ADD, v, tlen);
            case 0x0201 -> c.ref(SERVICE_NAME_ERROR, v, tlen);
            case 0x0202 -> c.ref(AC_SYSTEM_ERROR, v, tlen);
            case 0x0203 -> c.ref(GENERIC_ERROR, v, tlen);
            default -> {
                if (tlen > 0) {
                    c.add(TAG, type, t, 2);
                    c.add(TAG_LENGTH, tlen, t + 2, 2);
                    c.ref(UNKNOWN_DATA, t + 2, tlen);
                }
            }
        }
    }

    private static void fixed2(DecodeContext c, FieldDef f, int v, int tlen, String name) {
        if (tlen == 2) c.add(f, c.u16(v), v, 2);
        else c.anomaly(Anomaly.Kind.BAD_LENGTH, v - 2, name + " tag: wrong length " + tlen + " (expected 2)");
    }

    private static void metrics(DecodeContext c, int v, int tlen) {
        if (tlen != 10) {
            c.ref(METRICS, v, tlen);
            return;
        }
        int flags = c.u16(v);
        c.out().addMasked(METRICS_MDR_UNITS, flags, v, 2);
        c.out().addMasked(METRICS_CDR_UNITS, flags, v, 2);
        c.out().addMasked(METRICS_R, flags, v, 2);
        c.add(METRICS_RLQ, c.u8(v + 2), v + 2, 1);
        c.add(METRICS_RESOURCE, c.u8(v + 3), v + 3, 1);
        c.add(METRICS_LATENCY, c.u16(v + 4), v + 4, 2);
        c.add(METRICS_CURR_DRATE, c.u16(v + 6), v + 6, 2);
        c.add(METRICS_MAX_DRATE, c.u16(v + 8), v + 8, 2);
    }

    private static void vendor(DecodeContext c, int v, int tlen) {
        if (tlen >= 4) c.add(VENDOR_ID, c.u32(v), v, 4);
        if (tlen <= 4) return;
        if (c.u32(v) == VENDOR_DSLF) DslfSubTags.decode(c, v + 4, tlen - 4);
        else c.ref(VENDOR_UNSPECIFIED, v + 4, tlen - 4);
    }
}
