package io.pcapkit.reassembly;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TCP reassembly, both directions of every connection. Each direction is delivered in sequence-number order the
 * way tshark's "follow TCP stream" does it, so the bytes are the same as tshark's:
 * <ul>
 * <li>the first segment of a direction (whatever it carries) fixes the next expected sequence number; a SYN counts
 *     one; nothing is assumed about the initial sequence number, so captures that start mid-stream work;</li>
 * <li>a segment at the expected number is delivered; one that starts earlier (a retransmission) gives only its new
 *     tail (first copy wins; differing bytes are counted as conflicts); one that starts later is held;</li>
 * <li>held segments are delivered as soon as the bytes before them arrive; when the other side acknowledges past
 *     the lowest held segment, the bytes in between were received but not captured: the gap is recorded, and (in
 *     lenient mode) marked in the stream with tshark's text {@code [N bytes missing in capture file]} and a NUL;</li>
 * <li>sequence numbers are compared modulo 2^32, so wrap-around is invisible.</li>
 * </ul>
 * Memory is bounded: held bytes per direction and in total, connections at once (least recently active closed).
 */
final class TcpReassembler {
    private static final int SYN = 0x02, FIN = 0x01, RST = 0x04, ACK = 0x10;
    private static final int TAIL = 64 * 1024;
    /**
     * Holes listed per direction: a capture with a gap every other segment would otherwise grow the list with the
     * file; beyond it holes are still counted ({@code tcp.holes}, {@code tcp.hole_bytes}) and {@code
     * tcp.holes_unlisted} says how many the lists lack.
     */
    static final int MAX_HOLES_LISTED = 4096;

    private final ReassemblyOptions opt;
    private final Counters counters;
    private final StreamListener out;
    /** Live connections, least recently active first (access order). */
    private final LinkedHashMap<FlowKey, TcpStream> live = new LinkedHashMap<>(1024, 0.75f, true);
    private int nextIndex;
    private long heldTotal;
    /** The connection of the last packet handed to {@link #segment}. */
    TcpStream current;

    TcpReassembler(ReassemblyOptions opt, Counters counters, StreamListener out) {
        this.opt = opt;
        this.counters = counters;
        this.out = out;
    }

    /** One TCP header read into {@code p} (from a capture frame, or from a reassembled datagram). */
    void segment(Packet p, long frame, long nanos) {
        current = null;
        byte[] src = p.srcAddr(), dst = p.dstAddr();
        FlowKey key = FlowKey.of(6, src, p.srcPort, dst, p.dstPort);
        if (opt.tcpIdleNanos() > 0 && nanos != io.pcapkit.model.Frame.NO_TIMESTAMP) expireIdle(nanos);
        TcpStream s = live.get(key);
        if (s == null) s = open(key, src, p.srcPort, dst, p.dstPort, frame, nanos);
        boolean fromServer = !(p.srcPort == s.client.port() && java.util.Arrays.equals(src, s.client.address()));
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        // tshark: a SYN (without ACK) with another sequence number than the direction's first is a new connection
        if ((p.flags & (SYN | ACK)) == SYN && d.baseSet && p.seq != d.baseSeq) {
            close(s, "port reused");
            live.remove(key);
            s = open(key, src, p.srcPort, dst, p.dstPort, frame, nanos);
            fromServer = false;
            d = s.dir[0];
        }
        current = s;
        s.packets++;
        s.lastFrame = frame;
        s.lastNanos = nanos;
        if (!p.haveSegLen) return;
        counters.tcpSegments++;
        if (!d.baseSet) {
            d.baseSet = true;
            d.baseSeq = (p.flags & SYN) != 0 ? p.seq : (p.seq - 1) & 0xFFFFFFFFL;
        }
        if ((p.flags & SYN) != 0) d.syn = true;
        if ((p.flags & FIN) != 0) d.fin = true;
        if ((p.flags & RST) != 0) d.rst = true;
        if (!opt.tcp()) return;
        follow(s, fromServer, p, frame, nanos);
    }

    private TcpStream open(FlowKey key, byte[] src, int sp, byte[] dst, int dp, long frame, long nanos) {
        while (live.size() >= opt.maxTcpConnections()) {
            Iterator<TcpStream> it = live.values().iterator();
            TcpStream old = it.next();
            it.remove();
            counters.tcpEvicted++;
            close(old, "evicted by bounds");
        }
        TcpStream s = new TcpStream(nextIndex++, key, new Endpoint(src, sp), new Endpoint(dst, dp));
        s.firstFrame = frame;
        s.firstNanos = nanos;
        live.put(key, s);
        counters.tcpConnections++;
        out.opened(s);
        return s;
    }

    private void expireIdle(long now) {
        for (Iterator<TcpStream> it = live.values().iterator(); it.hasNext(); ) {
            TcpStream s = it.next();
            if (now - s.lastNanos <= opt.tcpIdleNanos()) break;
            it.remove();
            close(s, "idle");
        }
    }

    /** Closes every live connection (end of capture). */
    void flush() {
        for (TcpStream s : new ArrayList<>(live.values())) close(s, "end of capture");
        live.clear();
    }

    int liveConnections() { return live.size(); }

    long heldBytes() { return heldTotal; }

    private void close(TcpStream s, String why) {
        if (s.closed) return;
        s.closed = true;
        s.closeReason = why;
        for (TcpStream.Direction d : s.dir) {
            // a closed stream compares no more retransmissions: its 64 KiB ring goes, or kept streams hold them all
            d.tail = null;
            d.tailLen = 0;
            counters.tcpConflictBytes += d.conflictBytes;
            // out-of-order bytes nobody acknowledged the gap before: tshark never shows them; we record the gap
            if (!d.held.isEmpty()) {
                long lowest = d.held.getFirst().seq();
                for (TcpStream.Held h : d.held) if (lt(h.seq(), lowest)) lowest = h.seq();
                hole(d, d.next, (lowest - d.next) & 0xFFFFFFFFL);
                heldTotal -= d.heldBytes;
                d.heldBytes = 0;
                d.held.clear();
            }
        }
        out.closed(s);
    }

    // ------------------------------------------------------------------ one direction, tshark's follow order

    private void follow(TcpStream s, boolean fromServer, Packet p, long frame, long nanos) {
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        TcpStream.Direction other = s.dir[fromServer ? 0 : 1];
        // this segment's ACK may reveal that the other side received bytes the capture missed
        while (!other.held.isEmpty() && check(s, !fromServer, p.ack, frame, nanos, true)) { }

        long sequence = p.seq;
        if ((p.flags & SYN) != 0) sequence = (sequence + 1) & 0xFFFFFFFFL;
        long length = p.payloadReported;
        int dataOff = 0;
        int dataLen = p.payloadCaptured;
        if (d.written == 0 && d.next == 0) d.next = sequence;
        if (lt(sequence, d.next)) {
            long nextSeq = (sequence + length) & 0xFFFFFFFFL;
            long dup = Math.min((d.next - sequence) & 0xFFFFFFFFL, dataLen);
            if (dup > 0) compare(d, sequence, p, p.payloadOff, (int) dup);
            if (gt(nextSeq, d.next)) {
                dataOff = (int) ((d.next - sequence) & 0xFFFFFFFFL);
                dataLen = dataLen <= dataOff ? 0 : dataLen - dataOff;
                sequence = d.next;
                length = (nextSeq - d.next) & 0xFFFFFFFFL;
            }
        }
        if (dataLen == 0 || lt(sequence, d.next)) return;
        if (sequence == d.next) {
            d.next = (d.next + length) & 0xFFFFFFFFL;
            d.written += dataLen;
            byte[] data = new byte[dataLen];
            System.arraycopy(p.d, p.base + p.payloadOff + dataOff, data, 0, dataLen);
            if (dataLen < length) hole(d, (sequence + dataLen) & 0xFFFFFFFFL, length - dataLen);
            deliver(s, fromServer, new TcpChunk(fromServer, frame, sequence, data, false, p.ack, nanos));
            while (!d.held.isEmpty() && check(s, fromServer, 0, frame, nanos, false)) { }
        } else {
            byte[] data = new byte[dataLen];
            System.arraycopy(p.d, p.base + p.payloadOff + dataOff, data, 0, dataLen);
            d.held.add(new TcpStream.Held(sequence, data, frame, p.ack, nanos));
            d.heldBytes += dataLen;
            heldTotal += dataLen;
            // bounds: a gap that never fills may not hold memory forever; declare it and go on
            while (!d.held.isEmpty() && (d.heldBytes > opt.maxTcpHeldBytes() || heldTotal > opt.maxTcpTotalBytes())) {
                counters.tcpOverflow++;
                forceGap(s, fromServer, frame, nanos);
                while (!d.held.isEmpty() && check(s, fromServer, 0, frame, nanos, false)) { }
            }
        }
    }

    /**
     * tshark's check_follow_fragments: the first held segment (in arrival order) that starts at or before the
     * expected number is delivered (its new part); failing that, with {@code useAck}, an acknowledgment beyond the
     * lowest held segment declares the gap before it.
     */
    private boolean check(TcpStream s, boolean fromServer, long acknowledged, long frame, long nanos, boolean useAck) {
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        if (d.held.isEmpty()) return false;
        long lowest = d.held.getFirst().seq();
        for (int i = 0; i < d.held.size(); i++) {
            TcpStream.Held h = d.held.get(i);
            if (gt(lowest, h.seq())) lowest = h.seq();
            if (lt(h.seq(), d.next)) {
                long newSeq = (h.seq() + h.data().length) & 0xFFFFFFFFL;
                if (gt(newSeq, d.next)) {
                    int newPos = (int) ((d.next - h.seq()) & 0xFFFFFFFFL);
                    if (h.data().length > newPos) {
                        byte[] tail = java.util.Arrays.copyOfRange(h.data(), newPos, h.data().length);
                        deliver(s, fromServer, new TcpChunk(fromServer, h.frame(), d.next, tail, false, h.ack(), h.nanos()));
                    }
                    d.next = newSeq;
                }
                unhold(d, i);
                return true;
            }
            if (h.seq() == d.next) {
                if (h.data().length > 0) {
                    deliver(s, fromServer, new TcpChunk(fromServer, h.frame(), h.seq(), h.data(), false, h.ack(), h.nanos()));
                }
                d.next = (d.next + h.data().length) & 0xFFFFFFFFL;
                unhold(d, i);
                return true;
            }
        }
        if (useAck && gt(acknowledged, lowest)) {
            gap(s, fromServer, lowest, frame, nanos);
            return true;
        }
        return false;
    }

    private void forceGap(TcpStream s, boolean fromServer, long frame, long nanos) {
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        long lowest = d.held.getFirst().seq();
        for (TcpStream.Held h : d.held) if (lt(h.seq(), lowest)) lowest = h.seq();
        gap(s, fromServer, lowest, frame, nanos);
    }

    /** The bytes from the expected number up to {@code lowest} will never come: a hole. */
    private void gap(TcpStream s, boolean fromServer, long lowest, long frame, long nanos) {
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        long missing = (lowest - d.next) & 0xFFFFFFFFL;
        hole(d, d.next, missing);
        if (!opt.strictTcp()) {
            // tshark prints the count as a signed int and keeps the C string's terminating NUL
            byte[] text = ("[" + (int) missing + " bytes missing in capture file]").getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII);
            byte[] marker = java.util.Arrays.copyOf(text, text.length + 1);
            deliver(s, fromServer, new TcpChunk(fromServer, frame, lowest, marker, true, 0, nanos));
        }
        d.next = lowest;
    }

    private void hole(TcpStream.Direction d, long seq, long len) {
        if (len <= 0) return;
        if (d.holes.size() < MAX_HOLES_LISTED) d.holes.add(new long[] {seq, len});
        else counters.tcpHolesUnlisted++;
        counters.tcpHoles++;
        counters.tcpHoleBytes += len;
    }

    private void unhold(TcpStream.Direction d, int i) {
        TcpStream.Held h = d.held.remove(i);
        d.heldBytes -= h.data().length;
        heldTotal -= h.data().length;
    }

    private void deliver(TcpStream s, boolean fromServer, TcpChunk c) {
        TcpStream.Direction d = s.dir[fromServer ? 1 : 0];
        d.bytes += c.data().length;
        if (!c.gap()) remember(d, c.seq(), c.data());
        out.chunk(s, c);
    }

    /** Keeps the last {@value #TAIL} bytes delivered, by sequence number, to compare retransmissions with. */
    private static void remember(TcpStream.Direction d, long seq, byte[] data) {
        if (d.tail == null) d.tail = new byte[TAIL];
        if (d.tailLen > 0 && seq != d.tailEnd) d.tailLen = 0;
        int from = Math.max(0, data.length - TAIL);
        // at most two copies: up to the ring's end, then from its start (TAIL is a power of two)
        for (int i = from; i < data.length; ) {
            int at = (int) ((seq + i) & (TAIL - 1));
            int n = Math.min(data.length - i, TAIL - at);
            System.arraycopy(data, i, d.tail, at, n);
            i += n;
        }
        d.tailEnd = (seq + data.length) & 0xFFFFFFFFL;
        d.tailLen = Math.min(TAIL, d.tailLen + data.length);
    }

    /** A retransmission's bytes below the expected number: counted, and compared with the kept tail. */
    private static void compare(TcpStream.Direction d, long seq, Packet p, int off, int n) {
        d.overlapBytes += n;
        if (d.tail == null || d.tailLen == 0) return;
        // the part of [seq, seq+n) still in the ring: offsets relative to the ring's start
        long tailStart = (d.tailEnd - d.tailLen) & 0xFFFFFFFFL;
        long rel = (int) (seq - tailStart);
        int skip = rel < 0 ? (int) -rel : 0;
        long lo = Math.max(rel, 0), hi = Math.min(rel + n, d.tailLen);
        for (long r = lo; r < hi; ) {
            int at = (int) ((tailStart + r) & (TAIL - 1));
            int len = (int) Math.min(hi - r, TAIL - at);
            int src = p.base + off + skip + (int) (r - lo);
            if (java.util.Arrays.mismatch(d.tail, at, at + len, p.d, src, src + len) >= 0) {
                for (int i = 0; i < len; i++) if (d.tail[at + i] != p.d[src + i]) d.conflictBytes++;
            }
            r += len;
        }
    }

    static boolean lt(long a, long b) { return (int) (a - b) < 0; }

    static boolean gt(long a, long b) { return (int) (a - b) > 0; }

    Map<FlowKey, TcpStream> live() { return live; }
}
