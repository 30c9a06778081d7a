package io.pcapkit.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * TCP sequence numbers that jump by 2^31 (the wrap-around ambiguity every sequence comparison must survive): from a
 * random TCP frame on, every other TCP segment's sequence number (and, one time in two, acknowledgement number)
 * is moved by 2^31, in place.
 */
public final class TcpSequenceJump implements Mutator {
    @Override public String name() { return "tcp-seq-jump"; }

    @Override public boolean touchesFraming() { return false; }

    @Override public byte[] mutate(Source src, long seed) {
        List<Integer> frames = src.layers().framesWith(LayerIndex.Kind.TCP);
        if (frames.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        byte[] b = src.bytes().clone();
        boolean ack = r.nextBoolean();
        int start = r.nextInt(frames.size());
        boolean any = false;
        for (int k = start; k < frames.size(); k += 2) {
            int i = frames.get(k);
            CaptureLayout.Block p = src.layout().packets.get(i);
            int tcp = src.layers().offset(LayerIndex.Kind.TCP, i);
            if (tcp + 12 > p.capLen()) continue;
            int at = p.dataAt() + tcp;
            jump(b, at + 4);
            if (ack) jump(b, at + 8);
            any = true;
        }
        return any ? b : null;
    }

    private static void jump(byte[] b, int at) {
        long v = CaptureLayout.u32(b, at, true);
        CaptureLayout.put32(b, at, v + 0x80000000L, true);
    }
}
