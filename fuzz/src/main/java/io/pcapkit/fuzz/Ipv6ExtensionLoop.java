package io.pcapkit.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An IPv6 packet whose extension-header chain never ends: hundreds of 8-byte destination-options (or hop-by-hop)
 * headers, each naming the same kind as the next header, until the frame's bytes run out.
 */
public final class Ipv6ExtensionLoop implements Mutator {
    @Override public String name() { return "ipv6-ext-loop"; }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        List<Integer> frames = src.layers().framesWith(LayerIndex.Kind.IPV6);
        if (frames.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        int i = frames.get(r.nextInt(frames.size()));
        int ip = src.layers().offset(LayerIndex.Kind.IPV6, i);
        byte[] old = src.layout().packetData(i);
        if (ip + 40 > old.length) return null;
        int headers = 200 + r.nextInt(600);
        int next = r.nextInt(4) == 0 ? 0 : 60;
        byte[] d = new byte[ip + 40 + 8 * headers];
        System.arraycopy(old, 0, d, 0, ip + 40);
        CaptureLayout.put16(d, ip + 4, Math.min(0xFFFF, 8 * headers), true);
        d[ip + 6] = (byte) next;
        for (int h = 0; h < headers; h++) {
            int at = ip + 40 + 8 * h;
            d[at] = (byte) next;      // points to its own kind: the chain never reaches a transport header
            d[at + 1] = 0;            // 8 bytes long
            d[at + 2] = 1;            // PadN option filling the rest
            d[at + 3] = 4;
        }
        return src.layout().withPacketData(i, d);
    }
}
