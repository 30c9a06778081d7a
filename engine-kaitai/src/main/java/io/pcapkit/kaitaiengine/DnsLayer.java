package io.pcapkit.kaitaiengine;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.pcapkit.kaitaiengine.gen.Dns;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

import java.nio.ByteBuffer;

/**
 * DNS over UDP (dns.ksy) mapped to Wireshark's dns.*: header, flags, counts, questions and resource records with
 * the common RDATA (A, AAAA, NS, CNAME, PTR, MX). The native engine has no DNS decoder, so the declarations are
 * made here, with tshark 4.0's types and bases ({@code tshark -G fields}).
 */
final class DnsLayer {
    static final Protocol DNS = Protocols.define("DNS", "dns", Level.APPLICATION);

    static final FieldDef ID = Fields.hex("dns.id", "Transaction ID", 16);
    static final FieldDef FLAGS = Fields.hex("dns.flags", "Flags", 16);
    static final FieldDef RESPONSE = Fields.flag("dns.flags.response", "Response", 16, 0x8000);
    static final FieldDef OPCODE = Fields.masked("dns.flags.opcode", "Opcode", 16, 0x7800, Base.DEC);
    static final FieldDef AUTHORITATIVE = Fields.flag("dns.flags.authoritative", "Authoritative", 16, 0x0400);
    static final FieldDef TRUNCATED = Fields.flag("dns.flags.truncated", "Truncated", 16, 0x0200);
    static final FieldDef RECDESIRED = Fields.flag("dns.flags.recdesired", "Recursion desired", 16, 0x0100);
    static final FieldDef RECAVAIL = Fields.flag("dns.flags.recavail", "Recursion available", 16, 0x0080);
    static final FieldDef Z = Fields.flag("dns.flags.z", "Z", 16, 0x0040);
    static final FieldDef AUTHENTICATED = Fields.flag("dns.flags.authenticated", "Answer authenticated", 16, 0x0020);
    static final FieldDef CHECKDISABLE = Fields.flag("dns.flags.checkdisable", "Non-authenticated data", 16, 0x0010);
    static final FieldDef RCODE = Fields.masked("dns.flags.rcode", "Reply code", 16, 0x000F, Base.DEC);
    static final FieldDef COUNT_QUERIES = Fields.uint("dns.count.queries", "Questions", 16);
    static final FieldDef COUNT_ANSWERS = Fields.uint("dns.count.answers", "Answer RRs", 16);
    static final FieldDef COUNT_AUTH = Fields.uint("dns.count.auth_rr", "Authority RRs", 16);
    static final FieldDef COUNT_ADD = Fields.uint("dns.count.add_rr", "Additional RRs", 16);
    static final FieldDef QRY_NAME = Fields.string("dns.qry.name", "Name");
    static final FieldDef QRY_NAME_LEN = Fields.uint("dns.qry.name.len", "Name Length", 16);
    static final FieldDef COUNT_LABELS = Fields.uint("dns.count.labels", "Label Count", 16);
    static final FieldDef QRY_TYPE = Fields.uint("dns.qry.type", "Type", 16);
    static final FieldDef QRY_CLASS = Fields.hex("dns.qry.class", "Class", 16);
    static final FieldDef RESP_NAME = Fields.string("dns.resp.name", "Name");
    static final FieldDef RESP_TYPE = Fields.uint("dns.resp.type", "Type", 16);
    static final FieldDef RESP_CLASS = Fields.hex("dns.resp.class", "Class", 16);
    static final FieldDef RESP_TTL = Fields.uint("dns.resp.ttl", "Time to live", 32);
    static final FieldDef RESP_LEN = Fields.uint("dns.resp.len", "Data length", 16);
    static final FieldDef A = Fields.ipv4("dns.a", "Address");
    static final FieldDef AAAA = Fields.ipv6("dns.aaaa", "AAAA Address");
    static final FieldDef NS = Fields.string("dns.ns", "Name Server");
    static final FieldDef CNAME = Fields.string("dns.cname", "CNAME");
    static final FieldDef PTR = Fields.string("dns.ptr.domain_name", "Domain Name");
    static final FieldDef MX_PREF = Fields.uint("dns.mx.preference", "Preference", 16);
    static final FieldDef MX_NAME = Fields.string("dns.mx.mail_exchange", "Mail Exchange");

    /** Bounds on damaged names: labels per name (a 255-octet name has at most 127) and pointer hops. */
    private static final int MAX_LABELS = 128, MAX_HOPS = 16;
    /** Bound on the records of one message: a UDP datagram of 65,507 octets holds at most ~5,000 of 12 bytes. */
    private static final int MAX_RECORDS = 6_000;

    private DnsLayer() { }

    static void decode(Packet p, int off, int len) {
        p.b.beginLayer(DNS, off);
        // names point into the message, so the message gets a stream of its own that starts at its first octet
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(ByteBuffer.wrap(p.data, p.base + off, len).slice());
        Dns h;
        try {
            h = new Dns(io);
        } catch (RuntimeException e) {
            p.damaged(DNS, e, off, len);
            return;
        }
        boolean resp = h.qr();
        p.b.add(ID, h.transactionId(), off, 2);
        int flags = h.flags();
        p.b.beginGroup(FLAGS, flags, off + 2, 2);
        p.b.addMasked(RESPONSE, flags, off + 2, 2);
        p.b.addMasked(OPCODE, flags, off + 2, 2);
        if (resp) p.b.addMasked(AUTHORITATIVE, flags, off + 2, 2);
        p.b.addMasked(TRUNCATED, flags, off + 2, 2);
        p.b.addMasked(RECDESIRED, flags, off + 2, 2);
        if (resp) p.b.addMasked(RECAVAIL, flags, off + 2, 2);
        p.b.addMasked(Z, flags, off + 2, 2);
        // tshark shows AD in every response, and in a query only when a resolver set it (RFC 6840 5.7)
        if (resp || h.ad()) p.b.addMasked(AUTHENTICATED, flags, off + 2, 2);
        p.b.addMasked(CHECKDISABLE, flags, off + 2, 2);
        if (resp) p.b.addMasked(RCODE, flags, off + 2, 2);
        p.b.endGroup();
        int qd = h.qdcount(), an = h.ancount(), ns = h.nscount(), ar = h.arcount();
        p.b.add(COUNT_QUERIES, qd, off + 4, 2);
        p.b.add(COUNT_ANSWERS, an, off + 6, 2);
        p.b.add(COUNT_AUTH, ns, off + 8, 2);
        p.b.add(COUNT_ADD, ar, off + 10, 2);
        int at = 12;
        try {
            for (int i = 0; i < qd && i < MAX_RECORDS; i++) at = question(p, io, off, at);
            int records = Math.min(an + ns + ar, MAX_RECORDS);
            for (int i = 0; i < records; i++) at = record(p, io, off, at);
        } catch (RuntimeException e) {
            if (!Packet.isDataError(e)) throw e;
            p.b.anomaly(Anomaly.Kind.TRUNCATED, off + Math.min(at, len), "DNS message cut short or damaged");
        }
        p.b.endLayer(len);
    }

    private static int question(Packet p, ByteBufferKaitaiStream io, int off, int at) {
        Name n = name(io, at);
        p.b.addObject(QRY_NAME, n.text, off + at, n.end - at);
        p.b.add(QRY_NAME_LEN, n.text.equals("<Root>") ? 6 : n.text.length(), off + at, n.end - at);
        p.b.add(COUNT_LABELS, n.labels, off + at, n.end - at);
        io.seek(n.end);
        Dns.QuestionTail t = new Dns.QuestionTail(io);
        p.b.add(QRY_TYPE, t.qtype(), off + n.end, 2);
        p.b.add(QRY_CLASS, t.qclass(), off + n.end + 2, 2);
        return n.end + 4;
    }

    private static int record(Packet p, ByteBufferKaitaiStream io, int off, int at) {
        Name n = name(io, at);
        io.seek(n.end);
        Dns.RecordTail t = new Dns.RecordTail(io);
        int rd = n.end + 10, type = t.rtype(), rdlen = t.rdlength();
        p.b.addObject(RESP_NAME, n.text, off + at, n.end - at);
        p.b.add(RESP_TYPE, type, off + n.end, 2);
        if (type != 41) {
            // an OPT pseudo-record (RFC 6891 6.1.2) holds a payload size and extended flags there instead
            p.b.add(RESP_CLASS, t.rclass(), off + n.end + 2, 2);
            p.b.add(RESP_TTL, t.ttl(), off + n.end + 4, 4);
        }
        p.b.add(RESP_LEN, rdlen, off + n.end + 8, 2);
        switch (type) {
            case 1 -> { if (rdlen == 4) p.b.add(A, p.u32(off + rd), off + rd, 4); }
            case 28 -> { if (rdlen == 16) p.b.addRef(AAAA, off + rd, 16); }
            case 2, 5, 12 -> p.b.addObject(type == 2 ? NS : type == 5 ? CNAME : PTR, name(io, rd).text, off + rd, rdlen);
            case 15 -> {
                if (rdlen >= 3) {
                    p.b.add(MX_PREF, p.u16(off + rd), off + rd, 2);
                    p.b.addObject(MX_NAME, name(io, rd + 2).text, off + rd + 2, rdlen - 2);
                }
            }
            default -> { }
        }
        return rd + rdlen;
    }

    private record Name(String text, int labels, int end) { }

    /** The name at {@code at}: its text as tshark shows it, its label count and where it ends in place. */
    private static Name name(ByteBufferKaitaiStream io, int at) {
        StringBuilder sb = new StringBuilder();
        int labels = 0, hops = 0, end = -1, pos = at;
        while (labels < MAX_LABELS) {
            io.seek(pos);
            Dns.Label l = new Dns.Label(io);
            if (l.isPointer()) {
                if (end < 0) end = pos + 2;
                if (++hops > MAX_HOPS) throw new IllegalArgumentException("DNS name compression loop");
                pos = l.pointer();
                continue;
            }
            if (l.lenLabel() == 0) {
                if (end < 0) end = pos + 1;
                break;
            }
            if (labels++ > 0) sb.append('.');
            for (byte b : l.text()) sb.append((char) (b & 0xFF));
            pos += 1 + l.lenLabel();
        }
        if (end < 0) end = pos;
        return new Name(labels == 0 ? "<Root>" : sb.toString(), labels, end);
    }
}
