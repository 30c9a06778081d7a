package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.Availability;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared capture corpus and libpcap, for tests that need them; both skip visibly when missing. */
final class Corpus {
    private Corpus() { }

    /** System property {@code captures.dir}, else {@code <project root>/../shared/captures}. */
    static Path dir() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        return root().resolve("../shared/captures").normalize();
    }

    /** The repository root (surefire's {@code project.root}, else the parent of the module folder). */
    static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    static void assumePresent() {
        assume(Files.isDirectory(dir()), "capture corpus not found at " + dir() + " (set -Dcaptures.dir=…)");
    }

    static void assumeLibpcap() {
        Availability a = new Pcap4jEngineProvider().probe();
        assume(a.available(), a.detail());
    }

    static Path capture(String rel) {
        Path p = dir().resolve(rel);
        assume(Files.isRegularFile(p), "corpus capture " + rel + " not found under " + dir());
        return p;
    }

    private static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        Assumptions.assumeTrue(ok, why);
    }

    /** Every .pcap / .pcapng / .cap file under the corpus, sorted. */
    static List<Path> captures() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
