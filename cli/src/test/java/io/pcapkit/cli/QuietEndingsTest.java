package io.pcapkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT) and a reader that goes away (`| head -1`) end a real pcapkit process quietly (no stack trace,
 * nothing on stderr), promptly (well within 2 s of the signal or the closed pipe) and completely: no tshark left
 * running, no temporary {@code .part} file beside an {@code -o} file. The input is the corpus capture
 * pcapplusplus/example2.pcap (2.9 MB, 4,000+ frames: many pipe buffers of JSON); for SIGINT it is fed through
 * standard input and held open, so the process is surely mid-run when the signal comes.
 */
@Timeout(120)
class QuietEndingsTest {
    private static final long PROMPT_MS = 2000;

    @TempDir Path tmp;

    private static Path bigCapture() {
        Path p = CliRun.captures().resolve("pcapplusplus/example2.pcap");
        CliRun.assume(Files.isRegularFile(p), "the corpus capture " + p + " is missing");
        return p;
    }

    private static void assumeTshark() {
        boolean ok;
        try {
            ok = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        CliRun.assume(ok, "tshark is not installed");
    }

    /** pcapkit in a JVM of its own, its stderr collected. */
    private record Run(Process p, ByteArrayOutputStream err, Thread drain) {
        static Run start(Path dir, String... args) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            return new Run(p, err, drain);
        }

        /** Milliseconds until the process exits (fails after 30 s, killing it). */
        long waitMillis() throws InterruptedException {
            long t0 = System.nanoTime();
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            assertTrue(ended, "pcapkit did not end within 30 s");
            drain.join();
            return ms;
        }

        String stderr() { return err.toString(StandardCharsets.UTF_8); }
    }

    /** Reads the first line of the process's output, then closes the pipe, as `| head -1` does. */
    private static String headOne(Process p) throws IOException {
        InputStream in = p.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) line.write(b);
        in.close();
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * A process started with SIGINT ignored (a background job of a non-interactive shell, nohup) passes that on to
     * its children, and a JVM that starts with SIGINT ignored never sees it: nothing to test then.
     */
    private static void assumeSigintDelivered() throws IOException {
        Path status = Path.of("/proc/self/status");
        CliRun.assume(Files.isReadable(status), "no /proc/self/status to tell whether SIGINT is ignored");
        long ignored = 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
        }
        CliRun.assume((ignored & 0x2) == 0, "SIGINT is ignored by this process and its children (started in the "
                + "background?)");
    }

    private static void signal(Process p, String sig) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor());
    }

    /** Waits until the process has a child (tshark) or {@code marker} exists; false after 20 s. */
    private static boolean awaitRunning(Process p, boolean child, Path dir) throws InterruptedException, IOException {
        for (int i = 0; i < 400; i++) {
            if (child ? p.descendants().anyMatch(ProcessHandle::isAlive) : hasPart(dir)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean hasPart(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".part"));
        }
    }

    @Test void aClosedPipeEndsTheNativeRunQuietlyAndPromptly() throws Exception {
        Run r = Run.start(tmp, bigCapture().toString(), "-f", "json");
        assertEquals("{", headOne(r.p()));
        long ms = r.waitMillis();
        assertEquals(0, r.p().exitValue(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(ms < PROMPT_MS, "ended " + ms + " ms after the pipe closed");
    }

    @Test void aClosedPipeEndsTheTsharkRunAndItsTshark() throws Exception {
        assumeTshark();
        Run r = Run.start(tmp, "-E", "tshark", bigCapture().toString(), "-f", "json");
        assertEquals("{", headOne(r.p()));
        List<ProcessHandle> children = r.p().descendants().toList();
        long ms = r.waitMillis();
        assertEquals(0, r.p().exitValue(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(ms < PROMPT_MS, "ended " + ms + " ms after the pipe closed");
        for (ProcessHandle c : children) {
            c.onExit().get(2, TimeUnit.SECONDS);
            assertFalse(c.isAlive(), "left running: " + c.info().commandLine().orElse("pid " + c.pid()));
        }
    }

    @Test void aClosedPipeEndsAnalyzeQuietlyAndPromptly() throws Exception {
        // analyze prints a line per application message (HTTP, TLS, DNS …) as the streams are reassembled
        Run r = Run.start(tmp, "analyze", bigCapture().toString());
        assertTrue(headOne(r.p()).startsWith("stream "));
        long ms = r.waitMillis();
        assertEquals(0, r.p().exitValue(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(ms < PROMPT_MS, "ended " + ms + " ms after the pipe closed");
    }

    /** Starts pcapkit on standard input fed with the capture's first {@code bytes}, the pipe held open. */
    private Run fedAndHeld(int bytes, String... args) throws Exception {
        Run r = Run.start(tmp, args);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(bigCapture()), bytes);
        OutputStream in = r.p().getOutputStream();
        in.write(head);
        in.flush();
        return r;
    }

    @Test void sigintMidRunLeavesNoPartialFileAndExits130() throws Exception {
        assumeSigintDelivered();
        Run r = fedAndHeld(400_000, "-", "-j", "-o", "out.json");
        assertTrue(awaitRunning(r.p(), false, tmp), "the run never started writing its temporary file");
        Thread.sleep(300);
        signal(r.p(), "INT");
        long ms = r.waitMillis();
        assertEquals(130, r.p().exitValue(), r.stderr());
        assertEquals("", r.stderr(), "quiet: no stack trace, no message");
        assertTrue(ms < PROMPT_MS, "ended " + ms + " ms after SIGINT");
        assertFalse(hasPart(tmp), "the temporary file is gone");
        assertFalse(Files.exists(tmp.resolve("out.json")), "no document: the run never completed one");
    }

    @Test void sigintEndsTheTsharkRunAndItsTshark() throws Exception {
        assumeTshark();
        assumeSigintDelivered();
        Run r = fedAndHeld(400_000, "-E", "tshark", "-", "-j", "-o", "out.json");
        assertTrue(awaitRunning(r.p(), true, tmp), "tshark never started");
        Thread.sleep(1500);   // tshark reads what was fed and waits for more
        List<ProcessHandle> children = r.p().descendants().toList();
        signal(r.p(), "INT");
        long ms = r.waitMillis();
        assertEquals(130, r.p().exitValue(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(ms < PROMPT_MS, "ended " + ms + " ms after SIGINT");
        for (ProcessHandle c : children) {
            c.onExit().get(2, TimeUnit.SECONDS);
            assertFalse(c.isAlive(), "left running: " + c.info().commandLine().orElse("pid " + c.pid()));
        }
        assertFalse(hasPart(tmp));
        assertFalse(Files.exists(tmp.resolve("out.json")));
    }

    @Test void aDamagedFileStillGivesOneCompleteDocumentAndNoTemporaryFile() throws Exception {
        Path cut = Files.write(tmp.resolve("cut.pcap"),
                java.util.Arrays.copyOf(Files.readAllBytes(bigCapture()), 200_000));
        CliRun r = CliRun.of(cut.toString(), "-j", "-o", tmp.resolve("cut.json").toString());
        assertEquals(Cli.DAMAGED, r.code(), r.err());
        assertTrue(r.err().startsWith("pcapkit: " + cut + ": offset "), r.err());
        String json = Files.readString(tmp.resolve("cut.json"));
        assertTrue(json.startsWith("{") && json.strip().endsWith("}"), "a complete document");
        assertFalse(hasPart(tmp));
    }
}
