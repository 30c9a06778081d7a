package io.pcapkit.fuzz;

import java.util.SplittableRandom;

/**
 * Flips a few bits, the way a bad disk or a damaged transfer does: either in record/block headers (the file's
 * framing: time stamps, lengths, block types) or in packet bytes (what the decoders see).
 */
public final class BitFlips implements Mutator {
    private final boolean headers;

    private BitFlips(boolean headers) { this.headers = headers; }

    public static BitFlips inHeaders() { return new BitFlips(true); }

    public static BitFlips inPayloads() { return new BitFlips(false); }

    @Override public String name() { return headers ? "flip-header" : "flip-payload"; }

    @Override public boolean touchesFraming() { return headers; }

    @Override public byte[] mutate(Source src, long seed) {
        CaptureLayout l = src.layout();
        SplittableRandom r = random(src, seed);
        byte[] b = src.bytes().clone();
        if (headers) {
            if (l.blocks.isEmpty()) return null;
            int flips = 1 + r.nextInt(3);
            for (int n = 0; n < flips; n++) {
                // one flip in twenty lands in the file header, the rest in a record's header or trailer
                if (r.nextInt(20) == 0) {
                    flip(b, r.nextInt(Math.min(24, b.length)), r);
                    continue;
                }
                CaptureLayout.Block blk = l.blocks.get(r.nextInt(l.blocks.size()));
                int head = l.format == CaptureLayout.Format.PCAP ? 16 : Math.min(blk.length(), 28);
                int at = r.nextInt(4) == 0 && l.format == CaptureLayout.Format.PCAPNG
                        ? blk.end() - 4 + r.nextInt(4) : blk.offset() + r.nextInt(head);
                flip(b, at, r);
            }
            return b;
        }
        if (l.packets.isEmpty()) return null;
        int records = 1 + r.nextInt(Math.min(8, l.packets.size()));
        boolean any = false;
        for (int n = 0; n < records; n++) {
            CaptureLayout.Block p = l.packets.get(r.nextInt(l.packets.size()));
            if (p.capLen() == 0) continue;
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) flip(b, p.dataAt() + r.nextInt(p.capLen()), r);
            any = true;
        }
        return any ? b : null;
    }

    private static void flip(byte[] b, int at, SplittableRandom r) { b[at] ^= (byte) (1 << r.nextInt(8)); }
}
