package io.pcapkit.spi;

import io.pcapkit.model.Frame;

import java.io.IOException;

/**
 * Turns one decoded frame into its output bytes, on the thread that decoded it: how an engine decoding on several
 * threads also renders in parallel (see {@link EngineOptions#renderer()}). Each worker thread gets its own
 * instance, so an implementation may keep per-thread scratch state but must not depend on the frames other threads
 * see (no "previous frame" state).
 */
@FunctionalInterface
public interface FrameRenderer {
    void render(Frame frame, RenderBuffer out) throws IOException;
}
