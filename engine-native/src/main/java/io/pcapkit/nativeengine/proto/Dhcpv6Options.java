package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * DHCPv6 options (RFC 8415 section 21 and later RFCs), as tshark 4.0 shows them: each option is a
 * {@code dhcpv6.option.type_str} node named after the option, holding its code, length and value. Identity
 * associations (IA_NA, IA_TA, IA_PD) and their addresses and prefixes carry options of their own, walked the same
 * way; DUIDs are in {@link Dhcpv6Duid}, domain names, client FQDN and NTP servers in {@link Dhcpv6OptionValues}. Bounded: at most {@link DecodeContext#MAX_OPTIONS} options per list and
 * {@link #MAX_DEPTH} levels of options within options.
 */
final class Dhcpv6Options {
    static final ValueNames NAMES = ValueNames.of(
            139, "opttype_vals", 1, "Client Identifier", 2, "Server Identifier",
            3, "Identity Association for Non-temporary Address", 4, "Identity Association for Temporary Address",
            5, "IA Address", 6, "Option Request", 7, "Preference", 8, "Elapsed time", 9, "Relay Message",
            11, "Authentication", 12, "Server unicast", 13, "Status code", 14, "Rapid Commit", 15, "User Class",
            16, "Vendor Class", 17, "Vendor-specific Information", 18, "Interface-Id", 19, "Reconfigure Message",
            20, "Reconfigure Accept", 21, "SIP Server Domain Name List", 22, "SIP Servers IPv6 Address List",
            23, "DNS recursive name server", 24, "Domain Search List",
            25, "Identity Association for Prefix Delegation", 26, "IA Prefix", 27, "Network Information Server",
            28, "Network Information Server V2", 29, "Network Information Server Domain Name",
            30, "Network Information Server V2 Domain Name", 31, "Simple Network Time Protocol Server",
            32, "Lifetime", 33, "BCMCS Server Domain", 34, "BCMCS Servers IPv6 Address List",
            36, "Geoconf Civic Address", 37, "Remote Identifier", 38, "Subscriber Identifier",
            39, "Client Fully Qualified Domain Name", 40, "PANA Agents IPv6 Address List", 41, "Time Zone",
            42, "Time Zone Database", 43, "Echo Request Option", 44, "Leasequery Query",
            45, "Leasequery Client Data", 46, "Client Last Transaction Time", 47, "Leasequery Relay Data",
            48, "Leasequery Client Link Address List", 49, "Home Network Identifier FQDN",
            50, "Visited Home Network Information", 51, "LoST Server", 52, "CAPWAP Access Controllers",
            53, "Relay-ID", 54, "MoS IPv6 Address", 55, "MoS Domain Name List", 56, "NTP Server",
            57, "Access Network Domain Name", 58, "SIP User Agent Configuration Service Domains",
            59, "Boot File URL", 60, "Boot File Parameters", 61, "Client System Architecture Type",
            62, "Client Network Interface Identifier", 63, "Geolocation", 64, "Dual-Stack Lite AFTR Name",
            65, "ERP Local Domain Name", 66, "Relay-Supplied Options", 67, "Prefix Exclude",
            68, "Virtual Subnet Selection", 69, "Identified Home Network Information",
            70, "Unrestricted Home Network Information", 71, "Home Network Prefix", 72, "Home Agent Address",
            73, "Home Agent FQDN", 74, "RDNSS Selection", 75, "Kerberos Principal Name", 76, "Kerberos Realm Name",
            77, "Kerberos Default Realm Name", 78, "Kerberos KDC", 79, "Client Link-Layer Address",
            80, "Link Address", 81, "RADIUS", 82, "SOL_MAX_RT", 83, "INF_MAX_RT", 84, "Address Selection",
            85, "Address Selection table", 86, "PCP Server", 87, "DHCPv4 Message", 88, "DHCP 4o6 Servers Address",
            89, "S46 Rule", 90, "S46 BR", 91, "S46 DMR", 92, "S46 IPv4/IPv6 Address Binding",
            93, "S46 Port Parameters", 94, "S46 MAP-E Container", 95, "S46 MAP-T Container",
            96, "S46 Lightweight 4over6 Container", 97, "4rd Options", 98, "4rd Mapping Rule",
            99, "4rd Non-Mapping Rule", 100, "LQ Server Base Time", 101, "LQ Server Query Start Time",
            102, "LQ Server Query End Time", 103, "Captive Portal", 104, "MPL Parameter Configuration",
            105, "Access Technology Type", 106, "Access Network Name", 107, "Access Point Name",
            108, "Access Point BSSID", 109, "Access Network Operator ID", 110, "Access Network Operator Realm",
            111, "S46 Priority", 112, "Manufacturer Usage Description", 113, "IPv4/IPv6 Multicast Prefixes",
            114, "Failover Binding Status", 115, "Failover Connect Flags", 116, "Failover DNS Removal Info",
            117, "Failover DNS Hostname", 118, "Failover DNS Zone Name", 119, "Failover DNS Flags",
            120, "Failover Expiration Time", 121, "Failover Maximum Number Unacked BNDUPD Messages",
            122, "Failover Maximum Client Lead Time (MCLT)", 123, "Failover Partner Lifetime",
            124, "Failover Partner Lifetime Sent", 125, "Failover Partner Down Time",
            126, "Failover Partner Raw Client Time", 127, "Failover Protocol Version",
            128, "Failover Keepalive Time", 129, "Failover Reconfigure Data", 130, "Failover Relationship Name",
            131, "Failover Server Flags", 132, "Failover Server State", 133, "Failover Start Time of State",
            134, "Failover State Expiration Time", 135, "Relay Source Port", 136, "SZTP Redirect",
            137, "Softwire Source Binding Prefix Hint", 143, "ANDSF IPv6 Address", 165, "Mobile IPv6 Home Agent",
            166, "Mobile IPv6 Home Address", 167, "Network Access Identifier");

    static final FieldDef TYPE_STR = Fields.string("dhcpv6.option.type_str", "Option");
    static final FieldDef TYPE = Fields.uint("dhcpv6.option.type", "Option", 16, NAMES);
    static final FieldDef LENGTH = Fields.uint("dhcpv6.option.length", "Length", 16);
    static final FieldDef IAID = Fields.string("dhcpv6.iaid", "IAID");
    static final FieldDef T1 = Fields.uint("dhcpv6.iaid.t1", "T1", 32);
    static final FieldDef T2 = Fields.uint("dhcpv6.iaid.t2", "T2", 32);
    static final FieldDef IATA = Fields.string("dhcpv6.iata", "IAID");
    static final FieldDef IAADDR = Fields.ipv6("dhcpv6.iaaddr.ip", "IPv6 address");
    static final FieldDef IAADDR_PREF = Fields.uint("dhcpv6.iaaddr.pref_lifetime", "Preferred lifetime", 32);
    static final FieldDef IAADDR_VALID = Fields.uint("dhcpv6.iaaddr.valid_lifetime", "Valid lifetime", 32);
    static final FieldDef IAPREFIX_PREF = Fields.uint("dhcpv6.iaprefix.pref_lifetime", "Preferred lifetime", 32);
    static final FieldDef IAPREFIX_VALID = Fields.uint("dhcpv6.iaprefix.valid_lifetime", "Valid lifetime", 32);
    static final FieldDef IAPREFIX_LEN = Fields.uint("dhcpv6.iaprefix.pref_len", "Prefix length", 8);
    static final FieldDef IAPREFIX_ADDR = Fields.ipv6("dhcpv6.iaprefix.pref_addr", "Prefix address");
    static final FieldDef REQUESTED = Fields.uint("dhcpv6.requested_option_code", "Requested Option code", 16, NAMES);
    static final FieldDef PREFERENCE = Fields.uint("dhcpv6.option_preference", "Pref-value", 8);
    static final FieldDef ELAPSED = Fields.uint("dhcpv6.elapsed_time", "Elapsed time", 16);
    static final FieldDef UNICAST = Fields.ipv6("dhcpv6.unicast", "Server address");
    static final FieldDef STATUS_CODE = Fields.uint("dhcpv6.status_code", "Status Code", 16);
    static final FieldDef STATUS_MSG = Fields.string("dhcpv6.status_msg", "Status Message");
    static final FieldDef USERCLASS_LENGTH = Fields.uint("dhcpv6.userclass.length", "User Class length", 16);
    static final FieldDef USERCLASS_DATA = Fields.bytes("dhcpv6.userclass.opaque_data", "User Class opaque-data");
    static final FieldDef VENDORCLASS_ENTERPRISE = Fields.uint("dhcpv6.vendorclass.enterprise", "Enterprise ID", 32);
    static final FieldDef VENDORCLASS_DATA = Fields.string("dhcpv6.vendorclass.data", "vendor-class-data");
    static final FieldDef VENDOROPTS_ENTERPRISE = Fields.uint("dhcpv6.vendoropts.enterprise", "Enterprise ID", 32);
    static final FieldDef VENDOROPTS_CODE = Fields.uint("dhcpv6.vendoropts.enterprise.option_code", "Option", 16);
    static final FieldDef VENDOROPTS_LENGTH = Fields.uint("dhcpv6.vendoropts.enterprise.option_length",
            "Option length", 16);
    static final FieldDef VENDOROPTS_DATA = Fields.bytes("dhcpv6.vendoropts.enterprise.option_data", "Option Data");
    static final FieldDef INTERFACE_ID = Fields.bytes("dhcpv6.interface_id", "Interface-ID");
    static final FieldDef RECONF_MSG = Fields.uint("dhcpv6.reconf_msg", "Reconfigure-type", 8);
    static final FieldDef SIP_DOMAIN = Fields.string("dhcpv6.sip_server_domain_search_fqdn", "Domain");
    static final FieldDef SIP_SERVER = Fields.ipv6("dhcpv6.sip_server_a", "SIP server address");
    static final FieldDef DNS_SERVER = Fields.ipv6("dhcpv6.dns_server", "DNS server address");
    static final FieldDef SEARCH_LIST = Fields.string("dhcpv6.search_list_entry", "Domain name");
    static final FieldDef NIS_SERVER = Fields.ipv6("dhcpv6.nis_server", "NIS server address");
    static final FieldDef NISP_SERVER = Fields.ipv6("dhcpv6.nisp_server", "NISP server address");
    static final FieldDef NIS_FQDN = Fields.string("dhcpv6.nis_fqdn", "nis-domain-name");
    static final FieldDef NISP_FQDN = Fields.string("dhcpv6.nisp_fqdn", "nisp-domain-name");
    static final FieldDef SNTP_SERVER = Fields.ipv6("dhcpv6.sntp_server", "SNTP server address");
    static final FieldDef LIFETIME = Fields.uint("dhcpv6.lifetime", "Lifetime", 32);
    static final FieldDef AFTR_NAME = Fields.string("dhcpv6.aftr_name", "DS-Lite AFTR Name");
    static final FieldDef CAPTIVE_PORTAL = Fields.string("dhcpv6.captive_portal", "Captive Portal");
    static final FieldDef MUDURL = Fields.string("dhcpv6.mudurl", "MUD URL");
    static final FieldDef RELAY_PORT = Fields.uint("dhcpv6.relay_port", "Relay Source Port", 16);
    static final FieldDef PD_EXCLUDE_LEN = Fields.uint("dhcpv6.pd_exclude.pref_len", "Prefix length", 8);
    static final FieldDef PD_EXCLUDE_SUBNET = Fields.bytes("dhcpv6.pd_exclude.subnet_id", "Subnet ID");

    static final int CLIENTID = 1, SERVERID = 2, IA_NA = 3, IA_TA = 4, IAADDR_CODE = 5, ORO = 6, PREFERENCE_CODE = 7,
            ELAPSED_CODE = 8, RELAY_MSG = 9, UNICAST_CODE = 12, STATUS = 13, USER_CLASS = 15, VENDOR_CLASS = 16,
            VENDOR_OPTS = 17, INTERFACE_ID_CODE = 18, RECONF = 19, SIP_DOMAINS = 21, SIP_SERVERS = 22, DNS = 23,
            DOMAIN_LIST = 24, IA_PD = 25, IAPREFIX = 26, NIS = 27, NISP = 28, NIS_DOMAIN = 29, NISP_DOMAIN = 30,
            SNTP = 31, LIFETIME_CODE = 32, CLIENT_FQDN = 39, NTP = 56, AFTR = 64, PD_EXCLUDE = 67, CAPTIVE = 103,
            MUD = 112, RELAY_SOURCE_PORT = 135;
    static final long CABLELABS = 4491;

    /** Options within options (IA → address → status …); no valid message goes deeper than a few levels. */
    static final int MAX_DEPTH = 8;

    private Dhcpv6Options() { }

    /** The options of a message of type {@code msgType} from {@code at} to {@code end}. */
    static void decode(DecodeContext c, int at, int end, int msgType, int relayDepth) {
        list(c, at, end, msgType, relayDepth, 0);
    }

    private static void list(DecodeContext c, int at, int end, int msgType, int relayDepth, int depth) {
        if (depth > MAX_DEPTH) {
            c.anomaly(Anomaly.Kind.LIMIT, at, "DHCPv6 options nested deeper than " + MAX_DEPTH);
            return;
        }
        int p = at;
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " DHCPv6 options");
                return;
            }
            if (p + 4 > end) {
                c.truncated(end - at, "DHCPv6 option header cut short");
                return;
            }
            int code = c.u16(p), olen = c.u16(p + 2);
            int v = p + 4;
            // tshark shows nothing of an option whose value runs past the message
            if (v + olen > end) {
                c.truncated(end - at, "DHCPv6 option " + code + " of " + olen + " bytes cut short");
                return;
            }
            String name = NAMES.name(code);
            c.out().beginGroupObject(TYPE_STR, name == null ? "DHCP option " + code : name, p, 4 + olen);
            c.add(TYPE, code, p, 2);
            c.add(LENGTH, olen, p + 2, 2);
            value(c, code, v, olen, msgType, relayDepth, depth);
            c.out().endGroup();
            p = v + olen;
        }
    }

    private static void value(DecodeContext c, int code, int v, int len, int msgType, int relayDepth, int depth) {
        int end = v + len;
        switch (code) {
            case CLIENTID, SERVERID -> Dhcpv6Duid.decode(c, v, len);
            case IA_NA, IA_PD -> {
                if (len < 12) return;
                c.out().addObject(IAID, hex(c, v, 4), v, 4);
                c.add(T1, c.u32(v + 4), v + 4, 4);
                c.add(T2, c.u32(v + 8), v + 8, 4);
                list(c, v + 12, end, msgType, relayDepth, depth + 1);
            }
            case IA_TA -> {
                if (len < 4) return;
                c.out().addObject(IATA, hex(c, v, 4), v, 4);
                list(c, v + 4, end, msgType, relayDepth, depth + 1);
            }
            case IAADDR_CODE -> {
                if (len < 24) return;
                c.ref(IAADDR, v, 16);
                c.add(IAADDR_PREF, c.u32(v + 16), v + 16, 4);
                c.add(IAADDR_VALID, c.u32(v + 20), v + 20, 4);
                list(c, v + 24, end, msgType, relayDepth, depth + 1);
            }
            case IAPREFIX -> {
                if (len < 25) return;
                c.add(IAPREFIX_PREF, c.u32(v), v, 4);
                c.add(IAPREFIX_VALID, c.u32(v + 4), v + 4, 4);
                c.add(IAPREFIX_LEN, c.u8(v + 8), v + 8, 1);
                c.ref(IAPREFIX_ADDR, v + 9, 16);
                list(c, v + 25, end, msgType, relayDepth, depth + 1);
            }
            case ORO -> {
                for (int i = 0; i + 2 <= len; i += 2) c.add(REQUESTED, c.u16(v + i), v + i, 2);
            }
            case PREFERENCE_CODE -> {
                if (len == 1) c.add(PREFERENCE, c.u8(v), v, 1);
            }
            case ELAPSED_CODE -> {
                // hundredths of a second on the wire; tshark's value is in milliseconds
                if (len == 2) c.add(ELAPSED, c.u16(v) * 10L, v, 2);
            }
            case RELAY_MSG -> Dhcpv6Decoder.relayed(c, v, end, relayDepth);
            case UNICAST_CODE -> {
                if (len == 16) c.ref(UNICAST, v, 16);
            }
            case STATUS -> {
                if (len < 2) return;
                c.add(STATUS_CODE, c.u16(v), v, 2);
                c.out().addObject(STATUS_MSG, DnsNames.ascii(c, v + 2, len - 2), v + 2, len - 2);
            }
            case USER_CLASS -> {
                for (int i = 0, n = 0; i + 2 <= len && n < c.maxOptions(); n++) {
                    int l = c.u16(v + i);
                    if (i + 2 + l > len) return;
                    c.add(USERCLASS_LENGTH, l, v + i, 2);
                    if (l > 0) c.ref(USERCLASS_DATA, v + i + 2, l);
                    i += 2 + l;
                }
            }
            case VENDOR_CLASS -> {
                if (len < 4) return;
                c.add(VENDORCLASS_ENTERPRISE, c.u32(v), v, 4);
                for (int i = 4, n = 0; i + 2 <= len && n < c.maxOptions(); n++) {
                    int l = c.u16(v + i);
                    if (i + 2 + l > len) return;
                    c.out().addObject(VENDORCLASS_DATA, DhcpDecoder.zeroTerminated(c, v + i + 2, l), v + i + 2, l);
                    i += 2 + l;
                }
            }
            case VENDOR_OPTS -> {
                if (len < 4) return;
                long enterprise = c.u32(v);
                c.add(VENDOROPTS_ENTERPRISE, enterprise, v, 4);
                // CableLabs' options (DOCSIS, PacketCable) have a decoding of their own in tshark, not done here
                if (enterprise == CABLELABS) return;
                for (int i = 4, n = 0; i + 4 <= len && n < c.maxOptions(); n++) {
                    int l = c.u16(v + i + 2);
                    if (i + 4 + l > len) return;
                    c.add(VENDOROPTS_CODE, c.u16(v + i), v + i, 2);
                    c.add(VENDOROPTS_LENGTH, l, v + i + 2, 2);
                    if (l > 0) c.ref(VENDOROPTS_DATA, v + i + 4, l);
                    i += 4 + l;
                }
            }
            case INTERFACE_ID_CODE -> {
                if (len > 0) c.ref(INTERFACE_ID, v, len);
            }
            case RECONF -> {
                if (len == 1) c.add(RECONF_MSG, c.u8(v), v, 1);
            }
            case SIP_DOMAINS -> Dhcpv6OptionValues.names(c, v, end, SIP_DOMAIN);
            case DOMAIN_LIST -> Dhcpv6OptionValues.names(c, v, end, SEARCH_LIST);
            case NIS_DOMAIN -> Dhcpv6OptionValues.names(c, v, end, NIS_FQDN);
            case NISP_DOMAIN -> Dhcpv6OptionValues.names(c, v, end, NISP_FQDN);
            case AFTR -> Dhcpv6OptionValues.names(c, v, end, AFTR_NAME);
            case SIP_SERVERS -> addresses(c, v, len, SIP_SERVER);
            case DNS -> addresses(c, v, len, DNS_SERVER);
            case NIS -> addresses(c, v, len, NIS_SERVER);
            case NISP -> addresses(c, v, len, NISP_SERVER);
            case SNTP -> addresses(c, v, len, SNTP_SERVER);
            case LIFETIME_CODE -> {
                if (len == 4) c.add(LIFETIME, c.u32(v), v, 4);
            }
            case CLIENT_FQDN -> Dhcpv6OptionValues.fqdn(c, v, len, msgType);
            case NTP -> Dhcpv6OptionValues.ntpServers(c, v, end);
            case PD_EXCLUDE -> {
                if (len < 1) return;
                c.add(PD_EXCLUDE_LEN, c.u8(v), v, 1);
                if (len > 1) c.ref(PD_EXCLUDE_SUBNET, v + 1, len - 1);
            }
            case CAPTIVE -> c.out().addObject(CAPTIVE_PORTAL, DnsNames.ascii(c, v, len), v, len);
            case MUD -> c.out().addObject(MUDURL, DnsNames.ascii(c, v, len), v, len);
            case RELAY_SOURCE_PORT -> {
                if (len == 2) c.add(RELAY_PORT, c.u16(v), v, 2);
            }
            default -> { }
        }
    }

    private static void addresses(DecodeContext c, int v, int len, FieldDef f) {
        for (int i = 0; i + 16 <= len; i += 16) c.ref(f, v + i, 16);
    }

    /** Four bytes as eight hex digits (tshark's IAID text). */
    static String hex(DecodeContext c, int at, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            int x = c.u8(at + i);
            sb.append(Character.forDigit(x >> 4, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
