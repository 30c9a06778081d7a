package io.pcapkit;

import io.pcapkit.model.Level;
import io.pcapkit.spi.Engines;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The library entry point, in the spirit of the original's {@code extract()}:
 *
 * <pre>{@code
 * try (Extraction x = Pcapkit.extract(Path.of("in.pcap")).engine("native").layer(Layer.TRANSPORT).open()) {
 *     for (Frame f : x) {
 *         if (f.contains(Protocols.TCP)) System.out.println(f.layer(Protocols.TCP).field("tcp.srcport").asLong());
 *     }
 * }
 * }</pre>
 */
public final class Pcapkit {
    private Pcapkit() { }

    /** Starts an extraction of a capture file. */
    public static Extraction.Builder extract(Path file) {
        return new Extraction.Builder(file, null, file.toString());
    }

    /** Starts an extraction of a capture read from a stream (stdin, a pipe). */
    public static Extraction.Builder extract(InputStream in, String displayName) {
        return new Extraction.Builder(null, in, displayName);
    }

    /** The engines on the class path. */
    public static Engines engines() { return Engines.discover(); }

    /** Shorthand for {@code Level.parse}. */
    public static Level level(String name) { return Level.parse(name); }
}
