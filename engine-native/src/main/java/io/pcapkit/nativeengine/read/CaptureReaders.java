package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.zip.GZIPInputStream;

/** Opens the right {@link RecordReader} for a capture by its magic number (never by its file name). */
public final class CaptureReaders {
    /** Headroom under the JVM's largest array for one record plus its block header and options. */
    private static final int LARGEST_RECORD = Integer.MAX_VALUE - (1 << 20);

    private CaptureReaders() { }

    /**
     * Detects PCAP (four magics, and the "modified" one) or PCAPNG from the first bytes of {@code in} and returns
     * its reader. A gzip-compressed capture (as tshark reads them) is uncompressed on the fly. {@code name} is used
     * in messages; {@code maxFrameBytes} bounds one record's captured length.
     */
    public static RecordReader open(InputStream in, String name, int maxFrameBytes) throws IOException {
        int limit = Math.min(maxFrameBytes, LARGEST_RECORD);
        ByteInput b = new ByteInput(in, name, false);
        int magic = magic(b, name);
        if ((magic >>> 16) == 0x1f8b) {
            // gzip: what is already buffered, then the rest of the stream
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(b.buf, b.pos, b.buffered()), in);
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(rest, 1 << 16);
            } catch (IOException e) {
                throw new CaptureFormatException(name, 0, "not a capture file: damaged gzip header (" + e.getMessage()
                        + ")");
            }
            b = new ByteInput(gz, name, true);
            magic = magic(b, name);
        }
        switch (magic) {
            case PcapReader.MAGIC_USEC, PcapReader.MAGIC_NSEC, PcapReader.MAGIC_MODIFIED -> {
                return new PcapReader(b, name, limit);
            }
            default -> {
                int swapped = Integer.reverseBytes(magic);
                if (swapped == PcapReader.MAGIC_USEC || swapped == PcapReader.MAGIC_NSEC
                        || swapped == PcapReader.MAGIC_MODIFIED) {
                    return new PcapReader(b, name, limit);
                }
                if (magic == PcapngReader.SHB) return new PcapngReader(b, name, limit);
                throw new CaptureFormatException(name, 0, String.format("not a capture file: unknown magic 0x%08x",
                        magic));
            }
        }
    }

    /** The first four bytes, big-endian. */
    private static int magic(ByteInput b, String name) throws IOException {
        if (!b.fill(4)) {
            throw new CaptureFormatException(name, 0, b.buffered() == 0 ? "empty input: not a capture file"
                    : "not a capture file: only " + b.buffered() + " bytes");
        }
        return b.i32(b.pos, true);
    }
}
