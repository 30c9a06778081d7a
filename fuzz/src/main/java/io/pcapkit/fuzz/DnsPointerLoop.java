package io.pcapkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A DNS message whose first question name is a compression-pointer loop: a pointer to itself, two pointers
 * pointing at each other, or a label followed by a pointer back to the label. Only DNS over UDP (the message
 * starts at the layer offset) is patched, in place.
 */
public final class DnsPointerLoop implements Mutator {
    @Override public String name() { return "dns-ptr-loop"; }

    @Override public boolean touchesFraming() { return false; }

    @Override public byte[] mutate(Source src, long seed) {
        List<Integer> frames = new ArrayList<>();
        for (int i : src.layers().framesWith(LayerIndex.Kind.DNS)) {
            int dns = src.layers().offset(LayerIndex.Kind.DNS, i);
            if (src.layers().offset(LayerIndex.Kind.TCP, i) < 0 && dns + 18 <= src.layout().packets.get(i).capLen()) {
                frames.add(i);
            }
        }
        if (frames.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        byte[] b = src.bytes().clone();
        int loops = 1 + r.nextInt(Math.min(4, frames.size()));
        for (int n = 0; n < loops; n++) {
            int i = frames.get(r.nextInt(frames.size()));
            int at = src.layout().packets.get(i).dataAt() + src.layers().offset(LayerIndex.Kind.DNS, i);
            b[at + 4] = 0;
            b[at + 5] = 1;                      // one question
            int q = at + 12;
            switch (r.nextInt(3)) {
                case 0 -> { b[q] = (byte) 0xC0; b[q + 1] = 12; }                      // itself
                case 1 -> { b[q] = (byte) 0xC0; b[q + 1] = 14; b[q + 2] = (byte) 0xC0; b[q + 3] = 12; }
                default -> { b[q] = 1; b[q + 1] = 'a'; b[q + 2] = (byte) 0xC0; b[q + 3] = 12; }
            }
        }
        return b;
    }
}
