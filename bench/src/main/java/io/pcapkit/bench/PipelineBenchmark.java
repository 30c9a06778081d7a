package io.pcapkit.bench;

import io.pcapkit.formats.Dumper;
import io.pcapkit.formats.FieldsOptions;
import io.pcapkit.formats.Format;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline over one capture file (the bundled sample by default, {@code -Dbench.capture=F} for the
 * benchmark capture): read → decode → dump into a discarding stream. The score is time per file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PipelineBenchmark {
    /** {@code none} = decode only; else a {@link Format} id. */
    @Param({"none", "fields", "json", "tree", "plist"})
    public String output;

    private static final List<String> FIELDS = List.of("frame.number", "frame.len", "eth.src", "eth.dst", "ip.src",
            "ip.dst", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport");

    @Benchmark public long file() throws IOException {
        long n = 0;
        try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults());
             FrameSource s = e.open(Captures.capture())) {
            Dumper d = output.equals("none") ? null
                    : Format.parse(output).open(OutputStream.nullOutputStream(), FieldsOptions.of(FIELDS));
            if (d != null) d.header(s.info());
            for (Frame f; (f = s.next()) != null; n++) if (d != null) d.frame(f);
            if (d != null) d.close();
        }
        return n;
    }
}
