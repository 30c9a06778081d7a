package io.pcapkit.reassembly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * IPv4 and IPv6 fragment reassembly ({@link HoleList}: RFC 815). Buffers are kept in arrival order of their first
 * fragment, so time-outs (measured on capture time, from the first fragment) and evictions (when a bound bites)
 * both take the oldest first. Every datagram that leaves, complete or not, goes to the sink once.
 */
final class IpDefragmenter {
    /** Largest datagram accepted: an IPv4/IPv6 payload cannot exceed 65,535 bytes plus the last fragment. */
    static final int MAX_DATAGRAM = 65_535 + 65_535;

    private final ReassemblyOptions opt;
    private final Consumer<Datagram> sink;
    private final LinkedHashMap<FragmentKey, Buffer> buffers = new LinkedHashMap<>();
    private long bytesHeld;
    final Counters counters;

    private static final class Buffer {
        final FragmentKey key;
        final HoleList holes = new HoleList();
        long[] frames = new long[4];
        int frameCount;
        byte[] header;
        int headerNextAt = -1;
        int nextHeader;          // IPv6: the fragment header's next header, from the first fragment   // IPv6: where, in the header, the next-header byte that named the fragment header is
        long firstNanos, lastNanos;
        boolean inconsistent;

        Buffer(FragmentKey key) { this.key = key; }

        void frame(long n) {
            if (frameCount == frames.length) frames = Arrays.copyOf(frames, frameCount * 2);
            frames[frameCount++] = n;
        }
    }

    IpDefragmenter(ReassemblyOptions opt, Counters counters, Consumer<Datagram> sink) {
        this.opt = opt;
        this.counters = counters;
        this.sink = sink;
    }

    /** A fragment read into {@code p}; returns the datagram it completed, or null. */
    Datagram add(Packet p) {
        long now = p.frame.timestampNanos();
        expire(now);
        if (p.ipVersion == 4 ? !opt.ipv4() : !opt.ipv6()) return null;
        counters.fragments++;
        FragmentKey key = new FragmentKey(p.ipVersion, p.srcAddr(), p.dstAddr(), p.fragId,
                p.ipVersion == 4 ? p.ipProto : 0);
        Buffer b = buffers.get(key);
        if (b == null) {
            while (buffers.size() >= opt.maxIpBuffers()) evictOldest();
            b = new Buffer(key);
            b.firstNanos = now;
            buffers.put(key, b);
        }
        b.lastNanos = now;
        b.frame(p.frame.number());
        if (p.fragOffset + p.fragReported > MAX_DATAGRAM) {
            counters.ipFragmentsRejected++;
            b.inconsistent = true;
            return null;
        }
        if (p.fragOffset == 0 && b.header == null) {
            b.header = header(p, b);
            b.nextHeader = p.ipProto;
        }
        int before = b.holes.footprint();
        // a fragment cut short by the snap length still holds its place: its missing tail stays a hole
        boolean ok = b.holes.add(p.fragOffset, p.d, p.base + p.fragDataOff, p.fragDataLen,
                p.fragMore || p.fragDataLen < p.fragReported, opt.lastWins());
        if (p.fragDataLen < p.fragReported && !p.fragMore) {
            b.holes.add(p.fragOffset + p.fragReported, p.d, 0, 0, false, opt.lastWins());
        }
        if (!ok) b.inconsistent = true;
        bytesHeld += b.holes.footprint() - before;
        if (b.holes.complete() && b.header != null) {
            buffers.remove(key);
            bytesHeld -= b.holes.footprint();
            return finish(b, b.inconsistent ? Datagram.Status.PARTIAL : Datagram.Status.COMPLETE);
        }
        while (bytesHeld > opt.maxIpBytes() && !buffers.isEmpty()) evictOldest();
        return null;
    }

    /** Gives every buffer older than the time-out up (capture time). */
    void expire(long now) {
        if (now == io.pcapkit.model.Frame.NO_TIMESTAMP) return;
        for (Iterator<Buffer> it = buffers.values().iterator(); it.hasNext(); ) {
            Buffer b = it.next();
            if (now - b.firstNanos <= opt.ipTimeoutNanos()) break;
            it.remove();
            bytesHeld -= b.holes.footprint();
            counters.ipTimeouts++;
            sink.accept(finish(b, Datagram.Status.TIMEOUT));
        }
    }

    /** End of capture: what is left is partial. */
    void flush() {
        for (Buffer b : new ArrayList<>(buffers.values())) sink.accept(finish(b, Datagram.Status.PARTIAL));
        buffers.clear();
        bytesHeld = 0;
    }

    int buffered() { return buffers.size(); }

    long bytesHeld() { return bytesHeld; }

    private void evictOldest() {
        Iterator<Buffer> it = buffers.values().iterator();
        Buffer b = it.next();
        it.remove();
        bytesHeld -= b.holes.footprint();
        counters.ipEvicted++;
        sink.accept(finish(b, Datagram.Status.PARTIAL));
    }

    private Datagram finish(Buffer b, Datagram.Status status) {
        HoleList h = b.holes;
        int len = h.total >= 0 ? h.total : h.extent;
        byte[] payload = Arrays.copyOf(h.data, len);
        byte[] header = b.header == null ? null : b.header.clone();
        if (header != null) fixHeader(b, header, len);
        List<int[]> holes = status == Datagram.Status.COMPLETE ? List.of() : List.of(h.holes());
        if (status == Datagram.Status.COMPLETE) counters.datagrams++;
        else counters.datagramsPartial++;
        return new Datagram(status, b.key, Arrays.copyOf(b.frames, b.frameCount), header, payload, holes,
                h.overlapBytes, h.conflictBytes, b.firstNanos, b.lastNanos, null);
    }

    /** The first fragment's header, to stand in front of the whole payload. */
    private static byte[] header(Packet p, Buffer b) {
        if (p.ipVersion == 4) {
            int hl = p.fragDataOff - p.ipOff;
            return Arrays.copyOfRange(p.d, p.base + p.ipOff, p.base + p.ipOff + hl);
        }
        // IPv6 header and the extension headers before the fragment header
        byte[] h = Arrays.copyOfRange(p.d, p.base + p.ipOff, p.base + p.fragOff);
        int prev = p.fragLayer - 1;
        int prevOff = p.frame.layer(prev).offset() - p.ipOff;
        b.headerNextAt = prev >= 0 && prevOff > 0 ? prevOff : 6;
        return h;
    }

    private static void fixHeader(Buffer b, byte[] h, int payloadLen) {
        if (b.key.version() == 4) {
            int total = Math.min(h.length + payloadLen, 0xFFFF);
            h[2] = (byte) (total >>> 8);
            h[3] = (byte) total;
            h[6] = (byte) (h[6] & 0x40);   // keep DF; MF and the offset go
            h[7] = 0;
            h[10] = 0;
            h[11] = 0;
            int sum = 0;
            for (int i = 0; i + 1 < h.length; i += 2) sum += (h[i] & 0xFF) << 8 | h[i + 1] & 0xFF;
            while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >>> 16);
            sum = ~sum & 0xFFFF;
            h[10] = (byte) (sum >>> 8);
            h[11] = (byte) sum;
            return;
        }
        int plen = Math.min(h.length - 40 + payloadLen, 0xFFFF);
        h[4] = (byte) (plen >>> 8);
        h[5] = (byte) plen;
        if (b.headerNextAt >= 0 && b.headerNextAt < h.length) h[b.headerNextAt] = (byte) b.nextHeader;
    }
}
