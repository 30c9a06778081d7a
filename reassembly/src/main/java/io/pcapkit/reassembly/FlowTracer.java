package io.pcapkit.reassembly;

import io.pcapkit.Extraction;
import io.pcapkit.FrameListener;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sorts frames into flows (TCP connections numbered like tcp.stream, UDP conversations), bidirectional by
 * default. Each frame that belongs to a flow goes to the {@link Sink} with its flow, while it is valid: the CLI's
 * {@code trace} writes one capture file per flow from there. IP fragments are reassembled first, so the frame that
 * completes a fragmented datagram joins the datagram's flow (the other fragments belong to no flow).
 *
 * <pre>{@code
 * try (Extraction x = Pcapkit.extract(path).trace(TraceSpec.unidirectional()).open()) {
 *     FlowTracer t = FlowTracer.in(x).onFlow(f -> System.out.println("new flow " + f.label()));
 *     x.drain();
 *     for (Flow f : t.flows()) System.out.println(f + ": " + f.frameCount() + " frames");
 * }
 * }</pre>
 */
public final class FlowTracer implements FrameListener {
    /** Receives each traced frame. */
    public interface Sink {
        void frame(Flow flow, Frame frame);

        default void end() { }
    }

    /** Flows tracked by default: the same bound as TCP connections in {@link ReassemblyOptions#defaults()}. */
    public static final int DEFAULT_MAX_FLOWS = 1 << 20;

    private final boolean unidirectional;
    private final int maxFlows;
    private final List<Sink> sinks = new ArrayList<>();
    private final List<Consumer<Flow>> flowListeners = new ArrayList<>();
    private final Reassembly numbering;
    private final Packet p = new Packet();
    private final Map<Object, Flow> byKey = new HashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    /** Keys of the flows not traced, to count each once; bounded (beyond max(maxFlows, 65,536) counts may repeat). */
    private final java.util.Set<Object> untraced = new java.util.HashSet<>();

    public FlowTracer(boolean unidirectional, Sink sink) {
        this(unidirectional, sink, ReassemblyOptions.defaults(), DEFAULT_MAX_FLOWS);
    }

    /**
     * A tracer whose IP reassembly and connection tracking keep {@code bounds}' limits, tracing at most {@code
     * maxFlows} flows: frames of flows beyond it go to no flow and are counted ({@link Counters#flowsUntraced()},
     * {@link Counters#framesUntraced()}), since every flow traced keeps its frame numbers for the index. Frames go
     * to {@code sink} (when not null) and to the sinks added with {@link #onFrame}.
     */
    public FlowTracer(boolean unidirectional, Sink sink, ReassemblyOptions bounds, int maxFlows) {
        if (maxFlows < 1) throw new IllegalArgumentException("maxFlows must be at least 1");
        this.unidirectional = unidirectional;
        if (sink != null) sinks.add(sink);
        this.maxFlows = maxFlows;
        // IP reassembly and tcp.stream numbering only: no TCP bytes are kept
        this.numbering = Reassembly.of(bounds.withIpv4(true).withIpv6(true).withTcp(false)).keep(false);
    }

    /** A tracer whose frames go to the sinks added with {@link #onFrame}, if any. */
    public FlowTracer(boolean unidirectional) {
        this(unidirectional, null, ReassemblyOptions.defaults(), DEFAULT_MAX_FLOWS);
    }

    /**
     * The tracer attached to {@code x} by {@link Extraction.Builder#trace} (or as a listener).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static FlowTracer in(Extraction x) { return x.attached(FlowTracer.class); }

    /** Each traced frame with its flow, while the frame is valid (called in the order added). */
    public FlowTracer onFrame(Sink s) { sinks.add(Objects.requireNonNull(s)); return this; }

    /** Each new flow, when its first frame arrives (before that frame goes to the sinks). */
    public FlowTracer onFlow(Consumer<Flow> l) { flowListeners.add(Objects.requireNonNull(l)); return this; }

    public boolean unidirectional() { return unidirectional; }

    /** Every flow so far, in order of first appearance. */
    public List<Flow> flows() { return List.copyOf(flows); }

    public Counters counters() { return numbering.counters(); }

    @Override public void start(Engine engine, CaptureInfo info) { numbering.start(engine, info); }

    @Override public void frame(Frame f) {
        numbering.frame(f);
        Frame t = numbering.transportFrame();
        if (t == null || !p.read(t) || p.transport == null || p.quoted) return;
        boolean tcp = p.isTcp();
        byte[] src = p.srcAddr(), dst = p.dstAddr();
        int stream = -1;
        Object key;
        if (tcp) {
            TcpStream s = numbering.streamOfLastFrame();
            if (s == null) return;
            stream = s.index();
            key = unidirectional ? List.of(stream, java.util.Arrays.equals(src, s.client().address())
                    && p.srcPort == s.client().port()) : stream;
        } else {
            key = unidirectional ? new FlowKey(17, src, p.srcPort, dst, p.dstPort) : FlowKey.of(17, src, p.srcPort, dst, p.dstPort);
        }
        Flow flow = byKey.get(key);
        if (flow == null && flows.size() >= maxFlows) {
            Counters c = numbering.counters();
            c.framesUntraced++;
            if (untraced.size() < Math.max(maxFlows, 1 << 16) ? untraced.add(key) : !untraced.contains(key)) c.flowsUntraced++;
            return;
        }
        if (flow == null) {
            flow = new Flow(flows.size(), tcp ? 6 : 17, new Endpoint(src, p.srcPort), new Endpoint(dst, p.dstPort), stream);
            byKey.put(key, flow);
            flows.add(flow);
            for (Consumer<Flow> l : flowListeners) l.accept(flow);
        }
        flow.add(f.number(), f.timestampNanos());
        for (Sink s : sinks) s.frame(flow, f);
    }

    @Override public void end() {
        numbering.end();
        for (Sink s : sinks) s.end();
    }
}
