package io.pcapkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PCAPNG option lists that do not end properly: an option whose length runs past the block ("overlong", 0xFFFF or
 * just past the end), or a block whose options area is thousands of options long with no end-of-options marker
 * ("endless"), the pattern a reader loop without a bound spins on.
 */
public final class OptionChain implements Mutator {
    /** Options in an endless chain: far above any real block's, small enough for a small file. */
    static final int CHAIN = 4000;

    private final boolean endless;

    private OptionChain(boolean endless) { this.endless = endless; }

    public static OptionChain overlong() { return new OptionChain(false); }

    public static OptionChain endless() { return new OptionChain(true); }

    @Override public String name() { return endless ? "ng-opt-endless" : "ng-opt-overlong"; }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        CaptureLayout l = src.layout();
        if (l.format != CaptureLayout.Format.PCAPNG) return null;
        List<CaptureLayout.Block> withOptions = new ArrayList<>();
        for (CaptureLayout.Block blk : l.blocks) {
            boolean hasArea = blk.type() == CaptureLayout.SHB || blk.type() == CaptureLayout.IDB
                    || (blk.type() == CaptureLayout.EPB && blk.isPacket());
            if (hasArea && (endless || blk.optionsAt() >= 0)) withOptions.add(blk);
        }
        if (withOptions.isEmpty()) return null;
        SplittableRandom r = random(src, seed);
        CaptureLayout.Block blk = withOptions.get(r.nextInt(withOptions.size()));
        boolean be = blk.bigEndian();
        byte[] b = src.bytes();
        if (!endless) {
            byte[] m = b.clone();
            int remaining = blk.end() - 4 - blk.optionsAt() - 4;
            int len = r.nextBoolean() ? 0xFFFF : remaining + 4 * (1 + r.nextInt(4));
            CaptureLayout.put16(m, blk.optionsAt() + 2, len, be);
            return m;
        }
        int optsAt = blk.optionsAt() >= 0 ? blk.optionsAt() : blk.end() - 4;
        byte[] opt = new byte[4];
        // a comment option (code 1) of length 0, repeated: each is valid alone, the list never ends
        CaptureLayout.put16(opt, 0, 1, be);
        ByteArrayOutputStream blockOut = new ByteArrayOutputStream();
        blockOut.write(b, blk.offset(), optsAt - blk.offset());
        for (int i = 0; i < CHAIN; i++) blockOut.writeBytes(opt);
        blockOut.writeBytes(new byte[4]);
        byte[] nb = blockOut.toByteArray();
        CaptureLayout.put32(nb, 4, nb.length, be);
        CaptureLayout.put32(nb, nb.length - 4, nb.length, be);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + nb.length);
        out.write(b, 0, blk.offset());
        out.writeBytes(nb);
        out.write(b, blk.end(), b.length - blk.end());
        return out.toByteArray();
    }
}
