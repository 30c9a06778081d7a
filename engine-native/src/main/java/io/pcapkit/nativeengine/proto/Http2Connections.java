package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * What HTTP/2 must remember between frames, per TCP connection and direction. HPACK (RFC 7541) compresses each
 * header block against a dynamic table that the earlier blocks of the same direction filled, so a HEADERS frame can
 * only be read the way tshark reads it if the tables of its connection were kept. Knowing a connection speaks
 * HTTP/2 also lets its later segments be claimed on a port that says otherwise (port 80 after an h2c upgrade), as
 * tshark's conversation does. The memory is bounded: at most {@link #MAX_DIRECTIONS} directions, least recently
 * used evicted first, each table at most {@link HpackTable#MAX_SIZE} bytes. It belongs to one decoder instance,
 * which the engine's threads share, so access is synchronized; frames decoded out of order (several workers) can
 * see a table a frame too early or late, which only shifts dynamic-table references.
 */
final class Http2Connections {
    /** Directions (two per connection) remembered at once. */
    static final int MAX_DIRECTIONS = 128;

    private final long[] keyA = new long[MAX_DIRECTIONS], keyB = new long[MAX_DIRECTIONS];
    private final long[] lastUse = new long[MAX_DIRECTIONS];
    private final HpackTable[] tables = new HpackTable[MAX_DIRECTIONS];
    private int used;
    private long clock;
    // the key of the direction last looked up: two 64-bit hashes of (src addr, src port, dst addr, dst port)
    private long a, b, ra, rb;

    synchronized boolean isEmpty() { return used == 0; }

    /**
     * Computes the keys of the segment being decoded from its IP and TCP headers; false when the frame has none
     * (then nothing is remembered for it).
     */
    private boolean keys(DecodeContext c) {
        var f = c.out().frame();
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

    private int find(long x, long y) {
        for (int i = 0; i < used; i++) if (keyA[i] == x && keyB[i] == y) return i;
        return -1;
    }

    /** Whether either direction of this segment's connection was seen speaking HTTP/2. */
    synchronized boolean known(DecodeContext c) {
        return used > 0 && keys(c) && (find(a, b) >= 0 || find(ra, rb) >= 0);
    }

    /** The HPACK table of this segment's direction, made (and the connection remembered) on first use; null off TCP. */
    synchronized HpackTable table(DecodeContext c) {
        if (!keys(c)) return null;
        int i = find(a, b);
        if (i < 0) {
            if (used < MAX_DIRECTIONS) i = used++;
            else { // evict the least recently used direction
                i = 0;
                for (int k = 1; k < used; k++) if (lastUse[k] < lastUse[i]) i = k;
            }
            keyA[i] = a;
            keyB[i] = b;
            tables[i] = new HpackTable();
        }
        lastUse[i] = ++clock;
        return tables[i];
    }
}
