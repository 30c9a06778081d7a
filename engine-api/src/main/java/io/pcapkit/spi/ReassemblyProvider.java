package io.pcapkit.spi;

import io.pcapkit.FrameListener;
import io.pcapkit.ReassemblyKind;
import io.pcapkit.TraceSpec;

import java.util.Set;

/**
 * Makes the listeners behind {@link io.pcapkit.Extraction.Builder#reassemble} and
 * {@link io.pcapkit.Extraction.Builder#trace}. The {@code reassembly} module provides it through {@link
 * java.util.ServiceLoader} (as engines are provided), so engine-api names no reassembly type and depends on nothing.
 */
public interface ReassemblyProvider {
    /** A reassembly of these kinds (the module's {@code Reassembly}). */
    FrameListener reassembly(Set<ReassemblyKind> kinds);

    /** A flow tracer (the module's {@code FlowTracer}). */
    FrameListener tracer(TraceSpec spec);
}
