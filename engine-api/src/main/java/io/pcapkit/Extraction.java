package io.pcapkit;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Level;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.ReassemblyProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open extraction: the frames of one capture through one engine. Iterate it once. By default frames stream
 * (each valid until the next one is read); with {@code store(true)} every frame is detached and kept in
 * {@link #frames()}.
 *
 * <p>With the {@code reassembly} module on the class path, {@link Builder#reassemble} and {@link Builder#trace}
 * attach a reassembly and a flow tracer; {@link #attached(Class)} hands them back, typed, for callbacks (register
 * them before iterating: they fire as results become ready) and for the results (kept as they come, complete once
 * the frames are read):
 *
 * <pre>{@code
 * import static io.pcapkit.ReassemblyKind.*;
 *
 * try (Extraction x = Pcapkit.extract(path).reassemble(IPV4, IPV6, TCP).trace(TraceSpec.bidirectional()).open()) {
 *     Reassembly r = x.attached(Reassembly.class);
 *     r.onDatagram(d -> System.out.println(d.key() + " " + d.bytes().length + " bytes"))
 *      .onChunk((s, c) -> System.out.println("stream " + s.index() + ": " + c.data().length + " bytes"));
 *     for (Frame f : x) { }                         // or x.drain()
 *     for (TcpStream s : r.streams()) System.out.println(s + " " + s.bytes(false) + "/" + s.bytes(true));
 *     for (Flow f : x.attached(FlowTracer.class).flows()) System.out.println(f.label());
 * }
 * }</pre>
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

    /**
     * The first listener of this type attached to the extraction: by {@link Builder#reassemble} or
     * {@link Builder#trace} (the reassembly module's {@code Reassembly}, {@code FlowTracer}), or by
     * {@link Builder#listener}.
     *
     * @throws IllegalArgumentException when none is
     */
    public <T> T attached(Class<T> type) {
        for (FrameListener l : listeners) if (type.isInstance(l)) return type.cast(l);
        List<String> have = listeners.stream().map(l -> l.getClass().getSimpleName()).toList();
        throw new IllegalArgumentException("no " + type.getSimpleName() + " is attached to this extraction"
                + (have.isEmpty() ? "" : " (attached: " + String.join(", ", have) + ")")
                + "; attach one with reassemble(...), trace(...) or listener(...)");
    }

    /**
     * Reads every remaining frame, so the attached listeners see them all and their results are complete; returns
     * this extraction. Instead of iterating it: {@code x.drain().attached(Reassembly.class).streams()}.
     */
    public Extraction drain() {
        for (Iterator<Frame> it = iterator(); it.hasNext(); ) it.next();
        return this;
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
        private FrameListener reassembly;
        private FrameListener tracer;

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
        public Builder listener(FrameListener l) { listeners.add(Objects.requireNonNull(l)); return this; }

        /**
         * Reassembles IP fragments and/or TCP streams while the frames are read (no kinds: all three, as the CLI's
         * {@code reassemble}; the last call wins): the reassembly module's {@code Reassembly}, reachable through
         * {@link Extraction#attached(Class)}. It sees each frame before the {@link #listener listeners} do.
         *
         * @throws IllegalStateException when the reassembly module is not on the class path
         */
        public Builder reassemble(ReassemblyKind... kinds) {
            EnumSet<ReassemblyKind> set = EnumSet.noneOf(ReassemblyKind.class);
            for (ReassemblyKind k : kinds) set.add(Objects.requireNonNull(k));
            if (set.isEmpty()) set = EnumSet.allOf(ReassemblyKind.class);
            this.reassembly = provider("reassemble(...)").reassembly(set);
            return this;
        }

        /**
         * Sorts the frames into flows while they are read (the last call wins): the reassembly module's
         * {@code FlowTracer}, reachable through {@link Extraction#attached(Class)}.
         *
         * @throws IllegalStateException when the reassembly module is not on the class path
         */
        public Builder trace(TraceSpec spec) {
            this.tracer = provider("trace(...)").tracer(Objects.requireNonNull(spec));
            return this;
        }

        /** {@code trace(TraceSpec.bidirectional())}. */
        public Builder trace() { return trace(TraceSpec.bidirectional()); }

        private static ReassemblyProvider provider(String what) {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl == null) cl = Extraction.class.getClassLoader();
            for (ReassemblyProvider p : ServiceLoader.load(ReassemblyProvider.class, cl)) return p;
            throw new IllegalStateException(what + " needs the pcapkit reassembly module (io.pcapkit:reassembly) on "
                    + "the class path; without it, attach your own FrameListener with listener(...)");
        }

        public Extraction open() throws IOException {
            EngineProvider p = Engines.discover().require(engineName);
            Engine e = p.create(options.build());
            // the attached reassembly first: a tracer or a user listener may ask it about the frame just handed in
            List<FrameListener> all = new ArrayList<>(listeners.size() + 2);
            if (reassembly != null) all.add(reassembly);
            if (tracer != null) all.add(tracer);
            all.addAll(listeners);
            try {
                FrameSource s = file != null ? e.open(file) : e.open(in, name);
                for (FrameListener l : all) l.start(e, s.info());
                return new Extraction(e, s, store, all);
            } catch (IOException | RuntimeException ex) {
                e.close();
                throw ex;
            }
        }
    }
}
