package io.pcapkit.fuzz;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one engine over files in this process, under a watchdog: the reading happens on a worker thread, and a
 * frame that takes longer than {@link #frameLimitMillis} is a hang (the source is closed, the thread interrupted,
 * and if it still does not stop it is abandoned and a fresh one used). The first frame of a file includes opening
 * it, which for the tshark engine means starting a process, so it gets {@link #firstFrameLimitMillis}.
 */
public final class EngineRunner implements AutoCloseable {
    private final String name;
    private final Engine engine;
    private final long frameLimitMillis;
    private final long firstFrameLimitMillis;
    private ExecutorService worker = newWorker();

    private volatile long lastProgress;
    private volatile long frames;
    private volatile FrameSource current;

    public EngineRunner(String name, long frameLimitMillis, long firstFrameLimitMillis) {
        this.name = name;
        this.engine = Engines.discover().require(name).create(EngineOptions.defaults());
        this.frameLimitMillis = frameLimitMillis;
        this.firstFrameLimitMillis = firstFrameLimitMillis;
    }

    public String name() { return name; }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-engine");
            t.setDaemon(true);   // an engine stuck for good must not keep the JVM alive
            return t;
        });
    }

    public Outcome run(Path file) {
        frames = 0;
        lastProgress = System.nanoTime();
        Future<Outcome> f = worker.submit(() -> read(file));
        while (true) {
            try {
                return f.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long limit = frames == 0 ? firstFrameLimitMillis : frameLimitMillis;
                if (System.nanoTime() - lastProgress > limit * 1_000_000L) return hang(f);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                return new Outcome(frames, Outcome.Result.CRASH, describe(c), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(frames, Outcome.Result.HANG, "interrupted", false);
            }
        }
    }

    private Outcome hang(Future<Outcome> f) {
        long at = frames + 1;
        FrameSource s = current;
        try {
            if (s != null) s.close();
        } catch (IOException | RuntimeException e) {
            // closing is only a way to unblock the reader
        }
        f.cancel(true);
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
        } catch (Exception e) {
            // cancelled or failed after the close: the hang is what gets recorded
        }
        return new Outcome(at - 1, Outcome.Result.HANG, "frame " + at + " took over "
                + (at == 1 ? firstFrameLimitMillis : frameLimitMillis) + " ms", false);
    }

    private Outcome read(Path file) {
        boolean lastAnomaly = false;
        long n = 0;
        try (FrameSource s = engine.open(file)) {
            current = s;
            for (Frame f; (f = s.next()) != null; ) {
                // touch what a consumer touches, so lazily decoding engines do their work here
                int fields = f.fieldCount();
                for (int i = 0; i < fields; i++) f.defAt(i);
                lastAnomaly = f.hasAnomalies();
                frames = ++n;
                lastProgress = System.nanoTime();
            }
            return new Outcome(n, Outcome.Result.OK, "", lastAnomaly);
        } catch (CaptureFormatException e) {
            return new Outcome(n, Outcome.Result.FILE_ERROR, e.getMessage(), lastAnomaly);
        } catch (IOException e) {
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                return new Outcome(n, Outcome.Result.FILE_ERROR, e.getMessage(), lastAnomaly);
            }
            return new Outcome(n, Outcome.Result.CRASH, describe(e), lastAnomaly);
        } catch (Throwable t) {
            return new Outcome(n, Outcome.Result.CRASH, describe(t), lastAnomaly);
        } finally {
            current = null;
        }
    }

    static String describe(Throwable t) {
        // the first project frame names the code to fix; the JDK's frames above it rarely do
        String where = "";
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.pcapkit.") && !e.getClassName().startsWith("io.pcapkit.fuzz.")) {
                where = " at " + e;
                break;
            }
        }
        return t.getClass().getName() + ": " + t.getMessage() + where;
    }

    @Override public void close() {
        worker.shutdownNow();
        engine.close();
    }
}
