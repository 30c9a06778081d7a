package io.pcapkit.nativeengine.regress;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regression captures in {@code src/test/resources/regressions/}: each line of {@code expected.tsv} names a
 * small damaged or unusual file a bug was found with, and what reading it must give. The native engine must emit
 * that many frames, end as stated (cleanly, or with a file error at that byte offset) and report exactly those
 * anomaly kinds; tshark, where installed, must read the same number of frames (our oracle for "nothing lost").
 */
class RegressionCapturesTest {
    static final Path DIR = Path.of("src/test/resources/regressions");

    record Expected(String file, long frames, String outcome, String anomalies, String bug) { }

    static List<Expected> expected() {
        try {
            List<Expected> out = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
                String[] c = line.split("\t", 5);
                out.add(new Expected(c[0], Long.parseLong(c[1]), c[2], c[3], c.length > 4 ? c[4] : ""));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    List<DynamicTest> nativeEngineReadsEachAsExpected() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Expected e : expected()) {
            tests.add(DynamicTest.dynamicTest(e.file(), () -> {
                Path file = DIR.resolve(e.file());
                assertTrue(Files.size(file) < 20 * 1024, e.file() + " is over 20 KB");
                long frames = 0;
                String outcome = "ok";
                TreeSet<String> kinds = new TreeSet<>();
                try (Engine engine = Engines.discover().require("native").create(EngineOptions.defaults());
                     FrameSource s = engine.open(file)) {
                    for (Frame f; (f = s.next()) != null; ) {
                        frames++;
                        for (Anomaly a : f.anomalies()) kinds.add(a.kind().name());
                    }
                } catch (CaptureFormatException x) {
                    outcome = "error@" + x.offset();
                }
                String what = e.file() + " (" + e.bug() + ")";
                assertEquals(e.frames(), frames, "frames of " + what);
                assertEquals(e.outcome(), outcome, "outcome of " + what);
                assertEquals(e.anomalies(), kinds.isEmpty() ? "-" : String.join(",", kinds), "anomalies of " + what);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> tsharkReadsTheSameFrameCount() {
        Corpus.assumeTshark();
        List<DynamicTest> tests = new ArrayList<>();
        for (Expected e : expected()) {
            tests.add(DynamicTest.dynamicTest(e.file(), () -> {
                Tshark.Result r = Tshark.fields(DIR.resolve(e.file()), List.of("frame.number"));
                assertEquals(e.frames(), r.rows().size(), "tshark frames of " + e.file());
            }));
        }
        return tests;
    }
}
