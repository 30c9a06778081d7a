package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The HIP HOST_ID parameter (RFC 7401 §5.2.9): the host identity's lengths, its KEY RR header (RFC 2535 flags,
 * protocol, algorithm), the DSA (RFC 2536) or RSA (RFC 3110) public key, then the domain identifier (FQDN or NAI).
 * The domain identifier's offset is computed as tshark computes it: after an RSA key from the host identity
 * length less what the key's exponent took, in 16-bit arithmetic.
 */
final class HipHostId {
    static final FieldDef HI_LEN = Fields.uint("hip.tlv.host_id_length", "Host Identity Length", 16);
    static final FieldDef DI_TYPE = Fields.masked("hip.tlv.host_domain_id_type", "Domain Identifier Type", 8, 0xF0,
            Base.DEC);
    static final FieldDef DI_LEN = Fields.masked("hip.tlv.host_domain_id_length", "Domain Identifier Length", 16,
            0x0FFF, Base.DEC);
    static final FieldDef HDR = Fields.hex("hip.tlv.host_id_hdr", "Host Identity flags", 32);
    static final FieldDef HDR_FLAGS = Fields.masked("hip.tlv.host_id_header_flags", "Host Identity Header Flags", 32,
            0xFFFF0000L, Base.HEX, ValueNames.of(0, "Other", 0x0200, "Key is associated with a user",
                    0x0201, "Zone key", 0x0202, "Key is associated with non-zone entity"));
    static final FieldDef HDR_PROTO = Fields.masked("hip.tlv.host_id_header_proto", "Host Identity Header Protocol",
            32, 0xFF00, Base.HEX, ValueNames.of(1, "Key is used for TLS", 2, "Key is used for email",
                    3, "Key is used for DNS security", 4, "Key is used for Oakley/IPSEC",
                    0xFF, "Key is valid for any protocol"));
    static final FieldDef HDR_ALGO = Fields.masked("hip.tlv.host_id_header_algo", "Host Identity Header Algorithm",
            32, 0xFF, Base.HEX, ValueNames.of(0, "Reserved", 1, "RSA/MD5", 2, "Diffie-Hellman", 3, "DSA",
                    4, "elliptic curve crypto", 5, "RSA", 0xFF, "Reserved"));
    static final FieldDef T = Fields.uint("hip.tlv.host_identity_t", "Host Identity T", 8);
    static final FieldDef Q = Fields.bytes("hip.tlv.host_identity_q", "Host Identity Q");
    static final FieldDef P = Fields.bytes("hip.tlv.host_id_p", "Host Identity P");
    static final FieldDef G = Fields.bytes("hip.tlv.host_id_g", "Host Identity G");
    static final FieldDef Y = Fields.bytes("hip.tlv.host_id_y", "Host Identity Y (public value)");
    static final FieldDef E_LEN = Fields.uint("hip.tlv.host_id_e_length", "RSA Host Identity exponent length (e_len)",
            16);
    static final FieldDef E = Fields.bytes("hip.tlv.host_id_e", "RSA Host Identity exponent (e)");
    static final FieldDef N = Fields.bytes("hip.tlv.host_id_n", "RSA Host Identity public modulus (n)");
    static final FieldDef FQDN = Fields.string("hip.fqdn", "FQDN");
    static final FieldDef NAI = Fields.string("hip.nai", "NAI");

    static final int ALG_DSA = 3, ALG_RSA = 5;

    private HipHostId() { }

    /** The HOST_ID parameter at {@code p}, of {@code len} content bytes; false when it ran past {@code e}. */
    static boolean decode(DecodeContext c, int e, int p, int len) {
        int d = p + 4;
        if (!HipParameters.num(c, e, HI_LEN, d, 2)) return false;
        int hiLen = c.u16(d);
        if (d + 4 > e) return false;
        int di = c.u16(d + 2);
        c.out().addMasked(DI_TYPE, di >>> 8, d + 2, 1);
        c.out().addMasked(DI_LEN, di, d + 2, 2);
        if (d + 8 > e) return false;
        long hdr = c.u32(d + 4);
        c.out().beginGroup(HDR, hdr, d + 4, 4);
        c.out().addMasked(HDR_FLAGS, hdr, d + 4, 2);
        c.out().addMasked(HDR_PROTO, hdr, d + 6, 1);
        c.out().addMasked(HDR_ALGO, hdr, d + 7, 1);
        c.out().endGroup();
        int algorithm = (int) (hdr & 0xFF);
        int at = d + 8;
        if (algorithm == ALG_DSA) {
            if (!HipParameters.num(c, e, T, at, 1)) return false;
            int t = c.u8(at);
            if (!HipParameters.ref(c, e, Q, at + 1, 20)) return false;
            if (t <= 56) {
                int n = 64 + t * 8;
                if (!HipParameters.ref(c, e, P, at + 21, n) || !HipParameters.ref(c, e, G, at + 21 + n, n)
                        || !HipParameters.ref(c, e, Y, at + 21 + 2 * n, n)) return false;
            }
        } else if (algorithm == ALG_RSA) {
            if (!HipParameters.num(c, e, E_LEN, at, 1)) return false;
            int eLen = c.u8(at++);
            hiLen = (hiLen - 5) & 0xFFFF;
            if (eLen == 0) {
                if (at + 2 > e) return false;
                eLen = c.u16(at);
                at += 2;
                hiLen = (hiLen - 2) & 0xFFFF;
            }
            if (eLen > 512) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at, "HIP RSA exponent of " + eLen + " bytes");
            } else {
                if (!HipParameters.ref(c, e, E, at, eLen)) return false;
                at += eLen;
                hiLen = (hiLen - eLen) & 0xFFFF;
                if (hiLen > 512) c.anomaly(Anomaly.Kind.BAD_LENGTH, d, "HIP host identity length out of range");
                else if (!HipParameters.ref(c, e, N, at, hiLen)) return false;
            }
        } else {
            c.anomaly(Anomaly.Kind.BAD_VALUE, d + 7, "HIP host identity algorithm " + algorithm + " unknown");
        }
        int diType = di >>> 12, diLen = di & 0x0FFF;
        if (diType != 1 && diType != 2) return true;
        int s = p + 16 + hiLen;
        if (s + diLen > e) return false;
        int text = 0; // FT_STRING stops at the first NUL
        while (text < diLen && c.u8(s + text) != 0) text++;
        c.out().addRef(diType == 1 ? FQDN : NAI, s, text);
        return true;
    }
}
