package io.pcapkit.tsharkengine;

import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureInfo;


/**
 * What the first bytes of a capture say, read by pcapkit itself because tshark's JSON does not carry it: the
 * format, and for PCAP the global header (the document's header block, every frame's link type, and the byte
 * offset of a damaged record, which tshark's error message leaves out).
 */
final class CaptureHeader {
    static final int PCAP_HEADER = CaptureInfo.PCAP_HEADER;
    static final int PCAP_RECORD_HEADER = 16;

    final CaptureInfo info;
    /** The PCAP file's link type, or null for PCAPNG and other formats (then taken from tshark's encapsulation). */
    final LinkType pcapLinkType;

    private CaptureHeader(CaptureInfo info, LinkType pcapLinkType) {
        this.info = info;
        this.pcapLinkType = pcapLinkType;
    }

    /** Reads {@code head} (the first bytes of the capture, up to 24). */
    static CaptureHeader of(byte[] head, int n, String name) {
        CaptureInfo info = CaptureInfo.fromFileStart(head, n, name);
        return new CaptureHeader(info, info.format() == CaptureInfo.Format.PCAP ? info.linkType() : null);
    }

    /**
     * LINKTYPE_ value of a Wireshark encapsulation (tshark's {@code frame.encap_type}), for PCAPNG frames. The pairs
     * were read off the shared corpus, where each capture's header names its link type; others stay unknown.
     */
    static LinkType fromEncap(int encap) {
        return switch (encap) {
            case 1 -> LinkType.ETHERNET;
            case 7 -> LinkType.RAW;
            case 15 -> LinkType.NULL;
            case 23 -> LinkType.valueOf(127);
            case 25 -> LinkType.LINUX_SLL;
            case 129 -> LinkType.valueOf(228);
            case 130 -> LinkType.valueOf(229);
            case 158 -> LinkType.NETLINK;
            case 180 -> LinkType.valueOf(242);
            case 210 -> LinkType.LINUX_SLL2;
            // no LINKTYPE_ is known for it: an open-enum value that cannot clash with a real one
            default -> LinkType.valueOf(-100_000 - encap);
        };
    }
}
