package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes one output document, streaming: the capture's header block, then each frame as it comes (written and
 * forgotten, so memory stays flat whatever the capture's size), then the document's end.
 *
 * <p>Call {@link #header} at most once, before the first frame; it may be skipped (a document of frames only, as
 * one-file-per-frame output writes). {@link #close()} finishes the document and flushes, but leaves the underlying
 * stream open: whoever opened it closes it.
 */
public interface Dumper extends Closeable {
    /** The header block: PCAP global header, or PCAPNG section and interface blocks. */
    void header(CaptureInfo info) throws IOException;

    /** One frame; it is not kept, so a reused frame may change after this returns. */
    void frame(Frame frame) throws IOException;

    /**
     * A renderer of this format's frame entries, one per decoding thread, when the format can render frames apart
     * from the document (the bytes are then placed with {@link #rendered}); null when it cannot.
     */
    default FrameRenderer renderer() { return null; }

    /** One frame whose entry a {@link #renderer()} of this dumper already rendered into {@code bytes}. */
    default void rendered(Frame frame, RenderBuffer bytes) throws IOException { frame(frame); }

    /** Ends the document and flushes; never closes the stream the dumper writes to. */
    @Override void close() throws IOException;
}
