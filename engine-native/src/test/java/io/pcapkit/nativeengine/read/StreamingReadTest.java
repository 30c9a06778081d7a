package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static io.pcapkit.nativeengine.read.CaptureBytes.LE;
import static io.pcapkit.nativeengine.read.CaptureBytes.BE;
import static io.pcapkit.nativeengine.read.CaptureBytes.Ng;
import static io.pcapkit.nativeengine.read.CaptureBytes.concat;
import static io.pcapkit.nativeengine.read.CaptureBytes.packet;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapHeader;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapRecord;
import static io.pcapkit.nativeengine.read.CaptureBytes.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming side of the readers: pipes, views instead of copies, flat memory, offsets past 2 GiB. */
class StreamingReadTest {
    static final int MAX = EngineOptions.DEFAULT_MAX_FRAME_BYTES;

    /** stdin is read the same way as a file, even when the pipe hands out 0 to 3 bytes per read. */
    @Test void aSlowPipeGivesTheSameRecords() {
        byte[] pcap = concat(pcapHeader(0xa1b2c3d4, BE), pcapRecord(BE, 1, 2, packet(60)),
                pcapRecord(BE, 3, 4, packet(1)), pcapRecord(BE, 5, 6, packet(0)));
        Ng ng = new Ng().shb(LE).idb(1, 0, new byte[0]).epb(0, 77, packet(60)).shb(BE).idb(101, 0, new byte[0])
                .spb(33, packet(33)).block(0xBAD, new byte[8]);
        for (byte[] file : new byte[][] {pcap, ng.bytes()}) {
            var whole = readAll(file);
            var piped = readAll(CaptureBytes.trickle(file), MAX);
            assertNull(whole.error());
            assertNull(piped.error());
            assertEquals(whole.records().size(), piped.records().size());
            for (int i = 0; i < whole.records().size(); i++) {
                var a = whole.records().get(i);
                var b = piped.records().get(i);
                assertEquals(a.ts(), b.ts());
                assertEquals(a.origLen(), b.origLen());
                assertEquals(a.iface(), b.iface());
                assertArrayEquals(a.data(), b.data());
            }
        }
    }

    /** Records are views into the reader's one buffer: the same array every time, no copy per frame. */
    @Test void recordsAreViewsIntoOneBuffer() throws IOException {
        byte[] file = concat(pcapHeader(0xa1b2c3d4, LE), pcapRecord(LE, 1, 2, packet(60)), pcapRecord(LE, 1, 2, packet(70)));
        try (RecordReader r = CaptureReaders.open(new ByteArrayInputStream(file), "x", MAX)) {
            Record rec = new Record();
            assertTrue(r.next(rec));
            byte[] first = rec.data;
            assertEquals(24 + 16, rec.offset);
            assertEquals(ByteInput.INITIAL_SIZE, first.length);
            assertTrue(r.next(rec));
            assertSame(first, rec.data);
            assertEquals(24 + 16 + 60 + 16, rec.offset);
            assertEquals(69, rec.data[rec.offset + 69]);
        }
    }

    /** A record bigger than the 1 MiB buffer grows it; a claimed size without the bytes never allocates it. */
    @Test void bufferGrowsOnlyForBytesThatArrive() throws IOException {
        int big = 3 << 20;
        byte[] file = concat(pcapHeader(0xa1b2c3d4, LE, 2, 4, 0, 1), pcapRecord(LE, 1, 2, packet(big)));
        var r = readAll(file);
        assertNull(r.error());
        assertEquals(big, r.records().getFirst().capLen());
        assertArrayEquals(packet(big), r.records().getFirst().data());

        // 200 MiB claimed, 100 bytes present: an error, and the buffer stayed at its size
        byte[] liar = concat(pcapHeader(0xa1b2c3d4, LE), pcapRecord(LE, 1, 2, packet(100), 200 << 20, 200 << 20));
        ByteInput in = new ByteInput(new ByteArrayInputStream(liar), "liar", false);
        RecordReader reader = new PcapReader(in, "liar", MAX);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> reader.next(new Record()));
        assertEquals("cut short in the middle of a packet record: 100 of 209715200 bytes", e.reason());
        assertEquals(ByteInput.INITIAL_SIZE, in.buf.length);
    }

    /**
     * 2.2 GB of 64 KiB records from a generator, then a cut record: every record is read with the buffer at 1 MiB,
     * and the error names an offset past 2^31.
     */
    @Test void offsetsPastTwoGigabytesAndFlatMemory() throws IOException {
        byte[] header = pcapHeader(0xa1b2c3d4, LE, 2, 4, 65535, 1);
        byte[] record = pcapRecord(LE, 1_700_000_000L, 1, packet(65_535));
        long records = 34_000;   // 34000 * 65551 bytes = 2.23 GB
        long size = header.length + records * record.length + 1000;
        InputStream gen = new InputStream() {
            long pos;

            @Override public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (pos >= size) return -1;
                int n = (int) Math.min(len, size - pos);
                for (int i = 0; i < n; ) {
                    if (pos < header.length) {
                        b[off + i++] = header[(int) pos++];
                        continue;
                    }
                    int in = (int) ((pos - header.length) % record.length);
                    int k = Math.min(n - i, record.length - in);
                    System.arraycopy(record, in, b, off + i, k);
                    i += k;
                    pos += k;
                }
                return n;
            }
        };
        long count = 0;
        try (RecordReader r = CaptureReaders.open(gen, "generated", MAX)) {
            Record rec = new Record();
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> {
                while (r.next(rec)) {
                    if (rec.data.length != ByteInput.INITIAL_SIZE) throw new AssertionError("buffer grew");
                }
            });
            assertEquals(header.length + records * record.length, e.offset());
            assertTrue(e.offset() > Integer.MAX_VALUE);
            assertEquals("cut short in the middle of a packet record: 984 of 65535 bytes", e.reason());
            count = rec.fileOffset;
        }
        assertEquals(header.length + (records - 1) * record.length, count, "the last good record's offset");
    }
}
