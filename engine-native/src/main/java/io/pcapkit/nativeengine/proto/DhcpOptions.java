package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * DHCP options (RFC 2132 and later), as tshark 4.0 shows them: each option is a {@code dhcp.option.type} node with
 * its length and raw value ({@code dhcp.option.value}), then its decoded value in the option's own field. Most options
 * are one of a few shapes (an address, a list of addresses, a number, a flag, text), kept in a table indexed by code;
 * the parameter request list is read here, the client identifier, client FQDN, user class and classless routes in
 * {@link DhcpOptionValues}, relay agent information in {@link DhcpRelayAgent}.
 * Pad (0) options are skipped, End (255) stops the walk and what follows is {@code dhcp.option.padding}. At most
 * {@link DecodeContext#MAX_OPTIONS} options.
 */
final class DhcpOptions {
    static final FieldDef TYPE = Fields.uint("dhcp.option.type", "Option", 8);
    static final FieldDef LENGTH = Fields.uint("dhcp.option.length", "Length", 8);
    static final FieldDef VALUE = Fields.bytes("dhcp.option.value", "Value");
    static final FieldDef END = Fields.uint("dhcp.option.end", "Option End", 8);
    static final FieldDef PADDING = Fields.bytes("dhcp.option.padding", "Padding");
    static final FieldDef REQUEST_ITEM = Fields.uint("dhcp.option.request_list_item", "Parameter Request List Item", 8);
    static final int PAD = 0, END_CODE = 255, REQUEST_LIST = 55, CLIENT_ID = 61, USER_CLASS = 77, CLIENT_FQDN = 81,
            RELAY_AGENT = 82, CLASSLESS_ROUTE = 121;

    /** The shape of an option's value. */
    enum Kind { IPV4, IPV4_LIST, U8, U16, U16_LIST, U32, I32, BOOL, TEXT }

    private static final Kind[] KIND = new Kind[256];
    private static final FieldDef[] FIELD = new FieldDef[256];

    private static void def(int code, Kind kind, String name, String label) {
        KIND[code] = kind;
        FIELD[code] = switch (kind) {
            case IPV4, IPV4_LIST -> Fields.ipv4(name, label);
            case U8 -> Fields.uint(name, label, 8);
            case U16, U16_LIST -> Fields.uint(name, label, 16);
            case U32 -> Fields.uint(name, label, 32);
            case I32 -> Fields.define(name, label, FieldType.INT, Base.DEC, 32, 0, null, "");
            case BOOL -> Fields.flag(name, label, 8, 0);
            case TEXT -> Fields.string(name, label);
        };
    }

    static {
        String o = "dhcp.option.";
        def(1, Kind.IPV4, o + "subnet_mask", "Subnet Mask");
        def(2, Kind.I32, o + "time_offset", "Time Offset");
        def(3, Kind.IPV4_LIST, o + "router", "Router");
        def(4, Kind.IPV4_LIST, o + "time_server", "Time Server");
        def(5, Kind.IPV4_LIST, o + "name_server", "Name Server");
        def(6, Kind.IPV4_LIST, o + "domain_name_server", "Domain Name Server");
        def(7, Kind.IPV4_LIST, o + "log_server", "Log Server");
        def(8, Kind.IPV4_LIST, o + "quotes_server", "Quotes Server");
        def(9, Kind.IPV4_LIST, o + "lpr_server", "LPR Server");
        def(10, Kind.IPV4_LIST, o + "impress_server", "Impress Server");
        def(11, Kind.IPV4_LIST, o + "resource_location_server", "Resource Location Server");
        def(12, Kind.TEXT, o + "hostname", "Host Name");
        def(13, Kind.U16, o + "boot_file_size", "Boot File Size");
        def(14, Kind.TEXT, o + "merit_dump_file", "Merit Dump File");
        def(15, Kind.TEXT, o + "domain_name", "Domain Name");
        def(16, Kind.IPV4, o + "swap_server", "Swap Server");
        def(17, Kind.TEXT, o + "root_path", "Root Path");
        def(18, Kind.TEXT, o + "extension_path", "Extensions Path");
        def(19, Kind.BOOL, o + "ip_forwarding", "IP Forwarding");
        def(20, Kind.BOOL, o + "non_local_source_routing", "Non-Local Source Routing");
        def(22, Kind.U16, o + "max_datagram_reassembly_size", "Maximum Datagram Reassembly Size");
        def(23, Kind.U8, o + "default_ip_ttl", "Default IP Time-to-Live");
        def(24, Kind.U32, o + "path_mtu_aging_timeout", "Path MTU Aging Timeout");
        def(25, Kind.U16_LIST, o + "path_mtu_plateau_table_item", "Path MTU Plateau Table Item");
        def(26, Kind.U16, o + "interface_mtu", "Interface MTU");
        def(27, Kind.BOOL, o + "all_subnets_are_local", "All Subnets are Local");
        def(28, Kind.IPV4, o + "broadcast_address", "Broadcast Address");
        def(29, Kind.BOOL, o + "perform_mask_discovery", "Perform Mask Discovery");
        def(30, Kind.BOOL, o + "mask_supplier", "Mask Supplier");
        def(31, Kind.BOOL, o + "perform_router_discover", "Perform Router Discover");
        def(32, Kind.IPV4, o + "router_solicitation_address", "Router Solicitation Address");
        def(34, Kind.BOOL, o + "trailer_encapsulation", "Trailer Encapsulation");
        def(35, Kind.U32, o + "arp_cache_timeout", "ARP Cache Timeout");
        def(36, Kind.BOOL, o + "ethernet_encapsulation", "Ethernet Encapsulation");
        def(37, Kind.U8, o + "tcp_default_ttl", "TCP Default TTL");
        def(38, Kind.U32, o + "tcp_keepalive_interval", "TCP Keepalive Interval");
        def(39, Kind.BOOL, o + "tcp_keepalive_garbage", "TCP Keepalive Garbage");
        def(40, Kind.TEXT, o + "nis_domain", "Network Information Service Domain");
        def(41, Kind.IPV4_LIST, o + "nis_server", "Network Information Service Server");
        def(42, Kind.IPV4_LIST, o + "ntp_server", "Network Time Protocol Server");
        def(44, Kind.IPV4_LIST, o + "netbios_over_tcpip_name_server", "NetBIOS over TCP/IP Name Server");
        def(45, Kind.IPV4_LIST, o + "netbios_over_tcpip_dd_name_server", "NetBIOS over TCP/IP Datagram Distribution Name Server");
        def(46, Kind.U8, o + "netbios_over_tcpip_node_type", "NetBIOS over TCP/IP Node Type");
        def(47, Kind.TEXT, o + "netbios_over_tcpip_scope", "NetBIOS over TCP/IP Scope");
        def(48, Kind.IPV4_LIST, o + "xwindows_system_font_server", "X Window System Font Server");
        def(49, Kind.IPV4_LIST, o + "xwindows_system_display_manager", "X Window System Display Manager");
        def(50, Kind.IPV4, o + "requested_ip_address", "Requested IP Address");
        def(51, Kind.U32, o + "ip_address_lease_time", "IP Address Lease Time");
        def(52, Kind.U8, o + "option_overload", "Option Overload");
        def(53, Kind.U8, o + "dhcp", "DHCP");
        def(54, Kind.IPV4, o + "dhcp_server_id", "DHCP Server Identifier");
        def(56, Kind.TEXT, o + "message", "Message");
        def(57, Kind.U16, o + "dhcp_max_message_size", "Maximum DHCP Message Size");
        def(58, Kind.U32, o + "renewal_time_value", "Renewal Time Value");
        def(59, Kind.U32, o + "rebinding_time_value", "Rebinding Time Value");
        def(60, Kind.TEXT, o + "vendor_class_id", "Vendor class identifier");
        def(64, Kind.TEXT, o + "nis_plus_domain", "Network Information Service+ Domain");
        def(65, Kind.IPV4_LIST, o + "nis_plus_server", "Network Information Service+ Server");
        def(66, Kind.TEXT, o + "tftp_server_name", "TFTP Server Name");
        def(67, Kind.TEXT, o + "bootfile_name", "Bootfile name");
        def(68, Kind.IPV4_LIST, o + "mobile_ip_home_agent", "Mobile IP Home Agent");
        def(69, Kind.IPV4_LIST, o + "smtp_server", "SMTP Server");
        def(70, Kind.IPV4_LIST, o + "pop3_server", "POP3 Server");
        def(71, Kind.IPV4_LIST, o + "nntp_server", "NNTP Server");
        def(72, Kind.IPV4_LIST, o + "default_www_server", "Default WWW Server");
        def(73, Kind.IPV4_LIST, o + "default_finger_server", "Default Finger Server");
        def(74, Kind.IPV4_LIST, o + "default_irc_server", "Default IRC Server");
        def(75, Kind.IPV4_LIST, o + "streettalk_server", "StreetTalk Server");
        def(76, Kind.IPV4_LIST, o + "streettalk_da_server", "StreetTalk Directory Assistance Server");
        def(100, Kind.TEXT, o + "tz_pcode", "TZ PCode");
        def(101, Kind.TEXT, o + "tz_tcode", "TZ TCode");
        def(114, Kind.TEXT, o + "captive_portal", "Captive Portal");
        def(116, Kind.U8, o + "dhcp_auto_configuration", "DHCP Auto-Configuration");
        def(118, Kind.IPV4, o + "subnet_selection_option", "Subnet Selection Option");
        def(252, Kind.TEXT, o + "private_proxy_autodiscovery", "Private/Proxy autodiscovery");
    }

    private DhcpOptions() { }

    /** Walks the options from {@code at} to {@code end} (the captured end of the DHCP payload). */
    static void decode(DecodeContext c, int at, int end) {
        int p = at;
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " DHCP options");
                return;
            }
            int code = c.u8(p);
            if (code == PAD) {
                // a run of Pad options is one node of type 0, as tshark shows it
                int q = p;
                while (q < end && c.u8(q) == PAD) q++;
                c.out().beginGroup(TYPE, PAD, p, q - p);
                c.ref(PADDING, p, q - p);
                c.out().endGroup();
                p = q;
                continue;
            }
            if (code == END_CODE) {
                // tshark 4.0 gives End's node the value 0 and puts the code in dhcp.option.end
                c.out().beginGroup(TYPE, 0, p, 1);
                c.add(END, END_CODE, p, 1);
                c.out().endGroup();
                if (p + 1 < end) c.ref(PADDING, p + 1, end - p - 1);
                return;
            }
            if (p + 2 > end) {
                c.truncated(end - at, "DHCP option " + code + " cut short");
                return;
            }
            int olen = c.u8(p + 1);
            int v = p + 2;
            if (v + olen > end) {
                c.out().beginGroup(TYPE, code, p, end - p);
                c.add(LENGTH, olen, p + 1, 1);
                c.out().endGroup();
                c.truncated(end - at, "DHCP option " + code + " of " + olen + " bytes cut short");
                return;
            }
            c.out().beginGroup(TYPE, code, p, 2 + olen);
            c.add(LENGTH, olen, p + 1, 1);
            if (olen > 0) c.ref(VALUE, v, olen);
            value(c, code, v, olen);
            c.out().endGroup();
            p = v + olen;
        }
    }

    /** Whether the options hold a DHCP Message Type (53); a message without one is plain BOOTP to tshark. */
    static boolean hasMessageType(DecodeContext c, int at, int end) {
        int p = at;
        for (int n = 0; p < end && n < c.maxOptions(); n++) {
            int code = c.u8(p);
            if (code == PAD) {
                p++;
                continue;
            }
            if (code == END_CODE || p + 2 > end) return false;
            if (code == 53) return true;
            p += 2 + c.u8(p + 1);
        }
        return false;
    }

    private static void value(DecodeContext c, int code, int v, int len) {
        switch (code) {
            case REQUEST_LIST -> {
                for (int i = 0; i < len; i++) c.add(REQUEST_ITEM, c.u8(v + i), v + i, 1);
                return;
            }
            case CLIENT_ID -> {
                DhcpOptionValues.clientId(c, v, len);
                return;
            }
            case CLIENT_FQDN -> {
                DhcpOptionValues.fqdn(c, v, len);
                return;
            }
            case RELAY_AGENT -> {
                DhcpRelayAgent.decode(c, v, len);
                return;
            }
            case USER_CLASS -> {
                DhcpOptionValues.userClass(c, v, len);
                return;
            }
            case CLASSLESS_ROUTE -> {
                DhcpOptionValues.classlessRoutes(c, v, len);
                return;
            }
            default -> { }
        }
        Kind kind = KIND[code];
        if (kind == null) return;
        FieldDef f = FIELD[code];
        switch (kind) {
            case IPV4 -> {
                if (len == 4) c.add(f, c.u32(v), v, 4);
            }
            case IPV4_LIST -> {
                for (int i = 0; i + 4 <= len; i += 4) c.add(f, c.u32(v + i), v + i, 4);
            }
            case U8, BOOL -> {
                if (len == 1) c.add(f, c.u8(v), v, 1);
            }
            case U16 -> {
                if (len == 2) c.add(f, c.u16(v), v, 2);
            }
            case U16_LIST -> {
                for (int i = 0; i + 2 <= len; i += 2) c.add(f, c.u16(v + i), v + i, 2);
            }
            case U32 -> {
                if (len == 4) c.add(f, c.u32(v), v, 4);
            }
            case I32 -> {
                if (len == 4) c.add(f, (int) c.u32(v), v, 4);
            }
            case TEXT -> c.out().addObject(f, DhcpDecoder.zeroTerminated(c, v, len), v, len);
        }
    }
}
