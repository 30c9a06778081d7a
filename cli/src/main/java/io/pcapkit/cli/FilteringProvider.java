package io.pcapkit.cli;

import io.pcapkit.libpcap.BpfFilter;
import io.pcapkit.libpcap.PcapException;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An engine with --filter applied: an engine that filters records itself ({@link Capability#RECORD_FILTER}) gets the
 * BPF filter in its options; for any other, the frames it decodes are dropped here when their raw bytes do not match,
 * keeping the engine's (the file's) frame numbers. Either way the expression is compiled for the capture's link types
 * as soon as the source is open, so a filter that cannot apply is one line before any output.
 */
final class FilteringProvider implements EngineProvider {
    private final EngineProvider delegate;
    private final BpfFilter filter;
    private final boolean filterFrames;

    FilteringProvider(EngineProvider delegate, BpfFilter filter, boolean filterFrames) {
        this.delegate = delegate;
        this.filter = filter;
        this.filterFrames = filterFrames;
    }

    @Override public String name() { return delegate.name(); }

    @Override public List<String> aliases() { return delegate.aliases(); }

    @Override public String description() { return delegate.description(); }

    @Override public Availability probe() { return delegate.probe(); }

    @Override public Set<Capability> capabilities() { return delegate.capabilities(); }

    @Override public Engine create(EngineOptions options) {
        EngineOptions o = filterFrames ? options : options.withFilter(filter);
        Engine engine = delegate.create(o);
        return new Engine() {
            @Override public String name() { return engine.name(); }

            @Override public FrameSource open(Path file) throws IOException { return wrap(engine.open(file)); }

            @Override public FrameSource open(InputStream in, String displayName) throws IOException {
                return wrap(engine.open(in, displayName));
            }

            @Override public void close() { engine.close(); }
        };
    }

    private FrameSource wrap(FrameSource s) throws IOException {
        try {
            for (CaptureInfo.Interface i : s.info().interfaces()) filter.prepare(i.linkType().code());
        } catch (PcapException e) {
            s.close();
            throw new PcapkitCommand.UsageException(e.getMessage());
        }
        return filterFrames ? new Filtered(s, filter) : s;
    }

    /** Drops decoded frames whose bytes the filter rejects. */
    private record Filtered(FrameSource source, BpfFilter filter) implements FrameSource {
        @Override public Frame next() throws IOException {
            for (Frame f; (f = source.next()) != null; ) {
                if (filter.accept(f.linkType().code(), f.array(), f.dataOffset(), f.capturedLength(),
                        (int) Math.min(f.originalLength(), Integer.MAX_VALUE))) {
                    return f;
                }
            }
            return null;
        }

        @Override public CaptureInfo info() { return source.info(); }

        @Override public void close() throws IOException { source.close(); }
    }
}
