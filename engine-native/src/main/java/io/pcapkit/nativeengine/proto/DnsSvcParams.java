package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * SVCB and HTTPS records (types 64 and 65, RFC 9460): priority, target name, then each SvcParam as a
 * {@code dns.svcb.svcparam} node with its key, length and the value tshark 4.0 decodes (mandatory keys, ALPN ids,
 * port, address hints, ECH and ODoH configurations; other keys as bytes). At most {@link DecodeContext#MAX_OPTIONS}.
 */
final class DnsSvcParams {
    static final ValueNames KEYS = ValueNames.of(0, "mandatory", 1, "alpn", 2, "no-default-alpn", 3, "port",
            4, "ipv4hint", 5, "ech", 6, "ipv6hint", 32769, "odoh");

    static final FieldDef PRIORITY = Fields.uint("dns.svcb.svcpriority", "SvcPriority", 16);
    static final FieldDef TARGET = Fields.string("dns.svcb.targetname", "TargetName");
    static final FieldDef PARAM = Fields.group("dns.svcb.svcparam", "SvcParam");
    static final FieldDef KEY = Fields.uint("dns.svcb.svcparam.key", "SvcParamKey", 16, KEYS);
    static final FieldDef LENGTH = Fields.uint("dns.svcb.svcparam.value.length", "SvcParamValue length", 16);
    static final FieldDef VALUE = Fields.bytes("dns.svcb.svcparam.value", "SvcParamValue");
    static final FieldDef MANDATORY = Fields.uint("dns.svcb.svcparam.mandatory.key", "Mandatory key", 16, KEYS);
    static final FieldDef ALPN_LENGTH = Fields.uint("dns.svcb.svcparam.alpn.length", "ALPN length", 8);
    static final FieldDef ALPN = Fields.string("dns.svcb.svcparam.alpn", "ALPN");
    static final FieldDef PORT = Fields.uint("dns.svcb.svcparam.port", "Port", 16);
    static final FieldDef IPV4HINT = Fields.ipv4("dns.svcb.svcparam.ipv4hint.ip", "IP");
    static final FieldDef ECH = Fields.bytes("dns.svcb.svcparam.echconfig", "ECHConfig");
    static final FieldDef IPV6HINT = Fields.ipv6("dns.svcb.svcparam.ipv6hint.ip", "IP");
    static final FieldDef ODOH = Fields.bytes("dns.svcb.svcparam.odohconfig", "ODoHConfig");

    private DnsSvcParams() { }

    static void decode(DecodeContext c, DnsRdataReader r) {
        if (!r.u16(PRIORITY) || !r.name(TARGET)) return;
        for (int n = 0; r.pos < r.stop; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, r.pos, "more than " + c.maxOptions() + " SvcParams");
                r.pos = r.stop;
                return;
            }
            if (!r.need(4)) return;
            int at = r.pos;
            int key = c.u16(at), len = c.u16(at + 2);
            int v = at + 4;
            int have = Math.min(len, r.stop - v);
            c.out().beginGroup(PARAM, at, 4 + have);
            c.add(KEY, key, at, 2);
            c.add(LENGTH, len, at + 2, 2);
            if (have == len) value(c, key, v, len);
            c.out().endGroup();
            r.pos = v + have;
            if (have < len) {
                r.cutShort();
                return;
            }
        }
    }

    private static void value(DecodeContext c, int key, int v, int len) {
        switch (key) {
            case 0 -> {
                for (int i = 0; i + 2 <= len; i += 2) c.add(MANDATORY, c.u16(v + i), v + i, 2);
            }
            case 1 -> {
                int i = 0;
                while (i < len) {
                    int l = c.u8(v + i);
                    if (i + 1 + l > len) break;
                    c.add(ALPN_LENGTH, l, v + i, 1);
                    c.out().addObject(ALPN, DnsNames.ascii(c, v + i + 1, l), v + i + 1, l);
                    i += 1 + l;
                }
            }
            case 2 -> { }
            case 3 -> {
                if (len == 2) c.add(PORT, c.u16(v), v, 2);
            }
            case 4 -> {
                for (int i = 0; i + 4 <= len; i += 4) c.add(IPV4HINT, c.u32(v + i), v + i, 4);
            }
            case 5 -> c.ref(ECH, v, len);
            case 6 -> {
                for (int i = 0; i + 16 <= len; i += 16) c.ref(IPV6HINT, v + i, 16);
            }
            case 32769 -> c.ref(ODOH, v, len);
            default -> {
                if (len > 0) c.ref(VALUE, v, len);
            }
        }
    }
}
