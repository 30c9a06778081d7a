package io.pcapkit.nativeengine.proto;

import io.pcapkit.hpack.HpackTable;
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
    private volatile int used; // read without the lock by isEmpty(), the per-segment fast path
    private long clock;
    private final ConnectionKey key = new ConnectionKey();

    /** Lock-free: every TCP payload asks this first, and captures without HTTP/2 never get further. */
    boolean isEmpty() { return used == 0; }

    private int find(long x, long y) {
        for (int i = 0; i < used; i++) if (keyA[i] == x && keyB[i] == y) return i;
        return -1;
    }

    /** Whether either direction of this segment's connection was seen speaking HTTP/2. */
    synchronized boolean known(DecodeContext c) {
        return used > 0 && key.of(c) && (find(key.a, key.b) >= 0 || find(key.ra, key.rb) >= 0);
    }

    /** The HPACK table of this segment's direction, made (and the connection remembered) on first use; null off TCP. */
    synchronized HpackTable table(DecodeContext c) {
        if (!key.of(c)) return null;
        int i = find(key.a, key.b);
        if (i < 0) {
            if (used < MAX_DIRECTIONS) i = used++;
            else { // evict the least recently used direction
                i = 0;
                for (int k = 1; k < used; k++) if (lastUse[k] < lastUse[i]) i = k;
            }
            keyA[i] = key.a;
            keyB[i] = key.b;
            tables[i] = new HpackTable();
        }
        lastUse[i] = ++clock;
        return tables[i];
    }
}
