package io.pcapkit.compare;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Engines checked against each other on one capture: their frame sources are read in lockstep, frame by frame,
 * matched by frame number, and every field is compared as {@code tshark -T fields} would print it. Memory stays
 * flat: one frame per engine at a time, counters per field, and at most {@link Settings#examples()} differences
 * kept per field. The first engine is the reference; each other engine is compared with it.
 */
public final class Comparison {
    /**
     * @param examples  differences kept per field
     * @param fields    which fields to compare (null: all)
     * @param maxFrames stop after this many frame numbers
     */
    public record Settings(int examples, Predicate<String> fields, long maxFrames) {
        public static Settings defaults() { return new Settings(5, null, Long.MAX_VALUE); }

        public Settings withExamples(int n) { return new Settings(n, fields, maxFrames); }

        public Settings withFields(Predicate<String> f) { return new Settings(examples, f, maxFrames); }

        public Settings withMaxFrames(long n) { return new Settings(examples, fields, n); }
    }

    /** One engine's frames of the capture. */
    public record Input(String engine, FrameSource source) { }

    private final List<Input> inputs;
    private final Settings settings;
    private final FrameCells[] cells;
    private final boolean[] ended;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final PairTally[] pairs;

    private Comparison(List<Input> inputs, Settings settings) {
        if (inputs.size() < 2) throw new IllegalArgumentException("compare needs at least two engines");
        this.inputs = inputs;
        this.settings = settings;
        this.cells = new FrameCells[inputs.size()];
        this.ended = new boolean[inputs.size()];
        for (int i = 0; i < cells.length; i++) cells[i] = new FrameCells();
        this.pairs = new PairTally[inputs.size() - 1];
        for (int k = 0; k < pairs.length; k++) pairs[k] = new PairTally();
    }

    /** Reads every input to its end (or {@code maxFrames}) and reports. The caller closes the sources. */
    public static ComparisonReport run(String capture, List<Input> inputs, Settings settings) {
        return new Comparison(inputs, settings).run(capture);
    }

    private ComparisonReport run(String capture) {
        for (int i = 0; i < inputs.size(); i++) advance(i);
        boolean[] present = new boolean[inputs.size()];
        for (long steps = 0; steps < settings.maxFrames(); steps++) {
            long n = Long.MAX_VALUE;
            for (int i = 0; i < cells.length; i++) if (!ended[i]) n = Math.min(n, cells[i].number);
            if (n == Long.MAX_VALUE) break;
            for (int i = 0; i < cells.length; i++) present[i] = !ended[i] && cells[i].number == n;
            for (int k = 0; k < pairs.length; k++) {
                if (present[0] && present[k + 1]) pairs[k].frame(cells[0], cells[k + 1], settings);
                else if (present[0]) pairs[k].onlyLeftFrames++;
                else if (present[k + 1]) pairs[k].onlyRightFrames++;
            }
            for (int i = 0; i < cells.length; i++) if (present[i]) advance(i);
        }
        List<String> names = inputs.stream().map(Input::engine).toList();
        List<ComparisonReport.Pair> out = new ArrayList<>();
        for (int k = 0; k < pairs.length; k++) out.add(pairs[k].report(names.get(0), names.get(k + 1)));
        return new ComparisonReport(capture, names, out, errors);
    }

    /** The next frame of input {@code i}, turned into cells at once (the source reuses its frame). */
    private void advance(int i) {
        if (ended[i]) return;
        Frame f;
        try {
            f = inputs.get(i).source().next();
        } catch (IOException | RuntimeException e) {
            errors.put(inputs.get(i).engine(), String.valueOf(e.getMessage()));
            f = null;
        }
        if (f == null) ended[i] = true;
        else cells[i].load(f);
    }

    /** Counters of one field in one pair. */
    private static final class FieldTally {
        final String name;
        long left, right, agree, differ, onlyLeft, onlyRight;
        final List<ComparisonReport.Difference> examples = new ArrayList<>(2);

        FieldTally(String name) { this.name = name; }
    }

    /** Counters of one pair: the reference against one engine. */
    private static final class PairTally {
        final Map<String, FieldTally> fields = new TreeMap<>();
        long frames, onlyLeftFrames, onlyRightFrames;

        void frame(FrameCells a, FrameCells b, Settings s) {
            frames++;
            for (int i = 0; i < FrameCells.FRAME_FIELDS.size(); i++) {
                String name = FrameCells.FRAME_FIELDS.get(i);
                if (s.fields() != null && !s.fields().test(name)) continue;
                cell(name, a.frame[i].isEmpty() ? null : a.frame[i], b.frame[i].isEmpty() ? null : b.frame[i],
                        a.number, s);
            }
            for (int i = 0; i < a.touchedCount(); i++) {
                int id = a.touchedId(i);
                String name = a.def(id).name();
                if (s.fields() != null && !s.fields().test(name)) continue;
                cell(name, a.cell(id), b.cell(id), a.number, s);
            }
            for (int i = 0; i < b.touchedCount(); i++) {
                int id = b.touchedId(i);
                if (a.cell(id) != null) continue;
                String name = b.def(id).name();
                if (s.fields() != null && !s.fields().test(name)) continue;
                cell(name, null, b.cell(id), a.number, s);
            }
        }

        private void cell(String name, CharSequence l, CharSequence r, long frame, Settings s) {
            if (l == null && r == null) return;
            FieldTally t = fields.computeIfAbsent(name, FieldTally::new);
            if (l != null) t.left++;
            if (r != null) t.right++;
            boolean same = l != null && r != null && CharSequence.compare(l, r) == 0;
            if (same) {
                t.agree++;
                return;
            }
            if (l == null) t.onlyRight++;
            else if (r == null) t.onlyLeft++;
            else t.differ++;
            if (t.examples.size() < s.examples()) {
                t.examples.add(new ComparisonReport.Difference(frame, l == null ? "" : l.toString(),
                        r == null ? "" : r.toString()));
            }
        }

        ComparisonReport.Pair report(String left, String right) {
            List<ComparisonReport.FieldStat> compared = new ArrayList<>();
            Map<String, Long> onlyLeft = new TreeMap<>(), onlyRight = new TreeMap<>();
            for (FieldTally t : fields.values()) {
                if (t.left > 0 && t.right > 0) {
                    long cells = t.agree + t.differ + t.onlyLeft + t.onlyRight;
                    compared.add(new ComparisonReport.FieldStat(t.name, protocolOf(t.name), cells, t.agree,
                            t.onlyLeft, t.onlyRight, List.copyOf(t.examples)));
                } else if (t.left > 0) {
                    onlyLeft.put(t.name, t.left);
                } else {
                    onlyRight.put(t.name, t.right);
                }
            }
            Map<String, long[]> perProto = new TreeMap<>();
            for (ComparisonReport.FieldStat f : compared) {
                long[] v = perProto.computeIfAbsent(f.protocol(), k -> new long[3]);
                v[0]++;
                v[1] += f.cells();
                v[2] += f.agree();
            }
            List<ComparisonReport.ProtocolStat> protocols = new ArrayList<>();
            perProto.forEach((p, v) -> protocols.add(new ComparisonReport.ProtocolStat(p, (int) v[0], v[1], v[2])));
            protocols.sort(Comparator.comparing(ComparisonReport.ProtocolStat::protocol));
            return new ComparisonReport.Pair(left, right, frames, onlyLeftFrames, onlyRightFrames, List.copyOf(compared),
                    List.copyOf(protocols), onlyLeft, onlyRight);
        }
    }

    /** The protocol a field belongs to: the longest known protocol abbreviation prefixing its name. */
    static String protocolOf(String field) {
        int dot = field.indexOf('.');
        String best = dot < 0 ? field : field.substring(0, dot);
        for (Protocol p : Protocols.all()) {
            String a = p.abbrev();
            if (a.length() > best.length() && field.startsWith(a) && field.length() > a.length()
                    && field.charAt(a.length()) == '.') {
                best = a;
            }
        }
        return best;
    }
}
