package io.pcapkit.nativeengine;

import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeAs;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
import io.pcapkit.nativeengine.read.CaptureReaders;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One configured native engine: a registry (with any --decode-as overrides) and the stop settings. */
public final class NativeEngine implements Engine {
    private final EngineOptions options;
    private final DecoderRegistry registry;
    private final Protocol stopProtocol;

    NativeEngine(EngineOptions options) {
        this.options = options;
        this.registry = Registrations.standard();
        DecodeAs.apply(registry, options.decodeAs());
        if (options.stopProtocol() != null) {
            stopProtocol = Protocols.find(options.stopProtocol());
            if (stopProtocol == null) {
                throw new EngineException("unknown protocol '" + options.stopProtocol() + "' for the protocol stop");
            }
        } else {
            stopProtocol = null;
        }
    }

    @Override public String name() { return "native"; }

    /** The registry this engine decodes with. */
    public DecoderRegistry registry() { return registry; }

    /** A new per-thread frame decoder over this engine's registry. */
    public FrameDecoder newDecoder() { return new FrameDecoder(registry, options.stopLevel(), stopProtocol); }

    @Override public FrameSource open(Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        return open(in, file.toString());
    }

    @Override public FrameSource open(InputStream in, String displayName) throws IOException {
        try {
            return new NativeFrameSource(CaptureReaders.open(in, displayName, options.maxFrameBytes()), newDecoder(),
                    options.filter());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
