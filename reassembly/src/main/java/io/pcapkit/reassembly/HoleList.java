package io.pcapkit.reassembly;

import java.util.Arrays;

/**
 * The bytes of one datagram being reassembled and the holes still missing, after RFC 815's hole descriptors: at
 * first one hole from 0 to "infinity"; each fragment removes the part of every hole it covers, leaving at most a
 * hole before and one after it; the fragment without "more fragments" cuts the last hole at the datagram's end.
 * The datagram is complete when no hole is left. Holes are kept sorted, so overlaps (bytes already present) are
 * found in the same walk: the first copy wins unless {@code lastWins}, and differing bytes are counted.
 */
final class HoleList {
    static final int OPEN = Integer.MAX_VALUE;

    private int[] first = new int[8];
    private int[] last = new int[8];
    private int holes;
    byte[] data = new byte[0];
    /** One past the last byte: known once the final fragment arrived, else -1. */
    int total = -1;
    /** Highest byte written + 1. */
    int extent;
    long overlapBytes;
    long conflictBytes;

    HoleList() {
        first[0] = 0;
        last[0] = OPEN;
        holes = 1;
    }

    boolean complete() { return holes == 0; }

    int holeCount() { return holes; }

    /** Holes as [first, last] pairs (inclusive, last clipped to the bytes seen). */
    int[][] holes() {
        int[][] out = new int[holes][];
        for (int i = 0; i < holes; i++) out[i] = new int[] {first[i], Math.min(last[i], Math.max(extent, first[i]) - 1)};
        return out;
    }

    /**
     * Adds a fragment's bytes {@code src[off .. off+len)} at datagram offset {@code at}; {@code more} is its MF
     * flag. Returns false when it contradicts the datagram's end (data past the end, or a second different end).
     */
    boolean add(int at, byte[] src, int off, int len, boolean more, boolean lastWins) {
        int end = at + len;
        boolean consistent = true;
        if (!more) {
            if (total >= 0 && total != end) consistent = false;
            if (total < 0) total = end;
        }
        if (total >= 0 && end > total) {
            consistent = false;
            len = Math.max(0, total - at);
            end = at + len;
        }
        if (len > 0) {
            ensure(end);
            int pos = at;
            for (int h = 0; h < holes && pos < end; h++) {
                if (last[h] < pos) continue;
                if (first[h] >= end) break;
                if (first[h] > pos) overlap(pos, first[h], src, off + (pos - at), lastWins);
                int a = Math.max(pos, first[h]);
                int b = Math.min(last[h] == OPEN ? end - 1 : last[h], end - 1);
                System.arraycopy(src, off + (a - at), data, a, b - a + 1);
                pos = b + 1;
            }
            if (pos < end) overlap(pos, end, src, off + (pos - at), lastWins);
            extent = Math.max(extent, end);
            cut(at, end - 1);
        }
        if (total >= 0) clip(total);
        return consistent;
    }

    private void overlap(int from, int to, byte[] src, int srcOff, boolean lastWins) {
        overlapBytes += to - from;
        for (int i = from; i < to; i++) {
            if (data[i] != src[srcOff + i - from]) conflictBytes++;
        }
        if (lastWins) System.arraycopy(src, srcOff, data, from, to - from);
    }

    /** RFC 815 steps 1-6 for the fragment [f, l]: each hole it touches is replaced by what is left of it. */
    private void cut(int f, int l) {
        int[] nf = new int[holes + 2], nl = new int[holes + 2];
        int m = 0;
        for (int h = 0; h < holes; h++) {
            if (f > last[h] || l < first[h]) {
                nf[m] = first[h];
                nl[m++] = last[h];
                continue;
            }
            if (f > first[h]) {
                nf[m] = first[h];
                nl[m++] = f - 1;
            }
            if (l < last[h]) {
                nf[m] = l + 1;
                nl[m++] = last[h];
            }
        }
        first = nf;
        last = nl;
        holes = m;
    }

    /** The final fragment says where the datagram ends: no hole reaches past it. */
    private void clip(int end) {
        int m = 0;
        for (int h = 0; h < holes; h++) {
            if (first[h] >= end) continue;
            first[m] = first[h];
            last[m++] = Math.min(last[h], end - 1);
        }
        holes = m;
    }

    private void ensure(int n) {
        if (data.length < n) data = Arrays.copyOf(data, Math.max(n, Math.min(Math.max(data.length * 2, 1500), 1 << 20)));
    }

    /** Bytes held (the buffer's capacity), for the memory bound. */
    int footprint() { return data.length; }
}
