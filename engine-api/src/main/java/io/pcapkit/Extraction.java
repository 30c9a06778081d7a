package io.pcapkit;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Level;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open extraction: the frames of one capture through one engine. Iterate it once. By default frames stream
 * (each valid until the next one is read); with {@code store(true)} every frame is detached and kept in
 * {@link #frames()}.
 */
public final class Extraction implements Iterable<Frame>, AutoCloseable {
    private final Engine engine;
    private final FrameSource source;
    private final boolean store;
    private final List<Frame> stored = new ArrayList<>();
    private final List<FrameListener> listeners;
    private boolean iterated;
    private boolean ended;

    private Extraction(Engine engine, FrameSource source, boolean store, List<FrameListener> listeners) {
        this.engine = engine;
        this.source = source;
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /** The engine decoding this extraction. */
    public Engine engine() { return engine; }

    private void end() {
        if (ended) return;
        ended = true;
        for (FrameListener l : listeners) l.end();
    }

    /** What the capture's headers said. */
    public CaptureInfo info() { return source.info(); }

    /** The underlying source, for callers that want {@code next()} and its checked exceptions. */
    public FrameSource source() { return source; }

    /** The frames kept so far (with {@code store(true)}), in order. */
    public List<Frame> frames() { return List.copyOf(stored); }

    /**
     * Frames in order. A file error after the last readable frame surfaces as an {@link UncheckedIOException}
     * wrapping the {@link io.pcapkit.spi.CaptureFormatException}.
     */
    @Override public Iterator<Frame> iterator() {
        if (iterated) throw new IllegalStateException("an extraction can be iterated once");
        iterated = true;
        return new Iterator<>() {
            private Frame pending;
            private boolean done;

            @Override public boolean hasNext() {
                if (pending != null) return true;
                if (done) return false;
                try {
                    Frame f = source.next();
                    if (f == null) {
                        done = true;
                        end();
                        return false;
                    }
                    for (int i = 0; i < listeners.size(); i++) listeners.get(i).frame(f);
                    if (store) {
                        f = f.detach();
                        stored.add(f);
                    }
                    pending = f;
                    return true;
                } catch (IOException e) {
                    done = true;
                    end();
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }

            @Override public Frame next() {
                if (!hasNext()) throw new NoSuchElementException();
                Frame f = pending;
                pending = null;
                return f;
            }
        };
    }

    /** The frames as a sequential stream (close the extraction, not the stream). */
    public Stream<Frame> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override public void close() throws IOException {
        try {
            source.close();
        } finally {
            engine.close();
        }
    }

    /** Options of an extraction; {@link #open()} starts it. */
    public static final class Builder {
        private final Path file;
        private final InputStream in;
        private final String name;
        private String engineName = Engines.DEFAULT;
        private final EngineOptions.Builder options = EngineOptions.builder();
        private boolean store;
        private final List<FrameListener> listeners = new ArrayList<>();

        Builder(Path file, InputStream in, String name) {
            this.file = file;
            this.in = in;
            this.name = name;
        }

        /** Engine by name ({@code native}, {@code tshark} …). */
        public Builder engine(String engine) { this.engineName = engine; return this; }

        /** Decode no layer above this level (the original's {@code layer=}). */
        public Builder layer(Level level) { options.stopLevel(level); return this; }

        /** Stop after this protocol (the original's {@code protocol=}). */
        public Builder protocol(String protocol) { options.stopProtocol(protocol); return this; }

        /** Keep every frame (detached copies) in {@link Extraction#frames()}. */
        public Builder store(boolean keep) { this.store = keep; return this; }

        /** A dispatch override in tshark's syntax, e.g. {@code udp.port==8472,vxlan}. */
        public Builder decodeAs(List<String> rules) { options.decodeAs(rules); return this; }

        public Builder workers(int n) { options.workers(n); return this; }

        public Builder option(String key, String value) { options.extra(key, value); return this; }

        /**
         * Hands every frame to {@code l} as the extraction is iterated (repeatable; called in the order added).
         * The reassembly module's {@code Reassembly} and {@code FlowTracer} are listeners.
         */
        public Builder listener(FrameListener l) { listeners.add(java.util.Objects.requireNonNull(l)); return this; }

        public Extraction open() throws IOException {
            EngineProvider p = Engines.discover().require(engineName);
            Engine e = p.create(options.build());
            try {
                FrameSource s = file != null ? e.open(file) : e.open(in, name);
                for (FrameListener l : listeners) l.start(e, s.info());
                return new Extraction(e, s, store, listeners);
            } catch (IOException | RuntimeException ex) {
                e.close();
                throw ex;
            }
        }
    }
}
