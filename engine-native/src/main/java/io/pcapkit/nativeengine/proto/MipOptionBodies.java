package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * What each mobility option carries, named as Wireshark 4.0 names it. {@code o} is the option's offset (its type
 * byte) and {@code n} its length with the type and length bytes; a field that does not fit the option is left out.
 */
final class MipOptionBodies {
    static final FieldDef PADN = Fields.bytes("mip6.padn", "PadN");
    static final FieldDef BRA = Fields.uint("mip6.bra.interval", "Refresh interval", 16);
    static final FieldDef ACOA = Fields.ipv6("mip6.acoa.acoa", "Alternate care-of address");
    static final FieldDef NI_HNI = Fields.uint("mip6.ni.hni", "Home nonce index", 16);
    static final FieldDef NI_CNI = Fields.uint("mip6.ni.cni", "Care-of nonce index", 16);
    static final FieldDef BAD_AUTH = Fields.bytes("mip6.bad.auth", "Authenticator");
    static final FieldDef MNP_PFL = Fields.uint("mip6.nemo.mnp.pfl", "Mobile Network Prefix Length", 8);
    static final FieldDef MNP = Fields.ipv6("mip6.nemo.mnp.mnp", "Mobile Network Prefix");
    static final FieldDef LLA_OPTCODE = Fields.uint("mip6.lla.optcode", "Option-Code", 8);
    // FT_BYTES that tshark prints with colons between the bytes: kept as that text
    static final FieldDef LLA = Fields.string("mip6.lla", "Link-layer address");
    static final FieldDef MNID_SUBTYPE = Fields.uint("mip6.mnid.subtype", "Subtype", 8);
    static final FieldDef MNID_ID = Fields.string("mip6.mnid.identifier", "Identifier");
    static final FieldDef AUTH_SUBTYPE = Fields.uint("mip6.auth.subtype", "Subtype", 8);
    static final FieldDef AUTH_SPI = Fields.uint("mip6.auth.mobility_spi", "Mobility SPI", 32);
    static final FieldDef AUTH_DATA = Fields.bytes("mip6.auth.auth_data", "Authentication Data");
    // FT_ABSOLUTE_TIME fields, which tshark prints as UTC date text: kept as that text
    static final FieldDef MSEG_ID_TS = Fields.string("mip6.mseg_id.timestamp", "Timestamp");
    static final FieldDef TIMESTAMP = Fields.string("mip6.timestamp_tmp", "Timestamp");
    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC);
    static final FieldDef CGA_PAR = Fields.bytes("mip6.cgar.cga_par", "CGA Parameters");
    static final FieldDef SIGN = Fields.bytes("mip6.sign.sign", "CGA Parameters");
    static final FieldDef PHKT = Fields.bytes("mip6.phkt.phkt", "Permanent Home Keygen Token");
    static final FieldDef MOCOT = Fields.bytes("mip6.mocot.co_keygen_tok", "Care-of Keygen Token");
    static final FieldDef DNSU_STATUS = Fields.uint("mip6.dnsu.status", "Status", 8);
    static final FieldDef DNSU_R = Fields.flag("mip6.dnsu.flag.r", "R flag", 8, 0x80);
    static final FieldDef DNSU_MN_ID = Fields.bytes("mip6.dnsu.mn_id", "MN identity (FQDN)");
    static final FieldDef EM_DATA = Fields.bytes("mip6.em.data", "Data");
    static final FieldDef SS_ID = Fields.string("mip6.ss.identifier", "Identifier");
    static final FieldDef BADFF_SPI = Fields.uint("mip6.badff.spi", "SPI", 32);
    static final FieldDef BADFF_AUTH = Fields.bytes("mip6.badff.auth", "Authenticator");
    static final FieldDef HI_RESERVED = Fields.uint("mip6.hi.reserved", "Reserved", 8);
    static final FieldDef HI = Fields.uint("mip6.hi", "Handoff Indicator", 8);
    static final FieldDef ATT_RESERVED = Fields.uint("mip6.att.reserved", "Reserved", 8);
    static final FieldDef ATT = Fields.uint("mip6.att", "Access Technology Type", 8);
    static final FieldDef MNLLI_RESERVED = Fields.masked("mip6.mnlli.reserved", "Reserved", 16, 0xFFFF, Base.DEC);
    static final FieldDef MNLLI_LLI = Fields.bytes("mip6.mnlli.lli", "Link-layer Identifier");
    static final FieldDef LILA_LLA = Fields.ipv6("mip6.lila_lla", "Link-local Address");
    static final FieldDef RC = Fields.uint("mip6.rc", "Restart Counter", 32);

    private MipOptionBodies() { }

    /** The body of option {@code type} at {@code o}, {@code n} bytes in all. */
    static void body(DecodeContext c, int type, int o, int n) {
        switch (type) {
            case 1 -> bytes(c, PADN, o, n, 2, n - 2);
            case 2 -> num(c, BRA, o, n, 2, 2);
            case 3 -> ref(c, ACOA, o, n, 2, 16);
            case 4 -> {
                num(c, NI_HNI, o, n, 2, 2);
                num(c, NI_CNI, o, n, 4, 2);
            }
            case 5 -> bytes(c, BAD_AUTH, o, n, 2, n - 2);
            case 6, 22 -> {
                num(c, MNP_PFL, o, n, 3, 1);
                ref(c, MNP, o, n, 4, 16);
            }
            case 7 -> {
                num(c, LLA_OPTCODE, o, n, 2, 1);
                colonBytes(c, LLA, o + 3, n - 3);
            }
            case 8 -> {
                num(c, MNID_SUBTYPE, o, n, 2, 1);
                bytes(c, MNID_ID, o, n, 3, n - 3);
            }
            case 9 -> {
                num(c, AUTH_SUBTYPE, o, n, 2, 1);
                num(c, AUTH_SPI, o, n, 3, 4);
                bytes(c, AUTH_DATA, o, n, 7, n - 9); // tshark subtracts the header twice
            }
            case 12 -> bytes(c, CGA_PAR, o, n, 2, n - 4); // tshark subtracts the header twice, here and below
            case 13 -> bytes(c, SIGN, o, n, 2, n - 4);
            case 14 -> bytes(c, PHKT, o, n, 2, n - 4);
            case 16 -> bytes(c, MOCOT, o, n, 2, n - 4);
            case 17 -> {
                num(c, DNSU_STATUS, o, n, 2, 1);
                num(c, DNSU_R, o, n, 3, 1);
                bytes(c, DNSU_MN_ID, o, n, 4, n - 6);
            }
            case 18 -> bytes(c, EM_DATA, o, n, 2, n - 4);
            case 19 -> MipVendorOptions.vendor(c, o, n);
            case 20 -> bytes(c, SS_ID, o, n, 2, n - 2);
            case 21 -> {
                num(c, BADFF_SPI, o, n, 2, 4);
                bytes(c, BADFF_AUTH, o, n, 6, n - 8);
            }
            case 23 -> {
                num(c, HI_RESERVED, o, n, 2, 1);
                num(c, HI, o, n, 3, 1);
            }
            case 24 -> {
                num(c, ATT_RESERVED, o, n, 2, 1);
                num(c, ATT, o, n, 3, 1);
            }
            case 25 -> {
                num(c, MNLLI_RESERVED, o, n, 2, 2);
                bytes(c, MNLLI_LLI, o, n, 4, n - 4);
            }
            case 26 -> ref(c, LILA_LLA, o, n, 2, 16);
            case 28 -> num(c, RC, o, n, 2, 4); // tshark reads the counter where RFC 5847 has the reserved bytes
            case 10 -> {
                if (n >= 10) c.out().addObject(MSEG_ID_TS, absoluteTime(c.u32(o + 2), c.u32(o + 6)), o + 2, 8);
            }
            case 27 -> {
                // RFC 5213 §8.8: 48 bits of seconds, 16 bits of 1/65536 second; a shorter option has no time to read
                if (n >= 10) {
                    long secs = ((long) c.u16(o + 2) << 32) | c.u32(o + 4);
                    c.out().addObject(TIMESTAMP, absoluteTime(secs, (c.u16(o + 8) * 1_000_000_000L) >>> 16), o + 2, 8);
                }
            }
            default -> PmipOptionBodies.body(c, type, o, n); // CGA Parameters Request, Care-of Test Init: no data
        }
    }

    /**
     * How many bytes (type and length included) option {@code type} at {@code o} reads, as tshark reads it: an
     * option shorter than that shows the fields that fit, then tshark's reading past it ends the walk.
     */
    static int need(DecodeContext c, int type, int o, int n) {
        return switch (type) {
            case 2, 49 -> type == 2 ? 4 : 6;
            case 3, 26 -> 18;
            case 4, 28, 35 -> 6;
            case 6, 22, 34, 48, 51 -> 20;
            case 7, 8 -> 3;
            case 9 -> 7;
            case 10, 27 -> 10;
            case 17, 21 -> type == 17 ? 4 : 6;
            case 19 -> n >= 6 && c.u32(o + 2) == MipVendorOptions.VENDOR_3GPP ? 8 : 7;
            case 23, 24, 25, 33, 39, 40, 46, 55 -> 4;
            case 29, 30, 31, 32, 36, 37, 38, 50 -> 8;
            case 41 -> n < 3 ? 4 : c.u8(o + 2) == 1 ? 20 : c.u8(o + 2) == 2 ? 8 : 4;
            case 47 -> n < 4 ? 4 : 4 + ((c.u16(o + 2) & 0x8000) != 0 ? 16 : 0) + ((c.u16(o + 2) & 0x4000) != 0 ? 4 : 0);
            default -> 0;
        };
    }

    /** Seconds and nanoseconds since 1970 as tshark prints an absolute time in UTC. */
    static String absoluteTime(long secs, long nanos) {
        StringBuilder sb = new StringBuilder(40).append(DATE.format(java.time.Instant.ofEpochSecond(secs))).append('.');
        String frac = Long.toString(nanos);
        for (int k = frac.length(); k < 9; k++) sb.append('0');
        return sb.append(frac).append(" UTC").toString();
    }

    /** {@code w} bytes as tshark prints a colon-separated byte string, when there is at least one. */
    static void colonBytes(DecodeContext c, FieldDef f, int at, int w) {
        if (w <= 0) return;
        StringBuilder sb = new StringBuilder(3 * w);
        for (int i = 0; i < w; i++) {
            if (i > 0) sb.append(':');
            sb.append(Character.forDigit(c.u8(at + i) >>> 4, 16)).append(Character.forDigit(c.u8(at + i) & 0xF, 16));
        }
        c.out().addObject(f, sb.toString(), at, w);
    }

    /** An integer field of {@code w} bytes at {@code o + rel}, when it fits the option. */
    static boolean num(DecodeContext c, FieldDef f, int o, int n, int rel, int w) {
        if (rel + w > n) return false;
        int at = o + rel;
        long v = w == 1 ? c.u8(at) : w == 2 ? c.u16(at) : c.u32(at);
        if (f.mask() != 0) c.out().addMasked(f, v, at, w);
        else c.add(f, v, at, w);
        return true;
    }

    /** An address field at {@code o + rel}, when it fits the option. */
    static boolean ref(DecodeContext c, FieldDef f, int o, int n, int rel, int w) {
        if (rel + w > n) return false;
        c.ref(f, o + rel, w);
        return true;
    }

    /** A byte-string or text field of {@code w} bytes, shown only when there is at least one. */
    static void bytes(DecodeContext c, FieldDef f, int o, int n, int rel, int w) {
        if (w > 0 && rel + w <= n) c.ref(f, o + rel, w);
    }
}
