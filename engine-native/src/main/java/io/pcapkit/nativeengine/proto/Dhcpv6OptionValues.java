package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * DHCPv6 option values with a structure of their own (see {@link Dhcpv6Options}): domain name lists (RFC 8415
 * section 10), the client FQDN (RFC 4704) and NTP server sub-options (RFC 5908), with tshark 4.0's fields.
 */
final class Dhcpv6OptionValues {
    static final FieldDef FQDN_FLAGS = Fields.hex("dhcpv6.client_fqdn_flags", "Flags", 8);
    static final FieldDef FQDN_CLIENT_N = Fields.flag("dhcpv6.clientfqdn.client.n", "N bit", 8, 0x04);
    static final FieldDef FQDN_CLIENT_S = Fields.flag("dhcpv6.clientfqdn.client.s", "S bit", 8, 0x01);
    static final FieldDef FQDN_SERVER_N = Fields.flag("dhcpv6.clientfqdn.server.n", "N bit", 8, 0x04);
    static final FieldDef FQDN_SERVER_O = Fields.flag("dhcpv6.clientfqdn.server.o", "O bit", 8, 0x02);
    static final FieldDef FQDN_SERVER_S = Fields.flag("dhcpv6.clientfqdn.server.s", "S bit", 8, 0x01);
    static final FieldDef CLIENT_DOMAIN = Fields.string("dhcpv6.client_domain", "Domain name");
    static final FieldDef NTP_SUBOPTION = Fields.uint("dhcpv6.ntpserver.option.type", "NTP Server suboption", 16);
    static final FieldDef NTP_SUBOPTION_LENGTH = Fields.uint("dhcpv6.ntpserver.option.length", "Length", 16);
    static final FieldDef NTP_ADDR = Fields.ipv6("dhcpv6.ntpserver.addr", "NTP Server Address");
    static final FieldDef NTP_MC_ADDR = Fields.ipv6("dhcpv6.ntpserver.mc_addr", "NTP Multicast Address");
    static final FieldDef NTP_FQDN = Fields.string("dhcpv6.ntpserver.fqdn", "NTP Server FQDN");
    static final FieldDef TLD = Fields.string("dhcpv6.tld", "Top-level domain");
    static final FieldDef TLD_EXPERT = Fields.group("dhcpv6.expert.tld_lookup", "Top-level domain lookup");

    private Dhcpv6OptionValues() { }

    /** Client FQDN (RFC 4704): the flags a client sends (N, S) differ from a server's (N, O, S). */
    static void fqdn(DecodeContext c, int v, int len, int msgType) {
        if (len < 1) return;
        int flags = c.u8(v);
        c.out().beginGroup(FQDN_FLAGS, flags, v, 1);
        if (isFromServer(msgType)) {
            c.add(FQDN_SERVER_N, flags >> 2 & 1, v, 1);
            c.add(FQDN_SERVER_O, flags >> 1 & 1, v, 1);
            c.add(FQDN_SERVER_S, flags & 1, v, 1);
        } else {
            c.add(FQDN_CLIENT_N, flags >> 2 & 1, v, 1);
            c.add(FQDN_CLIENT_S, flags & 1, v, 1);
        }
        c.out().endGroup();
        names(c, v + 1, v + len, CLIENT_DOMAIN);
    }

    static boolean isFromServer(int msgType) {
        return msgType == 2 || msgType == 7 || msgType == 10 || msgType == 13 || msgType == 15;
    }

    /** NTP Server (RFC 5908): sub-options holding a server address, a multicast address or a name. */
    static void ntpServers(DecodeContext c, int v, int end) {
        int p = v;
        for (int n = 0; p + 4 <= end && n < c.maxOptions(); n++) {
            int code = c.u16(p), l = c.u16(p + 2);
            if (p + 4 + l > end) return;
            c.add(NTP_SUBOPTION, code, p, 2);
            c.add(NTP_SUBOPTION_LENGTH, l, p + 2, 2);
            int d = p + 4;
            switch (code) {
                case 1 -> {
                    if (l == 16) c.ref(NTP_ADDR, d, 16);
                }
                case 2 -> {
                    if (l == 16) c.ref(NTP_MC_ADDR, d, 16);
                }
                case 3 -> names(c, d, d + l, NTP_FQDN);
                default -> { }
            }
            p = d + l;
        }
    }

    /**
     * A list of domain names in DNS wire form without compression (RFC 8415 section 10), as tshark shows them: a
     * fully qualified name with its trailing dot, a name not ended by its root label (a partial name, RFC 4704)
     * without; a fully qualified name of one label is a top-level domain, which tshark reports apart.
     */
    static void names(DecodeContext c, int v, int end, FieldDef f) {
        int p = v;
        for (int n = 0; p < end && n < c.maxOptions(); n++) {
            int start = p;
            StringBuilder sb = new StringBuilder();
            int labels = 0;
            boolean complete = false;
            while (p < end) {
                int l = c.u8(p);
                if (l == 0) {
                    p++;
                    complete = true;
                    break;
                }
                if (l > 63 || p + 1 + l > end) {
                    c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "DHCPv6 domain label of " + l + " bytes runs past its option");
                    return;
                }
                if (labels++ > 0) sb.append('.');
                sb.append(DnsNames.ascii(c, p + 1, l));
                p += 1 + l;
            }
            if (complete) sb.append('.');
            if (complete && labels == 1) {
                c.out().addObject(TLD, sb.toString(), start, p - start);
                c.out().addObject(TLD_EXPERT, null, start, p - start);
            } else {
                c.out().addObject(f, sb.toString(), start, p - start);
            }
        }
    }
}
