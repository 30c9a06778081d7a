package io.pcapkit.fuzz;

import java.util.SplittableRandom;

/**
 * Sets one length field to a value writers and damaged files really produce: 0, the snapshot length, or
 * 0xFFFFFFFF. Fields: a packet's captured length, its original length, a PCAPNG block's total length (leading and
 * trailing together, so only the value is wrong), and the snapshot length itself.
 */
public final class LengthField implements Mutator {
    public enum Field { CAPLEN, ORIGLEN, BLOCKLEN, SNAPLEN }

    public enum Value { ZERO, SNAPLEN, MAX }

    private final Field field;
    private final Value value;

    public LengthField(Field field, Value value) {
        this.field = field;
        this.value = value;
    }

    @Override public String name() {
        return "len-" + field.name().toLowerCase() + "-" + value.name().toLowerCase();
    }

    @Override public boolean touchesFraming() { return true; }

    @Override public byte[] mutate(Source src, long seed) {
        CaptureLayout l = src.layout();
        SplittableRandom r = random(src, seed);
        byte[] b = src.bytes().clone();
        long snap = l.snapLenAt.isEmpty() ? 0
                : CaptureLayout.u32(b, l.snapLenAt.get(0), l.snapLenBigEndian.get(0));
        if (snap == 0) snap = 262144;
        long v = switch (value) {
            case ZERO -> 0;
            case SNAPLEN -> snap;
            case MAX -> 0xFFFFFFFFL;
        };
        switch (field) {
            case SNAPLEN -> {
                if (value == Value.SNAPLEN || l.snapLenAt.isEmpty()) return null;
                int k = r.nextInt(l.snapLenAt.size());
                CaptureLayout.put32(b, l.snapLenAt.get(k), v, l.snapLenBigEndian.get(k));
            }
            case BLOCKLEN -> {
                if (l.format != CaptureLayout.Format.PCAPNG || l.blocks.isEmpty()) return null;
                CaptureLayout.Block blk = l.blocks.get(r.nextInt(l.blocks.size()));
                CaptureLayout.put32(b, blk.offset() + 4, v, blk.bigEndian());
                CaptureLayout.put32(b, blk.end() - 4, v, blk.bigEndian());
            }
            case CAPLEN, ORIGLEN -> {
                if (l.packets.isEmpty()) return null;
                CaptureLayout.Block p = l.packets.get(r.nextInt(l.packets.size()));
                int at = field == Field.CAPLEN ? p.capLenAt() : p.origLenAt();
                if (at < 0) return null;
                CaptureLayout.put32(b, at, v, p.bigEndian());
            }
        }
        return b;
    }
}
