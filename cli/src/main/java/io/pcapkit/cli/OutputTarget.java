package io.pcapkit.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a document goes. Standard output is never closed. A file is written atomically: into a temporary file
 * beside it, renamed over the destination only once the document is complete, so a reader never sees half a
 * document and an interrupted run leaves the old file in place.
 */
abstract class OutputTarget {
    /** Temporary files not yet renamed or deleted: what a Ctrl-C (or a TERM) must not leave behind. */
    private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;
    /**
     * Set while a live capture runs: its Ctrl-C completes the output (see {@link CaptureOptions#armInterrupt}), so
     * the temporary file is left for the run to rename.
     */
    static volatile boolean completeOnInterrupt;

    /** The stream to write the document to. */
    abstract OutputStream stream();

    /** The document is complete: flush, and for a file close and rename it into place. */
    abstract void commit() throws IOException;

    /** Something went wrong: drop what was written, if that is possible. */
    abstract void abort();

    /** True for standard output, where a write error means the reader went away (`| head`). */
    abstract boolean isStdout();

    /** How messages name it. */
    abstract String name();

    static OutputTarget stdout(OutputStream out) {
        return new OutputTarget() {
            private final OutputStream s = new FilterOutputStream(out) {
                @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                @Override public void close() throws IOException { out.flush(); }
            };

            @Override OutputStream stream() { return s; }

            @Override void commit() throws IOException { out.flush(); }

            @Override void abort() { }

            @Override boolean isStdout() { return true; }

            @Override String name() { return "standard output"; }
        };
    }

    static OutputTarget file(Path destination) throws IOException {
        Path abs = destination.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its 0600 mode would stay on the renamed result; this one gets the umask's
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        hook();
        OutputStream s = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
        PENDING.add(tmp);
        return new OutputTarget() {
            private boolean done;

            @Override OutputStream stream() { return s; }

            @Override void commit() throws IOException {
                s.close();
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
                PENDING.remove(tmp);
                done = true;
            }

            @Override void abort() {
                if (done) return;
                done = true;
                try {
                    s.close();
                } catch (IOException e) {
                    // the temporary file goes anyway
                }
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing better to do: it is a hidden .part file beside the destination
                }
                PENDING.remove(tmp);
            }

            @Override boolean isStdout() { return false; }

            @Override String name() { return destination.toString(); }
        };
    }

    /**
     * Once per JVM: at exit (Ctrl-C, TERM), temporary files of documents never completed are deleted, so an
     * interrupted run leaves the destination as it was and no {@code .part} file beside it.
     */
    private static void hook() {
        if (hooked) return;
        synchronized (PENDING) {
            if (hooked) return;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (completeOnInterrupt) return;
                for (Path p : PENDING) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // exiting: nothing else to try
                    }
                }
            }, "pcapkit-partial-files"));
            hooked = true;
        }
    }
}
