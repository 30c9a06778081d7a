package io.pcapkit.nativeengine.proto;

import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The TCP connections whose ServerHello chose TLS 1.3. From then on both directions' records of type 23 are
 * "opaque" for tshark (the real type is inside the encryption), and a segment alone cannot tell: the version was in
 * an earlier one. Bounded to {@link #MAX_CONNECTIONS}, the oldest forgotten first; shared by the engine's threads,
 * so synchronized. Captures without TLS 1.3 never fill it, and an empty memory costs one check per TLS segment.
 */
final class TlsSessions {
    static final int MAX_CONNECTIONS = 256;

    // direction-independent keys: the sum of both directions' hashes
    private final long[] keyA = new long[MAX_CONNECTIONS], keyB = new long[MAX_CONNECTIONS];
    private final ConnectionKey key = new ConnectionKey();
    private volatile int used; // read without the lock first: captures without TLS 1.3 stop there
    private int next;

    synchronized void markTls13(DecodeContext c) {
        if (!key.of(c) || find(key.a + key.ra, key.b + key.rb) >= 0) return;
        int i = used < MAX_CONNECTIONS ? used++ : next; // full: replace in arrival order
        next = (i + 1) % MAX_CONNECTIONS;
        keyA[i] = key.a + key.ra;
        keyB[i] = key.b + key.rb;
    }

    boolean isTls13(DecodeContext c) {
        if (used == 0) return false;
        synchronized (this) {
            return key.of(c) && find(key.a + key.ra, key.b + key.rb) >= 0;
        }
    }

    private int find(long x, long y) {
        for (int i = 0; i < used; i++) if (keyA[i] == x && keyB[i] == y) return i;
        return -1;
    }
}
