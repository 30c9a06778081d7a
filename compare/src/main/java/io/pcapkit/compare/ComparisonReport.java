package io.pcapkit.compare;

import java.util.List;
import java.util.Map;

/**
 * What {@link Comparison} found: for each engine compared with the first one (the reference), per field and per
 * protocol, how many (frame, field) cells agree, the first differences, and the fields only one engine produces.
 *
 * @param capture what was compared (a file name)
 * @param engines the engines, reference first
 * @param pairs   the reference against each other engine, in order
 * @param errors  engine → the error that ended its frames early (a damaged capture, a dying subprocess)
 */
public record ComparisonReport(String capture, List<String> engines, List<Pair> pairs, Map<String, String> errors) {

    /** One difference: the frame and both values as {@code tshark -T fields} prints them ("" when absent). */
    public record Difference(long frame, String left, String right) { }

    /**
     * One field both engines produce. A cell is a frame where at least one of them has the field; it agrees when
     * both print the same text (every occurrence, comma-joined).
     */
    public record FieldStat(String field, String protocol, long cells, long agree, long onlyLeft, long onlyRight,
                            List<Difference> examples) {
        public long differ() { return cells - agree; }

        public double percent() { return cells == 0 ? 100 : 100.0 * agree / cells; }
    }

    /** Compared fields of one protocol, summed. */
    public record ProtocolStat(String protocol, int fields, long cells, long agree) {
        public double percent() { return cells == 0 ? 100 : 100.0 * agree / cells; }
    }

    /**
     * The reference ({@code left}) against one engine ({@code right}).
     *
     * @param frames      frames both engines produced (matched by frame number)
     * @param onlyLeftFrames  frames only the reference produced
     * @param onlyRightFrames frames only the other engine produced
     * @param fields      compared fields, by name
     * @param protocols   the same, summed per protocol
     * @param onlyLeft    fields only the reference produces → frames carrying them
     * @param onlyRight   fields only the other engine produces → frames carrying them
     */
    public record Pair(String left, String right, long frames, long onlyLeftFrames, long onlyRightFrames,
                       List<FieldStat> fields, List<ProtocolStat> protocols, Map<String, Long> onlyLeft,
                       Map<String, Long> onlyRight) {
        public long cells() { return fields.stream().mapToLong(FieldStat::cells).sum(); }

        public long agree() { return fields.stream().mapToLong(FieldStat::agree).sum(); }

        public double percent() { long c = cells(); return c == 0 ? 100 : 100.0 * agree() / c; }

        /** Compared fields whose agreement is below {@code threshold} percent. */
        public List<FieldStat> below(double threshold) {
            return fields.stream().filter(f -> f.percent() < threshold).toList();
        }
    }

    /** True when no engine failed and every compared field of every pair agrees at least {@code threshold} %. */
    public boolean passes(double threshold) {
        return errors.isEmpty() && pairs.stream().allMatch(p -> p.below(threshold).isEmpty()
                && p.onlyLeftFrames() == 0 && p.onlyRightFrames() == 0);
    }
}
