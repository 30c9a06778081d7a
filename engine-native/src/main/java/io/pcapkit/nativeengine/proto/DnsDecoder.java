package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * DNS (RFC 1035 and its successors), and the two protocols that reuse its message format: multicast DNS (RFC 6762,
 * tshark's {@code mdns}) and LLMNR (RFC 4795, {@code llmnr}). Their fields are all {@code dns.*}, as in tshark 4.0;
 * only the flags shown and mDNS's class bit differ. Over TCP each message has a 2-byte length prefix
 * ({@code dns.length}), and a segment may hold several messages: each becomes its own layer, as in tshark's
 * {@code frame.protocols}. Records are walked by {@link DnsRecords}, names read by {@link DnsNames}.
 */
public final class DnsDecoder implements LayerDecoder {
    public static final Protocol DNS = Protocols.define("DNS", "dns", Level.APPLICATION);
    public static final Protocol MDNS = Protocols.define("mDNS", "mdns", Level.APPLICATION);
    public static final Protocol LLMNR = Protocols.define("LLMNR", "llmnr", Level.APPLICATION);

    /** What the message's flags and classes mean. */
    enum Flavour { DNS, MDNS, LLMNR }

    static final FieldDef LENGTH = Fields.uint("dns.length", "Length", 16);
    static final FieldDef ID = Fields.hex("dns.id", "Transaction ID", 16);
    static final FieldDef FLAGS = Fields.hex("dns.flags", "Flags", 16);
    static final FieldDef RESPONSE = Fields.flag("dns.flags.response", "Response", 16, 0x8000);
    static final FieldDef OPCODE = Fields.masked("dns.flags.opcode", "Opcode", 16, 0x7800, Base.DEC,
            ValueNames.of(0, "Standard query", 1, "Inverse query", 2, "Server status request",
                    4, "Zone change notification", 5, "Dynamic update", 6, "DNS Stateful operations (DSO)"));
    static final FieldDef AUTHORITATIVE = Fields.flag("dns.flags.authoritative", "Authoritative", 16, 0x0400);
    static final FieldDef CONFLICT = Fields.flag("dns.flags.conflict", "Conflict", 16, 0x0400);
    static final FieldDef TRUNCATED = Fields.flag("dns.flags.truncated", "Truncated", 16, 0x0200);
    static final FieldDef RECDESIRED = Fields.flag("dns.flags.recdesired", "Recursion desired", 16, 0x0100);
    static final FieldDef TENTATIVE = Fields.flag("dns.flags.tentative", "Tentative", 16, 0x0100);
    static final FieldDef RECAVAIL = Fields.flag("dns.flags.recavail", "Recursion available", 16, 0x0080);
    static final FieldDef Z = Fields.flag("dns.flags.z", "Z", 16, 0x0040);
    static final FieldDef AUTHENTICATED = Fields.flag("dns.flags.authenticated", "Answer authenticated", 16, 0x0020);
    static final FieldDef CHECKDISABLE = Fields.flag("dns.flags.checkdisable", "Non-authenticated data", 16, 0x0010);
    static final FieldDef RCODE = Fields.masked("dns.flags.rcode", "Reply code", 16, 0x000F, Base.DEC,
            ValueNames.of(0, "No error", 1, "Format error", 2, "Server failure", 3, "No such name",
                    4, "Not implemented", 5, "Refused"));
    static final FieldDef COUNT_QUERIES = Fields.uint("dns.count.queries", "Questions", 16);
    static final FieldDef COUNT_ZONES = Fields.uint("dns.count.zones", "Zones", 16);
    static final FieldDef COUNT_ANSWERS = Fields.uint("dns.count.answers", "Answer RRs", 16);
    static final FieldDef COUNT_PREREQUISITES = Fields.uint("dns.count.prerequisites", "Prerequisites", 16);
    static final FieldDef COUNT_AUTH = Fields.uint("dns.count.auth_rr", "Authority RRs", 16);
    static final FieldDef COUNT_UPDATES = Fields.uint("dns.count.updates", "Updates", 16);
    static final FieldDef COUNT_ADD = Fields.uint("dns.count.add_rr", "Additional RRs", 16);

    /** The four counts, by opcode: RFC 2136 renames them for UPDATE. */
    private static final FieldDef[] QUERY_COUNTS = {COUNT_QUERIES, COUNT_ANSWERS, COUNT_AUTH, COUNT_ADD};
    private static final FieldDef[] UPDATE_COUNTS = {COUNT_ZONES, COUNT_PREREQUISITES, COUNT_UPDATES, COUNT_ADD};

    static final int HEADER = 12;
    static final int OPCODE_UPDATE = 5;

    private final Protocol protocol;
    private final Flavour flavour;
    private final boolean overTcp;

    private DnsDecoder(Protocol protocol, Flavour flavour, boolean overTcp) {
        this.protocol = protocol;
        this.flavour = flavour;
        this.overTcp = overTcp;
    }

    /** DNS over UDP (port 53). */
    public static DnsDecoder udp() { return new DnsDecoder(DNS, Flavour.DNS, false); }

    /** DNS over TCP: messages behind a 2-byte length. */
    public static DnsDecoder tcp() { return new DnsDecoder(DNS, Flavour.DNS, true); }

    /** Multicast DNS (UDP 5353). */
    public static DnsDecoder mdns() { return new DnsDecoder(MDNS, Flavour.MDNS, false); }

    /** Link-local multicast name resolution (UDP 5355). */
    public static DnsDecoder llmnr() { return new DnsDecoder(LLMNR, Flavour.LLMNR, false); }

    @Override public Protocol protocol() { return protocol; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(0);
        if (!overTcp) {
            message(c, off, len);
            return len;
        }
        if (len < 2) return c.truncated(len, "DNS over TCP needs a 2-byte length, has " + len);
        int length = c.u16(off);
        c.add(LENGTH, length, off, 2);
        int have = Math.min(length, len - 2);
        if (!message(c, off + 2, have)) return len;
        if (length < len - 2) {
            // the next message of the same segment is a layer of its own, like tshark's dns:dns
            c.nextDecoder(this, -1);
        } else if (length > len - 2) {
            c.truncated(len, "DNS message of " + length + " bytes, segment holds " + (len - 2));
        }
        return 2 + have;
    }

    /** Decodes one message; false when it was cut short (a TRUNCATED anomaly is recorded). */
    private boolean message(DecodeContext c, int msg, int len) {
        int end = msg + len;
        // tshark reads the ID and the flags before it shows anything
        if (len < 4) return cut(c, len, "DNS header");
        c.add(ID, c.u16(msg), msg, 2);
        int flags = c.u16(msg + 2);
        flags(c, msg + 2, flags);
        boolean update = ((flags >> 11) & 0xF) == OPCODE_UPDATE;
        FieldDef[] counts = update ? UPDATE_COUNTS : QUERY_COUNTS;
        for (int k = 0; k < 4; k++) {
            int at = msg + 4 + 2 * k;
            if (at + 2 > end) return cut(c, len, "DNS header");
            c.add(counts[k], c.u16(at), at, 2);
        }
        return DnsRecords.sections(c, msg, end, c.u16(msg + 4), c.u16(msg + 6), c.u16(msg + 8), c.u16(msg + 10),
                flavour);
    }

    private void flags(DecodeContext c, int at, int flags) {
        boolean response = (flags & 0x8000) != 0;
        c.out().beginGroup(FLAGS, flags, at, 2);
        c.add(RESPONSE, flags >> 15 & 1, at, 2);
        c.add(OPCODE, (flags >> 11) & 0xF, at, 2);
        if (flavour == Flavour.LLMNR) {
            // RFC 4795 section 2.1.1: C, TC and T take the places of AA, TC and RD; the rest is reserved
            c.add(CONFLICT, flags >> 10 & 1, at, 2);
            c.add(TRUNCATED, flags >> 9 & 1, at, 2);
            c.add(TENTATIVE, flags >> 8 & 1, at, 2);
        } else {
            if (response) c.add(AUTHORITATIVE, flags >> 10 & 1, at, 2);
            c.add(TRUNCATED, flags >> 9 & 1, at, 2);
            c.add(RECDESIRED, flags >> 8 & 1, at, 2);
            if (response) c.add(RECAVAIL, flags >> 7 & 1, at, 2);
            c.add(Z, flags >> 6 & 1, at, 2);
            // a query shows the AD bit only when it is set (RFC 6840 section 5.7 lets a query ask for it)
            if (response || (flags & 0x0020) != 0) c.add(AUTHENTICATED, flags >> 5 & 1, at, 2);
            c.add(CHECKDISABLE, flags >> 4 & 1, at, 2);
        }
        if (response) c.add(RCODE, flags & 0xF, at, 2);
        c.out().endGroup();
    }

    static boolean cut(DecodeContext c, int have, String what) {
        c.truncated(have, what + " cut short");
        return false;
    }
}
