package io.pcapkit.pcap4jengine;

import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocols;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6ExtDestinationOptionsPacket;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.IpV6ExtHopByHopOptionsPacket;
import org.pcap4j.packet.IpV6ExtOptionsPacket;
import org.pcap4j.packet.IpV6ExtRoutingPacket;
import org.pcap4j.packet.IpV6Packet;

/** IPv4 with its options, IPv6 and its extension headers, as Pcap4J decodes them. */
final class IpMapping {
    private IpMapping() { }

    static void ipv4(IpV4Packet ip, FrameBuilder b, int off, F f) {
        IpV4Packet.IpV4Header h = ip.getHeader();
        b.beginLayer(Protocols.IPV4, off);
        b.add(f.IP_VERSION, h.getVersion().value() & 0xFF, off, 1);
        b.add(f.IP_HDR_LEN, (h.getIhl() & 0x0F) * 4L, off, 1);
        int tos = h.getTos().value() & 0xFF;
        b.add(f.IP_DSFIELD, tos, off + 1, 1);
        b.addMasked(f.IP_DSCP, tos, off + 1, 1);
        b.addMasked(f.IP_ECN, tos, off + 1, 1);
        b.add(f.IP_LEN, h.getTotalLengthAsInt(), off + 2, 2);
        b.add(f.IP_ID, h.getIdentificationAsInt(), off + 4, 2);
        int flags = (h.getReservedFlag() ? 0x80 : 0) | (h.getDontFragmentFlag() ? 0x40 : 0)
                | (h.getMoreFragmentFlag() ? 0x20 : 0);
        b.addMasked(f.IP_FLAGS, flags, off + 6, 1);
        b.add(f.IP_FLAG_RB, h.getReservedFlag() ? 1 : 0, off + 6, 1);
        b.add(f.IP_FLAG_DF, h.getDontFragmentFlag() ? 1 : 0, off + 6, 1);
        b.add(f.IP_FLAG_MF, h.getMoreFragmentFlag() ? 1 : 0, off + 6, 1);
        b.add(f.IP_FRAG_OFFSET, h.getFragmentOffset() & 0x1FFF, off + 6, 2);
        b.add(f.IP_TTL, h.getTtlAsInt(), off + 8, 1);
        b.add(f.IP_PROTO, h.getProtocol().value() & 0xFF, off + 9, 1);
        b.add(f.IP_CHECKSUM, h.getHeaderChecksum() & 0xFFFF, off + 10, 2);
        b.add(f.IP_SRC, LinkMapping.ipv4(h.getSrcAddr()), off + 12, 4);
        b.add(f.IP_DST, LinkMapping.ipv4(h.getDstAddr()), off + 16, 4);
        int o = off + 20;
        for (IpV4Packet.IpV4Option opt : h.getOptions()) {
            int n = opt.length();
            b.add(f.IP_OPT_TYPE, opt.getType().value() & 0xFF, o, n);
            o += n;
        }
    }

    static void ipv6(IpV6Packet ip, FrameBuilder b, int off, F f) {
        IpV6Packet.IpV6Header h = ip.getHeader();
        b.beginLayer(Protocols.IPV6, off);
        b.add(f.IPV6_VERSION, h.getVersion().value() & 0xFF, off, 1);
        // the first 32 bits as one integer: version, traffic class and flow label are masks of it
        long word = ((long) (h.getVersion().value() & 0x0F) << 28) | ((h.getTrafficClass().value() & 0xFFL) << 20)
                | (h.getFlowLabel().value() & 0xFFFFF);
        b.addMasked(f.IPV6_TCLASS, word, off, 4);
        b.addMasked(f.IPV6_DSCP, word, off, 4);
        b.addMasked(f.IPV6_ECN, word, off, 4);
        b.add(f.IPV6_FLOW, h.getFlowLabel().value() & 0xFFFFF, off + 1, 3);
        b.add(f.IPV6_PLEN, h.getPayloadLength() & 0xFFFF, off + 4, 2);
        b.add(f.IPV6_NXT, h.getNextHeader().value() & 0xFF, off + 6, 1);
        b.add(f.IPV6_HLIM, h.getHopLimit() & 0xFF, off + 7, 1);
        b.addObject(f.IPV6_SRC, h.getSrcAddr().getAddress(), off + 8, 16);
        b.addObject(f.IPV6_DST, h.getDstAddr().getAddress(), off + 24, 16);
    }

    static boolean hopOpts(IpV6ExtHopByHopOptionsPacket p, FrameBuilder b, int off, F f) {
        return options(p, Protocols.IPV6_HOPOPTS, f.HOPOPTS_NXT, f.HOPOPTS_LEN, b, off);
    }

    static boolean dstOpts(IpV6ExtDestinationOptionsPacket p, FrameBuilder b, int off, F f) {
        return options(p, Protocols.IPV6_DSTOPTS, f.DSTOPTS_NXT, f.DSTOPTS_LEN, b, off);
    }

    /**
     * Returns false when Pcap4J's idea of the header's size disagrees with its Hdr Ext Len: Pcap4J 1.8.2 sizes the
     * header from the options it parsed (a PadN of length 0 counts as nothing), so what it decoded after it starts
     * at the wrong byte and is not mapped.
     */
    private static boolean options(IpV6ExtOptionsPacket p, io.pcapkit.model.Protocol proto,
                                io.pcapkit.model.FieldDef nxt, io.pcapkit.model.FieldDef len, FrameBuilder b, int off) {
        IpV6ExtOptionsPacket.IpV6ExtOptionsHeader h = p.getHeader();
        b.beginLayer(proto, off);
        b.add(nxt, h.getNextHeader().value() & 0xFF, off, 1);
        b.add(len, h.getHdrExtLen() & 0xFF, off + 1, 1);
        int declared = ((h.getHdrExtLen() & 0xFF) + 1) * 8;
        if (declared != h.length()) {
            b.anomaly(io.pcapkit.model.Anomaly.Kind.BAD_LENGTH, off, "Pcap4J took this header for " + h.length()
                    + " bytes, its length field says " + declared + ": what follows is not mapped");
            return false;
        }
        return true;
    }

    static void routing(IpV6ExtRoutingPacket p, FrameBuilder b, int off, F f) {
        IpV6ExtRoutingPacket.IpV6ExtRoutingHeader h = p.getHeader();
        b.beginLayer(Protocols.IPV6_ROUTING, off);
        b.add(f.ROUTING_NXT, h.getNextHeader().value() & 0xFF, off, 1);
        b.add(f.ROUTING_LEN, h.getHdrExtLen() & 0xFF, off + 1, 1);
        b.add(f.ROUTING_TYPE, h.getRoutingType().value() & 0xFF, off + 2, 1);
        b.add(f.ROUTING_SEGLEFT, h.getSegmentsLeft() & 0xFF, off + 3, 1);
    }

    static void fragment(IpV6ExtFragmentPacket p, FrameBuilder b, int off, F f) {
        IpV6ExtFragmentPacket.IpV6ExtFragmentHeader h = p.getHeader();
        b.beginLayer(Protocols.IPV6_FRAG, off);
        b.add(f.FRAG_NXT, h.getNextHeader().value() & 0xFF, off, 1);
        b.add(f.FRAG_RESERVED_OCTET, h.getReserved() & 0xFF, off + 1, 1);
        b.add(f.FRAG_OFFSET, h.getFragmentOffset() & 0x1FFF, off + 2, 2);
        b.add(f.FRAG_RESERVED_BITS, h.getRes() & 0x03, off + 2, 2);
        b.add(f.FRAG_MORE, h.getM() ? 1 : 0, off + 2, 2);
        b.add(f.FRAG_IDENT, h.getIdentification() & 0xFFFFFFFFL, off + 4, 4);
    }
}
