package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The QoS Control field of QoS data frames (802.11-2016 9.2.4.5), as Wireshark 4.0 shows it: TID, priority, the
 * bit 4 that means EOSP from an AP and "queue size follows" from a station, ack policy, A-MSDU present, and the
 * top octet read by the same rule (TXOP limit or AP PS buffer state from an AP; queue size or TXOP duration
 * requested from a station).
 */
final class WlanQos {
    static final FieldDef QOS = Fields.hex("wlan.qos", "Qos Control", 16);
    static final FieldDef TID = Fields.masked("wlan.qos.tid", "TID", 16, 0x000F, Base.DEC);
    static final FieldDef PRIORITY = Fields.masked("wlan.qos.priority", "Priority", 16, 0x0007, Base.DEC);
    static final FieldDef EOSP = Fields.flag("wlan.qos.eosp", "EOSP", 16, 0x0010);
    static final FieldDef BIT4 = Fields.flag("wlan.qos.bit4", "QoS bit 4", 16, 0x0010);
    static final FieldDef ACK = Fields.masked("wlan.qos.ack", "Ack Policy", 16, 0x0060, Base.HEX);
    static final FieldDef AMSDU = Fields.flag("wlan.qos.amsdupresent", "Payload Type", 16, 0x0080);
    static final FieldDef TXOP_LIMIT = Fields.masked("wlan.qos.txop_limit", "TXOP Limit", 16, 0xFF00, Base.DEC);
    static final FieldDef BUF_STATE_INDICATED = Fields.flag("wlan.qos.buf_state_indicated", "Buffer State Indicated",
            16, 0x0200);
    static final FieldDef HIGHEST_PRI_BUF_AC = Fields.masked("wlan.qos.highest_pri_buf_ac",
            "Highest-Priority Buffered AC", 16, 0x0C00, Base.DEC);
    static final FieldDef QAP_BUF_LOAD = Fields.masked("wlan.qos.qap_buf_load", "QAP Buffered Load", 16, 0xF000,
            Base.DEC);
    static final FieldDef QUEUE_SIZE = Fields.masked("wlan.qos.queue_size", "Queue Size", 16, 0xFF00, Base.DEC);
    static final FieldDef TXOP_DUR_REQ = Fields.masked("wlan.qos.txop_dur_req", "TXOP Duration Requested", 16, 0xFF00,
            Base.DEC);

    private static final int FROM_DS = 0x02, BIT_4 = 0x0010, BUF_STATE = 0x0200;

    private WlanQos() { }

    static void decode(DecodeContext c, int at, int subtype, int flags) {
        int q = c.u16le(at);
        c.add(QOS, q, at, 2);
        c.out().addMasked(TID, q, at, 2);
        c.out().addMasked(PRIORITY, q, at, 2);
        boolean fromAp = (flags & FROM_DS) != 0;
        c.out().addMasked(fromAp ? EOSP : BIT4, q, at, 2);
        c.out().addMasked(ACK, q, at, 2);
        if ((subtype & 0x04) == 0) c.out().addMasked(AMSDU, q, at, 2); // frames with a body only
        if (fromAp) {
            if ((subtype & 0x02) != 0) { // a CF-Poll grants a TXOP
                c.out().addMasked(TXOP_LIMIT, q, at, 2);
            } else {
                c.out().addMasked(BUF_STATE_INDICATED, q, at, 2);
                if ((q & BUF_STATE) != 0) {
                    c.out().addMasked(HIGHEST_PRI_BUF_AC, q, at, 2);
                    c.out().addMasked(QAP_BUF_LOAD, q, at, 2);
                }
            }
        } else {
            c.out().addMasked((q & BIT_4) != 0 ? QUEUE_SIZE : TXOP_DUR_REQ, q, at, 2);
        }
    }
}
