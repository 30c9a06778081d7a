package io.pcapkit.reassembly;

import io.pcapkit.model.Frame;

import java.util.List;

/**
 * One IP datagram put back together from its fragments (or given up on).
 *
 * @param status        COMPLETE, PARTIAL (capture ended, a bound evicted it, or the fragments contradict each
 *                      other) or TIMEOUT
 * @param key           what identified it: IPv4 (src, dst, id, protocol), IPv6 (src, dst, identification)
 * @param frames        the capture's frame numbers of its fragments, in arrival order; the last completed it
 * @param header        the IP header it is given: the first fragment's IPv4 header (total length, flags and
 *                      offset, checksum rewritten) or the IPv6 header and unfragmentable part (payload length and
 *                      next header rewritten, no fragment header); null when the first fragment never came
 * @param payload       the reassembled payload; for a partial datagram the bytes received, holes left as zeros
 * @param holes         missing byte ranges [first, last] of a partial datagram (empty when complete)
 * @param overlapBytes  bytes that arrived more than once
 * @param conflictBytes of those, bytes that differed from the copy kept
 * @param firstNanos    capture time of the first fragment
 * @param lastNanos     capture time of the last
 * @param decoded       header + payload decoded further by the engine (complete datagrams, engines that can), or null
 */
public record Datagram(Status status, FragmentKey key, long[] frames, byte[] header, byte[] payload, List<int[]> holes,
                       long overlapBytes, long conflictBytes, long firstNanos, long lastNanos, Frame decoded) {

    public enum Status { COMPLETE, PARTIAL, TIMEOUT }

    /** The frame whose fragment completed the datagram (or the last one received). */
    public long lastFrame() { return frames[frames.length - 1]; }

    /** Header and payload together: the datagram as it would have been sent unfragmented (null without header). */
    public byte[] bytes() {
        if (header == null) return null;
        byte[] b = new byte[header.length + payload.length];
        System.arraycopy(header, 0, b, 0, header.length);
        System.arraycopy(payload, 0, b, header.length, payload.length);
        return b;
    }
}
