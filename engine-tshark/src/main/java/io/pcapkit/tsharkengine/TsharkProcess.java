package io.pcapkit.tsharkengine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One running tshark: its stderr drained (the last lines kept for error messages), its stdin fed from a stream when
 * the capture comes from one, and its death guaranteed: {@link #kill()} on close, and a shutdown hook for every
 * process still alive when the JVM exits (Ctrl-C, an uncaught exception, {@code System.exit}).
 */
final class TsharkProcess {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;
    /** Lines kept from the start of stderr (where tshark says what is wrong) and from its end. */
    private static final int STDERR_LINES = 8;

    final Process process;
    private final List<String> stderrHead = new java.util.ArrayList<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private long stderrDropped;
    private final Thread stderrThread;
    private Thread feeder;
    private volatile long fed;

    private TsharkProcess(Process process) {
        this.process = process;
        this.stderrThread = Thread.ofVirtual().name("tshark-stderr").start(this::drainStderr);
    }

    static TsharkProcess start(List<String> command) throws IOException {
        hook();
        Process p = new ProcessBuilder(command).start();
        LIVE.add(p);
        return new TsharkProcess(p);
    }

    /** Copies {@code in} to tshark's stdin on a thread of its own; a tshark that stops reading ends the copy. */
    void feed(InputStream in) {
        feeder = Thread.ofVirtual().name("tshark-stdin").start(() -> {
            byte[] buf = new byte[1 << 16];
            try (OutputStream out = process.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    fed += n;
                }
            } catch (IOException e) {
                // tshark went away (finished, died or killed): the reader side reports why
            }
        });
    }

    /** Bytes handed to tshark's stdin so far. */
    long fed() { return fed; }

    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }

    InputStream stdout() { return process.getInputStream(); }

    /** Waits for tshark to exit on its own and returns its status, or -1 when it does not within the timeout. */
    int waitFor(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) return -1;
            stderrThread.join(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** tshark's stderr (its first and last lines when long), without its warning about running as root. */
    String stderr() {
        synchronized (stderrTail) {
            List<String> all = new java.util.ArrayList<>(stderrHead);
            if (stderrDropped > 0) all.add("[" + stderrDropped + " more lines]");
            all.addAll(stderrTail);
            return String.join("\n", all);
        }
    }

    /** Ends tshark now (SIGTERM, then SIGKILL after a second) and stops the helper threads. */
    void kill() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(process);
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // nothing left to release
        }
        closeStdin();
        if (feeder != null) feeder.interrupt();
    }

    /** Characters kept of one stderr line: the rest of a longer line is read and dropped, never held. */
    static final int STDERR_LINE_CHARS = 1024;

    /** The next line of {@code r}, cut to {@link #STDERR_LINE_CHARS} (with "…"), or null at the end. */
    static String boundedLine(BufferedReader r) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean cut = false;
        for (int ch; (ch = r.read()) >= 0; ) {
            if (ch == '\n') return cut ? b.append('…').toString() : b.toString();
            if (ch == '\r') continue;
            if (b.length() < STDERR_LINE_CHARS) b.append((char) ch);
            else cut = true;
        }
        return b.isEmpty() && !cut ? null : cut ? b.append('…').toString() : b.toString();
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = boundedLine(r)) != null; ) {
                if (line.startsWith("Running as user") || line.isBlank()) continue;
                synchronized (stderrTail) {
                    if (stderrHead.size() < STDERR_LINES) {
                        stderrHead.add(line);
                        continue;
                    }
                    if (stderrTail.size() == STDERR_LINES) {
                        stderrTail.removeFirst();
                        stderrDropped++;
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static void hook() {
        if (hooked) return;
        synchronized (LIVE) {
            if (hooked) return;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Process p : LIVE) p.destroyForcibly();
            }, "pcapkit-tshark-reaper"));
            hooked = true;
        }
    }

    /** Processes started and not yet killed or reaped (for tests). */
    static int live() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
    }
}
