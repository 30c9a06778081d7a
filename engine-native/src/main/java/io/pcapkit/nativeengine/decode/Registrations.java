package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.proto.*; // every decoder: sections below add lines without touching imports
import io.pcapkit.nativeengine.proto.ArpDecoder;
import io.pcapkit.nativeengine.proto.EthernetDecoder;
import io.pcapkit.nativeengine.proto.Icmpv6Decoder;
import io.pcapkit.nativeengine.proto.IcmpDecoder;
import io.pcapkit.nativeengine.proto.Ipv6RoutingDecoder;
import io.pcapkit.nativeengine.proto.Ipv6HopOptsDecoder;
import io.pcapkit.nativeengine.proto.Ipv6FragDecoder;
import io.pcapkit.nativeengine.proto.Ipv6DstOptsDecoder;
import io.pcapkit.nativeengine.proto.Ipv6Decoder;
import io.pcapkit.nativeengine.proto.Ipv4Decoder;
import io.pcapkit.nativeengine.proto.Ieee8021adDecoder;
import io.pcapkit.nativeengine.proto.LlcDecoder;
import io.pcapkit.nativeengine.proto.NullDecoder;
import io.pcapkit.nativeengine.proto.RawIpDecoder;
import io.pcapkit.nativeengine.proto.SllDecoder;
import io.pcapkit.nativeengine.proto.TcpDecoder; // transport
import io.pcapkit.nativeengine.proto.UdpDecoder; // transport
import io.pcapkit.nativeengine.proto.VlanDecoder;
import io.pcapkit.nativeengine.proto.PppControlDecoder; // PPP and PPPoE
import io.pcapkit.nativeengine.proto.PppDecoder; // PPP and PPPoE
import io.pcapkit.nativeengine.proto.PppoeDecoder; // PPP and PPPoE

/**
 * The one registry file: every native decoder attaches itself to its parent's table here, one line each.
 * Parents never name their children. Adding a protocol = a decoder file + a line here.
 */
public final class Registrations {
    private Registrations() { }

    /** A registry holding every native decoder. */
    public static DecoderRegistry standard() {
        FieldCatalog.load();
        DecoderRegistry r = new DecoderRegistry();
        // ---- link types
        r.register(Dispatch.LINK_TYPE, 1, new EthernetDecoder());
        // ---- link and L2 (NULL/LOOP, raw IP, Linux SLL/SLL2, LLC/SNAP, VLAN, 802.1ad, ARP/RARP)
        r.register(Dispatch.LINK_TYPE, 0, new NullDecoder(false));
        r.register(Dispatch.LINK_TYPE, 108, new NullDecoder(true));
        RawIpDecoder rawIp = new RawIpDecoder();
        r.register(Dispatch.LINK_TYPE, 12, rawIp);
        r.register(Dispatch.LINK_TYPE, 14, rawIp);
        r.register(Dispatch.LINK_TYPE, 101, rawIp);
        r.register(Dispatch.LINK_TYPE, 113, new SllDecoder(false));
        r.register(Dispatch.LINK_TYPE, 276, new SllDecoder(true));
        r.register(Dispatch.ETHERTYPE, 0x0004, new LlcDecoder()); // Linux ETH_P_802_2: 802.3 length frames, SLL
        VlanDecoder vlan = new VlanDecoder();
        r.register(Dispatch.ETHERTYPE, 0x8100, vlan);
        r.register(Dispatch.ETHERTYPE, 0x9100, vlan);
        r.register(Dispatch.ETHERTYPE, 0x88A8, new Ieee8021adDecoder());
        r.register(Dispatch.ETHERTYPE, 0x0806, new ArpDecoder(Protocols.ARP));
        r.register(Dispatch.ETHERTYPE, 0x8035, new ArpDecoder(Protocols.RARP));
        // ---- end of link and L2
        // ---- internet layer (IPv4, IPv6 and its extension headers, ICMP, ICMPv6)
        Ipv4Decoder ipv4 = new Ipv4Decoder();
        r.register(Dispatch.ETHERTYPE, 0x0800, ipv4);
        r.register(Dispatch.LINK_TYPE, 228, ipv4);
        r.register(Dispatch.IP_VERSION, 4, ipv4);
        r.register(Dispatch.BSD_AF, 2, ipv4);
        r.register(Dispatch.IP_PROTO, 4, ipv4);
        Ipv6Decoder ipv6 = new Ipv6Decoder();
        r.register(Dispatch.ETHERTYPE, 0x86DD, ipv6);
        r.register(Dispatch.LINK_TYPE, 229, ipv6);
        r.register(Dispatch.IP_VERSION, 6, ipv6);
        r.register(Dispatch.BSD_AF, 10, ipv6);
        r.register(Dispatch.BSD_AF, 24, ipv6);
        r.register(Dispatch.BSD_AF, 28, ipv6);
        r.register(Dispatch.BSD_AF, 30, ipv6);
        r.register(Dispatch.IP_PROTO, 41, ipv6);
        r.register(Dispatch.IP_PROTO, 0, new Ipv6HopOptsDecoder());
        r.register(Dispatch.IP_PROTO, 43, new Ipv6RoutingDecoder());
        r.register(Dispatch.IP_PROTO, 44, new Ipv6FragDecoder());
        r.register(Dispatch.IP_PROTO, 60, new Ipv6DstOptsDecoder());
        r.register(Dispatch.IP_PROTO, 1, new IcmpDecoder());
        r.register(Dispatch.IP_PROTO, 58, new Icmpv6Decoder());
        // ---- end of internet layer
        // ---- transport (TCP, UDP)
        r.register(Dispatch.IP_PROTO, 6, new TcpDecoder());
        r.register(Dispatch.IP_PROTO, 17, new UdpDecoder());
        // ---- end of transport
        // ---- PPP and PPPoE (PPPoE discovery and session, PPP, LCP, IPCP, IPV6CP, CCP)
        r.register(Dispatch.ETHERTYPE, 0x8863, new PppoeDecoder(true));
        PppoeDecoder pppoeSession = new PppoeDecoder(false);
        r.register(Dispatch.ETHERTYPE, 0x8864, pppoeSession);
        r.register(Dispatch.LINK_TYPE, 51, pppoeSession); // LINKTYPE_PPP_ETHER: a session header, no Ethernet
        PppDecoder pppHdlc = new PppDecoder(true);
        r.register(Dispatch.LINK_TYPE, 9, pppHdlc); // LINKTYPE_PPP
        r.register(Dispatch.LINK_TYPE, 50, pppHdlc); // LINKTYPE_PPP_HDLC: tshark decodes it as link type 9
        r.register(Dispatch.ETHERTYPE, 0x0007, pppHdlc); // Linux SLL protocol ETH_P_PPP_HDLC (Wireshark's sll.ltype 7)
        r.register(Dispatch.PPP_PROTOCOL, 0x0021, new Ipv4Decoder()); // decoders are stateless: a second instance
        r.register(Dispatch.PPP_PROTOCOL, 0x0057, new Ipv6Decoder());
        r.register(Dispatch.PPP_PROTOCOL, 0xC021, PppControlDecoder.lcp());
        r.register(Dispatch.PPP_PROTOCOL, 0x8021, PppControlDecoder.ipcp());
        r.register(Dispatch.PPP_PROTOCOL, 0x8057, PppControlDecoder.ipv6cp());
        r.register(Dispatch.PPP_PROTOCOL, 0x80FD, PppControlDecoder.ccp());
        // ---- end of PPP and PPPoE
        // ---- tunnels and routing (L2TP, OSPF, IPX, AH, ESP, GRE)
        r.register(Dispatch.IP_PROTO, 51, new AhDecoder());
        r.register(Dispatch.IP_PROTO, 50, new EspDecoder());
        r.register(Dispatch.IP_PROTO, 47, new GreDecoder());
        r.register(Dispatch.GRE_PROTO, 0x880B, new PppDecoder(true)); // PPTP's enhanced GRE carries HDLC-like PPP
        r.register(Dispatch.GRE_PROTO, 0x6558, new EthernetDecoder()); // transparent Ethernet bridging, no FCS
        r.register(Dispatch.UDP_PORT, 1701, new L2tpDecoder(false));
        r.register(Dispatch.IP_PROTO, 115, new L2tpDecoder(true));
        IpxDecoder ipx = new IpxDecoder();
        r.register(Dispatch.ETHERTYPE, 0x8137, ipx); // Ethernet II and SNAP
        r.register(Dispatch.ETHERTYPE, 0x0001, ipx); // raw 802.3 (and Linux SLL's ETH_P_802_3), see EthernetDecoder
        r.register(Dispatch.LLC_SAP, 0xE0, ipx);
        r.register(Dispatch.UDP_PORT, 213, ipx); // RFC 1234 tunnelling; Wireshark 4.0 leaves IP protocol 111 alone
        r.register(Dispatch.BSD_AF, 23, ipx); // AF_IPX in BSD NULL/LOOP headers
        r.register(Dispatch.IP_PROTO, 89, new OspfDecoder());
        // ---- end of tunnels and routing
        // ---- IPv6 mobility and SCTP (HIP, Mobility Header, SCTP)
        r.register(Dispatch.IP_PROTO, 139, new HipDecoder());
        Mipv6Decoder mipv6 = new Mipv6Decoder();
        r.register(Dispatch.IP_PROTO, 135, mipv6);
        r.register(Dispatch.IP_PROTO, 62, mipv6); // the number of the Mobile IPv6 drafts, still decoded as MIPv6
        r.register(Dispatch.UDP_PORT, 5436, mipv6); // PMIPv6 over UDP (RFC 5844 §7.1)
        r.register(Dispatch.IP_PROTO, 132, new SctpDecoder(r));
        // ---- end of IPv6 mobility and SCTP
        // ---- UDP applications (DNS, mDNS, LLMNR, DHCP, DHCPv6, NTP)
        // UDP tries the lower port first (DecodeContext.nextPorts), as tshark does: a query from port 53 to 5353
        // is DNS, one between two ephemeral ports and 5355 is LLMNR
        r.register(Dispatch.UDP_PORT, 53, DnsDecoder.udp());
        r.register(Dispatch.TCP_PORT, 53, DnsDecoder.tcp());
        r.register(Dispatch.UDP_PORT, 5353, DnsDecoder.mdns());
        r.register(Dispatch.UDP_PORT, 5355, DnsDecoder.llmnr());
        DhcpDecoder dhcp = new DhcpDecoder();
        r.register(Dispatch.UDP_PORT, 67, dhcp);
        r.register(Dispatch.UDP_PORT, 68, dhcp);
        Dhcpv6Decoder dhcpv6 = new Dhcpv6Decoder();
        r.register(Dispatch.UDP_PORT, 546, dhcpv6);
        r.register(Dispatch.UDP_PORT, 547, dhcpv6);
        r.register(Dispatch.UDP_PORT, 123, new NtpDecoder());
        // ---- end of UDP applications
        // ---- TCP applications (HTTP/1.x, HTTP/2, FTP, TLS)
        // tshark's order: a connection's own decoder (HTTP/2 once seen), then ports, then content
        HttpDecoder http = new HttpDecoder();
        for (int port : new int[] {80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371}) {
            r.register(Dispatch.TCP_PORT, port, http);
        }
        r.heuristic(Dispatch.TCP_PORT, Heuristic.Stage.CONTENT, HttpDecoder::looksLikeHttp, http);
        r.register(Dispatch.UDP_PORT, 1900, http); // SSDP: HTTP requests in UDP datagrams, decoded by tshark's http
        TlsDecoder tls = new TlsDecoder();
        // tshark 4.0's TLS ports (tshark -G decodes), the TLS-wrapped services (HTTPS, LDAPS, IMAPS, POP3S, SIPS, …)
        for (int port : new int[] {324, 443, 465, 636, 802, 853, 993, 995, 1300, 2221, 2443, 3249, 3250, 3251, 3252,
                3496, 5061, 5671, 5684, 5868, 8883, 11207, 19999, 27017}) {
            r.register(Dispatch.TCP_PORT, port, tls);
        }
        r.heuristic(Dispatch.TCP_PORT, Heuristic.Stage.CONTENT, TlsDecoder::looksLikeTls, tls);
        r.register(Dispatch.TCP_PORT, 21, new FtpDecoder(21));
        r.register(Dispatch.TCP_PORT, 20, new FtpDataDecoder());
        Http2Decoder http2 = new Http2Decoder(); // tshark 4.0 has no HTTP/2 port: h2c upgrade, preface, decode-as
        r.heuristic(Dispatch.TCP_PORT, Heuristic.Stage.CONVERSATION, http2::knownConnection, http2);
        r.heuristic(Dispatch.TCP_PORT, Heuristic.Stage.CONTENT, Http2Decoder::looksLikeHttp2, http2);
        // ---- end of TCP applications
        // ---- wireless and encapsulations (radiotap, 802.11, IGMP, MPLS, VXLAN, GENEVE)
        r.register(Dispatch.LINK_TYPE, 127, new RadiotapDecoder());
        r.register(Dispatch.LINK_TYPE, 105, new WlanDecoder());
        for (int subtype : new int[] {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14}) {
            r.register(Dispatch.WLAN_SUBTYPE, subtype, new WlanMgtDecoder(subtype)); // type 0: management
        }
        LlcDecoder wlanLlc = new LlcDecoder(); // 802.11 data bodies are LLC (data subtypes with a body)
        for (int subtype : new int[] {0, 1, 2, 3, 8, 9, 10, 11}) r.register(Dispatch.WLAN_SUBTYPE, 0x20 | subtype, wlanLlc);
        r.register(Dispatch.IP_PROTO, 2, new IgmpDecoder());
        MplsDecoder mpls = new MplsDecoder();
        r.register(Dispatch.ETHERTYPE, 0x8847, mpls);
        r.register(Dispatch.ETHERTYPE, 0x8848, mpls);
        r.register(Dispatch.MPLS_PW, 0, new PwEthHeuristic());
        r.register(Dispatch.MPLS_PW, 1, new PwAchDecoder());
        r.know(PwEthDecoder.CONTROL_WORD).know(PwEthDecoder.NO_CONTROL_WORD); // the heuristic's two readings
        r.register(Dispatch.UDP_PORT, 4789, new VxlanDecoder());
        r.register(Dispatch.UDP_PORT, 6081, new GeneveDecoder());
        // ---- end of wireless and encapsulations
        return r;
    }
}
