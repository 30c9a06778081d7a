package io.pcapkit.tsharkengine;

import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * What the first bytes of a capture say, read by pcapkit itself because tshark's JSON does not carry it: the
 * format, and for PCAP the global header (the document's header block, every frame's link type, and the byte
 * offset of a damaged record, which tshark's error message leaves out).
 */
final class CaptureHeader {
    static final int PCAP_HEADER = 24;
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
        if (n >= 4) {
            int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (be == 0x0A0D0D0A) return new CaptureHeader(new CaptureInfo(CaptureInfo.Format.PCAPNG, name), null);
        }
        if (n >= PCAP_HEADER) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                ByteBuffer h = ByteBuffer.wrap(head, 0, PCAP_HEADER).order(order);
                int magic = h.getInt(0);
                boolean micro = magic == 0xA1B2C3D4 || magic == 0xA1B2CD34;
                boolean nano = magic == 0xA1B23C4D;
                if (!micro && !nano) continue;
                int network = h.getInt(20);
                LinkType lt = LinkType.valueOf(network & 0x0FFFFFFF);
                CaptureInfo info = new CaptureInfo(CaptureInfo.Format.PCAP, name);
                info.put("magic_number", String.format("0x%08x", magic));
                info.put("version_major", h.getShort(4) & 0xFFFF);
                info.put("version_minor", h.getShort(6) & 0xFFFF);
                info.put("thiszone", h.getInt(8));
                info.put("sigfigs", h.getInt(12) & 0xFFFFFFFFL);
                info.put("snaplen", h.getInt(16) & 0xFFFFFFFFL);
                info.put("network", lt.code());
                info.put("byteorder", order == ByteOrder.BIG_ENDIAN ? "big" : "little");
                info.put("nanosecond", nano);
                info.addInterface(new CaptureInfo.Interface(0, 0, lt, h.getInt(16) & 0xFFFFFFFFL,
                        nano ? 1_000_000_000L : 1_000_000L, 0, Map.of()));
                return new CaptureHeader(info, lt);
            }
        }
        return new CaptureHeader(new CaptureInfo(CaptureInfo.Format.OTHER, name), null);
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
