package io.pcapkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's main command, run as a user runs it: the {@code ./pcapkit} launcher at the repository root (which finds a
 * Java 25 and the jar the package phase just built) on the bundled sample, writing JSON to a file. Runs in the
 * integration-test phase, after the shaded jar exists, so the launcher has nothing to rebuild.
 */
class LauncherIT {
    @TempDir Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    private static Process run(List<String> args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(root().resolve("pcapkit").toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(root().toFile()).start();
    }

    private static String finish(Process p, StringBuilder err) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher timed out");
        return out;
    }

    @Test void readmeMainCommandWritesTheGoldenJson() throws IOException, InterruptedException {
        Path out = tmp.resolve("loopback.json");
        StringBuilder err = new StringBuilder();
        Process p = run(List.of("-E", "native", "samples/loopback.pcap", "-f", "json", "-o", out.toString()));
        finish(p, err);
        assertEquals(0, p.exitValue(), err.toString());
        assertEquals("", err.toString(), "nothing on stderr: the jar was fresh and the run clean");
        String golden = Files.readString(root().resolve("cli/src/test/resources/golden/loopback.json"));
        assertEquals(golden, Files.readString(out));
    }

    @Test void enginesListsNative() throws IOException, InterruptedException {
        StringBuilder err = new StringBuilder();
        Process p = run(List.of("engines"));
        String out = finish(p, err);
        assertEquals(0, p.exitValue(), err.toString());
        assertTrue(out.startsWith("native (default)"), out);
        assertTrue(out.contains("available: built in"), out);
    }

    @Test void aDamagedCaptureIsOneLineAndExitCodeOne() throws IOException, InterruptedException {
        byte[] sample = Files.readAllBytes(root().resolve("samples/loopback.pcap"));
        Path cut = Files.write(tmp.resolve("cut.pcap"), java.util.Arrays.copyOf(sample, sample.length - 20));
        StringBuilder err = new StringBuilder();
        Process p = run(List.of(cut.toString(), "-e", "frame.number"));
        String out = finish(p, err);
        assertEquals(1, p.exitValue());
        assertEquals(35, out.lines().count(), "every intact frame is written first");
        assertTrue(err.toString().matches("pcapkit: .*cut\\.pcap: offset \\d+: .*\\n"), err.toString());
    }
}
