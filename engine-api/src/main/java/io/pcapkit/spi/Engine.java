package io.pcapkit.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One configured engine. Opens capture inputs as {@link FrameSource}s; may hold resources (threads, a subprocess)
 * released by {@link #close()}.
 */
public interface Engine extends AutoCloseable {
    /** The provider's name. */
    String name();

    /** Opens a capture file; the format is told by its magic, not its name. */
    FrameSource open(Path file) throws IOException;

    /**
     * Opens a capture read from a stream (stdin, a pipe). {@code displayName} names it in messages.
     * Engines without {@link Capability#STREAM_INPUT} throw {@link UnsupportedOperationException}.
     */
    FrameSource open(InputStream in, String displayName) throws IOException;

    /**
     * Decodes bytes that were never a record of the capture (a reassembled IP datagram, say) as one frame of
     * {@code linkType}, so the layers above the reassembly are the engine's own. The frame returned is new and
     * independent of any source. Engines that cannot decode outside a capture keep this default, which throws
     * {@link UnsupportedOperationException}; callers then keep the bytes undecoded.
     *
     * @param number         the frame number to give it (the capture's frame that completed the bytes)
     * @param timestampNanos capture time of that frame, epoch nanoseconds
     */
    default io.pcapkit.model.Frame decode(io.pcapkit.model.LinkType linkType, byte[] data, long number,
                                          long timestampNanos) {
        throw new UnsupportedOperationException("engine " + name() + " cannot decode bytes outside a capture");
    }

    /**
     * Whether this engine can produce a field of that name. Engines that learn names at run time (tshark) know
     * more than the declarations made so far.
     */
    default boolean knowsField(String name) { return io.pcapkit.model.Fields.find(name) != null; }

    @Override default void close() { }
}
