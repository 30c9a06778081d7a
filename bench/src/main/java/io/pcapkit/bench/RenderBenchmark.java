package io.pcapkit.bench;

import io.pcapkit.formats.FieldsOptions;
import io.pcapkit.formats.Format;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rendering alone: a capture's frames are decoded once, then every iteration renders all of them in one format
 * into a reused buffer, as a decoding thread does. The score is the time of one pass over the capture's frames;
 * decoding and writing are not in it.
 * The fields format prints the 67 core fields of {@code bench/core-fields.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RenderBenchmark {
    @Param({"json", "fields"})
    public String format;

    private Frame[] frames;
    private FrameRenderer renderer;
    private final RenderBuffer buf = new RenderBuffer(1 << 16);

    @Setup public void decode() throws IOException {
        List<Captures.Rec> recs = Captures.load(Captures.capture(), 100_000);
        FrameDecoder decoder = new FrameDecoder(Registrations.standard(), null, null);
        Frame scratch = new Frame();
        List<Frame> out = new ArrayList<>(recs.size());
        long n = 0;
        for (Captures.Rec r : recs) {
            decoder.decode(scratch, ++n, r.timestampNanos(), r.capturedLength(), r.originalLength(), r.linkType(), 0,
                    r.data(), 0);
            out.add(scratch.copyTo(new Frame()));
        }
        frames = out.toArray(Frame[]::new);
        renderer = Format.parse(format).renderers(FieldsOptions.of(coreFields())).get();
    }

    @Benchmark
    public long renderAll() throws IOException {
        long bytes = 0;
        for (Frame f : frames) {
            renderer.render(f, buf.reset());
            bytes += buf.length();
        }
        return bytes;
    }

    static List<String> coreFields() throws IOException {
        return Files.readAllLines(Captures.projectFile("bench/core-fields.txt")).stream()
                .filter(l -> !l.startsWith("#"))
                .flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).filter(w -> !w.isEmpty()).toList();
    }
}
