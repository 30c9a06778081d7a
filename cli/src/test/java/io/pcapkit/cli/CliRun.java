package io.pcapkit.cli;

import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code pcapkit} in-process with captured streams, and finds the project's files. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) { return withInput(new ByteArrayInputStream(new byte[0]), args); }

    static CliRun withInput(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, in, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The repository root: system property project.root (set by surefire), else the parent of cli/. */
    static Path root() {
        String p = System.getProperty("project.root");
        if (p != null && Files.isDirectory(Path.of(p, "samples"))) return Path.of(p);
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("samples")) ? here : here.getParent();
    }

    static Path sample(String name) { return root().resolve("samples").resolve(name); }

    /** The shared capture corpus: system property captures.dir, else ../shared/captures beside the repository. */
    static Path captures() {
        String p = System.getProperty("captures.dir");
        return p != null ? Path.of(p) : root().resolveSibling("shared").resolve("captures");
    }

    /**
     * Whether the native engine reads captures yet (its reader is written by another part of the project);
     * the reason when it does not, for the skip message.
     */
    static String nativeReaderProblem() {
        try (var e = Engines.discover().require("native").create(EngineOptions.defaults());
             FrameSource s = e.open(sample("loopback.pcap"))) {
            s.next();
            return null;
        } catch (Exception | LinkageError e) {
            return "the native engine cannot read samples/loopback.pcap yet (" + e + ")";
        }
    }

    /** Skips the calling test unless {@code ok}, saying why on the console too (not only in the report). */
    static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        org.junit.jupiter.api.Assumptions.assumeTrue(ok, why);
    }
}
