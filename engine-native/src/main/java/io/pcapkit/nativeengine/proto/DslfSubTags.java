package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The DSL Forum's sub-tags inside a PPPoE vendor-specific tag (TR-101: the access node's line identification and
 * line rates), as Wireshark 4.0's "pppoed" dissector shows them. Each sub-tag is a 1-byte type and 1-byte length.
 */
final class DslfSubTags {
    static final FieldDef TAGS = Fields.group("pppoed.tags.vendorspecific.tags", "Vendor Specific PPPoE Tags");
    static final FieldDef CIRCUIT_ID = Fields.string("pppoed.tags.circuit_id", "Circuit ID");
    static final FieldDef REMOTE_ID = Fields.string("pppoed.tags.remote_id", "Remote ID");
    static final FieldDef ACCESS_LOOP_ENCAP = Fields.group("pppoed.tags.access_loop_encap", "Access-Loop-Encapsulation");
    static final FieldDef ENCAP_DATA_LINK = Fields.hex("pppoed.tags.access_loop_encap.data_link", "Data link", 8);
    static final FieldDef ENCAP_1 = Fields.hex("pppoed.tags.access_loop_encap.encap_1", "Encaps 1", 8);
    static final FieldDef ENCAP_2 = Fields.hex("pppoed.tags.access_loop_encap.encap_2", "Encaps 2", 8);
    /** Sub-tags 0x81 .. 0x8e: line rates and interleaving delays, each a 4-byte number. */
    private static final FieldDef[] RATES = {
        Fields.uint("pppoed.tags.act_data_rate_up", "Actual Data Rate Upstream", 32),
        Fields.uint("pppoed.tags.act_data_rate_down", "Actual Data Rate Downstream", 32),
        Fields.uint("pppoed.tags.min_data_rate_up", "Minimum Data Rate Upstream", 32),
        Fields.uint("pppoed.tags.min_data_rate_down", "Minimum Data Rate Downstream", 32),
        Fields.uint("pppoed.tags.attainable_data_rate_up", "Attainable DataRate Upstream", 32),
        Fields.uint("pppoed.tags.attainable_data_rate_down", "Attainable DataRate Downstream", 32),
        Fields.uint("pppoed.tags.max_data_rate_up", "Maximum Data Rate Upstream", 32),
        Fields.uint("pppoed.tags.max_data_rate_down", "Maximum Data Rate Downstream", 32),
        Fields.uint("pppoed.tags.min_data_rate_up_lp", "Min DataRate Upstream in low power state", 32),
        Fields.uint("pppoed.tags.min_data_rate_down_lp", "Minimum Data Rate Downstream in low power state", 32),
        Fields.uint("pppoed.tags.max_int_delay_up", "Max Interleaving Delay Upstream", 32),
        Fields.uint("pppoed.tags.act_int_delay_up", "Actual Interleaving Delay Upstream", 32),
        Fields.uint("pppoed.tags.max_int_delay_down", "Maximum Interleaving Delay Downstream", 32),
        Fields.uint("pppoed.tags.act_int_delay_down", "Actual Interleaving Delay Downstream", 32),
    };
    /** Line identifiers longer than this are malformed (TR-101 limits them to 63 bytes). */
    static final int MAX_ID_LEN = 63;

    private DslfSubTags() { }

    /** Walks the sub-tags in the {@code len} bytes at {@code at} (all captured: the enclosing tag was checked). */
    static void decode(DecodeContext c, int at, int len) {
        c.out().beginGroup(TAGS, at, len);
        int p = 0;
        for (int n = 0; p <= len - 2; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at + p, "more than " + c.maxOptions() + " DSL Forum sub-tags");
                break;
            }
            int t = at + p;
            int type = c.u8(t), slen = c.u8(t + 1);
            if (p + 2 + slen > len) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, t, "DSL Forum sub-tag 0x" + Integer.toHexString(type) + " of "
                        + slen + " bytes goes past its vendor tag");
                break;
            }
            value(c, type, t, slen);
            p += 2 + slen;
        }
        c.out().endGroup();
    }

    private static void value(DecodeContext c, int type, int t, int slen) {
        int v = t + 2;
        if (type == 0x01 || type == 0x02) {
            if (slen <= MAX_ID_LEN) c.ref(type == 0x01 ? CIRCUIT_ID : REMOTE_ID, v, slen);
            else wrongLength(c, type, t, slen);
        } else if (type >= 0x81 && type <= 0x8e) {
            if (slen == 4) c.add(RATES[type - 0x81], c.u32(v), v, 4);
            else wrongLength(c, type, t, slen);
        } else if (type == 0x90) {
            // Wireshark shows the three bytes whatever the length says
            if (slen != 3) wrongLength(c, type, t, slen);
            if (slen < 3) return;
            c.out().beginGroup(ACCESS_LOOP_ENCAP, v, 3);
            c.add(ENCAP_DATA_LINK, c.u8(v), v, 1);
            c.add(ENCAP_1, c.u8(v + 1), v + 1, 1);
            c.add(ENCAP_2, c.u8(v + 2), v + 2, 1);
            c.out().endGroup();
        } else if (slen > 0) {
            c.add(PppoeTags.TAG, type, t, 1);
            c.add(PppoeTags.TAG_LENGTH_8, slen, t + 1, 1);
            c.ref(PppoeTags.UNKNOWN_DATA, v, slen);
        }
    }

    private static void wrongLength(DecodeContext c, int type, int t, int slen) {
        c.anomaly(Anomaly.Kind.BAD_LENGTH, t + 1, "DSL Forum sub-tag 0x" + Integer.toHexString(type)
                + ": wrong length " + slen);
    }
}
