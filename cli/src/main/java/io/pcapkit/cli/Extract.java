package io.pcapkit.cli;

import io.pcapkit.formats.Dumper;
import io.pcapkit.formats.FieldsOptions;
import io.pcapkit.formats.Format;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RenderBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One extraction run: frames from the engine's source into a dumper, streaming. A damaged capture ends the loop
 * after the last readable frame; the document is still completed and written, and the damage reported as one
 * line. A closed standard output (`| head`) ends the run quietly.
 */
final class Extract {
    private final EngineProvider provider;
    private final EngineOptions options;
    private final Path file;
    private final InputStream stdin;
    private final String inputName;
    private final Format format;
    private final FieldsOptions fieldsOptions;
    private final String output;
    private final boolean perFrameFiles;
    private final boolean verbose;
    private final long count;
    private final OutputStream out;
    private final PrintStream err;
    Supplier<List<String>> warnUnknownFields;
    /** Decode every frame and write nothing (--no-output). */
    boolean noOutput;

    Extract(EngineProvider provider, EngineOptions options, Path file, InputStream stdin, String inputName, Format format,
            FieldsOptions fieldsOptions, String output, boolean perFrameFiles, boolean verbose, long count,
            OutputStream out, PrintStream err) {
        this.provider = provider;
        this.options = options;
        this.file = file;
        this.stdin = stdin;
        this.inputName = inputName;
        this.format = format;
        this.fieldsOptions = fieldsOptions;
        this.output = output;
        this.perFrameFiles = perFrameFiles;
        this.verbose = verbose;
        this.count = count;
        this.out = out;
        this.err = err;
    }

    int run() throws IOException {
        Engine engine;
        try {
            engine = provider.create(options);
        } catch (EngineException e) {
            throw new PcapkitCommand.UsageException(e.getMessage());
        }
        try (engine) {
            if (warnUnknownFields != null) {
                List<String> unknown = warnUnknownFields.get().stream().filter(n -> !engine.knowsField(n)).toList();
                if (!unknown.isEmpty()) {
                    err.println("pcapkit: warning: no decoder declares " + String.join(", ", unknown)
                            + "; those columns stay empty");
                }
            }
            FrameSource source;
            try {
                source = file != null ? engine.open(file)
                        : engine.open(stdin, "-".equals(inputName) ? "<stdin>" : inputName);
            } catch (NoSuchFileException e) {
                throw new PcapkitCommand.UsageException(inputName + ": no such file");
            } catch (CaptureFormatException e) {
                err.println("pcapkit: " + e.getMessage());
                return Cli.DAMAGED;
            } catch (IOException e) {
                err.println("pcapkit: " + inputName + ": " + e.getMessage());
                return Cli.DAMAGED;
            }
            try (source) {
                if (noOutput) return decodeOnly(source);
                return perFrameFiles ? toFolder(source) : toOneDocument(source);
            }
        }
    }

    /** The whole capture as one document, on stdout or in a file written atomically. */
    private int toOneDocument(FrameSource source) throws IOException {
        OutputTarget target;
        try {
            target = output == null ? OutputTarget.stdout(out) : OutputTarget.file(Path.of(output));
        } catch (IOException e) {
            err.println("pcapkit: " + output + ": cannot write: " + e.getMessage());
            return Cli.DAMAGED;
        }
        boolean linesToStdout = !target.isStdout();
        Lines lines = new Lines(linesToStdout);
        Progress progress = new Progress(err, !(verbose && !linesToStdout) && Progress.terminal());
        IOException readError = null;
        boolean committed = false;
        try {
            Dumper d = format.open(target.stream(), fieldsOptions);
            d.header(source.info());
            readError = eachFrame(source, lines, progress, f -> {
                RenderBuffer ahead = source.rendered();   // rendered by the decoding thread (--workers)
                if (ahead != null) d.rendered(f, ahead);
                else d.frame(f);
            });
            progress.done();
            d.close();
            target.commit();
            committed = true;
            lines.flush();
        } catch (IOException e) {
            // reads are caught in the loop: this is the output failing
            progress.done();
            if (target.isStdout()) return Cli.OK;   // the reader of our stdout went away (`| head`)
            err.println("pcapkit: " + target.name() + ": cannot write: " + e.getMessage());
            return Cli.DAMAGED;
        } finally {
            if (!committed) target.abort();
        }
        return readError == null ? Cli.OK : damaged(readError);
    }

    /** Every frame decoded, nothing written but the -v lines. */
    private int decodeOnly(FrameSource source) throws IOException {
        Lines lines = new Lines(true);
        Progress progress = new Progress(err, !verbose && Progress.terminal());
        IOException readError = eachFrame(source, lines, progress, f -> { });
        progress.done();
        lines.flush();
        return readError == null ? Cli.OK : damaged(readError);
    }

    /** One file per frame in a folder, then the header block (complete by then) in its own file. */
    private int toFolder(FrameSource source) throws IOException {
        Path dir = Path.of(output);
        Lines lines = new Lines(true);
        IOException readError = null;
        try {
            java.nio.file.Files.createDirectories(dir);
            readError = eachFrame(source, lines, new Progress(err, false),
                    f -> write(dir.resolve("Frame " + f.number() + format.extension()), null, f));
            if (format != Format.FIELDS) {
                CaptureInfo info = source.info();
                String name = info.format() == CaptureInfo.Format.PCAP ? "Global Header" : "Capture Header";
                write(dir.resolve(name + format.extension()), info, null);
            }
            lines.flush();
        } catch (IOException e) {
            err.println("pcapkit: " + output + ": cannot write: " + e.getMessage());
            return Cli.DAMAGED;
        }
        return readError == null ? Cli.OK : damaged(readError);
    }

    /** What a run does with each frame it reads; an exception it throws is the output failing. */
    @FunctionalInterface
    private interface FrameAction {
        void accept(Frame f) throws IOException;
    }

    /**
     * The frame loop of both outputs: up to {@code count} frames into {@code action}, each then given its -v line
     * and a progress tick. A read error ends the loop and is returned (null when the capture ended cleanly), so the
     * caller still completes what it has written; an output error from {@code action} propagates.
     */
    private IOException eachFrame(FrameSource source, Lines lines, Progress progress, FrameAction action)
            throws IOException {
        long n = 0;
        while (n < count) {
            Frame f;
            try {
                f = source.next();
            } catch (IOException e) {
                return e;
            }
            if (f == null) break;
            action.accept(f);
            n++;
            lines.frame(f);
            progress.tick(n);
        }
        return null;
    }

    private void write(Path path, CaptureInfo info, Frame frame) throws IOException {
        OutputTarget t = OutputTarget.file(path);
        try {
            Dumper d = format.open(t.stream(), fieldsOptions);
            if (info != null) d.header(info);
            if (frame != null) d.frame(frame);
            d.close();
            t.commit();
        } finally {
            t.abort();
        }
    }

    private int damaged(IOException e) {
        if (e instanceof CaptureFormatException) err.println("pcapkit: " + e.getMessage());
        else err.println("pcapkit: " + inputName + ": " + e.getMessage());
        return Cli.DAMAGED;
    }

    /**
     * The -v lines: to stdout when the document is in files, else to stderr beside the document. A reader that
     * goes away (`-v -o out.json | head`) only ends the lines: the document is still written.
     */
    private final class Lines {
        private Writer w;

        Lines(boolean toStdout) {
            this.w = !verbose ? null : new OutputStreamWriter(toStdout ? out : err, StandardCharsets.UTF_8);
        }

        void frame(Frame f) {
            if (w == null) return;
            try {
                w.write("Frame " + f.number() + ": " + f.protochain() + "\n");
            } catch (IOException e) {
                w = null;
            }
        }

        void flush() {
            if (w == null) return;
            try {
                w.flush();
            } catch (IOException e) {
                w = null;
            }
        }
    }
}
