package io.pcapkit.kaitaiengine;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * One frame's walk from the link layer up: each layer's header is parsed by its generated Kaitai class from a
 * stream over the frame's captured bytes, then mapped into the model. The next layer is chosen here from the
 * parsed type/protocol/port values, so the specs stay one header each.
 */
final class Packet {
    static final FieldDef DATA = Catalog.field("data.data");
    static final FieldDef DATA_LEN = Catalog.field("data.len");

    final FrameBuilder b = new FrameBuilder();
    KaitaiStream io;
    byte[] data;
    int base;
    /** 4 or 6 once an IP header has been read: UDP needs it for the checksum-zero rule. */
    int ipVersion;
    /** The IP packet was captured only in part: checksums cannot be verified. */
    boolean cut;
    /** Inside the packet an ICMP error quotes: its lengths run past the quote by design. */
    boolean inError;
    /** Offset of the innermost IPv6 header, for the ICMPv6 pseudo header. */
    int ip6Off;
    /** A non-first IPv6 fragment: what follows its header is data. */
    boolean fragmentRest;
    /** Length of the current IP payload as its header says, which a short capture may not hold whole. */
    int reported;

    /** Decodes the frame the builder was reset to; {@code link} is the record's link-type code. */
    void decode(int link) {
        data = b.data();
        base = b.base();
        int cap = b.capturedLength();
        io = new ByteBufferKaitaiStream(ByteBuffer.wrap(data, base, cap).slice());
        ipVersion = 0;
        cut = false;
        inError = false;
        fragmentRest = false;
        reported = -1;
        switch (link) {
            case 1 -> EthernetLayer.decode(this, 0, cap);
            case 12, 14, 101, 228, 229 -> ipByVersion(0, cap);
            default -> raw(0, cap);
        }
    }

    /** Raw IP link types: the version nibble says which. */
    private void ipByVersion(int off, int len) {
        if (len < 1) return;
        int v = (data[base + off] & 0xFF) >>> 4;
        if (v == 4) Ipv4Layer.decode(this, off, len);
        else if (v == 6) Ipv6Layer.decode(this, off, len);
        else raw(off, len);
    }

    /** Hands {@code len} bytes at {@code off} to the protocol an EtherType names. */
    void byEtherType(int type, int off, int len) {
        switch (type) {
            case 0x0800 -> Ipv4Layer.decode(this, off, len);
            case 0x86DD -> Ipv6Layer.decode(this, off, len);
            case 0x8100 -> EthernetLayer.vlan(this, off, len);
            case 0x0806 -> ArpLayer.decode(this, Protocols.ARP, off, len);
            case 0x8035 -> ArpLayer.decode(this, Protocols.RARP, off, len);
            default -> raw(off, len);
        }
    }

    /** Hands an IP payload on by protocol number. */
    void byIpProtocol(int proto, int off, int len) {
        switch (proto) {
            case 1 -> IcmpLayer.decode(this, off, len);
            case 58 -> Icmpv6Layer.decode(this, off, len);
            case 4 -> Ipv4Layer.decode(this, off, len);
            case 41 -> Ipv6Layer.decode(this, off, len);
            case 0, 43, 44, 60 -> Ipv6Extensions.next(this, proto, off, len);
            case 6 -> TcpLayer.decode(this, off, len);
            case 17 -> UdpLayer.decode(this, off, len);
            default -> raw(off, len);
        }
    }

    /** Hands a UDP payload on by port. */
    void byUdpPort(int src, int dst, int off, int len) {
        if (src == 53 || dst == 53 || src == 5353 || dst == 5353) DnsLayer.decode(this, off, len);
        else raw(off, len);
    }

    /** Whether an exception from a generated parser means damaged data (bytes ran out, a rule broken). */
    static boolean isDataError(RuntimeException e) {
        return e instanceof BufferUnderflowException || e instanceof KaitaiStream.KaitaiStructError
                || e instanceof IllegalArgumentException || e instanceof NegativeArraySizeException;
    }

    /** Bytes nobody decodes: Wireshark's "data". */
    void raw(int off, int len) {
        if (len <= 0) return;
        b.beginLayer(Protocols.RAW, off);
        b.addRef(DATA, off, len);
        b.add(DATA_LEN, len, off, 0);
        b.endLayer(len);
    }

    /** Positions the frame stream at {@code off} for the next generated parser. */
    KaitaiStream at(int off) {
        io.seek(off);
        return io;
    }

    /**
     * Bytes the frame had on the wire past captured offset {@code end}: a layer running to the end of the capture
     * was that much longer (the record's original length says so).
     */
    long missing(int end) {
        Frame f = b.frame();
        return end >= f.capturedLength() ? Math.max(0, f.originalLength() - f.capturedLength()) : 0;
    }

    int u8(int off) { return data[base + off] & 0xFF; }

    int u16(int off) { return (u8(off) << 8) | u8(off + 1); }

    long u32(int off) { return ((long) u16(off) << 16) | u16(off + 2); }

    /**
     * A generated parser failed inside this layer: the bytes ran out, or a {@code valid} rule of the spec was
     * broken. A Kaitai struct is parsed whole or not at all, so the layer keeps no fields, gets an anomaly, and
     * its bytes and the rest of the frame become Raw. Anything else (a bug of ours) is not caught.
     */
    void damaged(Protocol p, RuntimeException e, int off, int len) {
        Anomaly.Kind kind;
        String why;
        if (e instanceof BufferUnderflowException) {
            kind = Anomaly.Kind.TRUNCATED;
            why = p.name() + " header runs past the " + len + " bytes captured";
        } else if (e instanceof KaitaiStream.KaitaiStructError k) {
            kind = Anomaly.Kind.BAD_VALUE;
            why = p.name() + ": " + k.getMessage();
        } else if (e instanceof IllegalArgumentException || e instanceof NegativeArraySizeException) {
            kind = Anomaly.Kind.BAD_LENGTH;
            why = p.name() + ": a length field is impossible (" + e.getMessage() + ")";
        } else {
            throw e;
        }
        b.anomaly(kind, off, why);
        b.endLayer(0);
        raw(off, len);
    }
}
