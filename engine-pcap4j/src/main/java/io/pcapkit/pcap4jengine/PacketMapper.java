package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocols;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.BsdLoopbackPacket;
import org.pcap4j.packet.DnsPacket;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.GtpV1Packet;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IllegalPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6ExtDestinationOptionsPacket;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.IpV6ExtHopByHopOptionsPacket;
import org.pcap4j.packet.IpV6ExtRoutingPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.LinuxSllPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.SctpPacket;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * Walks the packet chain Pcap4J built for one frame and maps each packet it decoded into a layer of the model.
 * What Pcap4J did not decode (its {@code UnknownPacket}, a protocol this mapper has no layer for, the part of a
 * fragment) becomes one {@code Raw} layer; what Pcap4J failed on ({@code IllegalPacket}) becomes {@code Raw} with
 * an anomaly. Values come from Pcap4J's getters, never from re-reading the bytes.
 */
final class PacketMapper {
    /** Deeper chains than this (tunnels in tunnels) are cut: the rest is Raw with a LIMIT anomaly. */
    static final int MAX_LAYERS = 32;

    /** mapOne's answer when the layer was mapped but what Pcap4J decoded after it is not to be trusted. */
    private static final int STOP = -2;

    private PacketMapper() { }

    /** ICMP error messages, the only ones that carry the datagram that caused them (RFC 792, RFC 4443). */
    static boolean quotesDatagram(Packet icmp) {
        if (icmp instanceof IcmpV4CommonPacket v4) {
            int t = v4.getHeader().getType().value() & 0xFF;
            return t == 3 || t == 4 || t == 5 || t == 11 || t == 12;
        }
        if (icmp instanceof IcmpV6CommonPacket v6) {
            int t = v6.getHeader().getType().value() & 0xFF;
            return t >= 1 && t <= 4;
        }
        return false;
    }

    /** Maps {@code top} (the link-layer packet) into {@code b}, whose frame is already reset. */
    static void map(Packet top, FrameBuilder b, F f) {
        int off = 0;
        int depth = 0;
        for (Packet p = top; p != null; p = p.getPayload()) {
            int len = p.length();
            if (++depth > MAX_LAYERS) {
                b.beginLayer(Protocols.RAW, off);
                b.anomaly(Anomaly.Kind.LIMIT, off, "more than " + MAX_LAYERS + " layers: the rest is not mapped");
                b.endLayer(len);
                return;
            }
            int hdr = p.getHeader() == null ? 0 : p.getHeader().length();
            int extra = mapOne(p, b, off, hdr, f);
            if (extra == STOP) {
                if (len > hdr) {
                    b.beginLayer(Protocols.RAW, off + hdr);
                    b.endLayer(len - hdr);
                }
                return;
            }
            if (extra < 0) {
                b.beginLayer(Protocols.RAW, off);
                if (p instanceof IllegalPacket) {
                    b.anomaly(Anomaly.Kind.BAD_VALUE, off, "Pcap4J could not decode these " + len
                            + " bytes (IllegalRawDataException)");
                }
                b.endLayer(len);
                return;
            }
            off += hdr;
            if (extra > 0) {
                // the message body Pcap4J keeps as a packet of its own (an ICMP echo) belongs to this layer
                Packet common = p;
                p = p.getPayload();
                off += extra;
                if (p.getPayload() != null && !quotesDatagram(common)) {
                    // Pcap4J decodes the body of messages it does not know (MLDv2 reports …) as a quoted
                    // datagram; only error messages quote one, so the rest stays Raw
                    b.beginLayer(Protocols.RAW, off);
                    b.endLayer(p.getPayload().length());
                    return;
                }
            }
        }
    }

    /**
     * Maps one packet into a layer; returns -1 when this mapper has no layer for it, else the header length of
     * its payload packet when that was mapped into the same layer (ICMP messages), else 0.
     */
    private static int mapOne(Packet p, FrameBuilder b, int off, int hdr, F f) {
        int extra = 0;
        switch (p) {
            case EthernetPacket e -> LinkMapping.ethernet(e, b, off, f);
            case Dot1qVlanTagPacket v -> LinkMapping.vlan(v, b, off, f);
            case ArpPacket a -> LinkMapping.arp(a, b, off, f);
            case LinuxSllPacket s -> LinkMapping.sll(s, b, off, f);
            case BsdLoopbackPacket n -> LinkMapping.loopback(n, b, off, f);
            case IpV4Packet ip -> IpMapping.ipv4(ip, b, off, f);
            case IpV6Packet ip -> IpMapping.ipv6(ip, b, off, f);
            case IpV6ExtHopByHopOptionsPacket h -> extra = IpMapping.hopOpts(h, b, off, f) ? 0 : STOP;
            case IpV6ExtDestinationOptionsPacket d -> extra = IpMapping.dstOpts(d, b, off, f) ? 0 : STOP;
            case IpV6ExtRoutingPacket r -> IpMapping.routing(r, b, off, f);
            case IpV6ExtFragmentPacket fr -> IpMapping.fragment(fr, b, off, f);
            case IcmpV4CommonPacket i -> extra = TransportMapping.icmpv4(i, b, off, f);
            case IcmpV6CommonPacket i -> extra = TransportMapping.icmpv6(i, b, off, f);
            case TcpPacket t -> TransportMapping.tcp(t, b, off, f);
            case UdpPacket u -> TransportMapping.udp(u, b, off, f);
            case SctpPacket s -> TransportMapping.sctp(s, b, off, f);
            case GtpV1Packet g -> AppMapping.gtp(g, b, off, f);
            case DnsPacket d -> AppMapping.dns(d, b, off, f);
            default -> {
                return -1;
            }
        }
        b.endLayer(hdr + Math.max(extra, 0));
        return extra;
    }
}
