package io.pcapkit.nativeengine.proto;

import io.pcapkit.nativeengine.decode.DecodeContext;

/** The Internet checksum (RFC 1071) over frame bytes, for the ICMP and ICMPv6 status fields. */
final class IcmpChecksums {
    private IcmpChecksums() { }

    /**
     * The one's-complement sum of {@code [off, off+len)} added to {@code initial} (a pseudo-header's partial sum),
     * folded and complemented: 0 when the bytes include a correct checksum.
     */
    static int internet(DecodeContext c, int off, int len, long initial) {
        long sum = initial;
        int end = off + (len & ~1);
        for (int p = off; p < end; p += 2) sum += c.u16(p);
        if ((len & 1) != 0) sum += c.u8(off + len - 1) << 8;
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }

    /** Partial sum of an IPv6 pseudo-header (RFC 8200 §8.1): addresses, upper-layer length, next header. */
    static long ipv6PseudoHeader(DecodeContext c, int src, int dst, long length, int nextHeader) {
        long sum = 0;
        for (int i = 0; i < 16; i += 2) sum += c.u16(src + i) + c.u16(dst + i);
        return sum + (length >>> 16) + (length & 0xFFFF) + nextHeader;
    }
}
