package io.pcapkit.reassembly;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

/**
 * What reassembly needs from one frame, read once per frame into this reused object. The frame's protocol chain
 * (from any engine) says where the IP and transport headers sit; their few numbers are then read from the frame's
 * raw bytes at those offsets, so every engine that places its layers gets the same result, without a field lookup
 * or an allocation per frame.
 */
final class Packet {
    Frame frame;
    byte[] d;
    int base;
    int cap;
    int wire;               // the frame's length on the wire: no header may claim bytes past it

    // ---- innermost IP header before the transport layer (or the fragment)
    int ipVersion;          // 0: no IP
    int ipOff;              // frame offset of the IP header
    int ipEnd;              // frame offset one past the IP datagram (by its length field), clipped to nothing
    int ipProto;            // IPv4 protocol / IPv6 next header of the transport (or of the fragment)
    boolean quoted;         // inside an ICMP error message

    // ---- fragment (IPv4: MF or offset; IPv6: fragment header)
    boolean fragment;
    int fragLayer = -1;     // IPv6 fragment-header layer index
    int fragOff;            // frame offset of the IPv6 fragment header
    long fragId;
    int fragOffset;         // byte offset of the fragment's data in the datagram
    boolean fragMore;
    int fragDataOff;        // frame offset of the fragment's data
    int fragDataLen;        // its length (clipped to the captured bytes)
    int fragReported;       // its length by the headers (what the datagram needs)

    // ---- transport
    Protocol transport;     // TCP, UDP or null
    int tOff;
    int srcPort, dstPort;
    long seq, ack;
    int flags;
    int tcpHdrLen;
    int payloadOff;         // frame offset of the payload
    int payloadCaptured;    // bytes present
    int payloadReported;    // bytes by the headers (TCP's segment length, UDP's length - 8)
    boolean haveSegLen;     // TCP: the header fitted the reported length (tshark's th_have_seglen)

    /** Reads {@code f}; false when it holds neither an IP fragment nor a TCP/UDP header over IP. */
    boolean read(Frame f) {
        frame = f;
        d = f.array();
        base = f.dataOffset();
        cap = f.capturedLength();
        wire = (int) Math.min(Integer.MAX_VALUE, Math.max(f.originalLength(), cap));
        ipVersion = 0;
        fragment = false;
        fragLayer = -1;
        transport = null;
        quoted = false;
        int n = f.layerCount();
        // the innermost transport wins (a tunnel's inner TCP is the conversation, as in tshark); an ICMP layer
        // before its IP header means the headers are an error message's quote
        int ipLayer = -1, lastIp = -1, lastFrag = -1;
        boolean icmp = false;
        for (int i = 0; i < n; i++) {
            Protocol p = f.protocolAt(i);
            if (p == Protocols.IPV4 || p == Protocols.IPV6) {
                lastIp = i;
                lastFrag = -1;
            } else if (p == Protocols.IPV6_FRAG) {
                if (lastIp >= 0 && f.protocolAt(lastIp) == Protocols.IPV6) lastFrag = i;
            } else if (p == Protocols.ICMP || p == Protocols.ICMPV6) {
                icmp = true;
            } else if ((p == Protocols.TCP || p == Protocols.UDP) && lastIp >= 0) {
                transport = p;
                tOff = f.layer(i).offset();
                ipLayer = lastIp;
                fragLayer = lastFrag;
                quoted = icmp && icmpBefore(f, lastIp);
            }
        }
        if (transport == null) {
            ipLayer = lastIp;
            fragLayer = lastFrag;
            quoted = ipLayer >= 0 && icmpBefore(f, ipLayer);
        }
        if (ipLayer < 0) return false;
        if (!readIp(f, ipLayer)) return false;
        if (fragment) {
            transport = null;
            return !quoted;
        }
        if (transport == null) return false;
        return transport == Protocols.TCP ? readTcp() : readUdp();
    }

    private static boolean icmpBefore(Frame f, int layer) {
        for (int i = 0; i < layer; i++) {
            if (f.protocolAt(i) == Protocols.ICMP || f.protocolAt(i) == Protocols.ICMPV6) return true;
        }
        return false;
    }

    private boolean readIp(Frame f, int layer) {
        ipOff = f.layer(layer).offset();
        if (f.protocolAt(layer) == Protocols.IPV4) {
            if (ipOff + 20 > cap) return false;
            int hl = (u8(ipOff) & 0x0F) * 4;
            int total = u16(ipOff + 2);
            if (hl < 20 || ipOff + hl > cap) return false;
            ipVersion = 4;
            ipProto = u8(ipOff + 9);
            // TSO captures say total length 0: the frame's bytes are the datagram then, as tshark takes them
            ipEnd = Math.min(total == 0 ? cap : ipOff + total, wire);
            int fo = u16(ipOff + 6);
            fragMore = (fo & 0x2000) != 0;
            fragOffset = (fo & 0x1FFF) * 8;
            if (fragMore || fragOffset != 0) {
                if (quoted) return true;
                fragment = true;
                fragId = u16(ipOff + 4);
                fragDataOff = ipOff + hl;
                fragReported = Math.max(0, ipEnd - fragDataOff);
                fragDataLen = Math.max(0, Math.min(ipEnd, cap) - fragDataOff);
            }
            return true;
        }
        if (ipOff + 40 > cap) return false;
        ipVersion = 6;
        int plen = u16(ipOff + 4);
        ipEnd = Math.min(plen == 0 ? cap : ipOff + 40 + plen, wire);
        ipProto = u8(ipOff + 6);
        if (fragLayer >= 0) {
            fragOff = f.layer(fragLayer).offset();
            if (fragOff + 8 > cap) return true;
            if (quoted) return true;
            ipProto = u8(fragOff);
            int fo = u16(fragOff + 2);
            fragOffset = fo & 0xFFF8;
            fragMore = (fo & 1) != 0;
            fragId = u32(fragOff + 4);
            // an atomic fragment (offset 0, no more) is processed on its own (RFC 6946), as tshark does
            if (fragOffset == 0 && !fragMore) return true;
            fragment = true;
            fragDataOff = fragOff + 8;
            fragReported = Math.max(0, ipEnd - fragDataOff);
            fragDataLen = Math.max(0, Math.min(ipEnd, cap) - fragDataOff);
        }
        return true;
    }

    private boolean readTcp() {
        if (tOff + 14 > cap) return false;
        srcPort = u16(tOff);
        dstPort = u16(tOff + 2);
        seq = u32(tOff + 4);
        ack = u32(tOff + 8);
        tcpHdrLen = (u8(tOff + 12) >>> 4) * 4;
        flags = u16(tOff + 12) & 0x0FFF;
        int reported = ipEnd - tOff;
        haveSegLen = !quoted && tcpHdrLen >= 20 && reported >= tcpHdrLen;
        payloadOff = tOff + tcpHdrLen;
        payloadReported = haveSegLen ? reported - tcpHdrLen : 0;
        payloadCaptured = haveSegLen ? Math.max(0, Math.min(payloadReported, cap - payloadOff)) : 0;
        return true;
    }

    private boolean readUdp() {
        if (tOff + 8 > cap) return false;
        srcPort = u16(tOff);
        dstPort = u16(tOff + 2);
        int len = u16(tOff + 4);
        payloadOff = tOff + 8;
        payloadReported = Math.max(0, (len >= 8 ? len : ipEnd - tOff) - 8);
        payloadCaptured = Math.max(0, Math.min(payloadReported, cap - payloadOff));
        return true;
    }

    boolean isTcp() { return transport == Protocols.TCP; }

    /** Source address bytes (4 or 16) of the IP header. */
    byte[] srcAddr() { return addr(ipVersion == 4 ? ipOff + 12 : ipOff + 8); }

    byte[] dstAddr() { return addr(ipVersion == 4 ? ipOff + 16 : ipOff + 24); }

    private byte[] addr(int at) {
        int n = ipVersion == 4 ? 4 : 16;
        byte[] a = new byte[n];
        System.arraycopy(d, base + at, a, 0, n);
        return a;
    }

    /** Same bytes as {@code a} at frame offset {@code at}? (Compares addresses without copying them.) */
    boolean sameBytes(byte[] a, int at) {
        for (int i = 0; i < a.length; i++) if (d[base + at + i] != a[i]) return false;
        return true;
    }

    int srcAddrOff() { return ipVersion == 4 ? ipOff + 12 : ipOff + 8; }

    int dstAddrOff() { return ipVersion == 4 ? ipOff + 16 : ipOff + 24; }

    int addrLen() { return ipVersion == 4 ? 4 : 16; }

    int u8(int at) { return d[base + at] & 0xFF; }

    int u16(int at) { return (d[base + at] & 0xFF) << 8 | d[base + at + 1] & 0xFF; }

    long u32(int at) { return (long) u16(at) << 16 | u16(at + 2); }
}
