package io.pcapkit.bench;

import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one frame per protocol chain, in memory: the cost of each decoder stack, without I/O. The frames are
 * the first of each chain in the capture (the bundled sample by default), so a decoder's cost shows as the
 * difference between a chain and its parent chain (e.g. eth:ip:tcp minus eth:ip).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class DecoderBenchmark {
    /** A protocol chain as {@code Frame.protochain()} prints it; the first frame with that chain is decoded. */
    @Param({"Ethernet:IPv4:TCP", "Ethernet:IPv4:UDP", "Ethernet:IPv4:ICMP", "Ethernet:IPv6:TCP", "Ethernet:IPv6:UDP",
            "Ethernet:IPv6:ICMPv6"})
    public String chain;

    private final FrameDecoder decoder = new FrameDecoder(Registrations.standard(), null, null);
    private final Frame frame = new Frame();
    private Captures.Rec rec;

    @Setup public void pick() throws IOException {
        List<Captures.Rec> all = Captures.load(Captures.capture(), 100_000);
        for (Captures.Rec r : all) {
            decoder.decode(frame, 1, r.timestampNanos(), r.capturedLength(), r.originalLength(), r.linkType(), 0,
                    r.data(), 0);
            if (frame.protochain().startsWith(chain) && (frame.protochain().length() == chain.length()
                    || frame.protochain().charAt(chain.length()) == ':')) {
                rec = r;
                return;
            }
        }
        throw new IllegalStateException("no frame with chain " + chain + " in " + Captures.capture());
    }

    @Benchmark public Frame decode() {
        Captures.Rec r = rec;
        return decoder.decode(frame, 1, r.timestampNanos(), r.capturedLength(), r.originalLength(), r.linkType(), 0,
                r.data(), 0);
    }
}
