package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureInfo;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the packet records of one capture, streaming, into a reused {@link Record}.
 */
public interface RecordReader extends Closeable {
    /** The headers read so far (PCAPNG interfaces grow as their blocks are met). */
    CaptureInfo info();

    /**
     * Fills {@code rec} with the next packet record. Returns false at a clean end of file. A damaged file throws
     * {@link io.pcapkit.spi.CaptureFormatException} (file, offset, reason) only after every good record before the
     * damage has been returned.
     */
    boolean next(Record rec) throws IOException;
}
