package io.pcapkit.reassembly;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The shared capture corpus and tshark for this module's tests (the same pattern as engine-native's diff/Corpus). */
final class TestCorpus {
    private TestCorpus() { }

    static Path dir() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        return Path.of("..", "..", "shared", "captures").toAbsolutePath().normalize();
    }

    static void assumePresent() {
        assume(Files.isDirectory(dir()), "capture corpus not found at " + dir() + " (set -Dcaptures.dir=…)");
    }

    static void assumeTshark() {
        boolean ok;
        try {
            ok = run(List.of("tshark", "-v")).exit == 0;
        } catch (IOException e) {
            ok = false;
        }
        assume(ok, "tshark is not installed (apt-get install -y tshark)");
    }

    private static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        org.junit.jupiter.api.Assumptions.assumeTrue(ok, why);
    }

    static List<Path> captures() {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(String out, String err, int exit) { }

    static Result run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        String out = drain(p.getInputStream());
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new Result(out, err.join(), p.exitValue());
    }

    static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Captures whose MANIFEST.tsv protocols_seen column names {@code proto}. */
    static List<Path> capturesWith(String proto) throws IOException {
        List<Path> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.tsv"));
        String[] head = lines.getFirst().split("\t", -1);
        int col = java.util.Arrays.asList(head).indexOf("protocols_seen");
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split("\t", -1);
            if (col < c.length && java.util.Arrays.asList(c[col].split(",")).contains(proto)) out.add(dir().resolve(c[0]));
        }
        return out;
    }
}
