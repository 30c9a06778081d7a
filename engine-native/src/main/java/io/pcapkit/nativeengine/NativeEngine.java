package io.pcapkit.nativeengine;

import io.pcapkit.model.FieldDemand;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeAs;
import io.pcapkit.nativeengine.decode.DecodeLimits;
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
    private final DecodeLimits limits;
    /** The highest level of the fields the caller reads (null: all), from {@link EngineOptions#fieldsNamed()}. */
    private final Level fieldsUpTo;
    private FrameDecoder bytesDecoder;

    NativeEngine(EngineOptions options) {
        this.options = options;
        this.limits = DecodeLimits.of(options);
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
        // after the registry: every native protocol is defined by then, so no name is mistaken for an unknown one
        fieldsUpTo = options.fieldsNamed() == null ? null : FieldDemand.highestLevel(options.fieldsNamed());
    }

    @Override public String name() { return "native"; }

    /** The registry this engine decodes with. */
    public DecoderRegistry registry() { return registry; }

    /** A frame decoder over a registry of its own (same overrides), for a decoding thread of its own. */
    FrameDecoder newIsolatedDecoder() {
        DecoderRegistry own = Registrations.standard();
        DecodeAs.apply(own, options.decodeAs());
        return new FrameDecoder(own, options.stopLevel(), stopProtocol, limits, fieldsUpTo);
    }

    /** A new per-thread frame decoder over this engine's registry. */
    public FrameDecoder newDecoder() {
        return new FrameDecoder(registry, options.stopLevel(), stopProtocol, limits, fieldsUpTo);
    }

    /** Reassembled bytes are decoded by a decoder of their own, so the source's reused frame is never touched. */
    @Override public synchronized Frame decode(LinkType linkType, byte[] data, long number, long timestampNanos) {
        if (bytesDecoder == null) bytesDecoder = newDecoder();
        return bytesDecoder.decode(new Frame(), number, timestampNanos, data.length, data.length, linkType,
                Frame.NO_INTERFACE, data, 0);
    }

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
            var reader = CaptureReaders.open(in, displayName, options.maxFrameBytes());
            if (options.workers() > 1) {
                // each worker decodes with its own registry: decoders that keep per-connection state
                // (HTTP/2's HPACK tables) must never be shared between threads
                return new ParallelFrameSource(reader, this::newIsolatedDecoder, options.workers(), options.filter(),
                        options.renderer(), options.fieldsRead());
            }
            return new NativeFrameSource(reader, newDecoder(), options.filter());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
