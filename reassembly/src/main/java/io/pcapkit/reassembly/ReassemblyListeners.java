package io.pcapkit.reassembly;

import io.pcapkit.FrameListener;
import io.pcapkit.ReassemblyKind;
import io.pcapkit.TraceSpec;
import io.pcapkit.spi.ReassemblyProvider;

import java.util.Set;

/**
 * What {@code Extraction.Builder.reassemble(...)} and {@code .trace(...)} find through {@link java.util.ServiceLoader}
 * (registered in META-INF/services): a {@link Reassembly} and a {@link FlowTracer}, with their defaults.
 */
public final class ReassemblyListeners implements ReassemblyProvider {
    @Override public FrameListener reassembly(Set<ReassemblyKind> kinds) {
        return Reassembly.of(kinds.toArray(ReassemblyKind[]::new));
    }

    @Override public FrameListener tracer(TraceSpec spec) { return new FlowTracer(spec.splitDirections()); }
}
