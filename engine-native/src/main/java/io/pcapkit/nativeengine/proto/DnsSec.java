package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The DNSSEC records (RFC 4034: DS, RRSIG, NSEC, DNSKEY; RFC 5155: NSEC3, NSEC3PARAM) with tshark 4.0's fields.
 * DNSKEY's key tag is computed as RFC 4034 appendix B says, NSEC3's next hashed owner is shown in base32hex as tshark
 * does, RRSIG's validity times as UTC dates. Type bitmaps have no fields of their own in tshark and none here.
 */
final class DnsSec {
    static final FieldDef DS_KEY_ID = Fields.hex("dns.ds.key_id", "Key id", 16);
    static final FieldDef DS_ALGORITHM = Fields.uint("dns.ds.algorithm", "Algorithm", 8);
    static final FieldDef DS_DIGEST_TYPE = Fields.uint("dns.ds.digest_type", "Digest Type", 8);
    static final FieldDef DS_DIGEST = Fields.bytes("dns.ds.digest", "Digest");
    static final FieldDef RRSIG_TYPE = Fields.uint("dns.rrsig.type_covered", "Type Covered", 16);
    static final FieldDef RRSIG_ALGORITHM = Fields.uint("dns.rrsig.algorithm", "Algorithm", 8);
    static final FieldDef RRSIG_LABELS = Fields.uint("dns.rrsig.labels", "Labels", 8);
    static final FieldDef RRSIG_TTL = Fields.uint("dns.rrsig.original_ttl", "Original TTL", 32);
    static final FieldDef RRSIG_EXPIRATION = Fields.string("dns.rrsig.signature_expiration", "Signature Expiration");
    static final FieldDef RRSIG_INCEPTION = Fields.string("dns.rrsig.signature_inception", "Signature Inception");
    static final FieldDef RRSIG_KEY_TAG = Fields.uint("dns.rrsig.key_tag", "Key Tag", 16);
    static final FieldDef RRSIG_SIGNER = Fields.string("dns.rrsig.signers_name", "Signer's name");
    static final FieldDef RRSIG_SIGNATURE = Fields.bytes("dns.rrsig.signature", "Signature");
    static final FieldDef NSEC_NEXT = Fields.string("dns.nsec.next_domain_name", "Next Domain Name");
    static final FieldDef DNSKEY_FLAGS = Fields.hex("dns.dnskey.flags", "Flags", 16);
    static final FieldDef DNSKEY_ZONE_KEY = Fields.flag("dns.dnskey.flags.zone_key", "Zone Key", 16, 0x0100);
    static final FieldDef DNSKEY_REVOKED = Fields.flag("dns.dnskey.flags.key_revoked", "Key Revoked", 16, 0x0080);
    static final FieldDef DNSKEY_SEP = Fields.flag("dns.dnskey.flags.secure_entry_point", "Key Signing Key", 16, 0x0001);
    static final FieldDef DNSKEY_RESERVED = Fields.masked("dns.dnskey.flags.reserved", "Key Signing Key", 16,
            0xFE7E, Base.HEX);
    static final FieldDef DNSKEY_PROTOCOL = Fields.uint("dns.dnskey.protocol", "Protocol", 8);
    static final FieldDef DNSKEY_ALGORITHM = Fields.uint("dns.dnskey.algorithm", "Algorithm", 8);
    static final FieldDef DNSKEY_KEY_ID = Fields.uint("dns.dnskey.key_id", "Key id", 16);
    static final FieldDef DNSKEY_PUBLIC_KEY = Fields.bytes("dns.dnskey.public_key", "Public Key");
    static final FieldDef NSEC3_ALGO = Fields.uint("dns.nsec3.algo", "Hash algorithm", 8);
    static final FieldDef NSEC3_FLAGS = Fields.uint("dns.nsec3.flags", "NSEC3 flags", 8);
    static final FieldDef NSEC3_OPT_OUT = Fields.flag("dns.nsec3.flags.opt_out", "NSEC3 Opt-out flag", 8, 0x01);
    static final FieldDef NSEC3_ITERATIONS = Fields.uint("dns.nsec3.iterations", "NSEC3 iterations", 16);
    static final FieldDef NSEC3_SALT_LENGTH = Fields.uint("dns.nsec3.salt_length", "Salt length", 8);
    static final FieldDef NSEC3_SALT = Fields.bytes("dns.nsec3.salt_value", "Salt value");
    static final FieldDef NSEC3_HASH_LENGTH = Fields.uint("dns.nsec3.hash_length", "Hash length", 8);
    static final FieldDef NSEC3_HASH = Fields.string("dns.nsec3.hash_value", "Next hashed owner");

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private DnsSec() { }

    static void decode(DecodeContext c, DnsRdataReader r, int type) {
        switch (type) {
            case DnsRdata.T_DS -> {
                if (r.u16(DS_KEY_ID) && r.u8(DS_ALGORITHM) && r.u8(DS_DIGEST_TYPE)) r.rest(DS_DIGEST);
            }
            case DnsRdata.T_RRSIG -> rrsig(c, r);
            case DnsRdata.T_NSEC -> {
                if (r.name(NSEC_NEXT)) typeBitmaps(c, r);
            }
            case DnsRdata.T_DNSKEY -> dnskey(c, r);
            case DnsRdata.T_NSEC3, DnsRdata.T_NSEC3PARAM -> nsec3(c, r, type == DnsRdata.T_NSEC3);
            default -> { }
        }
    }

    private static void rrsig(DecodeContext c, DnsRdataReader r) {
        if (!(r.u16(RRSIG_TYPE) && r.u8(RRSIG_ALGORITHM) && r.u8(RRSIG_LABELS) && r.u32(RRSIG_TTL))) return;
        if (!time(c, r, RRSIG_EXPIRATION) || !time(c, r, RRSIG_INCEPTION)) return;
        if (r.u16(RRSIG_KEY_TAG) && r.name(RRSIG_SIGNER)) r.rest(RRSIG_SIGNATURE);
    }

    private static boolean time(DecodeContext c, DnsRdataReader r, FieldDef f) {
        if (!r.need(4)) return false;
        c.out().addObject(f, AbsoluteTimes.utc(c.u32(r.pos), 0), r.pos, 4);
        r.pos += 4;
        return true;
    }

    private static void dnskey(DecodeContext c, DnsRdataReader r) {
        int start = r.pos;
        if (!r.need(4)) return;
        int flags = c.u16(r.pos);
        c.out().beginGroup(DNSKEY_FLAGS, flags, r.pos, 2);
        c.add(DNSKEY_ZONE_KEY, flags >> 8 & 1, r.pos, 2);
        c.add(DNSKEY_REVOKED, flags >> 7 & 1, r.pos, 2);
        c.add(DNSKEY_SEP, flags & 1, r.pos, 2);
        c.add(DNSKEY_RESERVED, flags & 0xFE7E, r.pos, 2);
        c.out().endGroup();
        r.pos += 2;
        int algorithm = c.u8(r.pos + 1);
        r.u8(DNSKEY_PROTOCOL);
        r.u8(DNSKEY_ALGORITHM);
        c.add(DNSKEY_KEY_ID, keyTag(c, start, r.stop - start, algorithm), start, r.stop - start);
        r.rest(DNSKEY_PUBLIC_KEY);
    }

    /** RFC 4034 appendix B; algorithm 1 (RSA/MD5) takes bits of the modulus instead (B.1). */
    static int keyTag(DecodeContext c, int at, int len, int algorithm) {
        if (algorithm == 1) return len >= 4 ? c.u16(at + len - 3) : 0;
        long ac = 0;
        for (int i = 0; i < len; i++) ac += (i & 1) != 0 ? c.u8(at + i) : c.u8(at + i) << 8;
        ac += (ac >> 16) & 0xFFFF;
        return (int) (ac & 0xFFFF);
    }

    private static void nsec3(DecodeContext c, DnsRdataReader r, boolean withHash) {
        if (!r.u8(NSEC3_ALGO)) return;
        if (!r.need(1)) return;
        int flags = c.u8(r.pos);
        if (withHash) {
            c.out().beginGroup(NSEC3_FLAGS, flags, r.pos, 1);
            c.add(NSEC3_OPT_OUT, flags & 1, r.pos, 1);
            c.out().endGroup();
        } else {
            c.add(NSEC3_FLAGS, flags, r.pos, 1); // NSEC3PARAM: tshark shows the flags without the opt-out bit
        }
        r.pos++;
        if (!r.u16(NSEC3_ITERATIONS)) return;
        int salt = r.peek8();
        if (!r.u8(NSEC3_SALT_LENGTH)) return;
        // an empty salt is printed <MISSING> by tshark, which no byte field can print: left out
        if (salt > 0 && !r.bytes(NSEC3_SALT, salt)) return;
        if (!withHash) return;
        int hash = r.peek8();
        if (!r.u8(NSEC3_HASH_LENGTH) || !r.need(hash)) return;
        c.out().addObject(NSEC3_HASH, base32hex(c, r.pos, hash), r.pos, hash);
        r.pos += hash;
        typeBitmaps(c, r);
    }

    /**
     * RFC 4034 section 4.1.2 type bit maps: tshark lists each type present as a {@code dns.resp.type}. Bounded by the
     * record's data (at most 256 windows of 32 bytes).
     */
    private static void typeBitmaps(DecodeContext c, DnsRdataReader r) {
        while (r.pos + 2 <= r.stop) {
            int window = c.u8(r.pos), blen = c.u8(r.pos + 1);
            if (blen == 0 || blen > 32 || r.pos + 2 + blen > r.stop) {
                r.cutShort();
                return;
            }
            int at = r.pos + 2;
            for (int i = 0; i < blen; i++) {
                int bits = c.u8(at + i);
                for (int b = 0; b < 8; b++) {
                    if ((bits & (0x80 >> b)) != 0) c.add(DnsRecords.RESP_TYPE, window * 256 + i * 8 + b, at + i, 1);
                }
            }
            r.pos = at + blen;
        }
    }

    /** RFC 4648 section 7 without padding, as RFC 5155 presents hashed owner names. */
    static String base32hex(DecodeContext c, int at, int len) {
        StringBuilder sb = new StringBuilder((len * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (int i = 0; i < len; i++) {
            buffer = (buffer << 8) | c.u8(at + i);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32HEX[(buffer >> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.append(BASE32HEX[(buffer << (5 - bits)) & 0x1F]);
        return sb.toString();
    }
}
