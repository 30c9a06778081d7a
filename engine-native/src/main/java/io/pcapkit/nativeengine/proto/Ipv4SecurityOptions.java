package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The IPv4 security options: Security (RFC 791's 11-byte form, else RFC 1108), Extended Security (RFC 1108) and
 * the Commercial IP Security Option (CIPSO, draft-ietf-cipso-ipsecurity / FIPS 188), decoded as Wireshark 4.0
 * decodes them. These options are rare, so building CIPSO's category list as a String is acceptable here.
 */
final class Ipv4SecurityOptions {
    static final FieldDef SEC_RFC791 = Fields.hex("ip.opt.sec_rfc791_sec", "Security", 16);
    static final FieldDef SEC_RFC791_COMP = Fields.uint("ip.opt.sec_rfc791_comp", "Compartments", 16);
    static final FieldDef SEC_RFC791_HR = Fields.string("ip.opt.sec_rfc791_hr", "Handling Restrictions");
    static final FieldDef SEC_RFC791_TCC = Fields.string("ip.opt.sec_rfc791_tcc", "Transmission Control Code");
    static final FieldDef SEC_CL = Fields.hex("ip.opt.sec_cl", "Classification Level", 8);
    static final FieldDef PROT_AUTH = Fields.hex("ip.opt.sec_prot_auth_flags", "Protection Authority Flags", 8);
    static final FieldDef PA_GENSER = Fields.flag("ip.opt.sec_prot_auth_genser", "GENSER", 8, 0x80);
    static final FieldDef PA_SIOP = Fields.flag("ip.opt.sec_prot_auth_siop_esi", "SIOP-ESI", 8, 0x40);
    static final FieldDef PA_SCI = Fields.flag("ip.opt.sec_prot_auth_sci", "SCI", 8, 0x20);
    static final FieldDef PA_NSA = Fields.flag("ip.opt.sec_prot_auth_nsa", "NSA", 8, 0x10);
    static final FieldDef PA_DOE = Fields.flag("ip.opt.sec_prot_auth_doe", "DOE", 8, 0x08);
    static final FieldDef PA_UNASSIGNED = Fields.masked("ip.opt.sec_prot_auth_unassigned", "Unassigned", 8, 0x06,
            Base.HEX);
    static final FieldDef PA_FTI = Fields.flag("ip.opt.sec_prot_auth_fti", "Field Termination Indicator", 8, 0x01);
    static final FieldDef ESEC_FORMAT = Fields.hex("ip.opt.ext_sec_add_sec_info_format_code",
            "Additional Security Info Format Code", 8);
    static final FieldDef ESEC_INFO = Fields.bytes("ip.opt.ext_sec_add_sec_info", "Additional Security Info");
    static final FieldDef CIPSO_DOI = Fields.uint("ip.cipso.doi", "DOI", 32);
    static final FieldDef CIPSO_TAG_TYPE = Fields.uint("ip.cipso.tag_type", "Tag Type", 8);
    static final FieldDef CIPSO_LEVEL = Fields.uint("ip.cipso.sensitivity_level", "Sensitivity Level", 8);
    static final FieldDef CIPSO_CATEGORIES = Fields.string("ip.cipso.categories", "Categories");
    static final FieldDef CIPSO_TAG_DATA = Fields.bytes("ip.cipso.tag_data", "Tag data");

    /** Longest CIPSO tag: a 60-byte header less the fixed 20 and CIPSO's own 6. */
    private static final int CIPSO_TAG_LEN_MAX = 34;

    private Ipv4SecurityOptions() { }

    static void decode(DecodeContext c, int type, int p, int olen) {
        switch (type) {
            case Ipv4Options.SEC -> security(c, p, olen);
            case Ipv4Options.ESEC -> {
                c.add(ESEC_FORMAT, c.u8(p + 2), p + 2, 1);
                if (olen > 3) c.ref(ESEC_INFO, p + 3, olen - 3);
            }
            default -> cipso(c, p, olen);
        }
    }

    private static void security(DecodeContext c, int p, int olen) {
        if (olen == 11 && isRfc791Level(c.u16(p + 2))) {
            c.add(SEC_RFC791, c.u16(p + 2), p + 2, 2);
            c.add(SEC_RFC791_COMP, c.u16(p + 4), p + 4, 2);
            c.ref(SEC_RFC791_HR, p + 6, textLength(c, p + 6, 2));
            c.ref(SEC_RFC791_TCC, p + 8, textLength(c, p + 8, 3));
            return;
        }
        c.add(SEC_CL, c.u8(p + 2), p + 2, 1);
        // RFC 1108 protection authority bytes: each says by its low bit whether another follows
        for (int q = p + 3, end = p + olen; q < end; q++) {
            int v = c.u8(q);
            c.out().beginGroup(PROT_AUTH, v, q, 1);
            c.out().addMasked(PA_GENSER, v, q, 1);
            c.out().addMasked(PA_SIOP, v, q, 1);
            c.out().addMasked(PA_SCI, v, q, 1);
            c.out().addMasked(PA_NSA, v, q, 1);
            c.out().addMasked(PA_DOE, v, q, 1);
            c.out().addMasked(PA_UNASSIGNED, v, q, 1);
            c.out().addMasked(PA_FTI, v, q, 1);
            c.out().endGroup();
            if ((v & 1) == 0) break;
        }
    }

    /** RFC 791's sixteen security levels (the 16-bit codes of its Security field). */
    private static boolean isRfc791Level(int v) {
        return switch (v) {
            case 0x0000, 0xF135, 0x789A, 0xBC4D, 0x5E26, 0xAF13, 0xD788, 0x6BC5, 0x35E2, 0x9AF1, 0x4D78, 0x24BD,
                 0x135E, 0x89AF, 0xC4D6, 0xE26B -> true;
            default -> false;
        };
    }

    /** Wireshark shows an ASCII field up to its first NUL. */
    private static int textLength(DecodeContext c, int at, int max) {
        int n = 0;
        while (n < max && c.u8(at + n) != 0) n++;
        return n;
    }

    private static void cipso(DecodeContext c, int p, int olen) {
        int end = p + olen;
        c.add(CIPSO_DOI, c.u32(p + 2), p + 2, 4);
        int q = p + 6;
        for (int tags = 0; q < end && tags < c.maxOptions(); tags++) {
            int tagType = c.u8(q);
            c.add(CIPSO_TAG_TYPE, tagType, q, 1);
            int tagLen = q + 1 < end ? c.u8(q + 1) : 1;
            if (tagType == 0) {
                q++;
                continue;
            }
            if (tagType != 1 && tagType != 2 && tagType != 5 && tagType != 6 && tagType != 7) return;
            int min = tagType == 7 ? 2 : 4;
            if (tagLen < min || tagLen > CIPSO_TAG_LEN_MAX || q + tagLen - 1 > end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, q, "malformed CIPSO tag " + tagType + " of length " + tagLen);
                return;
            }
            if (tagType == 6 || tagType == 7) {
                c.ref(CIPSO_TAG_DATA, q + 2, Math.min(tagLen - 2, end - q - 2));
                q += tagLen;
                continue;
            }
            c.add(CIPSO_LEVEL, c.u8(q + 3), q + 3, 1);
            int cats = q + 4, catLen = Math.min(tagLen - 4, end - cats);
            if (tagLen > 4) c.out().addObject(CIPSO_CATEGORIES, categories(c, tagType, cats, catLen), cats, catLen);
            q += tagLen;
        }
    }

    /** The category list as Wireshark prints it: bit numbers (tag 1), values (tag 2) or high-low ranges (tag 5). */
    private static String categories(DecodeContext c, int tagType, int at, int len) {
        StringBuilder sb = new StringBuilder();
        if (tagType == 1) {
            for (int i = 0; i < len; i++) {
                int b = c.u8(at + i);
                for (int bit = 0; bit < 8; bit++) {
                    if ((b & (0x80 >>> bit)) != 0) sep(sb).append(i * 8 + bit);
                }
            }
        } else if (tagType == 2) {
            for (int i = 0; i + 2 <= len; i += 2) sep(sb).append(c.u16(at + i));
        } else {
            for (int i = 0; i + 2 <= len; ) {
                int high = c.u16(at + i);
                int low = 0;
                if (i + 4 <= len) {
                    low = c.u16(at + i + 2);
                    i += 4;
                } else {
                    i += 2;
                }
                sep(sb).append(high);
                if (low != high) sb.append('-').append(low);
            }
        }
        return sb.toString();
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append(',');
    }
}
