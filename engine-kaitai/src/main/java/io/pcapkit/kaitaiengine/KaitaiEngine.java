package io.pcapkit.kaitaiengine;

import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One run of the Kaitai engine: opens captures as {@link CaptureSource}s. */
final class KaitaiEngine implements Engine {
    private final EngineOptions options;

    KaitaiEngine(EngineOptions options) {
        this.options = options;
        Catalog.field("data.data"); // declares the fields now: compare reads declarations before any frame
    }

    @Override public String name() { return "kaitai"; }

    @Override public FrameSource open(Path file) throws IOException {
        return new CaptureSource(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file.toString(),
                options);
    }

    @Override public FrameSource open(InputStream in, String displayName) throws IOException {
        return new CaptureSource(new BufferedInputStream(in, 1 << 16), displayName, options);
    }
}
