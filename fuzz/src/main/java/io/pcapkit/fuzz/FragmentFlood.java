package io.pcapkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hundreds of fragments of one datagram that never completes, inserted after a real IPv4 or IPv6 packet: every
 * copy says "more fragments" at a random (often overlapping) offset under the same identification, the shape of a
 * fragment-flood attack on a reassembler.
 */
public final class FragmentFlood implements Mutator {
    private final boolean v6;

    private FragmentFlood(boolean v6) { this.v6 = v6; }

    public static FragmentFlood ipv4() { return new FragmentFlood(false); }

    public static FragmentFlood ipv6() { return new FragmentFlood(true); }

    @Override public String name() { return v6 ? "frag-flood-ipv6" : "frag-flood-ipv4"; }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        LayerIndex.Kind kind = v6 ? LayerIndex.Kind.IPV6 : LayerIndex.Kind.IPV4;
        List<Integer> frames = src.layers().framesWith(kind);
        if (frames.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        int i = frames.get(r.nextInt(frames.size()));
        int ip = src.layers().offset(kind, i);
        byte[] d = src.layout().packetData(i);
        if (ip + (v6 ? 48 : 28) > d.length) return null;
        if (v6) d = withFragmentHeader(d, ip);
        int count = 200 + r.nextInt(800);
        int id = r.nextInt();
        List<byte[]> copies = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            byte[] c = d.clone();
            int offset = r.nextInt(8192);                 // in 8-byte units: up to the 64 KiB datagram limit
            if (v6) {
                CaptureLayout.put16(c, ip + 42, (offset << 3) | 1, true);
                CaptureLayout.put32(c, ip + 44, id, true);
            } else {
                CaptureLayout.put16(c, ip + 4, id & 0xFFFF, true);
                CaptureLayout.put16(c, ip + 6, 0x2000 | offset, true);
            }
            copies.add(c);
        }
        return src.layout().withPacketsAfter(i, copies);
    }

    /** The packet with an IPv6 fragment header inserted after the fixed header. */
    private static byte[] withFragmentHeader(byte[] d, int ip) {
        byte[] c = new byte[d.length + 8];
        System.arraycopy(d, 0, c, 0, ip + 40);
        System.arraycopy(d, ip + 40, c, ip + 48, d.length - ip - 40);
        c[ip + 40] = d[ip + 6];
        c[ip + 6] = 44;
        CaptureLayout.put16(c, ip + 4, Math.min(0xFFFF, CaptureLayout.u16(d, ip + 4, true) + 8), true);
        return c;
    }
}
