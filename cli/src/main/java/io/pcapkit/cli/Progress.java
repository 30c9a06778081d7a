package io.pcapkit.cli;

import java.io.PrintStream;

/**
 * A progress line on a terminal's stderr for long runs: frames so far and the rate, rewritten in place with
 * {@code \r}, shown only after the first second and cleared at the end. Silent when stderr is not a terminal, so
 * logs and pipes never see it.
 */
final class Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last;
    private int width;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether this JVM's stderr is a terminal (and so may show a progress line). */
    static boolean terminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    void tick(long frames) {
        // the clock is read once per 1024 frames: the hot loop pays nothing measurable
        if (!enabled || (frames & 1023) != 0) return;
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || now - last < EVERY_NANOS) return;
        last = now;
        long rate = frames * 1_000_000_000L / Math.max(1, now - start);
        String line = "pcapkit: " + frames + " frames, " + rate + " frames/s";
        width = Math.max(width, line.length());
        err.print("\r" + line);
        err.flush();
    }

    void done() {
        if (width == 0) return;
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
    }
}
