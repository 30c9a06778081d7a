package io.pcapkit.reassembly;

import io.pcapkit.Extraction;
import io.pcapkit.FrameListener;
import io.pcapkit.ReassemblyKind;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * IP defragmentation and TCP stream reassembly over the frames of any engine. Ask the extraction for it and
 * iterate; results arrive through callbacks as they are ready, and are kept (unless told not to) for
 * {@link #datagrams()} and {@link #streams()}, complete once the extraction ends:
 *
 * <pre>{@code
 * import static io.pcapkit.ReassemblyKind.*;
 *
 * try (Extraction x = Pcapkit.extract(path).reassemble(IPV4, IPV6, TCP).open()) {
 *     Reassembly r = Reassembly.in(x)
 *             .onDatagram(d -> System.out.println(d.key() + " " + d.status()))
 *             .onChunk((stream, chunk) -> System.out.println(stream.index() + ": " + chunk.data().length + " bytes"));
 *     for (Frame f : x) { }                                     // callbacks fire while the frames stream
 *     for (TcpStream s : r.streams()) System.out.println(s + " " + s.status());
 * }
 * }</pre>
 *
 * Without a loop: {@code Reassembly.streamsOf(x)} / {@code datagramsOf(x)} stream the results, reading frames as
 * needed; {@code Reassembly.of(IPV4, TCP).over(Pcapkit.extract(path))} runs a whole capture. The same object also
 * works as a plain listener: {@code Pcapkit.extract(path).listener(Reassembly.of(TCP))}.
 *
 * It reads only the model (the protocol chain and the frame's raw bytes), so every engine gives the same results.
 * A completed datagram is handed back to the engine to decode ({@link Engine#decode}); its TCP segment joins its
 * stream then, as in tshark.
 */
public final class Reassembly implements FrameListener {
    private ReassemblyOptions opt;
    private final Counters counters = new Counters();
    private final List<Consumer<Datagram>> datagramListeners = new ArrayList<>();
    private final List<StreamListener> streamListeners = new ArrayList<>();
    private final List<Datagram> datagrams = new ArrayList<>();
    private final List<TcpStream> streams = new ArrayList<>();
    private boolean keep = true;
    private Engine engine;
    /** The default engine, for datagrams {@link #engine} cannot decode (made on first need). */
    private Engine fallback;
    private IpDefragmenter ip;
    private TcpReassembler tcp;
    private final Packet packet = new Packet();
    private boolean decodeWarned;
    private final List<String> notes = new ArrayList<>();
    private TcpStream frameStream;
    private Frame transportFrame;

    private Reassembly(ReassemblyOptions opt) { this.opt = opt; }

    public static Reassembly of(ReassemblyKind... kinds) {
        ReassemblyOptions o = ReassemblyOptions.defaults();
        for (ReassemblyKind k : kinds) {
            o = switch (k) {
                case IPV4 -> o.withIpv4(true);
                case IPV6 -> o.withIpv6(true);
                case TCP -> o.withTcp(true);
            };
        }
        return new Reassembly(o);
    }

    public static Reassembly of(ReassemblyOptions options) { return new Reassembly(options); }

    /**
     * The reassembly attached to {@code x} by {@link Extraction.Builder#reassemble} (or as a listener).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static Reassembly in(Extraction x) { return x.attached(Reassembly.class); }

    /**
     * The datagrams of {@code x}'s reassembly as they leave the defragmenter (complete, or given up), reading
     * {@code x}'s frames as needed: the frames are consumed by this stream, and callbacks fire as usual.
     */
    public static Stream<Datagram> datagramsOf(Extraction x) {
        Reassembly r = in(x);
        ArrayDeque<Datagram> ready = new ArrayDeque<>();
        r.onDatagram(ready::add);
        return pull(x, ready);
    }

    /**
     * The TCP connections of {@code x}'s reassembly as they close (port reuse, the idle time-out when set, eviction,
     * the end of the capture; a FIN or RST alone does not, as retransmissions may follow), reading {@code x}'s
     * frames as needed; their bytes went to the chunk callbacks.
     */
    public static Stream<TcpStream> streamsOf(Extraction x) {
        Reassembly r = in(x);
        ArrayDeque<TcpStream> ready = new ArrayDeque<>();
        r.onStream(new StreamListener() {
            @Override public void chunk(TcpStream s, TcpChunk c) { }

            @Override public void closed(TcpStream s) { ready.add(s); }
        });
        return pull(x, ready);
    }

    /** A stream of what the frames of {@code x} put into {@code ready}, reading a frame whenever it is empty. */
    private static <T> Stream<T> pull(Extraction x, ArrayDeque<T> ready) {
        Iterator<Frame> frames = x.iterator();
        Iterator<T> it = new Iterator<>() {
            @Override public boolean hasNext() {
                while (ready.isEmpty() && frames.hasNext()) frames.next();
                return !ready.isEmpty();
            }

            @Override public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Runs a whole extraction through this reassembly and returns it (results in {@link #datagrams()} …). */
    public Reassembly over(Extraction.Builder extraction) throws IOException {
        try (Extraction x = extraction.listener(this).open()) {
            for (Frame f : x) {
                // the frames are consumed by the listener
                f.number();
            }
        }
        return this;
    }

    public ReassemblyOptions options() { return opt; }

    /** Changes the options (before the first frame). */
    public Reassembly options(ReassemblyOptions o) { this.opt = o; return this; }

    public Reassembly onDatagram(Consumer<Datagram> l) { datagramListeners.add(l); return this; }

    public Reassembly onStream(StreamListener l) { streamListeners.add(l); return this; }

    /** Shorthand for a stream listener that only wants the bytes. */
    public Reassembly onChunk(java.util.function.BiConsumer<TcpStream, TcpChunk> l) {
        return onStream(l::accept);
    }

    /** Keep datagrams and stream records for {@link #datagrams()} / {@link #streams()} (default true). */
    public Reassembly keep(boolean on) { this.keep = on; return this; }

    public List<Datagram> datagrams() { return List.copyOf(datagrams); }

    /** Every TCP connection seen, in tcp.stream order. */
    public List<TcpStream> streams() { return List.copyOf(streams); }

    public Counters counters() { return counters; }

    /** Things worth telling the user once (e.g. the engine cannot decode reassembled datagrams). */
    public List<String> notes() { return List.copyOf(notes); }

    /** The TCP connection of the frame just handed in (null when it was none): flow tracing uses it. */
    public TcpStream streamOfLastFrame() { return frameStream; }

    /**
     * The frame holding the transport header of the frame just handed in: that frame itself, or the decoded
     * datagram it completed; null when it had none.
     */
    public Frame transportFrame() { return transportFrame; }

    /** Datagrams being reassembled and bytes they hold, TCP connections live and out-of-order bytes held. */
    public long[] footprint() {
        init();
        return new long[] {ip.buffered(), ip.bytesHeld(), tcp.liveConnections(), tcp.heldBytes()};
    }

    @Override public void start(Engine e, CaptureInfo info) {
        this.engine = e;
        init();
    }

    private void init() {
        if (ip != null) return;
        ip = new IpDefragmenter(opt, counters, this::datagram);
        tcp = new TcpReassembler(opt, counters, new StreamListener() {
            @Override public void opened(TcpStream s) {
                if (keep) streams.add(s);
                for (StreamListener l : streamListeners) l.opened(s);
            }

            @Override public void chunk(TcpStream s, TcpChunk c) {
                for (StreamListener l : streamListeners) l.chunk(s, c);
            }

            @Override public void closed(TcpStream s) {
                for (StreamListener l : streamListeners) l.closed(s);
            }
        });
    }

    @Override public void frame(Frame f) {
        init();
        frameStream = null;
        transportFrame = null;
        handle(packet, f, f.number(), f.timestampNanos(), 0);
    }

    private void handle(Packet p, Frame f, long number, long nanos, int depth) {
        if (!p.read(f)) return;
        if (p.fragment) {
            Datagram d = ip.add(p);
            if (d != null) datagram(d, number, nanos, depth);
            return;
        }
        if (p.transport != null) transportFrame = f;
        if (p.isTcp()) {
            tcp.segment(p, number, nanos);
            frameStream = tcp.current;
        }
    }

    /** A datagram that left the defragmenter by time-out, eviction or the end of the capture. */
    private void datagram(Datagram d) {
        if (keep) datagrams.add(d);
        for (Consumer<Datagram> l : datagramListeners) l.accept(d);
    }

    private void datagram(Datagram d, long number, long nanos, int depth) {
        Frame decoded = null;
        if (d.status() == Datagram.Status.COMPLETE && engine != null) {
            LinkType lt = d.key().version() == 4 ? LinkType.IPV4 : LinkType.IPV6;
            try {
                decoded = engine.decode(lt, d.bytes(), number, nanos);
            } catch (UnsupportedOperationException e) {
                decoded = decodeWithDefaultEngine(e, lt, d.bytes(), number, nanos);
            }
        }
        Datagram done = decoded == null ? d : new Datagram(d.status(), d.key(), d.frames(), d.header(), d.payload(),
                d.holes(), d.overlapBytes(), d.conflictBytes(), d.firstNanos(), d.lastNanos(), decoded);
        datagram(done);
        // what the datagram carried joins its stream (a fragmented datagram inside one, too, up to a depth)
        if (decoded != null && depth < 2) handle(new Packet(), decoded, number, nanos, depth + 1);
    }

    /**
     * An engine that cannot decode bytes outside a capture (tshark reads files) has its reassembled datagrams
     * decoded by the default engine, so its TCP inside them still joins its stream and every engine gives the same
     * streams; said once in the notes. Without a default engine the datagram stays bytes.
     */
    private Frame decodeWithDefaultEngine(UnsupportedOperationException why, LinkType lt, byte[] bytes, long number,
                                          long nanos) {
        if (fallback == null && !decodeWarned) {
            decodeWarned = true;
            try {
                fallback = io.pcapkit.spi.Engines.discover().require(io.pcapkit.spi.Engines.DEFAULT)
                        .create(io.pcapkit.spi.EngineOptions.defaults());
                notes.add(why.getMessage() + ": reassembled datagrams are decoded by the "
                        + io.pcapkit.spi.Engines.DEFAULT + " engine");
            } catch (RuntimeException e) {
                notes.add(why.getMessage() + ": reassembled datagrams are kept as bytes, their TCP not followed");
            }
        }
        if (fallback == null) return null;
        try {
            return fallback.decode(lt, bytes, number, nanos);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    @Override public void end() {
        init();
        ip.flush();
        tcp.flush();
    }
}
