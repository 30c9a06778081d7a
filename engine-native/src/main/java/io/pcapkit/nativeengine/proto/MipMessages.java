package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The Proxy Mobile IPv6 messages of the Mobility Header: Binding Revocation Indication and Acknowledgement
 * (RFC 5846) and Localized Routing Initiation and Acknowledgement (RFC 6705). Each returns where its options start,
 * from the Mobility Header's offset, or -1 when its fixed part is cut short.
 */
final class MipMessages {
    static final FieldDef BRI_BRTYPE = Fields.uint("mip6.bri_br.type", "B.R. Type", 8);
    static final FieldDef BRI_RTRIGGER = Fields.uint("mip6.bri_r.trigger", "R. Trigger", 8);
    static final FieldDef BRI_STATUS = Fields.uint("mip6.bri_status", "Status", 8);
    static final FieldDef BRI_SEQNR = Fields.uint("mip6.bri_seqnr", "Sequence Number", 16);
    static final FieldDef BRI_IP = Fields.flag("mip6.bri_ip", "Proxy Binding (P) Flag", 16, 0x8000);
    static final FieldDef BRI_IV = Fields.flag("mip6.bri_iv", "IPv4 HoA Binding Only (V) Flag", 16, 0x4000);
    static final FieldDef BRI_IG = Fields.flag("mip6.bri_ig", "Global (G) Flag", 16, 0x2000);
    static final FieldDef BRI_AP = Fields.flag("mip6.bri_ap", "Proxy Binding (P) Flag", 16, 0x8000);
    static final FieldDef BRI_AV = Fields.flag("mip6.bri_av", "IPv4 HoA Binding Only (V) Flag", 16, 0x4000);
    static final FieldDef BRI_AG = Fields.flag("mip6.bri_ag", "Global (G) Flag", 16, 0x2000);
    static final FieldDef BRI_RES = Fields.masked("mip6.bri_res", "Reserved", 16, 0x1FFF, Base.HEX);
    static final FieldDef LRI_SEQUENCE = Fields.uint("mip6.lri.sequence", "Sequence", 16);
    static final FieldDef LRI_RESERVED = Fields.hex("mip6.lri.reserved", "Reserved", 16);
    static final FieldDef LRI_LIFETIME = Fields.hex("mip6.lri.lifetime", "Lifetime", 16);
    static final FieldDef LRA_SEQUENCE = Fields.uint("mip6.lra.sequence", "Sequence", 16);
    static final FieldDef LRA_U = Fields.flag("mip6.lri.unsolicited", "unsolicited", 8, 0x80);
    static final FieldDef LRA_RESERVED = Fields.masked("mip6.lra.reserved", "Reserved", 8, 0x7F, Base.HEX);
    static final FieldDef LRA_STATUS = Fields.uint("mip6.lra.status", "Status", 8);
    static final FieldDef LRA_LIFETIME = Fields.hex("mip6.lra.lifetime", "Lifetime", 16);

    static final int INDICATION = 1, ACKNOWLEDGE = 2;

    private MipMessages() { }

    /** Binding Revocation: the revocation type picks Indication's or Acknowledgement's fields; others show none. */
    static int revocation(DecodeContext c, int d, int end) {
        if (!Mipv6Decoder.has(end, d, 1)) return -1;
        int type = c.u8(d);
        if (type != INDICATION && type != ACKNOWLEDGE) return 12;
        if (!Mipv6Decoder.has(end, d, 6)) return -1;
        c.add(BRI_BRTYPE, type, d, 1);
        c.add(type == INDICATION ? BRI_RTRIGGER : BRI_STATUS, c.u8(d + 1), d + 1, 1);
        c.add(BRI_SEQNR, c.u16(d + 2), d + 2, 2);
        int flags = c.u16(d + 4);
        c.out().addMasked(type == INDICATION ? BRI_IP : BRI_AP, flags, d + 4, 2);
        c.out().addMasked(type == INDICATION ? BRI_IV : BRI_AV, flags, d + 4, 2);
        c.out().addMasked(type == INDICATION ? BRI_IG : BRI_AG, flags, d + 4, 2);
        c.out().addMasked(BRI_RES, flags, d + 4, 2);
        return 12;
    }

    /*
     * tshark 4.0 reads both localized routing messages from the start of the Mobility Header (its proto, length,
     * type, reserved and checksum bytes) and the options right after those six bytes: so does pcapkit, to agree.
     */
    static int lri(DecodeContext c, int d, int end) {
        d -= 6;
        if (!Mipv6Decoder.has(end, d, 6)) return -1;
        c.add(LRI_SEQUENCE, c.u16(d), d, 2);
        c.add(LRI_RESERVED, c.u16(d + 2), d + 2, 2);
        c.add(LRI_LIFETIME, c.u16(d + 4), d + 4, 2);
        return 6;
    }

    static int lra(DecodeContext c, int d, int end) {
        d -= 6;
        if (!Mipv6Decoder.has(end, d, 6)) return -1;
        c.add(LRA_SEQUENCE, c.u16(d), d, 2);
        c.out().addMasked(LRA_U, c.u8(d + 2), d + 2, 1);
        c.out().addMasked(LRA_RESERVED, c.u8(d + 2), d + 2, 1);
        c.add(LRA_STATUS, c.u8(d + 3), d + 3, 1);
        c.add(LRA_LIFETIME, c.u16(d + 4), d + 4, 2);
        return 6;
    }
}
