package io.pcapkit.cli;

import io.pcapkit.Extraction;
import io.pcapkit.FrameListener;
import io.pcapkit.Pcapkit;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.Engines;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One pass over a capture for the reassembly subcommands ({@code follow}, {@code reassemble}, {@code trace}): the
 * engine chosen with {@code -E}, every frame handed to the listeners. Problems are one line on stderr with the
 * usual exit codes.
 */
final class CaptureRun {
    private CaptureRun() { }

    /** Checks the input and the engine: null when fine, else the usage message. */
    static String check(String input, String engine) {
        Path p = Path.of(input);
        if (!Files.exists(p)) return input + ": no such file";
        if (Files.isDirectory(p)) return input + ": is a directory";
        try {
            Engines.discover().require(engine == null ? Engines.DEFAULT : engine);
        } catch (EngineException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Runs every frame through {@code listeners}; returns Cli.OK, or Cli.DAMAGED after telling why on {@code err}. */
    static int run(String input, String engine, List<FrameListener> listeners, PrintWriter err) {
        Extraction.Builder b = Pcapkit.extract(Path.of(input)).engine(engine == null ? Engines.DEFAULT : engine);
        for (FrameListener l : listeners) b.listener(l);
        try (Extraction x = b.open()) {
            for (Frame f : x) {
                // the listeners see every frame as it passes
                f.number();
            }
            return Cli.OK;
        } catch (OutputClosed e) {
            return Cli.OK;   // the reader of our stdout went away (`| head`): stop reading, quietly
        } catch (UncheckedIOException e) {
            err.println("pcapkit: " + e.getCause().getMessage());
            return Cli.DAMAGED;
        } catch (CaptureFormatException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.DAMAGED;
        } catch (EngineException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        } catch (IOException e) {
            err.println("pcapkit: " + input + ": " + e.getMessage());
            return Cli.DAMAGED;
        }
    }

    /** Thrown by a listener whose standard output was closed by its reader: the run ends at once, quietly. */
    static final class OutputClosed extends RuntimeException {
        OutputClosed() { super(null, null, false, false); }
    }
}
