package io.pcapkit.fuzz;

import java.util.SplittableRandom;

/**
 * One way a capture file breaks. Deterministic: the same source, seed and mutator give the same bytes, so a
 * finding is reproduced from its file name ({@code <capture>__<mutator>__s<seed>}).
 */
public interface Mutator {
    /** Short name used in file names and reports, e.g. {@code trunc-mid}. */
    String name();

    /**
     * Whether the mutation may change how the file splits into records (record or block headers, lengths, added
     * records). When it does not, tshark reads exactly the source's records and the source's frame count holds.
     */
    boolean touchesFraming();

    /** The mutated file, or null when this mutation does not apply to the source (no such record or layer). */
    byte[] mutate(Source src, long seed);

    /** The random stream of one (source, mutator, seed). */
    default SplittableRandom random(Source src, long seed) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ ((long) src.name().hashCode() << 32)
                ^ name().hashCode());
    }
}
