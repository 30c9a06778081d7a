package io.pcapkit.pcap4jengine;

import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocols;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IcmpV4InformationReplyPacket;
import org.pcap4j.packet.IcmpV4InformationRequestPacket;
import org.pcap4j.packet.IcmpV4TimestampPacket;
import org.pcap4j.packet.IcmpV4TimestampReplyPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IcmpV6EchoReplyPacket;
import org.pcap4j.packet.IcmpV6EchoRequestPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.SctpPacket;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/** ICMPv4, ICMPv6, TCP with its options, UDP and SCTP as Pcap4J decodes them. */
final class TransportMapping {
    private TransportMapping() { }

    /** Returns the header length of the ICMP message packet mapped into this layer (0: none). */
    static int icmpv4(IcmpV4CommonPacket i, FrameBuilder b, int off, F f) {
        IcmpV4CommonPacket.IcmpV4CommonHeader h = i.getHeader();
        b.beginLayer(Protocols.ICMP, off);
        b.add(f.ICMP_TYPE, h.getType().value() & 0xFF, off, 1);
        b.add(f.ICMP_CODE, h.getCode().value() & 0xFF, off + 1, 1);
        b.add(f.ICMP_CHECKSUM, h.getChecksum() & 0xFFFF, off + 2, 2);
        Packet msg = i.getPayload();
        if (msg == null || msg.getHeader() == null) return 0;
        // Pcap4J's identifiable messages share a package-private base: each is named here
        switch (msg) {
            case IcmpV4EchoPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            case IcmpV4EchoReplyPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            case IcmpV4TimestampPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            case IcmpV4TimestampReplyPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            case IcmpV4InformationRequestPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            case IcmpV4InformationReplyPacket m ->
                    identSeq(m.getHeader().getIdentifier(), m.getHeader().getSequenceNumber(), b, off, f);
            default -> { }
        }
        // other messages (unreachable, time exceeded, redirect …): their 4-byte body is part of this layer, and the
        // datagram they quote follows as the next layers
        return msg.getHeader().length();
    }

    private static void identSeq(short ident, short seq, FrameBuilder b, int off, F f) {
        b.add(f.ICMP_IDENT, ident & 0xFFFF, off + 4, 2);
        b.add(f.ICMP_SEQ, seq & 0xFFFF, off + 6, 2);
    }

    static int icmpv6(IcmpV6CommonPacket i, FrameBuilder b, int off, F f) {
        IcmpV6CommonPacket.IcmpV6CommonHeader h = i.getHeader();
        b.beginLayer(Protocols.ICMPV6, off);
        b.add(f.ICMPV6_TYPE, h.getType().value() & 0xFF, off, 1);
        b.add(f.ICMPV6_CODE, h.getCode().value() & 0xFF, off + 1, 1);
        b.add(f.ICMPV6_CHECKSUM, h.getChecksum() & 0xFFFF, off + 2, 2);
        Packet msg = i.getPayload();
        if (msg == null || msg.getHeader() == null) return 0;
        if (msg instanceof IcmpV6EchoRequestPacket q) {
            b.add(f.ICMPV6_ECHO_ID, q.getHeader().getIdentifier() & 0xFFFF, off + 4, 2);
            b.add(f.ICMPV6_ECHO_SEQ, q.getHeader().getSequenceNumber() & 0xFFFF, off + 6, 2);
        } else if (msg instanceof IcmpV6EchoReplyPacket r) {
            b.add(f.ICMPV6_ECHO_ID, r.getHeader().getIdentifier() & 0xFFFF, off + 4, 2);
            b.add(f.ICMPV6_ECHO_SEQ, r.getHeader().getSequenceNumber() & 0xFFFF, off + 6, 2);
        }
        return msg.getHeader().length();
    }

    static void tcp(TcpPacket t, FrameBuilder b, int off, F f) {
        TcpPacket.TcpHeader h = t.getHeader();
        b.beginLayer(Protocols.TCP, off);
        b.add(f.TCP_SRCPORT, h.getSrcPort().valueAsInt(), off, 2);
        b.add(f.TCP_DSTPORT, h.getDstPort().valueAsInt(), off + 2, 2);
        b.add(f.TCP_SEQ_RAW, h.getSequenceNumberAsLong(), off + 4, 4);
        b.add(f.TCP_ACK_RAW, h.getAcknowledgmentNumberAsLong(), off + 8, 4);
        b.add(f.TCP_HDR_LEN, (h.getDataOffset() & 0x0F) * 4L, off + 12, 1);
        // Pcap4J follows RFC 793: 6 reserved bits, of which RFC 3168/3540 made the last three AE, CWR and ECE
        int res = h.getReserved() & 0x3F;
        int bits = (res << 6) | (h.getUrg() ? 0x20 : 0) | (h.getAck() ? 0x10 : 0) | (h.getPsh() ? 0x08 : 0)
                | (h.getRst() ? 0x04 : 0) | (h.getSyn() ? 0x02 : 0) | (h.getFin() ? 0x01 : 0);
        b.addMasked(f.TCP_FLAGS, bits, off + 12, 2);
        b.addMasked(f.TCP_FLAG_RES, bits, off + 12, 2);
        b.addMasked(f.TCP_FLAG_AE, bits, off + 12, 2);
        b.addMasked(f.TCP_FLAG_CWR, bits, off + 12, 2);
        b.addMasked(f.TCP_FLAG_ECE, bits, off + 12, 2);
        b.add(f.TCP_FLAG_URG, h.getUrg() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_FLAG_ACK, h.getAck() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_FLAG_PUSH, h.getPsh() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_FLAG_RESET, h.getRst() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_FLAG_SYN, h.getSyn() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_FLAG_FIN, h.getFin() ? 1 : 0, off + 12, 2);
        b.add(f.TCP_WINDOW, h.getWindowAsInt(), off + 14, 2);
        b.add(f.TCP_CHECKSUM, h.getChecksum() & 0xFFFF, off + 16, 2);
        b.add(f.TCP_URGENT, h.getUrgentPointerAsInt(), off + 18, 2);
        int o = off + 20;
        for (TcpPacket.TcpOption opt : h.getOptions()) {
            int n = opt.length();
            b.add(f.TCP_OPTION_KIND, opt.getKind().value() & 0xFF, o, 1);
            o += n;
        }
        Packet payload = t.getPayload();
        b.add(f.TCP_LEN, payload == null ? 0 : payload.length(), off + 12, 1);
    }

    static void udp(UdpPacket u, FrameBuilder b, int off, F f) {
        UdpPacket.UdpHeader h = u.getHeader();
        b.beginLayer(Protocols.UDP, off);
        b.add(f.UDP_SRCPORT, h.getSrcPort().valueAsInt(), off, 2);
        b.add(f.UDP_DSTPORT, h.getDstPort().valueAsInt(), off + 2, 2);
        b.add(f.UDP_LENGTH, h.getLengthAsInt(), off + 4, 2);
        b.add(f.UDP_CHECKSUM, h.getChecksum() & 0xFFFF, off + 6, 2);
    }

    static void sctp(SctpPacket s, FrameBuilder b, int off, F f) {
        SctpPacket.SctpHeader h = s.getHeader();
        b.beginLayer(f.SCTP, off);
        b.add(f.SCTP_SRCPORT, h.getSrcPort().valueAsInt(), off, 2);
        b.add(f.SCTP_DSTPORT, h.getDstPort().valueAsInt(), off + 2, 2);
        b.add(f.SCTP_VTAG, h.getVerificationTag() & 0xFFFFFFFFL, off + 4, 4);
        b.add(f.SCTP_CHECKSUM, h.getChecksum() & 0xFFFFFFFFL, off + 8, 4);
    }
}
