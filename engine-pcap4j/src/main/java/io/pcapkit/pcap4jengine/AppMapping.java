package io.pcapkit.pcap4jengine;

import io.pcapkit.model.FrameBuilder;
import org.pcap4j.packet.DnsDomainName;
import org.pcap4j.packet.DnsPacket;
import org.pcap4j.packet.DnsQuestion;
import org.pcap4j.packet.GtpV1Packet;

/** The application protocols Pcap4J's static factory decodes: GTPv1 (UDP 2152/2123) and DNS (UDP/TCP 53). */
final class AppMapping {
    private AppMapping() { }

    static void gtp(GtpV1Packet g, FrameBuilder b, int off, F f) {
        GtpV1Packet.GtpV1Header h = g.getHeader();
        b.beginLayer(f.GTP, off);
        int flags = ((h.getVersion().getValue() & 0x07) << 5) | (h.getProtocolType().getValue() ? 0x10 : 0)
                | (h.getReserved() ? 0x08 : 0) | (h.isExtensionHeaderFieldPresent() ? 0x04 : 0)
                | (h.isSequenceNumberFieldPresent() ? 0x02 : 0) | (h.isNPduNumberFieldPresent() ? 0x01 : 0);
        b.add(f.GTP_FLAGS, flags, off, 1);
        b.addMasked(f.GTP_VERSION, flags, off, 1);
        b.addMasked(f.GTP_PT, flags, off, 1);
        b.addMasked(f.GTP_E, flags, off, 1);
        b.addMasked(f.GTP_S, flags, off, 1);
        b.addMasked(f.GTP_PN, flags, off, 1);
        b.add(f.GTP_MESSAGE, h.getMessageType().value() & 0xFF, off + 1, 1);
        b.add(f.GTP_LENGTH, h.getLength() & 0xFFFF, off + 2, 2);
        b.add(f.GTP_TEID, h.getTeidAsLong(), off + 4, 4);
        if (h.getSequenceNumber() != null) b.add(f.GTP_SEQ, h.getSequenceNumber() & 0xFFFF, off + 8, 2);
        if (h.getNPduNumber() != null) b.add(f.GTP_NPDU, h.getNPduNumber() & 0xFF, off + 10, 1);
    }

    static void dns(DnsPacket d, FrameBuilder b, int off, F f) {
        DnsPacket.DnsHeader h = d.getHeader();
        b.beginLayer(f.DNS, off);
        b.add(f.DNS_ID, h.getId() & 0xFFFF, off, 2);
        int flags = (h.isResponse() ? 0x8000 : 0) | ((h.getOpCode().value() & 0x0F) << 11)
                | (h.isAuthoritativeAnswer() ? 0x0400 : 0) | (h.isTruncated() ? 0x0200 : 0)
                | (h.isRecursionDesired() ? 0x0100 : 0) | (h.isRecursionAvailable() ? 0x0080 : 0)
                | (h.getReservedBit() ? 0x0040 : 0) | (h.isAuthenticData() ? 0x0020 : 0)
                | (h.isCheckingDisabled() ? 0x0010 : 0) | (h.getrCode().value() & 0x0F);
        b.add(f.DNS_FLAGS, flags, off + 2, 2);
        b.addMasked(f.DNS_RESPONSE, flags, off + 2, 2);
        b.addMasked(f.DNS_OPCODE, flags, off + 2, 2);
        // tshark shows AA, RA and the rcode only in responses, AD in responses and in queries that set it, Z and CD
        // in both
        if (h.isResponse()) b.addMasked(f.DNS_AA, flags, off + 2, 2);
        b.addMasked(f.DNS_TC, flags, off + 2, 2);
        b.addMasked(f.DNS_RD, flags, off + 2, 2);
        if (h.isResponse()) b.addMasked(f.DNS_RA, flags, off + 2, 2);
        b.addMasked(f.DNS_Z, flags, off + 2, 2);
        if (h.isResponse() || h.isAuthenticData()) b.addMasked(f.DNS_AD, flags, off + 2, 2);
        b.addMasked(f.DNS_CD, flags, off + 2, 2);
        if (h.isResponse()) b.addMasked(f.DNS_RCODE, flags, off + 2, 2);
        b.add(f.DNS_QDCOUNT, h.getQdCount() & 0xFFFF, off + 4, 2);
        b.add(f.DNS_ANCOUNT, h.getAnCount() & 0xFFFF, off + 6, 2);
        b.add(f.DNS_NSCOUNT, h.getNsCount() & 0xFFFF, off + 8, 2);
        b.add(f.DNS_ARCOUNT, h.getArCount() & 0xFFFF, off + 10, 2);
        int o = off + 12;
        for (DnsQuestion q : h.getQuestions()) {
            int n = q.length();
            DnsDomainName name = q.getQName();
            // a compressed name (a pointer) is not resolved by Pcap4J: left out rather than printed half
            if (name.getPointer() == null && !name.getName().isEmpty()) {
                b.addObject(f.DNS_QRY_NAME, name.getName(), o, name.length());
            }
            b.add(f.DNS_QRY_TYPE, q.getQType().value() & 0xFFFF, o + n - 4, 2);
            b.add(f.DNS_QRY_CLASS, q.getQClass().value() & 0xFFFF, o + n - 2, 2);
            o += n;
        }
    }
}
