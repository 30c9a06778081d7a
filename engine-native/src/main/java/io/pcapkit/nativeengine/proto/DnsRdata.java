package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The data of a DNS resource record by type, with tshark 4.0's {@code dns.*} fields: addresses (A, AAAA), names
 * (NS, CNAME, PTR, MX, SOA, SRV, NAPTR), character-strings (TXT, HINFO), DNSSEC records (DS, DNSKEY with its
 * computed key tag, RRSIG, NSEC, NSEC3, NSEC3PARAM), TLSA, SSHFP, LOC, CAA; OPT options and SVCB/HTTPS parameters
 * are in {@link DnsEdnsOptions} and {@link DnsSvcParams}. A type tshark does not decode shows its bytes as
 * {@code dns.data}. Every read stays inside the record's data and the captured bytes; a record cut short ends the
 * message with a TRUNCATED anomaly.
 */
final class DnsRdata {
    static final FieldDef A = Fields.ipv4("dns.a", "Address");
    static final FieldDef AAAA = Fields.ipv6("dns.aaaa", "AAAA Address");
    static final FieldDef NS = Fields.string("dns.ns", "Name Server");
    static final FieldDef CNAME = Fields.string("dns.cname", "CNAME");
    static final FieldDef PTR = Fields.string("dns.ptr.domain_name", "Domain Name");
    static final FieldDef DNAME = Fields.string("dns.dname", "Dname");
    static final FieldDef MX_PREFERENCE = Fields.uint("dns.mx.preference", "Preference", 16);
    static final FieldDef MX_EXCHANGE = Fields.string("dns.mx.mail_exchange", "Mail Exchange");
    static final FieldDef TXT_LENGTH = Fields.uint("dns.txt.length", "TXT Length", 8);
    static final FieldDef TXT = Fields.string("dns.txt", "TXT");
    static final FieldDef SOA_MNAME = Fields.string("dns.soa.mname", "Primary name server");
    static final FieldDef SOA_RNAME = Fields.string("dns.soa.rname", "Responsible authority's mailbox");
    static final FieldDef SOA_SERIAL = Fields.uint("dns.soa.serial_number", "Serial Number", 32);
    static final FieldDef SOA_REFRESH = Fields.uint("dns.soa.refresh_interval", "Refresh Interval", 32);
    static final FieldDef SOA_RETRY = Fields.uint("dns.soa.retry_interval", "Retry Interval", 32);
    static final FieldDef SOA_EXPIRE = Fields.uint("dns.soa.expire_limit", "Expire limit", 32);
    static final FieldDef SOA_MINIMUM = Fields.uint("dns.soa.minimum_ttl", "Minimum TTL", 32);
    static final FieldDef HINFO_CPU_LENGTH = Fields.uint("dns.hinfo.cpu_length", "CPU Length", 8);
    static final FieldDef HINFO_CPU = Fields.string("dns.hinfo.cpu", "CPU");
    static final FieldDef HINFO_OS_LENGTH = Fields.uint("dns.hinfo.os_length", "OS Length", 8);
    static final FieldDef HINFO_OS = Fields.string("dns.hinfo.os", "OS");
    static final FieldDef SRV_SERVICE = Fields.string("dns.srv.service", "Service");
    static final FieldDef SRV_PROTO = Fields.string("dns.srv.proto", "Protocol");
    static final FieldDef SRV_NAME = Fields.string("dns.srv.name", "Name");
    static final FieldDef SRV_PRIORITY = Fields.uint("dns.srv.priority", "Priority", 16);
    static final FieldDef SRV_WEIGHT = Fields.uint("dns.srv.weight", "Weight", 16);
    static final FieldDef SRV_PORT = Fields.uint("dns.srv.port", "Port", 16);
    static final FieldDef SRV_TARGET = Fields.string("dns.srv.target", "Target");
    static final FieldDef NAPTR_ORDER = Fields.uint("dns.naptr.order", "Order", 16);
    static final FieldDef NAPTR_PREFERENCE = Fields.uint("dns.naptr.preference", "Preference", 16);
    static final FieldDef NAPTR_FLAGS_LENGTH = Fields.uint("dns.naptr.flags_length", "Flags Length", 8);
    static final FieldDef NAPTR_FLAGS = Fields.string("dns.naptr.flags", "Flags");
    static final FieldDef NAPTR_SERVICE_LENGTH = Fields.uint("dns.naptr.service_length", "Service Length", 8);
    static final FieldDef NAPTR_SERVICE = Fields.string("dns.naptr.service", "Service");
    static final FieldDef NAPTR_REGEX_LENGTH = Fields.uint("dns.naptr.regex_length", "Regex Length", 8);
    static final FieldDef NAPTR_REGEX = Fields.string("dns.naptr.regex", "Regex");
    static final FieldDef NAPTR_REPLACEMENT_LENGTH = Fields.uint("dns.naptr.replacement_length",
            "Replacement Length", 8);
    static final FieldDef NAPTR_REPLACEMENT = Fields.string("dns.naptr.replacement", "Replacement");
    static final FieldDef DATA = Fields.bytes("dns.data", "Data");
    static final FieldDef SPF_LENGTH = Fields.uint("dns.spf.length", "SPF Length", 8);
    static final FieldDef SPF = Fields.string("dns.spf", "SPF");
    static final FieldDef SSHFP_ALGORITHM = Fields.uint("dns.sshfp.algorithm", "Algorithm", 8);
    static final FieldDef SSHFP_TYPE = Fields.uint("dns.sshfp.fingerprint.type", "Fingerprint type", 8);
    static final FieldDef SSHFP_FINGERPRINT = Fields.bytes("dns.sshfp.fingerprint", "Fingerprint");
    static final FieldDef TLSA_USAGE = Fields.uint("dns.tlsa.certificate_usage", "Certificate Usage", 8);
    static final FieldDef TLSA_SELECTOR = Fields.uint("dns.tlsa.selector", "Selector", 8);
    static final FieldDef TLSA_MATCHING = Fields.uint("dns.tlsa.matching_type", "Matching Type", 8);
    static final FieldDef TLSA_DATA = Fields.bytes("dns.tlsa.certificate_association_data",
            "Certificate Association Data");
    static final FieldDef LOC_VERSION = Fields.uint("dns.loc.version", "Version", 8);
    static final FieldDef LOC_SIZE = Fields.uint("dns.loc.size", "Size", 8);
    static final FieldDef LOC_HPREC = Fields.uint("dns.loc.horizontal_precision", "Horizontal Precision", 8);
    static final FieldDef LOC_VPREC = Fields.uint("dns.loc.vertical_precision", "Vertical Precision", 8);
    static final FieldDef LOC_LATITUDE = Fields.uint("dns.loc.latitude", "Latitude", 32);
    static final FieldDef LOC_LONGITUDE = Fields.uint("dns.loc.longitude", "Longitude", 32);
    static final FieldDef LOC_ALTITUDE = Fields.uint("dns.loc.altitude", "Altitude", 32);
    static final FieldDef LOC_UNKNOWN = Fields.bytes("dns.loc.unknown_data", "Unknown data");
    static final FieldDef CAA_FLAGS = Fields.hex("dns.caa.flags", "CAA Flags", 8);
    static final FieldDef CAA_CRITICAL = Fields.flag("dns.caa.flags.issuer_critical", "Issuer Critical", 8, 0x80);
    static final FieldDef CAA_TAG_LENGTH = Fields.uint("dns.caa.tag_length", "Tag length", 8);
    static final FieldDef CAA_TAG = Fields.string("dns.caa.tag", "Tag");
    static final FieldDef CAA_VALUE = Fields.string("dns.caa.value", "Value");
    static final FieldDef CAA_ISSUE = Fields.string("dns.caa.issue", "Issue");
    static final FieldDef CAA_ISSUEWILD = Fields.string("dns.caa.issuewild", "Issue Wildcard");
    static final FieldDef CAA_IODEF = Fields.string("dns.caa.iodef", "Report URL");
    static final FieldDef CAA_UNKNOWN = Fields.string("dns.caa.unknown", "Unknown tag");

    static final int T_A = 1, T_NS = 2, T_CNAME = 5, T_SOA = 6, T_PTR = 12, T_HINFO = 13, T_MX = 15, T_TXT = 16,
            T_AAAA = 28, T_LOC = 29, T_SRV = 33, T_NAPTR = 35, T_DNAME = 39, T_OPT = 41, T_DS = 43, T_SSHFP = 44,
            T_RRSIG = 46, T_NSEC = 47, T_DNSKEY = 48, T_NSEC3 = 50, T_NSEC3PARAM = 51, T_TLSA = 52, T_SVCB = 64,
            T_HTTPS = 65, T_SPF = 99, T_CAA = 257;

    private DnsRdata() { }

    /**
     * Decodes the {@code rdlen} bytes of data at {@code rd} (all captured) of a record of {@code type}. False when
     * the message cannot be read past this record (recorded).
     */
    static boolean decode(DecodeContext c, int msg, int end, int rd, int rdlen, int type) {
        DnsRdataReader r = new DnsRdataReader(c, msg, end, rd, rd + rdlen);
        switch (type) {
            case T_A -> r.ipv4(A);
            case T_AAAA -> r.ipv6(AAAA);
            case T_NS -> r.name(NS);
            case T_CNAME -> r.name(CNAME);
            case T_PTR -> r.name(PTR);
            case T_DNAME -> r.name(DNAME);
            case T_MX -> {
                if (r.u16(MX_PREFERENCE)) r.name(MX_EXCHANGE);
            }
            case T_TXT -> strings(r, TXT_LENGTH, TXT);
            case T_SPF -> strings(r, SPF_LENGTH, SPF);
            case T_HINFO -> {
                if (r.string(HINFO_CPU_LENGTH, HINFO_CPU)) r.string(HINFO_OS_LENGTH, HINFO_OS);
            }
            case T_SOA -> {
                if (r.name(SOA_MNAME) && r.name(SOA_RNAME) && r.u32(SOA_SERIAL) && r.u32(SOA_REFRESH)
                        && r.u32(SOA_RETRY) && r.u32(SOA_EXPIRE)) r.u32(SOA_MINIMUM);
            }
            case T_SRV -> {
                if (r.u16(SRV_PRIORITY) && r.u16(SRV_WEIGHT) && r.u16(SRV_PORT)) r.name(SRV_TARGET);
            }
            case T_NAPTR -> {
                if (r.u16(NAPTR_ORDER) && r.u16(NAPTR_PREFERENCE) && r.string(NAPTR_FLAGS_LENGTH, NAPTR_FLAGS)
                        && r.string(NAPTR_SERVICE_LENGTH, NAPTR_SERVICE)
                        && r.string(NAPTR_REGEX_LENGTH, NAPTR_REGEX)) {
                    r.nameWithLength(NAPTR_REPLACEMENT_LENGTH, NAPTR_REPLACEMENT);
                }
            }
            case T_SSHFP -> {
                if (r.u8(SSHFP_ALGORITHM) && r.u8(SSHFP_TYPE)) r.rest(SSHFP_FINGERPRINT);
            }
            case T_TLSA -> {
                if (r.u8(TLSA_USAGE) && r.u8(TLSA_SELECTOR) && r.u8(TLSA_MATCHING)) r.rest(TLSA_DATA);
            }
            case T_LOC -> loc(r);
            case T_CAA -> caa(c, r);
            case T_DS, T_RRSIG, T_NSEC, T_DNSKEY, T_NSEC3, T_NSEC3PARAM -> DnsSec.decode(c, r, type);
            case T_OPT -> DnsEdnsOptions.decode(c, r);
            case T_SVCB, T_HTTPS -> DnsSvcParams.decode(c, r);
            default -> {
                if (!knownToTshark(type)) r.rest(DATA);
            }
        }
        return !r.cut;
    }

    /** Types tshark 4.0 decodes with fields of its own (this decoder shows only some of them). */
    private static boolean knownToTshark(int type) {
        return (type >= 1 && type <= 62) || type == 64 || type == 65 || type == 99 || (type >= 104 && type <= 109)
                || type == 249 || type == 250 || type == 257 || type == 32769 || type == 65281 || type == 65282;
    }

    /** TXT and SPF: character-strings to the end of the data (at most {@link DecodeContext#MAX_OPTIONS}). */
    private static void strings(DnsRdataReader r, FieldDef lengthField, FieldDef f) {
        for (int n = 0; r.pos < r.stop; n++) {
            if (n == r.c.maxOptions()) {
                r.c.anomaly(Anomaly.Kind.LIMIT, r.pos, "more than " + n + " character-strings");
                return;
            }
            if (!r.string(lengthField, f)) return;
        }
    }

    private static void loc(DnsRdataReader r) {
        int version = r.peek8();
        if (!r.u8(LOC_VERSION)) return;
        if (version != 0) {
            r.rest(LOC_UNKNOWN);
            return;
        }
        if (r.u8(LOC_SIZE) && r.u8(LOC_HPREC) && r.u8(LOC_VPREC) && r.u32(LOC_LATITUDE) && r.u32(LOC_LONGITUDE)) {
            r.u32(LOC_ALTITUDE);
        }
    }

    /**
     * CAA (RFC 8659): the flags, then a node named after the tag (issue, issuewild, iodef or unknown) whose value is
     * the property value, holding the tag length, tag and value.
     */
    private static void caa(DecodeContext c, DnsRdataReader r) {
        if (!r.need(2)) return;
        int flags = c.u8(r.pos);
        c.out().beginGroup(CAA_FLAGS, flags, r.pos, 1);
        c.add(CAA_CRITICAL, flags >> 7, r.pos, 1);
        c.out().endGroup();
        int tagLen = c.u8(r.pos + 1);
        int tagAt = r.pos + 2;
        if (tagAt + tagLen > r.stop) {
            r.pos++;
            r.u8(CAA_TAG_LENGTH);
            r.cutShort();
            return;
        }
        String tag = DnsNames.ascii(c, tagAt, tagLen);
        int valueAt = tagAt + tagLen, valueLen = r.stop - valueAt;
        String value = DnsNames.ascii(c, valueAt, valueLen);
        FieldDef node = switch (tag) {
            case "issue" -> CAA_ISSUE;
            case "issuewild" -> CAA_ISSUEWILD;
            case "iodef" -> CAA_IODEF;
            default -> CAA_UNKNOWN;
        };
        c.out().beginGroupObject(node, value, r.pos + 1, r.stop - r.pos - 1);
        c.add(CAA_TAG_LENGTH, tagLen, r.pos + 1, 1);
        c.out().addObject(CAA_TAG, tag, tagAt, tagLen);
        c.out().addObject(CAA_VALUE, value, valueAt, valueLen);
        c.out().endGroup();
        r.pos = r.stop;
    }
}
