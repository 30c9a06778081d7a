package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The key of the TCP connection a segment belongs to, for the few application decoders that must remember
 * something per connection (HPACK tables, a negotiated TLS version): two 64-bit hashes of (source address and
 * port, destination address and port) for the segment's direction ({@link #a}, {@link #b}) and for the reverse
 * one ({@link #ra}, {@link #rb}). A mutable holder, reused by its owner under the owner's lock.
 */
final class ConnectionKey {
    long a, b, ra, rb;

    /** Computes the keys from the IP and TCP headers under the current layer; false when there are none. */
    boolean of(DecodeContext c) {
        Frame f = c.out().frame();
        int tcp = -1, ip = -1;
        for (int i = c.out().currentLayer(); i >= 0; i--) {
            var p = f.protocolAt(i);
            if (tcp < 0 && p == Protocols.TCP) tcp = i;
            else if (tcp >= 0 && (p == Protocols.IPV4 || p == Protocols.IPV6)) {
                ip = i;
                break;
            }
        }
        if (tcp < 0 || ip < 0) return false;
        int ipOff = f.layer(ip).offset(), tcpOff = f.layer(tcp).offset();
        boolean v6 = f.protocolAt(ip) == Protocols.IPV6;
        int alen = v6 ? 16 : 4, src = ipOff + (v6 ? 8 : 12), dst = src + alen;
        long s1 = mix(c, src, alen, 0x9E3779B97F4A7C15L), d1 = mix(c, dst, alen, 0x9E3779B97F4A7C15L);
        long s2 = mix(c, src, alen, 0xC2B2AE3D27D4EB4FL), d2 = mix(c, dst, alen, 0xC2B2AE3D27D4EB4FL);
        int sp = c.u16(tcpOff), dp = c.u16(tcpOff + 2);
        a = s1 * 31 + sp + Long.rotateLeft(d1 * 17 + dp, 29);
        b = s2 * 37 + sp + Long.rotateLeft(d2 * 13 + dp, 23);
        ra = d1 * 31 + dp + Long.rotateLeft(s1 * 17 + sp, 29);
        rb = d2 * 37 + dp + Long.rotateLeft(s2 * 13 + sp, 23);
        return true;
    }

    private static long mix(DecodeContext c, int at, int n, long seed) {
        long h = seed;
        for (int i = 0; i < n; i++) h = (h ^ c.u8(at + i)) * 0x100000001B3L + (h >>> 29);
        return h;
    }
}
