package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The security header of a protected 802.11 frame as Wireshark 4.0 shows it without keys: WEP (IV, key index, the
 * ICV at the end) or, with the Extended IV bit, TKIP or CCMP (the 48-bit packet number as text, key index). The
 * encrypted payload stays opaque: it becomes Raw data.
 */
final class WlanSecurity {
    static final FieldDef WEP_IV = Fields.hex("wlan.wep.iv", "Initialization Vector", 24);
    static final FieldDef WEP_KEY = Fields.uint("wlan.wep.key", "Key Index", 8);
    static final FieldDef WEP_ICV = Fields.hex("wlan.wep.icv", "WEP ICV", 32);
    static final FieldDef TKIP_EXTIV = Fields.string("wlan.tkip.extiv", "TKIP Ext. Initialization Vector");
    static final FieldDef CCMP_EXTIV = Fields.string("wlan.ccmp.extiv", "CCMP Ext. Initialization Vector");

    private static final int EXT_IV = 0x20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WlanSecurity() { }

    /** Decodes the security header after the MAC header ({@code hdr} bytes at {@code off}); returns the header length. */
    static int decode(DecodeContext c, int off, int hdr, int end) {
        int at = off + hdr;
        if (at + 4 > end) return c.truncated(end - off, "protected 802.11 frame shorter than its IV");
        int keyByte = c.u8(at + 3);
        if ((keyByte & EXT_IV) == 0) {
            c.add(WEP_IV, c.u24(at), at, 3);
            c.add(WEP_KEY, keyByte >> 6, at + 3, 1);
            if (at + 8 > end) return c.truncated(end - off, "WEP frame shorter than its ICV");
            c.add(WEP_ICV, c.u32(end - 4), end - 4, 4);
            c.nextRaw(end - 4 - (at + 4));
            return hdr + 4;
        }
        if (at + 8 > end) return c.truncated(end - off, "protected 802.11 frame shorter than its extended IV");
        int b0 = c.u8(at), b1 = c.u8(at + 1);
        // TKIP repeats the TSC1 octet, with bit 5 set, as its "WEP seed"; CCMP has a reserved zero octet there
        boolean tkip = b1 == ((b0 | 0x20) & 0x7F);
        long pn = (c.u32le(at + 4) << 16) | (tkip ? (c.u8(at) << 8) | c.u8(at + 2) : (b1 << 8) | b0);
        StringBuilder sb = new StringBuilder(14).append("0x");
        for (int k = 11; k >= 0; k--) sb.append(HEX[(int) (pn >>> (4 * k)) & 0xF]);
        c.out().addObject(tkip ? TKIP_EXTIV : CCMP_EXTIV, sb.toString(), at, 8);
        c.add(WEP_KEY, keyByte >> 6, at + 3, 1);
        c.nextRaw(end - (at + 8));
        return hdr + 8;
    }
}
