package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The tagged parameters (information elements) of an 802.11 management body, as Wireshark 4.0 shows them: every
 * tag's number and length, and the contents of SSID, Supported / Extended Supported Rates, DS Parameter, TIM,
 * Country, Power Constraint, ERP, RSN (version, cipher suites, AKM suites, capabilities) and the vendor-specific
 * tag's OUI and type. Other tags show number and length only. At most {@link DecodeContext#MAX_OPTIONS} tags.
 */
final class WlanTags {
    static final FieldDef TAGGED_ALL = Fields.group("wlan.tagged.all", "Tagged parameters");
    static final FieldDef TAG = Fields.group("wlan.tag", "Tag");
    static final FieldDef NUMBER = Fields.uint("wlan.tag.number", "Tag Number", 8);
    static final FieldDef LENGTH = Fields.uint("wlan.tag.length", "Tag length", 32);
    static final FieldDef SSID = Fields.bytes("wlan.ssid", "SSID");
    static final FieldDef RATES = Fields.hex("wlan.supported_rates", "Supported Rates", 8);
    static final FieldDef EXT_RATES = Fields.hex("wlan.extended_supported_rates", "Extended Supported Rates", 8);
    static final FieldDef DS_CHANNEL = Fields.uint("wlan.ds.current_channel", "Current Channel", 8);
    static final FieldDef TIM_DTIM_COUNT = Fields.uint("wlan.tim.dtim_count", "DTIM count", 8);
    static final FieldDef TIM_DTIM_PERIOD = Fields.uint("wlan.tim.dtim_period", "DTIM period", 8);
    static final FieldDef TIM_BMAPCTL = Fields.hex("wlan.tim.bmapctl", "Bitmap control", 8);
    static final FieldDef TIM_MULTICAST = Fields.flag("wlan.tim.bmapctl.multicast", "Multicast", 8, 0x01);
    static final FieldDef TIM_OFFSET = Fields.masked("wlan.tim.bmapctl.offset", "Bitmap Offset", 8, 0xFE, Base.HEX);
    static final FieldDef TIM_BITMAP = Fields.bytes("wlan.tim.partial_virtual_bitmap", "Partial Virtual Bitmap");
    static final FieldDef COUNTRY_CODE = Fields.string("wlan.country_info.code", "Code");
    static final FieldDef COUNTRY_ENV = Fields.uint("wlan.country_info.environment", "Environment", 8);
    static final FieldDef COUNTRY_FNM = Fields.group("wlan.country_info.fnm", "Country Info");
    static final FieldDef COUNTRY_FCN = Fields.uint("wlan.country_info.fnm.fcn", "First Channel Number", 8);
    static final FieldDef COUNTRY_NC = Fields.uint("wlan.country_info.fnm.nc", "Number of Channels", 8);
    static final FieldDef COUNTRY_MTPL = RadiotapFields.int8("wlan.country_info.fnm.mtpl", "Maximum Transmit Power Level");
    static final FieldDef POWERCON = Fields.uint("wlan.powercon.local", "Local Power Constraint", 8);
    static final FieldDef ERP = Fields.hex("wlan.erp_info", "ERP Information", 8);
    static final FieldDef[] ERP_BITS = RadiotapFields.bits("wlan.erp_info.", 8, "erp_present", "use_protection",
            "barker_preamble_mode");
    static final FieldDef ERP_RESERVED = Fields.masked("wlan.erp_info.reserved", "Reserved", 8, 0xF8, Base.HEX);
    static final FieldDef OUI = Fields.uint("wlan.tag.oui", "OUI", 24);
    static final FieldDef VENDOR_TYPE = Fields.uint("wlan.tag.vendor.oui.type", "Vendor Specific OUI Type", 8);

    static final int SSID_TAG = 0, RATES_TAG = 1, DS_TAG = 3, TIM_TAG = 5, COUNTRY_TAG = 7, POWERCON_TAG = 32,
            ERP_TAG = 42, RSN_TAG = 48, EXT_RATES_TAG = 50, VENDOR_TAG = 221;
    /** Country triplets whose first octet is this or more are operating-class triplets, not channel ranges. */
    private static final int OPERATING_EXTENSION = 201;

    private WlanTags() { }

    static void decode(DecodeContext c, int at, int left) {
        if (left < 2) return;
        c.out().beginGroup(TAGGED_ALL, at, left);
        for (int n = 0; left >= 2; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " tagged parameters");
                break;
            }
            int tag = c.u8(at), len = c.u8(at + 1);
            c.out().beginGroup(TAG, at, 2 + Math.min(len, left - 2));
            c.add(NUMBER, tag, at, 1);
            c.add(LENGTH, len, at + 1, 1);
            if (len > left - 2) {
                c.out().endGroup();
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at + 1, "tag " + tag + " length " + len + " goes past the "
                        + (left - 2) + " bytes left");
                break;
            }
            content(c, tag, at + 2, len);
            c.out().endGroup();
            at += 2 + len;
            left -= 2 + len;
        }
        c.out().endGroup();
    }

    private static void content(DecodeContext c, int tag, int at, int len) {
        switch (tag) {
            case SSID_TAG -> {
                // Wireshark shows the broadcast (wildcard) SSID as this text, not as empty bytes
                if (len == 0) c.out().addObject(SSID, "<MISSING>", at, 0);
                else c.ref(SSID, at, len);
            }
            case RATES_TAG, EXT_RATES_TAG -> {
                FieldDef f = tag == RATES_TAG ? RATES : EXT_RATES;
                for (int i = 0; i < len; i++) c.add(f, c.u8(at + i), at + i, 1);
            }
            case DS_TAG -> { if (len == 1) c.add(DS_CHANNEL, c.u8(at), at, 1); }
            case TIM_TAG -> {
                if (len < 4) return;
                c.add(TIM_DTIM_COUNT, c.u8(at), at, 1);
                c.add(TIM_DTIM_PERIOD, c.u8(at + 1), at + 1, 1);
                int ctl = c.u8(at + 2);
                c.add(TIM_BMAPCTL, ctl, at + 2, 1);
                c.out().addMasked(TIM_MULTICAST, ctl, at + 2, 1);
                c.out().addMasked(TIM_OFFSET, ctl, at + 2, 1);
                c.ref(TIM_BITMAP, at + 3, len - 3);
            }
            case COUNTRY_TAG -> country(c, at, len);
            case POWERCON_TAG -> { if (len == 1) c.add(POWERCON, c.u8(at), at, 1); }
            case ERP_TAG -> {
                if (len != 1) return;
                int erp = c.u8(at);
                c.add(ERP, erp, at, 1);
                RadiotapFields.addBits(c, ERP_BITS, erp, at, 1);
                c.out().addMasked(ERP_RESERVED, erp, at, 1);
            }
            case RSN_TAG -> WlanRsn.decode(c, at, len);
            case VENDOR_TAG -> {
                if (len < 3) return;
                c.add(OUI, c.u24(at), at, 3);
                if (len >= 4) c.add(VENDOR_TYPE, c.u8(at + 3), at + 3, 1);
            }
            default -> { } // number and length only
        }
    }

    private static void country(DecodeContext c, int at, int len) {
        if (len < 3) return;
        c.ref(COUNTRY_CODE, at, 2);
        c.add(COUNTRY_ENV, c.u8(at + 2), at + 2, 1);
        for (int i = 3; i + 3 <= len; i += 3) {
            if (c.u8(at + i) >= OPERATING_EXTENSION) return;
            c.out().beginGroup(COUNTRY_FNM, at + i, 3);
            c.add(COUNTRY_FCN, c.u8(at + i), at + i, 1);
            c.add(COUNTRY_NC, c.u8(at + i + 1), at + i + 1, 1);
            c.add(COUNTRY_MTPL, (byte) c.u8(at + i + 2), at + i + 2, 1);
            c.out().endGroup();
        }
    }
}
