package io.pcapkit.spi;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared capture corpus for engine modules' tests (shipped in engine-api's test-jar): where it is, every
 * capture in it, and assumptions that skip a test visibly (a {@code SKIPPED:} line) when something is missing.
 */
public final class TestCorpus {
    private TestCorpus() { }

    /** System property {@code captures.dir}, else {@code <project root>/../shared/captures}. */
    public static Path dir() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        return root().resolve("../shared/captures").normalize();
    }

    /** The repository root (surefire's {@code project.root}, else the parent of the module folder). */
    public static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    public static void assumePresent() {
        assume(Files.isDirectory(dir()), "capture corpus not found at " + dir() + " (set -Dcaptures.dir=…)");
    }

    /** The corpus capture at {@code rel}; the test is skipped when it is absent. */
    public static Path capture(String rel) {
        Path p = dir().resolve(rel);
        assume(Files.isRegularFile(p), "corpus capture " + rel + " not found under " + dir());
        return p;
    }

    /** Skips the test, saying why on the console, unless {@code ok}. */
    public static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        Assumptions.assumeTrue(ok, why);
    }

    /** One line of the project's regression captures' {@code expected.tsv}: the file and tshark's frame count. */
    public record RegressionCapture(Path file, long frames, String why) { }

    /**
     * The regression captures the mutation harness found (engine-native/src/test/resources/regressions), each
     * with the frames tshark reads from it (the {@code frames} column) and the bug it caught: every engine must
     * emit those frames.
     */
    public static List<RegressionCapture> regressionCaptures() {
        Path dir = root().resolve("engine-native/src/test/resources/regressions");
        try {
            List<RegressionCapture> out = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("expected.tsv"), java.nio.charset.StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
                String[] c = line.split("\t", 5);
                out.add(new RegressionCapture(dir.resolve(c[0]), Long.parseLong(c[1]), c[4]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many frames an engine emits from a file, before any file error. */
    @FunctionalInterface
    public interface FrameCounter {
        int frames(Path file) throws IOException;
    }

    /** One test per regression capture: {@code counter} must give the frames tshark reads from it. */
    public static List<org.junit.jupiter.api.DynamicTest> emitsEveryFrameTsharkReads(FrameCounter counter) {
        List<org.junit.jupiter.api.DynamicTest> tests = new java.util.ArrayList<>();
        for (RegressionCapture r : regressionCaptures()) {
            String name = r.file().getFileName().toString();
            tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> org.junit.jupiter.api.Assertions
                    .assertEquals(r.frames(), counter.frames(r.file()), "frames of " + name + " (" + r.why() + ")")));
        }
        return tests;
    }

    /** Every .pcap / .pcapng / .cap file under the corpus, sorted. */
    public static List<Path> captures() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
