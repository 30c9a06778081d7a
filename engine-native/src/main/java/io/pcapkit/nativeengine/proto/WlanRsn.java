package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The RSN information element (802.11-2016 9.4.2.25) as Wireshark 4.0 shows it: version, group cipher suite,
 * pairwise cipher suites, AKM suites (each suite as OUI and type, the whole printed as one 32-bit number) and the
 * RSN capabilities. Suite counts are bounded by the element's own length.
 */
final class WlanRsn {
    static final FieldDef VERSION = Fields.uint("wlan.rsn.version", "RSN Version", 16);
    static final FieldDef GCS = Fields.uint("wlan.rsn.gcs", "Group Cipher Suite", 32);
    static final FieldDef GCS_OUI = Fields.uint("wlan.rsn.gcs.oui", "Group Cipher Suite OUI", 24);
    static final FieldDef GCS_TYPE = Fields.uint("wlan.rsn.gcs.type", "Group Cipher Suite type", 8);
    static final FieldDef PCS_COUNT = Fields.uint("wlan.rsn.pcs.count", "Pairwise Cipher Suite Count", 16);
    static final FieldDef PCS_LIST = Fields.group("wlan.rsn.pcs.list", "Pairwise Cipher Suite List");
    static final FieldDef PCS = Fields.uint("wlan.rsn.pcs", "Pairwise Cipher Suite", 32);
    static final FieldDef PCS_OUI = Fields.uint("wlan.rsn.pcs.oui", "Pairwise Cipher Suite OUI", 24);
    static final FieldDef PCS_TYPE = Fields.uint("wlan.rsn.pcs.type", "Pairwise Cipher Suite type", 8);
    static final FieldDef AKMS_COUNT = Fields.uint("wlan.rsn.akms.count", "Auth Key Management (AKM) Suite Count", 16);
    static final FieldDef AKMS_LIST = Fields.group("wlan.rsn.akms.list", "Auth Key Management (AKM) List");
    static final FieldDef AKMS = Fields.uint("wlan.rsn.akms", "Auth Key Management (AKM) Suite", 32);
    static final FieldDef AKMS_OUI = Fields.uint("wlan.rsn.akms.oui", "Auth Key Management (AKM) OUI", 24);
    static final FieldDef AKMS_TYPE = Fields.uint("wlan.rsn.akms.type", "Auth Key Management (AKM) type", 8);
    static final FieldDef CAPABILITIES = Fields.hex("wlan.rsn.capabilities", "RSN Capabilities", 16);
    static final FieldDef[] CAPABILITY_BITS = RadiotapFields.bits("wlan.rsn.capabilities.", 16, "preauth",
            "no_pairwise");
    static final FieldDef PTKSA = Fields.masked("wlan.rsn.capabilities.ptksa_replay_counter",
            "RSN PTKSA Replay Counter", 16, 0x000C, Base.HEX);
    static final FieldDef GTKSA = Fields.masked("wlan.rsn.capabilities.gtksa_replay_counter",
            "RSN GTKSA Replay Counter", 16, 0x0030, Base.HEX);
    static final FieldDef[] CAPABILITY_BITS_HIGH = {Fields.flag("wlan.rsn.capabilities.mfpr", "MFPR", 16, 0x40),
            Fields.flag("wlan.rsn.capabilities.mfpc", "MFPC", 16, 0x80),
            Fields.flag("wlan.rsn.capabilities.jmr", "Joint Multi-band RSNA", 16, 0x100),
            Fields.flag("wlan.rsn.capabilities.peerkey", "PeerKey Enabled", 16, 0x200),
            Fields.flag("wlan.rsn.capabilities.extended_key_id_iaf", "Extended Key ID", 16, 0x2000)};

    private WlanRsn() { }

    static void decode(DecodeContext c, int at, int len) {
        int end = at + len;
        if (at + 2 > end) return;
        c.add(VERSION, c.u16le(at), at, 2);
        at += 2;
        if (at + 4 > end) return;
        suite(c, GCS, GCS_OUI, GCS_TYPE, at);
        at += 4;
        at = suites(c, at, end, PCS_COUNT, PCS_LIST, PCS, PCS_OUI, PCS_TYPE);
        if (at < 0) return;
        at = suites(c, at, end, AKMS_COUNT, AKMS_LIST, AKMS, AKMS_OUI, AKMS_TYPE);
        if (at < 0 || at + 2 > end) return;
        int cap = c.u16le(at);
        c.add(CAPABILITIES, cap, at, 2);
        RadiotapFields.addBits(c, CAPABILITY_BITS, cap, at, 2);
        c.out().addMasked(PTKSA, cap, at, 2);
        c.out().addMasked(GTKSA, cap, at, 2);
        RadiotapFields.addBits(c, CAPABILITY_BITS_HIGH, cap, at, 2);
    }

    /** A count and that many 4-byte suites; -1 when the element ends first. */
    private static int suites(DecodeContext c, int at, int end, FieldDef countDef, FieldDef listDef, FieldDef def,
                              FieldDef ouiDef, FieldDef typeDef) {
        if (at + 2 > end) return -1;
        int count = c.u16le(at);
        c.add(countDef, count, at, 2);
        at += 2;
        if (at + 4L * count > end) return -1;
        c.out().beginGroup(listDef, at, 4 * count);
        for (int i = 0; i < count; i++, at += 4) suite(c, def, ouiDef, typeDef, at);
        c.out().endGroup();
        return at;
    }

    private static void suite(DecodeContext c, FieldDef def, FieldDef ouiDef, FieldDef typeDef, int at) {
        c.out().beginGroup(def, c.u32(at), at, 4);
        c.add(ouiDef, c.u24(at), at, 3);
        c.add(typeDef, c.u8(at + 3), at + 3, 1);
        c.out().endGroup();
    }
}
