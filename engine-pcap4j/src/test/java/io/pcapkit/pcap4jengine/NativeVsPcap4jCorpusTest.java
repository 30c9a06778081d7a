package io.pcapkit.pcap4jengine;

import io.pcapkit.compare.Comparison;
import io.pcapkit.compare.ComparisonReport;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcapkit compare -E native -E pcap4j} over every corpus capture libpcap reads: the same frames, and every
 * field both engines produce agreeing in every cell, except the Pcap4J (and libpcap) defects listed in
 * {@code pcap4j-defects.tsv}: each differing cell is classed as {@code value} (both print, differently),
 * {@code missing} (only native has it), {@code extra} (only pcap4j has it) or, for a capture, {@code frames}, and
 * must match a listed line. A listed defect that no longer shows fails too, so the list stays true. The report,
 * with one example frame per defect, is kept in {@code target/native-vs-pcap4j.txt}.
 */
class NativeVsPcap4jCorpusTest {

    @Test void everyFieldBothEnginesProduceAgreesExceptTheListedDefects() throws IOException {
        Corpus.assumePresent();
        Corpus.assumeLibpcap();
        List<Defect> defects = defects();
        Map<String, long[]> tally = new TreeMap<>();
        Map<Defect, String> seen = new LinkedHashMap<>();
        Map<String, String> unlisted = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int compared = 0;
        try (Engine nat = new NativeEngineProvider().create(EngineOptions.defaults());
             Engine p4 = new Pcap4jEngineProvider().create(EngineOptions.defaults())) {
            for (Path cap : Corpus.captures()) {
                String rel = Corpus.dir().relativize(cap).toString();
                ComparisonReport r;
                try (FrameSource a = openOrNull(nat, cap, null); FrameSource b = openOrNull(p4, cap, unreadable)) {
                    if (a == null || b == null) continue;
                    r = Comparison.run(rel, List.of(new Comparison.Input("native", a), new Comparison.Input("pcap4j", b)),
                            Comparison.Settings.defaults().withExamples(Integer.MAX_VALUE));
                }
                compared++;
                ComparisonReport.Pair p = r.pairs().getFirst();
                if (p.onlyLeftFrames() != 0 || p.onlyRightFrames() != 0) {
                    String what = p.onlyLeftFrames() + " frames only native, " + p.onlyRightFrames() + " only pcap4j ("
                            + r.errors().getOrDefault("pcap4j", "no error") + ")";
                    classify(defects, seen, unlisted, "file:" + rel, "frames", rel + ": " + what);
                }
                for (ComparisonReport.FieldStat f : p.fields()) {
                    long[] t = tally.computeIfAbsent(f.field(), k -> new long[2]);
                    t[0] += f.cells();
                    t[1] += f.agree();
                    for (ComparisonReport.Difference d : f.examples()) {
                        String kind = d.left().isEmpty() ? "extra" : d.right().isEmpty() ? "missing" : "value";
                        classify(defects, seen, unlisted, f.field(), kind, rel + " frame " + d.frame() + ": native='"
                                + d.left() + "' pcap4j='" + d.right() + "'");
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder();
        long cells = tally.values().stream().mapToLong(t -> t[0]).sum();
        long agree = tally.values().stream().mapToLong(t -> t[1]).sum();
        report.append(String.format("%d captures compared, %d fields, %d cells, %.3f%% agree%n", compared,
                tally.size(), cells, cells == 0 ? 100 : 100.0 * agree / cells));
        tally.forEach((field, t) -> report.append(String.format("  %-32s %8d cells %8.3f%%%n", field, t[0],
                100.0 * t[1] / t[0])));
        seen.forEach((d, e) -> report.append("  listed defect ").append(d.pattern).append(' ').append(d.kind)
                .append(": ").append(e).append('\n'));
        unlisted.forEach((k, e) -> report.append("  NOT LISTED ").append(k).append(": ").append(e).append('\n'));
        unreadable.forEach(m -> report.append("  libpcap cannot read: ").append(m).append('\n'));
        List<Defect> stale = defects.stream().filter(d -> !seen.containsKey(d)).toList();
        stale.forEach(d -> report.append("  listed defect not seen: ").append(d.pattern).append(' ').append(d.kind)
                .append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "native-vs-pcap4j.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertTrue(compared > 50, "expected most of the corpus, compared " + compared);
        assertTrue(unlisted.isEmpty(), "disagreements pcap4j-defects.tsv does not list: " + unlisted.keySet()
                + "\n" + report);
        assertTrue(stale.isEmpty(), "listed defects no longer seen: " + stale + "\n" + report);
    }

    /** One line of pcap4j-defects.tsv: a field (or {@code prefix.*}, or {@code file:REL}), a kind, the reason. */
    record Defect(String pattern, String kind, String reason) {
        boolean matches(String field, String k) {
            if (!kind.equals(k)) return false;
            return pattern.endsWith("*") ? field.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(field);
        }
    }

    private static void classify(List<Defect> defects, Map<Defect, String> seen, Map<String, String> unlisted,
                                 String field, String kind, String example) {
        for (Defect d : defects) {
            if (d.matches(field, kind)) {
                seen.putIfAbsent(d, example);
                return;
            }
        }
        unlisted.putIfAbsent(field + " " + kind, example);
    }

    private static FrameSource openOrNull(Engine e, Path cap, List<String> unreadable) {
        try {
            return e.open(cap);
        } catch (IOException notReadable) {
            if (unreadable != null) unreadable.add(notReadable.getMessage());
            return null;
        }
    }

    /** pcap4j-defects.tsv: {@code FIELD<TAB>KIND<TAB>reason} per line, '#' lines being comments. */
    static List<Defect> defects() throws IOException {
        List<Defect> out = new ArrayList<>();
        try (InputStream in = NativeVsPcap4jCorpusTest.class.getResourceAsStream("/pcap4j-defects.tsv")) {
            assertNotNull(in, "pcap4j-defects.tsv missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] kv = line.split("\t", 3);
                out.add(new Defect(kv[0].trim(), kv[1].trim(), kv.length > 2 ? kv[2].trim() : ""));
            }
        }
        return out;
    }
}
