package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** One configured Pcap4J engine; each opened file gets its own libpcap handle. */
final class Pcap4jEngine implements Engine {
    private final EngineOptions options;

    Pcap4jEngine(EngineOptions options) {
        this.options = options;
        if (!LibPcap.availability().available()) {
            throw new EngineException("engine 'pcap4j' is not available: " + LibPcap.availability().detail());
        }
        // declare this engine's fields now, as engines do on creation (the CLI checks -e names before opening);
        // each opened capture resolves them again, by then to any declaration another engine of the run made
        new F();
    }

    @Override public String name() { return "pcap4j"; }

    @Override public FrameSource open(Path file) throws IOException { return Pcap4jFrameSource.open(file, options); }

    /** libpcap reads a named file only; copying a stream to disk first would not be streaming, so it is refused. */
    @Override public FrameSource open(InputStream in, String displayName) {
        throw new UnsupportedOperationException("engine 'pcap4j' reads capture files only, not " + displayName
                + " (libpcap opens a file path); save the capture to a file or use -E native");
    }
}
