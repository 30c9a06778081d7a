package io.pcapkit.spi;

import io.pcapkit.model.Frame;

import java.io.IOException;

/**
 * Frames of one capture, one at a time. The frame returned by {@link #next()} is valid until the following call
 * (sources reuse it); {@link Frame#detach()} keeps one.
 *
 * <p>A damaged file: every frame that could be read is returned first, then {@code next()} throws a
 * {@link CaptureFormatException} naming the file, the byte offset and the reason.
 */
public interface FrameSource extends AutoCloseable {
    /** The next frame, or null at the end of the capture. */
    Frame next() throws IOException;

    /** What the file header(s) said; PCAPNG interfaces are added as their blocks are read. */
    CaptureInfo info();

    /**
     * The bytes {@link EngineOptions#renderer()} produced for the frame last returned by {@link #next()}, when
     * this source rendered it on a worker thread; null when the caller must render the frame itself.
     */
    default RenderBuffer rendered() { return null; }

    @Override void close() throws IOException;
}
