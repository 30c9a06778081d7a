package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * The body of an 802.11 management frame, Wireshark 4.0's "wlan.mgt": the fixed parameters each subtype has
 * (timestamp, beacon interval, capabilities, listen interval, status, reason, AID, authentication algorithm …), then
 * the tagged parameters ({@link WlanTags}). Action frames, whose layout depends on category and action, are not
 * decoded past the MAC header.
 */
public final class WlanMgtDecoder implements LayerDecoder {
    public static final Protocol WLAN_MGT = Protocols.define("802.11_Mgmt", "wlan.mgt", Level.LINK);

    static final FieldDef FIXED_ALL = Fields.group("wlan.fixed.all", "Fixed parameters");
    static final FieldDef TIMESTAMP = Fields.uint("wlan.fixed.timestamp", "Timestamp", 64);
    static final FieldDef BEACON = Fields.uint("wlan.fixed.beacon", "Beacon Interval", 32);
    static final FieldDef CAPABILITIES = Fields.hex("wlan.fixed.capabilities", "Capabilities Information", 16);
    static final FieldDef[] CAPABILITY_BITS = capabilityBits();
    static final FieldDef LISTEN_IVAL = Fields.hex("wlan.fixed.listen_ival", "Listen Interval", 16);
    static final FieldDef CURRENT_AP = Fields.mac("wlan.fixed.current_ap", "Current AP");
    static final FieldDef STATUS = Fields.hex("wlan.fixed.status_code", "Status code", 16);
    static final FieldDef REASON = Fields.hex("wlan.fixed.reason_code", "Reason code", 16);
    static final FieldDef AID = Fields.masked("wlan.fixed.aid", "Association ID", 16, 0x3FFF, Base.HEX);
    static final FieldDef AUTH_ALG = Fields.uint("wlan.fixed.auth.alg", "Authentication Algorithm", 16);
    static final FieldDef AUTH_SEQ = Fields.hex("wlan.fixed.auth_seq", "Authentication SEQ", 16);

    private static final int ASSOC_REQ = 0, ASSOC_RESP = 1, REASSOC_REQ = 2, REASSOC_RESP = 3, PROBE_REQ = 4,
            PROBE_RESP = 5, BEACON_SUB = 8, ATIM = 9, DISASSOC = 10, AUTH = 11, DEAUTH = 12, ACTION = 13,
            ACTION_NO_ACK = 14;

    private final int subtype;

    /** The body of management frames of {@code subtype} (registered once per subtype, the key it is found by). */
    public WlanMgtDecoder(int subtype) { this.subtype = subtype; }

    @Override public Protocol protocol() { return WLAN_MGT; }

    @Override public int decode(DecodeContext c, int off, int len) {
        int fixed = switch (subtype) {
            case ASSOC_REQ -> 4;
            case ASSOC_RESP, REASSOC_RESP -> 6;
            case REASSOC_REQ -> 10;
            case PROBE_RESP, BEACON_SUB -> 12;
            case DISASSOC, DEAUTH -> 2;
            case AUTH -> 6;
            default -> 0;
        };
        if (fixed > len) return c.truncated(len, "802.11 fixed parameters need " + fixed + " bytes, have " + len);
        if (fixed > 0) {
            c.out().beginGroup(FIXED_ALL, off, fixed);
            switch (subtype) {
                case ASSOC_REQ -> { capabilities(c, off); c.add(LISTEN_IVAL, c.u16le(off + 2), off + 2, 2); }
                case ASSOC_RESP, REASSOC_RESP -> {
                    capabilities(c, off);
                    c.add(STATUS, c.u16le(off + 2), off + 2, 2);
                    aid(c, off + 4);
                }
                case REASSOC_REQ -> {
                    capabilities(c, off);
                    c.add(LISTEN_IVAL, c.u16le(off + 2), off + 2, 2);
                    c.add(CURRENT_AP, c.u48(off + 4), off + 4, 6);
                }
                case PROBE_RESP, BEACON_SUB -> {
                    c.add(TIMESTAMP, c.u32le(off) | (c.u32le(off + 4) << 32), off, 8);
                    c.add(BEACON, c.u16le(off + 8), off + 8, 2);
                    capabilities(c, off + 10);
                }
                case DISASSOC, DEAUTH -> c.add(REASON, c.u16le(off), off, 2);
                case AUTH -> {
                    c.add(AUTH_ALG, c.u16le(off), off, 2);
                    c.add(AUTH_SEQ, c.u16le(off + 2), off + 2, 2);
                    c.add(STATUS, c.u16le(off + 4), off + 4, 2);
                }
                default -> { }
            }
            c.out().endGroup();
        }
        if (subtype == ACTION || subtype == ACTION_NO_ACK || subtype == ATIM) {
            c.nextRaw(0); // action frame details (per category and action) are not decoded
            return len;
        }
        WlanTags.decode(c, off + fixed, len - fixed);
        c.nextRaw(0);
        return len;
    }

    private static void aid(DecodeContext c, int at) {
        c.out().addMasked(AID, c.u16le(at), at, 2);
    }

    private static void capabilities(DecodeContext c, int at) {
        int cap = c.u16le(at);
        c.add(CAPABILITIES, cap, at, 2);
        RadiotapFields.addBits(c, CAPABILITY_BITS, cap, at, 2);
    }

    private static FieldDef[] capabilityBits() {
        String[] names = {"ess", "ibss", "reserved1", "reserved2", "privacy", "short_preamble", "reserved3",
                "reserved4", "spec_man", "qos", "short_slot_time", "apsd", "radio_measurement", "epd", "reserved5",
                "reserved6"};
        FieldDef[] out = new FieldDef[names.length];
        for (int i = 0; i < names.length; i++) {
            String n = "wlan.fixed.capabilities." + names[i];
            out[i] = names[i].startsWith("reserved") ? Fields.masked(n, names[i], 16, 1L << i, Base.DEC)
                    : Fields.flag(n, names[i], 16, 1L << i);
        }
        return out;
    }
}
