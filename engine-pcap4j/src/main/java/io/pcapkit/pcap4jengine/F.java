package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

/**
 * The Wireshark fields this engine fills, with tshark 4.0's types, bases, widths and masks (the native decoders'
 * declarations where they exist). Declared {@link Fields#provisional provisionally}: this module does not depend on
 * the native engine, and whichever engine a JVM loads first, the native declaration wins and both print alike.
 */
final class F {
    F() { }

    final Protocol SCTP = Protocols.define("SCTP", "sctp", Level.TRANSPORT);
    final Protocol GTP = Protocols.define("GTP", "gtp", Level.APPLICATION);
    final Protocol DNS = Protocols.define("DNS", "dns", Level.APPLICATION);

    // Ethernet, 802.1Q, ARP, Linux SLL, BSD loopback
    final FieldDef ETH_DST = def("eth.dst", FieldType.MAC, Base.NONE, 48, 0);
    final FieldDef ETH_SRC = def("eth.src", FieldType.MAC, Base.NONE, 48, 0);
    final FieldDef ETH_TYPE = hex("eth.type", 16);
    final FieldDef ETH_LEN = uint("eth.len", 16);
    final FieldDef VLAN_PRIORITY = masked("vlan.priority", 16, 0xE000, Base.DEC);
    final FieldDef VLAN_DEI = flag("vlan.dei", 16, 0x1000);
    final FieldDef VLAN_ID = masked("vlan.id", 16, 0x0FFF, Base.DEC);
    final FieldDef VLAN_ETYPE = hex("vlan.etype", 16);
    final FieldDef VLAN_LEN = uint("vlan.len", 16);
    final FieldDef ARP_HW_TYPE = uint("arp.hw.type", 16);
    final FieldDef ARP_PROTO_TYPE = hex("arp.proto.type", 16);
    final FieldDef ARP_HW_SIZE = uint("arp.hw.size", 8);
    final FieldDef ARP_PROTO_SIZE = uint("arp.proto.size", 8);
    final FieldDef ARP_OPCODE = uint("arp.opcode", 16);
    final FieldDef ARP_SRC_MAC = def("arp.src.hw_mac", FieldType.MAC, Base.NONE, 48, 0);
    final FieldDef ARP_SRC_IPV4 = def("arp.src.proto_ipv4", FieldType.IPV4, Base.NONE, 32, 0);
    final FieldDef ARP_DST_MAC = def("arp.dst.hw_mac", FieldType.MAC, Base.NONE, 48, 0);
    final FieldDef ARP_DST_IPV4 = def("arp.dst.proto_ipv4", FieldType.IPV4, Base.NONE, 32, 0);
    final FieldDef SLL_PKTTYPE = uint("sll.pkttype", 16);
    final FieldDef SLL_HATYPE = uint("sll.hatype", 16);
    final FieldDef SLL_HALEN = uint("sll.halen", 16);
    final FieldDef SLL_ETYPE = hex("sll.etype", 16);
    final FieldDef NULL_FAMILY = uint("null.family", 32);

    // IPv4
    final FieldDef IP_VERSION = uint("ip.version", 8);
    final FieldDef IP_HDR_LEN = uint("ip.hdr_len", 8);
    final FieldDef IP_DSFIELD = hex("ip.dsfield", 8);
    final FieldDef IP_DSCP = masked("ip.dsfield.dscp", 8, 0xFC, Base.DEC);
    final FieldDef IP_ECN = masked("ip.dsfield.ecn", 8, 0x03, Base.DEC);
    final FieldDef IP_LEN = uint("ip.len", 16);
    final FieldDef IP_ID = def("ip.id", FieldType.UINT, Base.HEX_DEC, 16, 0);
    final FieldDef IP_FLAGS = masked("ip.flags", 8, 0xE0, Base.HEX);
    final FieldDef IP_FLAG_RB = flag("ip.flags.rb", 8, 0x80);
    final FieldDef IP_FLAG_DF = flag("ip.flags.df", 8, 0x40);
    final FieldDef IP_FLAG_MF = flag("ip.flags.mf", 8, 0x20);
    final FieldDef IP_FRAG_OFFSET = masked("ip.frag_offset", 16, 0x1FFF, Base.DEC);
    final FieldDef IP_TTL = uint("ip.ttl", 8);
    final FieldDef IP_PROTO = uint("ip.proto", 8);
    final FieldDef IP_CHECKSUM = hex("ip.checksum", 16);
    final FieldDef IP_SRC = def("ip.src", FieldType.IPV4, Base.NONE, 32, 0);
    final FieldDef IP_DST = def("ip.dst", FieldType.IPV4, Base.NONE, 32, 0);
    final FieldDef IP_OPT_TYPE = uint("ip.opt.type", 8);

    // IPv6 and its extension headers
    final FieldDef IPV6_VERSION = uint("ipv6.version", 8);
    final FieldDef IPV6_TCLASS = masked("ipv6.tclass", 32, 0x0FF00000L, Base.HEX);
    final FieldDef IPV6_DSCP = masked("ipv6.tclass.dscp", 32, 0x0FC00000L, Base.DEC);
    final FieldDef IPV6_ECN = masked("ipv6.tclass.ecn", 32, 0x00300000L, Base.DEC);
    final FieldDef IPV6_FLOW = masked("ipv6.flow", 24, 0xFFFFF, Base.HEX);
    final FieldDef IPV6_PLEN = uint("ipv6.plen", 16);
    final FieldDef IPV6_NXT = uint("ipv6.nxt", 8);
    final FieldDef IPV6_HLIM = uint("ipv6.hlim", 8);
    final FieldDef IPV6_SRC = def("ipv6.src", FieldType.IPV6, Base.NONE, 128, 0);
    final FieldDef IPV6_DST = def("ipv6.dst", FieldType.IPV6, Base.NONE, 128, 0);
    final FieldDef HOPOPTS_NXT = uint("ipv6.hopopts.nxt", 8);
    final FieldDef HOPOPTS_LEN = uint("ipv6.hopopts.len", 8);
    final FieldDef DSTOPTS_NXT = uint("ipv6.dstopts.nxt", 8);
    final FieldDef DSTOPTS_LEN = uint("ipv6.dstopts.len", 8);
    final FieldDef ROUTING_NXT = uint("ipv6.routing.nxt", 8);
    final FieldDef ROUTING_LEN = uint("ipv6.routing.len", 8);
    final FieldDef ROUTING_TYPE = uint("ipv6.routing.type", 8);
    final FieldDef ROUTING_SEGLEFT = uint("ipv6.routing.segleft", 8);
    final FieldDef FRAG_NXT = uint("ipv6.fraghdr.nxt", 8);
    final FieldDef FRAG_RESERVED_OCTET = hex("ipv6.fraghdr.reserved_octet", 8);
    final FieldDef FRAG_OFFSET = masked("ipv6.fraghdr.offset", 16, 0xFFF8, Base.DEC);
    final FieldDef FRAG_RESERVED_BITS = masked("ipv6.fraghdr.reserved_bits", 16, 0x0006, Base.DEC);
    final FieldDef FRAG_MORE = flag("ipv6.fraghdr.more", 16, 0x0001);
    final FieldDef FRAG_IDENT = hex("ipv6.fraghdr.ident", 32);

    // ICMPv4, ICMPv6
    final FieldDef ICMP_TYPE = uint("icmp.type", 8);
    final FieldDef ICMP_CODE = uint("icmp.code", 8);
    final FieldDef ICMP_CHECKSUM = hex("icmp.checksum", 16);
    final FieldDef ICMP_IDENT = def("icmp.ident", FieldType.UINT, Base.DEC_HEX, 16, 0);
    final FieldDef ICMP_SEQ = def("icmp.seq", FieldType.UINT, Base.DEC_HEX, 16, 0);
    final FieldDef ICMPV6_TYPE = uint("icmpv6.type", 8);
    final FieldDef ICMPV6_CODE = uint("icmpv6.code", 8);
    final FieldDef ICMPV6_CHECKSUM = hex("icmpv6.checksum", 16);
    final FieldDef ICMPV6_ECHO_ID = hex("icmpv6.echo.identifier", 16);
    final FieldDef ICMPV6_ECHO_SEQ = uint("icmpv6.echo.sequence_number", 16);

    // TCP, UDP, SCTP
    final FieldDef TCP_SRCPORT = uint("tcp.srcport", 16);
    final FieldDef TCP_DSTPORT = uint("tcp.dstport", 16);
    final FieldDef TCP_SEQ_RAW = uint("tcp.seq_raw", 32);
    final FieldDef TCP_ACK_RAW = uint("tcp.ack_raw", 32);
    final FieldDef TCP_HDR_LEN = uint("tcp.hdr_len", 8);
    final FieldDef TCP_FLAGS = masked("tcp.flags", 16, 0x0FFF, Base.HEX);
    final FieldDef TCP_FLAG_RES = flag("tcp.flags.res", 16, 0x0E00);
    final FieldDef TCP_FLAG_AE = flag("tcp.flags.ae", 16, 0x0100);
    final FieldDef TCP_FLAG_CWR = flag("tcp.flags.cwr", 16, 0x0080);
    final FieldDef TCP_FLAG_ECE = flag("tcp.flags.ece", 16, 0x0040);
    final FieldDef TCP_FLAG_URG = flag("tcp.flags.urg", 16, 0x0020);
    final FieldDef TCP_FLAG_ACK = flag("tcp.flags.ack", 16, 0x0010);
    final FieldDef TCP_FLAG_PUSH = flag("tcp.flags.push", 16, 0x0008);
    final FieldDef TCP_FLAG_RESET = flag("tcp.flags.reset", 16, 0x0004);
    final FieldDef TCP_FLAG_SYN = flag("tcp.flags.syn", 16, 0x0002);
    final FieldDef TCP_FLAG_FIN = flag("tcp.flags.fin", 16, 0x0001);
    final FieldDef TCP_WINDOW = uint("tcp.window_size_value", 16);
    final FieldDef TCP_CHECKSUM = hex("tcp.checksum", 16);
    final FieldDef TCP_URGENT = uint("tcp.urgent_pointer", 16);
    final FieldDef TCP_OPTION_KIND = uint("tcp.option_kind", 8);
    final FieldDef TCP_LEN = uint("tcp.len", 32);
    final FieldDef UDP_SRCPORT = uint("udp.srcport", 16);
    final FieldDef UDP_DSTPORT = uint("udp.dstport", 16);
    final FieldDef UDP_LENGTH = uint("udp.length", 16);
    final FieldDef UDP_CHECKSUM = hex("udp.checksum", 16);
    final FieldDef SCTP_SRCPORT = uint("sctp.srcport", 16);
    final FieldDef SCTP_DSTPORT = uint("sctp.dstport", 16);
    final FieldDef SCTP_VTAG = hex("sctp.verification_tag", 32);
    final FieldDef SCTP_CHECKSUM = hex("sctp.checksum", 32);

    // GTPv1, DNS
    final FieldDef GTP_FLAGS = hex("gtp.flags", 8);
    final FieldDef GTP_VERSION = masked("gtp.flags.version", 8, 0xE0, Base.DEC);
    final FieldDef GTP_PT = masked("gtp.flags.payload", 8, 0x10, Base.DEC);
    final FieldDef GTP_E = flag("gtp.flags.e", 8, 0x04);
    final FieldDef GTP_S = flag("gtp.flags.s", 8, 0x02);
    final FieldDef GTP_PN = flag("gtp.flags.pn", 8, 0x01);
    final FieldDef GTP_MESSAGE = hex("gtp.message", 8);
    final FieldDef GTP_LENGTH = uint("gtp.length", 16);
    final FieldDef GTP_TEID = def("gtp.teid", FieldType.UINT, Base.HEX_DEC, 32, 0);
    final FieldDef GTP_SEQ = def("gtp.seq_number", FieldType.UINT, Base.HEX_DEC, 16, 0);
    final FieldDef GTP_NPDU = hex("gtp.npdu_number", 8);
    final FieldDef DNS_ID = hex("dns.id", 16);
    final FieldDef DNS_FLAGS = hex("dns.flags", 16);
    final FieldDef DNS_RESPONSE = flag("dns.flags.response", 16, 0x8000);
    final FieldDef DNS_OPCODE = masked("dns.flags.opcode", 16, 0x7800, Base.DEC);
    final FieldDef DNS_AA = flag("dns.flags.authoritative", 16, 0x0400);
    final FieldDef DNS_TC = flag("dns.flags.truncated", 16, 0x0200);
    final FieldDef DNS_RD = flag("dns.flags.recdesired", 16, 0x0100);
    final FieldDef DNS_RA = flag("dns.flags.recavail", 16, 0x0080);
    final FieldDef DNS_Z = flag("dns.flags.z", 16, 0x0040);
    final FieldDef DNS_AD = flag("dns.flags.authenticated", 16, 0x0020);
    final FieldDef DNS_CD = flag("dns.flags.checkdisable", 16, 0x0010);
    final FieldDef DNS_RCODE = masked("dns.flags.rcode", 16, 0x000F, Base.DEC);
    final FieldDef DNS_QDCOUNT = uint("dns.count.queries", 16);
    final FieldDef DNS_ANCOUNT = uint("dns.count.answers", 16);
    final FieldDef DNS_NSCOUNT = uint("dns.count.auth_rr", 16);
    final FieldDef DNS_ARCOUNT = uint("dns.count.add_rr", 16);
    final FieldDef DNS_QRY_NAME = def("dns.qry.name", FieldType.STRING, Base.NONE, 0, 0);
    final FieldDef DNS_QRY_TYPE = uint("dns.qry.type", 16);
    final FieldDef DNS_QRY_CLASS = hex("dns.qry.class", 16);

    private static FieldDef def(String name, FieldType t, Base b, int bits, long mask) {
        return Fields.provisional(name, name, t, b, bits, mask);
    }

    private static FieldDef uint(String name, int bits) { return def(name, FieldType.UINT, Base.DEC, bits, 0); }

    private static FieldDef hex(String name, int bits) { return def(name, FieldType.UINT, Base.HEX, bits, 0); }

    private static FieldDef masked(String name, int bits, long mask, Base b) {
        return def(name, FieldType.UINT, b, bits, mask);
    }

    private static FieldDef flag(String name, int bits, long mask) {
        return def(name, FieldType.BOOL, Base.NONE, bits, mask);
    }
}
