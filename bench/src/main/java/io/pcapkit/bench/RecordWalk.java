package io.pcapkit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The I/O floor of a classic PCAP file: read it in 1 MiB blocks and step from record header to record header,
 * touching nothing else. No decoder can be faster than this on the same file; the harness reports decoding as a
 * multiple of it. Usage: {@code java -cp benchmarks.jar io.pcapkit.bench.RecordWalk FILE}.
 */
public final class RecordWalk {
    private RecordWalk() { }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        long records = walk(Path.of(args[0]));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d records in %.3f s (%.0f records/s)%n", records, s, records / s);
    }

    /** Number of records; the file must be classic PCAP (any byte order, µs or ns). */
    static long walk(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            fill(ch, b, 24);
            int magic = b.getInt(0);
            ByteOrder order = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            b.order(order);
            b.position(24);
            long records = 0;
            while (true) {
                if (b.remaining() < 16 && !refill(ch, b, 16)) return records;
                int incl = b.getInt(b.position() + 8);
                if (incl < 0) throw new IOException("bad record length at record " + (records + 1));
                b.position(b.position() + 16);
                long skip = incl;
                while (skip > 0) {
                    if (!b.hasRemaining() && !refill(ch, b, 1)) return records;
                    int step = (int) Math.min(skip, b.remaining());
                    b.position(b.position() + step);
                    skip -= step;
                }
                records++;
            }
        }
    }

    private static void fill(FileChannel ch, ByteBuffer b, int need) throws IOException {
        b.clear();
        while (b.position() < need && ch.read(b) > 0) { }
        b.flip();
        if (b.remaining() < need) throw new IOException("not a capture: shorter than its header");
    }

    private static boolean refill(FileChannel ch, ByteBuffer b, int need) throws IOException {
        b.compact();
        while (b.position() < need && ch.read(b) > 0) { }
        b.flip();
        return b.remaining() >= need;
    }
}
