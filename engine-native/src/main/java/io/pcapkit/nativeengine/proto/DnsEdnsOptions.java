package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The options of an EDNS(0) OPT record (RFC 6891 section 6.1.2), as tshark 4.0 shows them: each option is a
 * {@code dns.opt} node with its code, length and data, followed by the decoded value of the options tshark knows:
 * DAU/DHU/N3U (RFC 6975), Client Subnet (RFC 7871), COOKIE (RFC 7873), edns-tcp-keepalive (RFC 7828), Padding
 * (RFC 7830), CHAIN (RFC 7901) and Extended DNS Errors (RFC 8914). At most {@link DecodeContext#MAX_OPTIONS}.
 */
final class DnsEdnsOptions {
    static final ValueNames CODES = ValueNames.of(1, "LLQ", 2, "UL", 3, "NSID", 4, "Owner (reserved)", 5, "DAU",
            6, "DHU", 7, "N3U", 8, "CSUBNET - Client subnet", 9, "EDNS EXPIRE", 10, "COOKIE",
            11, "EDNS TCP Keepalive", 12, "PADDING", 13, "CHAIN", 14, "EDNS Key Tag", 15, "Extended DNS Error");

    static final FieldDef OPT = Fields.group("dns.opt", "Option");
    static final FieldDef CODE = Fields.uint("dns.opt.code", "Option Code", 16, CODES);
    static final FieldDef LEN = Fields.uint("dns.opt.len", "Option Length", 16);
    static final FieldDef DATA = Fields.bytes("dns.opt.data", "Option Data");
    static final FieldDef DAU = Fields.uint("dns.opt.dau", "DAU", 8);
    static final FieldDef DHU = Fields.uint("dns.opt.dhu", "DHU", 8);
    static final FieldDef N3U = Fields.uint("dns.opt.n3u", "N3U", 8);
    static final FieldDef CLIENT_FAMILY = Fields.uint("dns.opt.client.family", "Family", 16);
    static final FieldDef CLIENT_NETMASK = Fields.uint("dns.opt.client.netmask", "Source Netmask", 8);
    static final FieldDef CLIENT_SCOPE = Fields.uint("dns.opt.client.scope", "Scope Netmask", 8);
    static final FieldDef CLIENT_ADDR = Fields.bytes("dns.opt.client.addr", "Client Subnet");
    static final FieldDef CLIENT_ADDR4 = Fields.ipv4("dns.opt.client.addr4", "Client Subnet");
    static final FieldDef CLIENT_ADDR6 = Fields.ipv6("dns.opt.client.addr6", "Client Subnet");
    static final FieldDef COOKIE_CLIENT = Fields.bytes("dns.opt.cookie.client", "Client Cookie");
    static final FieldDef COOKIE_SERVER = Fields.bytes("dns.opt.cookie.server", "Server Cookie");
    static final FieldDef KEEPALIVE = Fields.uint("dns.opt.edns_tcp_keepalive.timeout", "Timeout", 16);
    static final FieldDef PADDING = Fields.bytes("dns.opt.padding", "Padding");
    static final FieldDef CHAIN = Fields.string("dns.opt.chain.fqdn", "Closest Trust Point");
    static final FieldDef EXT_ERROR_CODE = Fields.uint("dns.opt.ext_error.info_code", "Info Code", 16);
    static final FieldDef EXT_ERROR_TEXT = Fields.string("dns.opt.ext_error.extra_text", "Extra Text");

    static final int DAU_CODE = 5, DHU_CODE = 6, N3U_CODE = 7, ECS = 8, COOKIE = 10, KEEPALIVE_CODE = 11,
            PADDING_CODE = 12, CHAIN_CODE = 13, EXT_ERROR = 15;

    private DnsEdnsOptions() { }

    static void decode(DecodeContext c, DnsRdataReader r) {
        for (int n = 0; r.pos < r.stop; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, r.pos, "more than " + c.maxOptions() + " EDNS options");
                r.pos = r.stop;
                return;
            }
            if (!r.need(4)) return;
            int at = r.pos;
            int code = c.u16(at), len = c.u16(at + 2);
            int v = at + 4;
            int have = Math.min(len, r.stop - v);
            c.out().beginGroup(OPT, at, 4 + have);
            c.add(CODE, code, at, 2);
            c.add(LEN, len, at + 2, 2);
            if (len > 0) {
                c.ref(DATA, v, have);
                if (have == len) value(c, code, v, len);
            }
            c.out().endGroup();
            r.pos = v + have;
            if (have < len) {
                r.cutShort();
                return;
            }
        }
    }

    private static void value(DecodeContext c, int code, int v, int len) {
        switch (code) {
            case DAU_CODE, DHU_CODE, N3U_CODE -> {
                FieldDef f = code == DAU_CODE ? DAU : code == DHU_CODE ? DHU : N3U;
                for (int i = 0; i < len; i++) c.add(f, c.u8(v + i), v + i, 1);
            }
            case ECS -> {
                if (len < 4) return;
                int family = c.u16(v);
                c.add(CLIENT_FAMILY, family, v, 2);
                c.add(CLIENT_NETMASK, c.u8(v + 2), v + 2, 1);
                c.add(CLIENT_SCOPE, c.u8(v + 3), v + 3, 1);
                int alen = len - 4;
                if (family == 1 && alen <= 4) {
                    // the prefix's bytes, zero-filled to a whole address
                    long a = 0;
                    for (int i = 0; i < 4; i++) a = (a << 8) | (i < alen ? c.u8(v + 4 + i) : 0);
                    c.add(CLIENT_ADDR4, a, v + 4, alen);
                } else if (family == 2 && alen <= 16) {
                    byte[] a = new byte[16];
                    for (int i = 0; i < alen; i++) a[i] = (byte) c.u8(v + 4 + i);
                    c.out().addObject(CLIENT_ADDR6, a, v + 4, alen);
                } else if (alen > 0) {
                    c.ref(CLIENT_ADDR, v + 4, alen);
                }
            }
            case COOKIE -> {
                c.ref(COOKIE_CLIENT, v, Math.min(8, len));
                // a query's cookie has no server part; tshark then prints <MISSING>, which no byte field can
                if (len > 8) c.ref(COOKIE_SERVER, v + 8, len - 8);
            }
            case KEEPALIVE_CODE -> {
                if (len == 2) c.add(KEEPALIVE, c.u16(v), v, 2);
            }
            case PADDING_CODE -> c.ref(PADDING, v, len);
            case CHAIN_CODE -> {
                // tshark shows the wire form of the name as text, up to its terminating zero
                int n = 0;
                while (n < len && c.u8(v + n) != 0) n++;
                c.out().addObject(CHAIN, DnsNames.ascii(c, v, n), v, len);
            }
            case EXT_ERROR -> {
                if (len < 2) return;
                c.add(EXT_ERROR_CODE, c.u16(v), v, 2);
                if (len > 2) c.out().addObject(EXT_ERROR_TEXT, DnsNames.ascii(c, v + 2, len - 2), v + 2, len - 2);
            }
            default -> { }
        }
    }
}
