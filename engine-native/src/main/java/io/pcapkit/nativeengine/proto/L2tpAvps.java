package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The attribute-value pairs of L2TP control messages (RFC 2661 §4.4, RFC 3931 §5.4) as Wireshark 4.0 shows them:
 * the M/H/length word, vendor id and type of each, then the value of the IETF AVPs that carry one number, string
 * or byte string. A hidden AVP's value is encrypted with the tunnel secret and is not shown. AVPs of other vendors
 * show their type (Wireshark's per-vendor type field for the vendors it knows) and no value.
 */
final class L2tpAvps {
    static final FieldDef MANDATORY = Fields.flag("l2tp.avp.mandatory", "Mandatory", 16, 0x8000);
    static final FieldDef HIDDEN = Fields.flag("l2tp.avp.hidden", "Hidden", 16, 0x4000);
    static final FieldDef LENGTH = Fields.masked("l2tp.avp.length", "Length", 16, 0x03FF, Base.DEC);
    static final FieldDef VENDOR_ID = Fields.uint("l2tp.avp.vendor_id", "Vendor ID", 16);
    static final FieldDef TYPE = Fields.uint("l2tp.avp.type", "AVP Type", 16);
    static final FieldDef CISCO_TYPE = Fields.uint("l2tp.avp.ciscotype", "Type", 16);
    static final FieldDef ERICSSON_TYPE = Fields.uint("l2tp.avp.ericssontype", "Type", 16);
    static final FieldDef BROADBAND_TYPE = Fields.uint("l2tp.avp.broadbandtype", "Type", 16);
    static final FieldDef CABLELABS_TYPE = Fields.uint("l2tp.avp.cablelabstype", "Type", 16);
    static final FieldDef VENDOR_DATA = Fields.group("l2tp.vendor_specific_avp_data", "Vendor-Specific AVP data");
    static final FieldDef MESSAGE_TYPE = Fields.uint("l2tp.avp.message_type", "Message Type", 16, ValueNames.of(
            1, "Start_Control_Request", 2, "Start_Control_Reply", 3, "Start_Control_Connected",
            4, "Stop_Control_Notification", 6, "Hello", 7, "Outgoing_Call_Request", 8, "Outgoing_Call_Reply",
            9, "Outgoing_Call_Connected", 10, "Incoming_Call_Request", 11, "Incoming_Call_Reply",
            12, "Incoming_Call_Connected", 14, "Call_Disconnect_Notification", 15, "WAN_Error_Notify",
            16, "Set_Link_Info", 20, "Explicit_Acknowledgement"));
    static final FieldDef RESULT_CODE = Fields.uint("l2tp.result_code", "Result code", 16);
    static final FieldDef ERROR_CODE = Fields.uint("l2tp.avp.error_code", "Error code", 16);
    static final FieldDef ERROR_MESSAGE = Fields.string("l2tp.avp.error_message", "Error Message");
    static final FieldDef PROTOCOL_VERSION = Fields.uint("l2tp.avp.protocol_version", "Version", 8);
    static final FieldDef PROTOCOL_REVISION = Fields.uint("l2tp.avp.protocol_revision", "Revision", 8);
    static final FieldDef ASYNC_FRAMING_SUPPORTED =
            Fields.flag("l2tp.avp.async_framing_supported", "Async Framing Supported", 32, 0x2);
    static final FieldDef SYNC_FRAMING_SUPPORTED =
            Fields.flag("l2tp.avp.sync_framing_supported", "Sync Framing Supported", 32, 0x1);
    static final FieldDef ANALOG_ACCESS = Fields.flag("l2tp.avp.analog_access_supported", "Analog Access Supported",
            32, 0x2);
    static final FieldDef DIGITAL_ACCESS =
            Fields.flag("l2tp.avp.digital_access_supported", "Digital Access Supported", 32, 0x1);
    static final FieldDef TIE_BREAKER = Fields.hex("l2tp.tie_breaker", "Tie Breaker", 64);
    static final FieldDef FIRMWARE_REVISION = Fields.define("l2tp.avp.firmware_revision", "Firmware Revision",
            FieldType.UINT, Base.DEC_HEX, 16, 0, null, "");
    static final FieldDef HOST_NAME = Fields.string("l2tp.avp.host_name", "Host Name");
    static final FieldDef VENDOR_NAME = Fields.string("l2tp.avp.vendor_name", "Vendor Name");
    static final FieldDef ASSIGNED_TUNNEL_ID = Fields.uint("l2tp.avp.assigned_tunnel_id", "Assigned Tunnel ID", 16);
    static final FieldDef RECEIVE_WINDOW = Fields.uint("l2tp.avp.receive_window_size", "Receive Window Size", 16);
    static final FieldDef CHALLENGE = Fields.bytes("l2tp.avp.chap_challenge", "CHAP Challenge");
    static final FieldDef CHALLENGE_RESPONSE =
            Fields.bytes("l2tp.avp.chap_challenge_response", "CHAP Challenge Response");
    static final FieldDef ASSIGNED_SESSION_ID =
            Fields.uint("l2tp.avp.assigned_session_id", "Assigned Session ID", 16);
    static final FieldDef CALL_SERIAL = Fields.uint("l2tp.avp.call_serial_number", "Call Serial Number", 32);
    static final FieldDef MINIMUM_BPS = Fields.uint("l2tp.avp.minimum_bps", "Minimum BPS", 32);
    static final FieldDef MAXIMUM_BPS = Fields.uint("l2tp.avp.maximum_bps", "Maximum BPS", 32);
    static final FieldDef ANALOG_BEARER = Fields.flag("l2tp.avp.analog_bearer_type", "Analog Bearer Type", 32, 0x2);
    static final FieldDef DIGITAL_BEARER =
            Fields.flag("l2tp.avp.digital_bearer_type", "Digital Bearer Type", 32, 0x1);
    static final FieldDef ASYNC_FRAMING = Fields.flag("l2tp.avp.async_framing_type", "Async Framing Type", 32, 0x2);
    static final FieldDef SYNC_FRAMING = Fields.flag("l2tp.avp.sync_framing_type", "Sync Framing Type", 32, 0x1);
    static final FieldDef CALLED_NUMBER = Fields.string("l2tp.avp.called_number", "Called Number");
    static final FieldDef CALLING_NUMBER = Fields.string("l2tp.avp.calling_number", "Calling Number");
    static final FieldDef SUB_ADDRESS = Fields.string("l2tp.avp.sub_address", "Sub-Address");
    static final FieldDef CONNECT_SPEED = Fields.uint("l2tp.avp.connect_speed", "Connect Speed", 32);
    static final FieldDef PHYSICAL_CHANNEL = Fields.uint("l2tp.avp.physical_channel", "Physical Channel", 32);
    static final FieldDef PROXY_AUTHEN_TYPE = Fields.uint("l2tp.avp.proxy_authen_type", "Proxy Authen Type", 16);
    static final FieldDef PROXY_AUTHEN_NAME = Fields.string("l2tp.avp.proxy_authen_name", "Proxy Authen Name");
    static final FieldDef PROXY_AUTHEN_CHALLENGE =
            Fields.bytes("l2tp.avp.proxy_authen_challenge", "Proxy Authen Challenge");
    static final FieldDef PROXY_AUTHEN_RESPONSE =
            Fields.bytes("l2tp.avp.proxy_authen_response", "Proxy Authen Response");
    static final FieldDef SEND_ACCM = Fields.uint("l2tp.avp.send_accm", "Send ACCM", 32);
    static final FieldDef RECEIVE_ACCM = Fields.uint("l2tp.avp.receive_accm", "Receive ACCM", 32);
    static final FieldDef RANDOM_VECTOR = Fields.bytes("l2tp.avp.random_vector", "Random Vector");
    static final FieldDef PRIVATE_GROUP_ID = Fields.bytes("l2tp.avp.private_group_id", "Private Group ID");
    static final FieldDef RX_CONNECT_SPEED = Fields.uint("l2tp.avp.rx_connect_speed", "Rx Connect Speed", 32);
    static final FieldDef ROUTER_ID = Fields.uint("l2tp.avp.router_id", "Router ID", 32);
    static final FieldDef ASSIGNED_CCID = Fields.uint("l2tp.avp.assigned_control_conn_id",
            "Assigned Control Connection ID", 32);
    static final FieldDef LOCAL_SESSION_ID = Fields.uint("l2tp.avp.local_session_id", "Local Session ID", 32);
    static final FieldDef REMOTE_SESSION_ID = Fields.uint("l2tp.avp.remote_session_id", "Remote Session ID", 32);
    static final FieldDef ASSIGNED_COOKIE = Fields.bytes("l2tp.avp.assigned_cookie", "Assigned Cookie");
    static final FieldDef REMOTE_END_ID = Fields.string("l2tp.avp.remote_end_id", "Remote End ID");
    static final FieldDef PSEUDOWIRE_TYPE = Fields.uint("l2tp.avp.pseudowire_type", "Pseudowire Type", 16);
    static final FieldDef L2_SPECIFIC_SUBLAYER =
            Fields.uint("l2tp.avp.layer2_specific_sublayer", "Layer2 Specific Sublayer", 16);
    static final FieldDef DATA_SEQUENCING = Fields.uint("l2tp.avp.data_sequencing", "Data Sequencing", 16);
    static final FieldDef PREFERRED_LANGUAGE = Fields.string("l2tp.avp.preferred_language", "Preferred Language");
    static final FieldDef NONCE = Fields.bytes("l2tp.avp.nonce", "Nonce");
    // declared BASE_HEX in Wireshark 4.0, yet tshark prints these two in decimal: they are added as plain numbers
    static final FieldDef TX_SPEED_V3 = Fields.uint("l2tp.avp.tx_connect_speed_v3", "Tx Connect Speed v3", 64);
    static final FieldDef RX_SPEED_V3 = Fields.uint("l2tp.avp.rx_connect_speed_v3", "Rx Connect Speed v3", 64);

    static final int HEADER = 6;
    static final int VENDOR_IETF = 0, VENDOR_CISCO = 9, VENDOR_ERICSSON = 193, VENDOR_BROADBAND_FORUM = 3561,
            VENDOR_CABLELABS = 4491;

    /**
     * IETF AVP types Wireshark names but whose value it shows in a form not decoded here (cause codes, LCP
     * requests, call status, capability lists …): only their header is shown. Types outside this set and outside
     * {@link #value} are unknown to Wireshark, which shows their value as vendor-specific data.
     */
    private static boolean knownWithoutValue(int type) {
        return type == 12 || type == 20 || (type >= 26 && type <= 28) || type == 32 || type == 34
                || (type >= 39 && type <= 47) || type == 58 || type == 59 || type == 62 || type == 67 || type == 71;
    }

    private L2tpAvps() { }

    /** The AVPs in {@code [off, off+len)}. */
    static void decode(DecodeContext c, int off, int len) {
        int at = off, end = off + len;
        for (int n = 0; at < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " L2TP AVPs");
                return;
            }
            // Wireshark reads the whole 6-byte AVP header before showing any of it
            if (end - at < HEADER) {
                c.anomaly(Anomaly.Kind.TRUNCATED, at, "L2TP AVP header cut short at " + (end - at) + " bytes");
                return;
            }
            int word = c.u16(at);
            int avpLen = word & 0x03FF;
            if (avpLen < HEADER) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at, "L2TP AVP length " + avpLen + " below 6");
                return;
            }
            int vendor = c.u16(at + 2), type = c.u16(at + 4);
            c.out().addMasked(MANDATORY, word, at, 2);
            c.out().addMasked(HIDDEN, word, at, 2);
            c.out().addMasked(LENGTH, word, at, 2);
            int d = at + HEADER;
            int dlen = Math.min(avpLen, end - at) - HEADER;
            boolean hidden = (word & 0x4000) != 0;
            // a hidden IETF AVP shows only its first word: vendor and type are part of what the secret hides
            if (!hidden || vendor != VENDOR_IETF) c.add(VENDOR_ID, vendor, at + 2, 2);
            switch (vendor) {
                case VENDOR_IETF -> {
                    if (!hidden) {
                        c.add(TYPE, type, at + 4, 2);
                        if (!value(c, type, d, dlen) && !knownWithoutValue(type)) c.add(VENDOR_DATA, 0, d, dlen);
                    }
                }
                // Cisco's AVPs have values of their own, not decoded here
                case VENDOR_CISCO -> c.add(CISCO_TYPE, type, at + 4, 2);
                case VENDOR_ERICSSON -> vendorAvp(c, ERICSSON_TYPE, type, at, dlen);
                case VENDOR_BROADBAND_FORUM -> vendorAvp(c, BROADBAND_TYPE, type, at, dlen);
                case VENDOR_CABLELABS -> vendorAvp(c, CABLELABS_TYPE, type, at, dlen);
                default -> vendorAvp(c, TYPE, type, at, dlen);
            }
            if (avpLen > end - at) {
                c.anomaly(Anomaly.Kind.TRUNCATED, at, "L2TP AVP of " + avpLen + " bytes cut short at " + (end - at));
                return;
            }
            at += avpLen;
        }
    }

    /** The value of an IETF AVP with a plain value; false when the type has none decoded here. */
    private static boolean value(DecodeContext c, int type, int d, int dlen) {
        switch (type) {
            case 0 -> u16(c, MESSAGE_TYPE, d, dlen);
            case 1 -> {
                if (dlen >= 2) c.add(RESULT_CODE, c.u16(d), d, 2);
                if (dlen >= 4) c.add(ERROR_CODE, c.u16(d + 2), d + 2, 2);
                if (dlen > 4) c.ref(ERROR_MESSAGE, d + 4, dlen - 4);
            }
            case 2 -> {
                if (dlen >= 2) {
                    c.add(PROTOCOL_VERSION, c.u8(d), d, 1);
                    c.add(PROTOCOL_REVISION, c.u8(d + 1), d + 1, 1);
                }
            }
            case 3 -> bits(c, ASYNC_FRAMING_SUPPORTED, SYNC_FRAMING_SUPPORTED, d, dlen);
            case 4 -> bits(c, ANALOG_ACCESS, DIGITAL_ACCESS, d, dlen);
            case 5 -> {
                if (dlen >= 8) c.add(TIE_BREAKER, c.u64(d), d, 8);
            }
            case 6 -> u16(c, FIRMWARE_REVISION, d, dlen);
            case 7 -> c.ref(HOST_NAME, d, dlen);
            case 8 -> c.ref(VENDOR_NAME, d, dlen);
            case 9 -> u16(c, ASSIGNED_TUNNEL_ID, d, dlen);
            case 10 -> u16(c, RECEIVE_WINDOW, d, dlen);
            case 11 -> c.ref(CHALLENGE, d, dlen);
            case 13 -> c.ref(CHALLENGE_RESPONSE, d, dlen);
            case 14 -> u16(c, ASSIGNED_SESSION_ID, d, dlen);
            case 15 -> u32(c, CALL_SERIAL, d, dlen);
            case 16 -> u32(c, MINIMUM_BPS, d, dlen);
            case 17 -> u32(c, MAXIMUM_BPS, d, dlen);
            case 18 -> bits(c, ANALOG_BEARER, DIGITAL_BEARER, d, dlen);
            case 19 -> bits(c, ASYNC_FRAMING, SYNC_FRAMING, d, dlen);
            case 21 -> c.ref(CALLED_NUMBER, d, dlen);
            case 22 -> c.ref(CALLING_NUMBER, d, dlen);
            case 23 -> c.ref(SUB_ADDRESS, d, dlen);
            case 24 -> u32(c, CONNECT_SPEED, d, dlen);
            case 25 -> u32(c, PHYSICAL_CHANNEL, d, dlen);
            case 29 -> u16(c, PROXY_AUTHEN_TYPE, d, dlen);
            case 30 -> c.ref(PROXY_AUTHEN_NAME, d, dlen);
            case 31 -> c.ref(PROXY_AUTHEN_CHALLENGE, d, dlen);
            case 33 -> c.ref(PROXY_AUTHEN_RESPONSE, d, dlen);
            case 35 -> {
                // two reserved octets, then the send and receive ACCM (RFC 2661 §4.4.6)
                if (dlen >= 10) {
                    c.add(SEND_ACCM, c.u32(d + 2), d + 2, 4);
                    c.add(RECEIVE_ACCM, c.u32(d + 6), d + 6, 4);
                }
            }
            case 36 -> c.ref(RANDOM_VECTOR, d, dlen);
            case 37 -> c.ref(PRIVATE_GROUP_ID, d, dlen);
            case 38 -> u32(c, RX_CONNECT_SPEED, d, dlen);
            case 60 -> u32(c, ROUTER_ID, d, dlen);
            case 61 -> u32(c, ASSIGNED_CCID, d, dlen);
            case 63 -> u32(c, LOCAL_SESSION_ID, d, dlen);
            case 64 -> u32(c, REMOTE_SESSION_ID, d, dlen);
            case 65 -> c.ref(ASSIGNED_COOKIE, d, dlen);
            case 66 -> c.ref(REMOTE_END_ID, d, dlen);
            case 68 -> u16(c, PSEUDOWIRE_TYPE, d, dlen);
            case 69 -> u16(c, L2_SPECIFIC_SUBLAYER, d, dlen);
            case 70 -> u16(c, DATA_SEQUENCING, d, dlen);
            case 72 -> c.ref(PREFERRED_LANGUAGE, d, dlen);
            case 73 -> c.ref(NONCE, d, dlen);
            case 74 -> {
                if (dlen >= 8) c.add(TX_SPEED_V3, c.u64(d), d, 8);
            }
            case 75 -> {
                if (dlen >= 8) c.add(RX_SPEED_V3, c.u64(d), d, 8);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void vendorAvp(DecodeContext c, FieldDef typeField, int type, int at, int dlen) {
        c.add(typeField, type, at + 4, 2);
        c.add(VENDOR_DATA, 0, at + HEADER, dlen);
    }

    private static void u16(DecodeContext c, FieldDef f, int d, int dlen) {
        if (dlen >= 2) c.add(f, c.u16(d), d, 2);
    }

    private static void u32(DecodeContext c, FieldDef f, int d, int dlen) {
        if (dlen >= 4) c.add(f, c.u32(d), d, 4);
    }

    private static void bits(DecodeContext c, FieldDef hi, FieldDef lo, int d, int dlen) {
        if (dlen < 4) return;
        long v = c.u32(d);
        c.out().addMasked(hi, v, d, 4);
        c.out().addMasked(lo, v, d, 4);
    }
}
