package io.pcapkit.fuzz;

import java.util.Arrays;

/**
 * Cuts the file short, as a capture copied while being written or a download that stopped: exactly at a record
 * boundary (seed n cuts before record n, so running seeds 0..records covers every boundary) or inside a record.
 */
public final class Truncation implements Mutator {
    private final boolean midRecord;

    private Truncation(boolean midRecord) { this.midRecord = midRecord; }

    public static Truncation atBoundary() { return new Truncation(false); }

    public static Truncation midRecord() { return new Truncation(true); }

    @Override public String name() { return midRecord ? "trunc-mid" : "trunc-boundary"; }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        CaptureLayout l = src.layout();
        int n = l.blocks.size();
        if (n == 0) return null;
        int i = (int) Math.floorMod(seed, (long) n);
        CaptureLayout.Block blk = l.blocks.get(i);
        int cut;
        if (midRecord) {
            if (blk.length() < 2) return null;
            cut = blk.offset() + 1 + random(src, seed).nextInt(blk.length() - 1);
        } else {
            // cutting before the first block of a PCAPNG leaves an empty file; cut after the last one instead
            cut = i == 0 && l.format == CaptureLayout.Format.PCAPNG ? blk.end() : blk.offset();
        }
        return Arrays.copyOf(src.bytes(), cut);
    }
}
