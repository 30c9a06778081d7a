package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The question and resource-record sections of a DNS message (RFC 1035 section 4.1.2/4.1.3), as tshark 4.0 lists
 * them: per question its name, name length, label count, type and class; per record its name, type, class, TTL and
 * data length, then the type's data ({@link DnsRdata}). The OPT pseudo-record (RFC 6891) shows its class and TTL as
 * the EDNS payload size, extended RCODE, version and Z flags instead. mDNS (RFC 6762 sections 5.4/10.2) takes the top
 * bit of the class as the QU / cache-flush flag. Like tshark, nothing of a question is shown when its name, type or
 * class is cut short, nothing of a record when its fixed part (up to the data length) is.
 */
final class DnsRecords {
    static final ValueNames TYPES = ValueNames.of(1, "A", 2, "NS", 5, "CNAME", 6, "SOA", 12, "PTR", 13, "HINFO",
            15, "MX", 16, "TXT", 28, "AAAA", 29, "LOC", 33, "SRV", 35, "NAPTR", 41, "OPT", 43, "DS", 44, "SSHFP",
            46, "RRSIG", 47, "NSEC", 48, "DNSKEY", 50, "NSEC3", 51, "NSEC3PARAM", 52, "TLSA", 64, "SVCB",
            65, "HTTPS", 255, "ANY", 257, "CAA");

    static final FieldDef QRY_NAME = Fields.string("dns.qry.name", "Name");
    static final FieldDef QRY_NAME_LEN = Fields.uint("dns.qry.name.len", "Name Length", 16);
    static final FieldDef COUNT_LABELS = Fields.uint("dns.count.labels", "Label Count", 16);
    static final FieldDef QRY_TYPE = Fields.uint("dns.qry.type", "Type", 16, TYPES);
    static final FieldDef QRY_CLASS = Fields.hex("dns.qry.class", "Class", 16);
    static final FieldDef QRY_QU = Fields.flag("dns.qry.qu", "\"QU\" question", 16, 0x8000);
    static final FieldDef RESP_NAME = Fields.string("dns.resp.name", "Name");
    static final FieldDef RESP_TYPE = Fields.uint("dns.resp.type", "Type", 16, TYPES);
    static final FieldDef RESP_CLASS = Fields.hex("dns.resp.class", "Class", 16);
    static final FieldDef CACHE_FLUSH = Fields.flag("dns.resp.cache_flush", "Cache flush", 16, 0x8000);
    static final FieldDef TTL = Fields.uint("dns.resp.ttl", "Time to live", 32);
    static final FieldDef RESP_LEN = Fields.uint("dns.resp.len", "Data length", 16);
    // tshark 4.0 prints the size in decimal for DNS and in hex (its mDNS field, masked) for mDNS; one declaration
    // per name here, the common one
    static final FieldDef UDP_PAYLOAD_SIZE = Fields.uint("dns.rr.udp_payload_size", "UDP payload size", 16);
    static final FieldDef EXT_RCODE = Fields.hex("dns.resp.ext_rcode", "Higher bits in extended RCODE", 8);
    static final FieldDef EDNS0_VERSION = Fields.uint("dns.resp.edns0_version", "EDNS0 version", 8);
    static final FieldDef EDNS_Z = Fields.hex("dns.resp.z", "Z", 16);
    static final FieldDef EDNS_Z_DO = Fields.flag("dns.resp.z.do", "DO bit", 16, 0x8000);
    static final FieldDef EDNS_Z_RESERVED = Fields.masked("dns.resp.z.reserved", "Reserved", 16, 0x7FFF, Base.HEX);

    static final int T_OPT = 41;

    private DnsRecords() { }

    /** Walks the four sections; false when the message was cut short (recorded). */
    static boolean sections(DecodeContext c, int msg, int end, int qd, int an, int ns, int ar,
                            DnsDecoder.Flavour flavour) {
        int pos = msg + DnsDecoder.HEADER;
        // each question takes at least 5 bytes and each record 11, so the walk ends with the message's bytes
        for (int i = 0; i < qd; i++) {
            pos = question(c, msg, end, pos, flavour);
            if (pos < 0) return false;
        }
        int records = an + ns + ar;
        for (int i = 0; i < records; i++) {
            pos = record(c, msg, end, pos, flavour);
            if (pos < 0) return false;
        }
        return true;
    }

    private static int question(DecodeContext c, int msg, int end, int pos, DnsDecoder.Flavour flavour) {
        if (!readName(c, msg, end, pos, "DNS question name")) return -1;
        DnsNames.Name n = DnsNames.last();
        int tc = pos + n.wireLen;
        if (tc + 4 > end) return cut(c, msg, end, "DNS question");
        nameFields(c, n, QRY_NAME, pos, true);
        c.add(QRY_TYPE, c.u16(tc), tc, 2);
        int cls = c.u16(tc + 2);
        if (flavour == DnsDecoder.Flavour.MDNS) {
            c.add(QRY_CLASS, cls & 0x7FFF, tc + 2, 2);
            c.add(QRY_QU, cls >> 15, tc + 2, 2);
        } else {
            c.add(QRY_CLASS, cls, tc + 2, 2);
        }
        return tc + 4;
    }

    private static int record(DecodeContext c, int msg, int end, int pos, DnsDecoder.Flavour flavour) {
        if (!readName(c, msg, end, pos, "DNS record name")) return -1;
        DnsNames.Name n = DnsNames.last();
        int h = pos + n.wireLen;
        // tshark shows a record as one subtree spanning its data: a record whose data is not all there shows nothing
        if (h + 10 > end || h + 10 + c.u16(h + 8) > end) return cut(c, msg, end, "DNS record");
        String owner = n.text;
        int type = c.u16(h), cls = c.u16(h + 2);
        if (type == DnsRdata.T_SRV) srvOwner(c, owner, pos, n.wireLen);
        else nameFields(c, n, RESP_NAME, pos, false);
        c.add(RESP_TYPE, type, h, 2);
        boolean mdns = flavour == DnsDecoder.Flavour.MDNS;
        if (type == T_OPT) {
            c.add(UDP_PAYLOAD_SIZE, mdns ? cls & 0x7FFF : cls, h + 2, 2);
            if (mdns) c.add(CACHE_FLUSH, cls >> 15, h + 2, 2);
            c.add(EXT_RCODE, c.u8(h + 4), h + 4, 1);
            c.add(EDNS0_VERSION, c.u8(h + 5), h + 5, 1);
            int z = c.u16(h + 6);
            c.out().beginGroup(EDNS_Z, z, h + 6, 2);
            c.add(EDNS_Z_DO, z >> 15, h + 6, 2);
            c.add(EDNS_Z_RESERVED, z & 0x7FFF, h + 6, 2);
            c.out().endGroup();
        } else {
            c.add(RESP_CLASS, mdns ? cls & 0x7FFF : cls, h + 2, 2);
            if (mdns) c.add(CACHE_FLUSH, cls >> 15, h + 2, 2);
            long ttl = c.u32(h + 4);
            c.add(TTL, ttl, h + 4, 4);
            if ((ttl & 0x80000000L) != 0) {
                c.anomaly(Anomaly.Kind.BAD_VALUE, h + 4, "DNS TTL has its high bit set (RFC 2181 section 8)");
            }
        }
        int rdlen = c.u16(h + 8);
        c.add(RESP_LEN, rdlen, h + 8, 2);
        int rd = h + 10;
        if (rdlen > 0 && !DnsRdata.decode(c, msg, end, rd, rdlen, type)) return -1;
        return rd + rdlen;
    }

    /**
     * An SRV record's owner (RFC 2782 {@code _Service._Proto.Name}) is shown by tshark as its three parts, split at
     * the first two dots, instead of {@code dns.resp.name}.
     */
    private static void srvOwner(DecodeContext c, String owner, int pos, int len) {
        int d1 = owner.indexOf('.');
        int d2 = d1 < 0 ? -1 : owner.indexOf('.', d1 + 1);
        c.out().addObject(DnsRdata.SRV_SERVICE, d1 < 0 ? owner : owner.substring(0, d1), pos, len);
        if (d1 >= 0) c.out().addObject(DnsRdata.SRV_PROTO, d2 < 0 ? owner.substring(d1 + 1) : owner.substring(d1 + 1, d2), pos, len);
        if (d2 >= 0) c.out().addObject(DnsRdata.SRV_NAME, owner.substring(d2 + 1), pos, len);
    }

    /** Reads a name into {@link DnsNames#last()}; false (recorded, the message ends) when it cannot be read. */
    static boolean readName(DecodeContext c, int msg, int end, int pos, String what) {
        int st = DnsNames.read(c, msg, end, pos);
        if (st == DnsNames.OK) return true;
        if (st == DnsNames.TRUNCATED) cut(c, msg, end, what);
        else c.anomaly(Anomaly.Kind.BAD_VALUE, pos, what + " holds a label type that is neither a label nor a pointer");
        return false;
    }

    /** Adds a name with, for questions, tshark's derived length and label count. */
    private static void nameFields(DecodeContext c, DnsNames.Name n, FieldDef name, int pos, boolean question) {
        c.out().addObject(name, n.text, pos, n.wireLen);
        if (question) {
            c.add(QRY_NAME_LEN, n.textLen, pos, n.wireLen);
            c.add(COUNT_LABELS, n.labels, pos, n.wireLen);
        }
        if (n.looped) c.anomaly(Anomaly.Kind.LIMIT, pos, "DNS name compression pointers loop");
        if (n.tooLong) c.anomaly(Anomaly.Kind.BAD_LENGTH, pos, "DNS name longer than 255 bytes");
    }

    static int cut(DecodeContext c, int msg, int end, String what) {
        DnsDecoder.cut(c, end - msg, what);
        return -1;
    }
}
