package io.pcapkit.nativeengine.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared capture corpus and tshark are, for tests that compare against them. */
public final class Corpus {
    private Corpus() { }

    /** The corpus folder: system property {@code captures.dir}, else {@code <project root>/../shared/captures}. */
    public static Path dir() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        String root = System.getProperty("project.root", "..");
        return Path.of(root, "..", "shared", "captures").toAbsolutePath().normalize();
    }

    public static boolean present() { return Files.isDirectory(dir()); }

    /** Skips the calling test unless the corpus is there, saying so on the console (not only in the report). */
    public static void assumePresent() {
        assume(present(), "capture corpus not found at " + dir() + " (set -Dcaptures.dir=…)");
    }

    /** Skips the calling test unless tshark is installed, saying so on the console. */
    public static void assumeTshark() {
        assume(tsharkPresent(), "tshark is not installed (apt-get install -y tshark)");
    }

    private static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        org.junit.jupiter.api.Assumptions.assumeTrue(ok, why);
    }

    /** Every .pcap / .pcapng / .cap file under the corpus, sorted. */
    public static List<Path> captures() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a {@code tshark} binary answers {@code -v}. */
    public static boolean tsharkPresent() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
