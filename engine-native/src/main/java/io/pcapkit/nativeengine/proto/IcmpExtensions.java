package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * ICMP multi-part messages (RFC 4884): after the quoted datagram of an error message, an extension structure of
 * objects, e.g. the MPLS label stack of RFC 4950. Its start is given by the message's length field, or, for the
 * older non-compliant form, found at 128 bytes the way Wireshark looks for it (version 2 and a checksum that holds).
 * Shared by ICMP and ICMPv6, which Wireshark shows with the same {@code icmp.ext} fields.
 */
final class IcmpExtensions {
    static final FieldDef EXT = Fields.group("icmp.ext", "ICMP Extensions");
    static final FieldDef VERSION = Fields.uint("icmp.ext.version", "Version", 8);
    static final FieldDef RES = Fields.masked("icmp.ext.res", "Reserved", 16, 0x0FFF, Base.HEX);
    static final FieldDef CHECKSUM = Fields.hex("icmp.ext.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("icmp.ext.checksum.status", "Checksum Status", 8,
            Ipv4Decoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef LENGTH = Fields.uint("icmp.ext.length", "Length", 16);
    static final FieldDef CLASS = Fields.uint("icmp.ext.class", "Class", 8);
    static final FieldDef CTYPE = Fields.uint("icmp.ext.ctype", "C-Type", 8);
    static final FieldDef DATA = Fields.bytes("icmp.ext.data", "Data");
    static final FieldDef MPLS_LABEL = Fields.masked("icmp.mpls.label", "Label", 24, 0xFFFFF0, Base.DEC);
    static final FieldDef MPLS_EXP = Fields.masked("icmp.mpls.exp", "Experimental", 24, 0x00000E, Base.DEC);
    static final FieldDef MPLS_S = Fields.flag("icmp.mpls.s", "Stack bit", 24, 0x000001);
    static final FieldDef MPLS_TTL = Fields.uint("icmp.mpls.ttl", "Time to live", 8);
    static final FieldDef INT_NAME = Fields.string("icmp.int_ident.name", "Name");
    static final FieldDef INT_INDEX = Fields.uint("icmp.int_ident.index", "Interface Index", 32);
    static final FieldDef INT_AFI = Fields.uint("icmp.int_ident.afi", "Address Family Identifier", 16);
    static final FieldDef INT_ADDR_LENGTH = Fields.uint("icmp.int_ident.addr_length", "Address Length", 8);
    static final FieldDef INT_RESERVED = Fields.bytes("icmp.int_ident.reserved", "Reserved");
    static final FieldDef INT_IPV4 = Fields.ipv4("icmp.int_ident.ipv4", "Address");
    static final FieldDef INT_IPV6 = Fields.ipv6("icmp.int_ident.ipv6", "Address");
    static final FieldDef INT_ADDRESS = Fields.bytes("icmp.int_ident.address", "Address");

    /** Where the non-compliant form puts the extensions: after 128 bytes of quoted datagram (RFC 4884 §5). */
    private static final int LEGACY_OFFSET = 128;
    private static final int MPLS_CLASS = 1;
    /** RFC 8335 Interface Identification Object, carried by extended echo requests. */
    private static final int INTERFACE_ID_CLASS = 3;

    private IcmpExtensions() { }

    /**
     * Reads the extensions of the error message whose quoted part starts at {@code off} and runs {@code len}
     * bytes; {@code words} is the RFC 4884 length field (in 32-bit words for ICMP, 64-bit for ICMPv6 when
     * {@code v6}). Returns how many bytes belong to the quoted datagram.
     */
    static int decode(DecodeContext c, int off, int len, int words, boolean v6) {
        int quoted;
        if (words > 0) {
            quoted = words * (v6 ? 8 : 4);
            if (quoted >= len) return len;
            if (len - quoted < 4 || (c.u8(off + quoted) >>> 4) != 2) return quoted;
        } else {
            if (len < LEGACY_OFFSET + 4 || (c.u8(off + LEGACY_OFFSET) >>> 4) != 2) return len;
            if (IcmpChecksums.internet(c, off + LEGACY_OFFSET, len - LEGACY_OFFSET, 0) != 0) return len;
            quoted = LEGACY_OFFSET;
        }
        structure(c, off + quoted, len - quoted);
        return quoted;
    }

    /** The extension structure at {@code p}, {@code len} bytes to the end of the message. */
    static void structure(DecodeContext c, int p, int len) {
        int end = p + len;
        c.out().beginGroup(EXT, p, len);
        c.add(VERSION, c.u8(p) >>> 4, p, 1);
        c.out().addMasked(RES, c.u16(p), p, 2);
        c.add(CHECKSUM, c.u16(p + 2), p + 2, 2);
        c.add(CHECKSUM_STATUS, IcmpChecksums.internet(c, p, len, 0) == 0 ? 1 : 0, p + 2, 0);
        int q = p + 4;
        for (int n = 0; q + 4 <= end && n < c.maxOptions(); n++) {
            int olen = c.u16(q);
            int cls = c.u8(q + 2), ctype = c.u8(q + 3);
            c.add(LENGTH, olen, q, 2);
            c.add(CLASS, cls, q + 2, 1);
            c.add(CTYPE, ctype, q + 3, 1);
            // like tshark, an object claiming more than is left shows what is left, and ends the structure
            int data = q + 4, dlen = Math.min(olen, end - q) - 4;
            if (cls == MPLS_CLASS && ctype == 1) {
                for (int e = data; e + 4 <= data + dlen; e += 4) {
                    int v = c.u24(e);
                    c.out().addMasked(MPLS_LABEL, v, e, 3);
                    c.out().addMasked(MPLS_EXP, v, e, 3);
                    c.out().addMasked(MPLS_S, v, e, 3);
                    c.add(MPLS_TTL, c.u8(e + 3), e + 3, 1);
                }
            } else if (cls == INTERFACE_ID_CLASS && ctype >= 1 && ctype <= 3 && dlen > 0) {
                interfaceId(c, ctype, data, dlen);
            } else if (dlen > 0) {
                c.ref(DATA, data, dlen);
            }
            if (olen < 4) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, q, "ICMP extension object length " + olen);
                break;
            }
            q += olen;
        }
        c.out().endGroup();
    }

    /** RFC 8335 §2.1: the interface by name (C-Type 1), by index (2) or by address (3). */
    private static void interfaceId(DecodeContext c, int ctype, int d, int dlen) {
        switch (ctype) {
            case 1 -> {
                int n = 0;
                while (n < dlen && c.u8(d + n) != 0) n++;
                c.ref(INT_NAME, d, n);
            }
            case 2 -> {
                if (dlen >= 4) c.add(INT_INDEX, c.u32(d), d, 4);
            }
            default -> {
                if (dlen < 4) return;
                int afi = c.u16(d), alen = c.u8(d + 2);
                c.add(INT_AFI, afi, d, 2);
                c.add(INT_ADDR_LENGTH, alen, d + 2, 1);
                c.ref(INT_RESERVED, d + 3, 1);
                int a = d + 4, have = Math.min(alen, dlen - 4);
                if (afi == 1 && have == 4) c.add(INT_IPV4, c.u32(a), a, 4);
                else if (afi == 2 && have == 16) c.ref(INT_IPV6, a, 16);
                else if (have > 0) c.ref(INT_ADDRESS, a, have);
            }
        }
    }
}
