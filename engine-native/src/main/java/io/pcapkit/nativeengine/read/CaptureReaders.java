package io.pcapkit.nativeengine.read;

import java.io.IOException;
import java.io.InputStream;

/** Opens the right {@link RecordReader} for a capture by its magic number (never by its file name). */
public final class CaptureReaders {
    private CaptureReaders() { }

    /**
     * Detects PCAP (four magics) or PCAPNG from the first bytes of {@code in} and returns its reader.
     * {@code name} is used in messages; {@code maxFrameBytes} bounds one record's captured length.
     */
    public static RecordReader open(InputStream in, String name, int maxFrameBytes) throws IOException {
        throw new UnsupportedOperationException("reader not written yet");
    }
}
