package io.pcapkit.kaitaiengine;

import io.pcapkit.compare.Comparison;
import io.pcapkit.compare.ComparisonReport;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcapkit compare -E native -E kaitai} over every capture of the shared corpus: the same frames, and every
 * field both engines produce agreeing in every frame, unless the disagreement is explained in
 * {@code native-vs-kaitai-explained.tsv} (capture glob, field, why). The table of every disagreement is printed and
 * kept in {@code target/native-vs-kaitai.txt}; an explanation no capture needs any more fails the test too, so the
 * file stays true.
 */
class NativeVsKaitaiCorpusTest {
    record Explanation(PathMatcher capture, String glob, String field, String why) { }

    @Test void nativeAndKaitaiAgreeOnEveryFieldBothProduce() throws IOException {
        Path dir = capturesDir();
        if (!Files.isDirectory(dir)) System.out.println("SKIPPED: capture corpus not found at " + dir);
        Assumptions.assumeTrue(Files.isDirectory(dir), "capture corpus not found at " + dir);
        List<Explanation> explained = explanations();
        boolean[] used = new boolean[explained.size()];
        List<String> unexplained = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long cells = 0, agree = 0;
        int compared = 0;
        try (Engine nat = new NativeEngineProvider().create(EngineOptions.defaults());
             Engine kai = new KaitaiEngineProvider().create(EngineOptions.defaults())) {
            for (Path cap : captures(dir)) {
                Path rel = dir.relativize(cap);
                ComparisonReport r;
                try (FrameSource a = openOrNull(nat, cap); FrameSource b = openOrNull(kai, cap)) {
                    if (a == null && b == null) continue; // not a capture for either: the readers' tests cover it
                    if (a == null || b == null) {
                        check(explained, used, unexplained, table, rel, "(open)", (a == null ? "native" : "kaitai")
                                + " cannot open it");
                        continue;
                    }
                    r = Comparison.run(rel.toString(), List.of(new Comparison.Input("native", a),
                            new Comparison.Input("kaitai", b)), Comparison.Settings.defaults().withExamples(1));
                }
                compared++;
                ComparisonReport.Pair p = r.pairs().getFirst();
                if (p.onlyLeftFrames() != 0 || p.onlyRightFrames() != 0) {
                    check(explained, used, unexplained, table, rel, "(frames)", p.onlyLeftFrames()
                            + " frames only native, " + p.onlyRightFrames() + " only kaitai");
                }
                // a damaged file: both engines must stop at the same offset (the message wording is each one's own)
                String en = offsetOf(r.errors().get("native")), ek = offsetOf(r.errors().get("kaitai"));
                if (!java.util.Objects.equals(en, ek)) {
                    check(explained, used, unexplained, table, rel, "(error)", "native: " + r.errors().get("native")
                            + "; kaitai: " + r.errors().get("kaitai"));
                }
                for (ComparisonReport.FieldStat f : p.fields()) {
                    // data.* is whatever an engine leaves undecoded: it differs wherever one decodes deeper
                    // (native's application protocols), which the protocols' own fields already show
                    if (f.field().startsWith("data.")) continue;
                    cells += f.cells();
                    agree += f.agree();
                    if (f.agree() == f.cells()) continue;
                    String ex = f.examples().isEmpty() ? "" : " e.g. frame " + f.examples().getFirst().frame()
                            + ": native='" + f.examples().getFirst().left() + "' kaitai='"
                            + f.examples().getFirst().right() + "'";
                    check(explained, used, unexplained, table, rel, f.field(), (f.cells() - f.agree()) + " of "
                            + f.cells() + " cells differ" + ex);
                }
            }
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) unexplained.add("explanation no longer needed: " + explained.get(i).glob() + " "
                    + explained.get(i).field());
        }
        String head = String.format("%d captures compared; %d cells both produce, %d agree (%.3f%%)%n", compared,
                cells, agree, cells == 0 ? 100 : 100.0 * agree / cells);
        System.out.print(head + table);
        Path out = Path.of("target", "native-vs-kaitai.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, head + table + String.join("\n", unexplained));
        assertTrue(compared > 50, "expected most of the corpus, compared " + compared);
        assertTrue(unexplained.isEmpty(), "unexplained disagreements:\n" + String.join("\n", unexplained));
    }

    /** "offset N" of a {@code CaptureFormatException} message, or the message, or null when there was none. */
    private static String offsetOf(String error) {
        if (error == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("offset \\d+").matcher(error);
        return m.find() ? m.group() : error;
    }

    private static void check(List<Explanation> explained, boolean[] used, List<String> unexplained,
                              StringBuilder table, Path capture, String field, String what) {
        String line = capture + "\t" + field + "\t" + what;
        for (int i = 0; i < explained.size(); i++) {
            Explanation e = explained.get(i);
            if (e.field().equals(field) && e.capture().matches(capture)) {
                used[i] = true;
                table.append("  explained: ").append(line).append("  [").append(e.why()).append("]\n");
                return;
            }
        }
        table.append("  UNEXPLAINED: ").append(line).append('\n');
        unexplained.add(line);
    }

    /** Lines {@code CAPTURE-GLOB<TAB>FIELD<TAB>WHY}; '#' starts a comment. */
    static List<Explanation> explanations() throws IOException {
        List<Explanation> out = new ArrayList<>();
        try (InputStream in = NativeVsKaitaiCorpusTest.class.getResourceAsStream("/native-vs-kaitai-explained.tsv")) {
            if (in == null) throw new IllegalStateException("native-vs-kaitai-explained.tsv missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] t = line.split("\t", 3);
                if (t.length < 3) throw new IllegalStateException("bad explanation line: " + line);
                out.add(new Explanation(FileSystems.getDefault().getPathMatcher("glob:" + t[0]), t[0], t[1], t[2]));
            }
        }
        return out;
    }

    private static FrameSource openOrNull(Engine e, Path cap) {
        try {
            return e.open(cap);
        } catch (IOException notACapture) {
            return null;
        }
    }

    static Path capturesDir() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().resolve("../shared/captures")
                .normalize();
    }

    static List<Path> captures(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
