package io.pcapkit;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;

/**
 * Something that watches every frame of an {@link Extraction} as it streams by: reassembly, flow tracing, analysis.
 * It lives outside engine-api (the {@code reassembly} module implements it), so the builder stays engine-agnostic
 * and engine-api depends on nothing: {@code Pcapkit.extract(p).listener(reassembly).open()}.
 */
public interface FrameListener {
    /** Called once by {@link Extraction.Builder#open()}, before the first frame; the engine can decode bytes. */
    default void start(Engine engine, CaptureInfo info) { }

    /** Each frame in order, while it is valid: keep what you need, not the frame (or {@link Frame#detach()} it). */
    void frame(Frame frame);

    /** After the last frame (or the damage that ended the file). */
    default void end() { }
}
