package io.pcapkit.tsharkengine;

import io.pcapkit.compare.Comparison;
import io.pcapkit.compare.ComparisonReport;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcapkit compare -E native -E tshark} over every corpus capture: the same frames in every capture, and at
 * least 99.5% of the compared (frame, field) cells agreeing, for (1) the core fields ({@code compare-fields/*.txt})
 * with the shared basic list ({@code ../shared/tools/fields-basic.txt}), and (2) each protocol of engine-native's
 * {@code protocol-fields/*.tsv}, the lists the protocol work adds to. The field lists are data: new protocols are
 * covered as their lines are added. tshark runs frame by frame (no TCP desegmentation, no IP defragmentation), as
 * the native engine decodes. The table is printed and kept in {@code target/native-vs-tshark.txt}.
 */
class NativeVsTsharkCorpusTest {
    static final double REQUIRED = 99.5;
    static final String PER_FRAME = "-o tcp.desegment_tcp_streams:FALSE -o tcp.analyze_sequence_numbers:FALSE"
            + " -o ip.defragment:FALSE -o ipv6.defragment:FALSE";

    @Test void nativeAndTsharkAgreeOnEveryCorpusCapture() throws IOException {
        Corpus.assumePresent();
        Corpus.assumeTshark();
        Set<String> core = coreFields();
        Map<String, List<String>> protocols = protocolFields();
        Map<String, String> owner = new LinkedHashMap<>();
        protocols.forEach((p, fs) -> fs.forEach(f -> owner.putIfAbsent(f, p)));
        Set<String> all = new LinkedHashSet<>(core);
        all.addAll(owner.keySet());

        long[] coreTally = new long[2];
        Map<String, long[]> protoTally = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        List<String> frameMismatches = new ArrayList<>();
        int compared = 0;
        EngineOptions nativeOptions = EngineOptions.defaults();
        EngineOptions tsharkOptions = EngineOptions.builder().extra(TsharkEngine.ARGS_OPTION, PER_FRAME).build();
        try (Engine nat = new NativeEngineProvider().create(nativeOptions);
             Engine ts = new TsharkEngineProvider().create(tsharkOptions)) {
            for (Path cap : Corpus.captures()) {
                String rel = Corpus.dir().relativize(cap).toString();
                ComparisonReport r;
                try (FrameSource a = openOrNull(nat, cap); FrameSource b = openOrNull(ts, cap)) {
                    if (a == null || b == null) continue; // not a capture for one of them: ReaderVsTsharkTest's job
                    r = Comparison.run(rel, List.of(new Comparison.Input("native", a), new Comparison.Input("tshark", b)),
                            Comparison.Settings.defaults().withExamples(1).withFields(all::contains));
                }
                compared++;
                ComparisonReport.Pair p = r.pairs().getFirst();
                if (p.onlyLeftFrames() != 0 || p.onlyRightFrames() != 0) {
                    frameMismatches.add(rel + ": " + p.onlyLeftFrames() + " frames only native, " + p.onlyRightFrames()
                            + " only tshark");
                }
                for (ComparisonReport.FieldStat f : p.fields()) {
                    if (core.contains(f.field())) {
                        coreTally[0] += f.cells();
                        coreTally[1] += f.agree();
                    }
                    String proto = owner.get(f.field());
                    if (proto != null) {
                        long[] t = protoTally.computeIfAbsent(proto, k -> new long[2]);
                        t[0] += f.cells();
                        t[1] += f.agree();
                    }
                    if (f.agree() != f.cells() && !f.examples().isEmpty()) {
                        ComparisonReport.Difference d = f.examples().getFirst();
                        example.putIfAbsent(f.field(), rel + " frame " + d.frame() + ": native='" + d.left()
                                + "' tshark='" + d.right() + "'");
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder();
        double corePct = pct(coreTally);
        report.append(String.format("%d captures compared; core + basic fields: %d cells, %.3f%% agree%n", compared,
                coreTally[0], corePct));
        List<String> failing = new ArrayList<>();
        protoTally.forEach((proto, t) -> {
            report.append(String.format("  %-12s %8d cells %8.3f%%%n", proto, t[0], pct(t)));
            if (pct(t) < REQUIRED) failing.add(proto);
        });
        example.forEach((f, e) -> report.append("  differs: ").append(f).append(": ").append(e).append('\n'));
        frameMismatches.forEach(m -> report.append("  frames differ: ").append(m).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "native-vs-tshark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertTrue(compared > 50, "expected most of the corpus, compared " + compared);
        assertTrue(frameMismatches.isEmpty(), "frames differ:\n" + report);
        assertTrue(corePct >= REQUIRED, "core fields below " + REQUIRED + "%:\n" + report);
        assertTrue(failing.isEmpty(), "protocols below " + REQUIRED + "%: " + failing + "\n" + report);
    }

    private static double pct(long[] t) { return t[0] == 0 ? 100 : 100.0 * t[1] / t[0]; }

    private static FrameSource openOrNull(Engine e, Path cap) {
        try {
            return e.open(cap);
        } catch (IOException notACapture) {
            return null;
        }
    }

    /** compare-fields/*.txt (this module's) and the shared basic list, '#' lines being comments. */
    static Set<String> coreFields() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(resource("/compare-fields"))) {
            files.addAll(s.sorted().toList());
        }
        Path basic = Corpus.dir().resolve("../tools/fields-basic.txt").normalize();
        if (Files.isReadable(basic)) files.add(basic);
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("#")) continue;
                for (String w : line.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
            }
        }
        return out;
    }

    /** engine-native's protocol-fields/*.tsv: {@code ABBREV<TAB>field field …} per line. */
    static Map<String, List<String>> protocolFields() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Path dir = Corpus.root().resolve("engine-native/src/test/resources/protocol-fields");
        if (!Files.isDirectory(dir)) return all;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] kv = line.split("\t", 2);
                    if (kv.length < 2) continue;
                    all.computeIfAbsent(kv[0].trim(), k -> new ArrayList<>()).addAll(List.of(kv[1].trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Path resource(String name) {
        try {
            return Path.of(NativeVsTsharkCorpusTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resources " + name + " missing", e);
        }
    }
}
