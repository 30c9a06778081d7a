package io.pcapkit.fuzz;

import java.util.SplittableRandom;

/**
 * A PCAPNG block whose leading and trailing total lengths disagree (a writer that crashed between the two, or a
 * tool that patched one): either the trailing copy or the leading one moves by a multiple of 4, or the trailing
 * copy is random.
 */
public final class BlockLengthMismatch implements Mutator {
    @Override public String name() { return "ng-blocklen-mismatch"; }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        CaptureLayout l = src.layout();
        if (l.format != CaptureLayout.Format.PCAPNG || l.blocks.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        byte[] b = src.bytes().clone();
        CaptureLayout.Block blk = l.blocks.get(r.nextInt(l.blocks.size()));
        long delta = 4L * (1 + r.nextInt(16)) * (r.nextBoolean() ? 1 : -1);
        switch (r.nextInt(3)) {
            case 0 -> CaptureLayout.put32(b, blk.end() - 4, blk.length() + delta, blk.bigEndian());
            case 1 -> CaptureLayout.put32(b, blk.offset() + 4, Math.max(0, blk.length() + delta), blk.bigEndian());
            default -> CaptureLayout.put32(b, blk.end() - 4, r.nextLong() & 0xFFFFFFFFL, blk.bigEndian());
        }
        return b;
    }
}
