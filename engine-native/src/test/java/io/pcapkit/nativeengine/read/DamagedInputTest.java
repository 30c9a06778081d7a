package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static io.pcapkit.nativeengine.read.CaptureBytes.BE;
import static io.pcapkit.nativeengine.read.CaptureBytes.LE;
import static io.pcapkit.nativeengine.read.CaptureBytes.Ng;
import static io.pcapkit.nativeengine.read.CaptureBytes.concat;
import static io.pcapkit.nativeengine.read.CaptureBytes.packet;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapHeader;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapRecord;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever the bytes, a reader hands out records whose views lie inside their buffer and ends either cleanly or
 * with a {@link CaptureFormatException}: never another exception. Seeded mutations (byte changes, 0xFFFFFFFF
 * lengths, bit flips, truncation) of small PCAP, PCAPNG and gzip files, so a failure can be replayed.
 */
class DamagedInputTest {
    @Test void mutatedFilesEndInACaptureFormatExceptionAtWorst() throws IOException {
        Ng ng = new Ng().shb(LE);
        ng.idb(1, 96, concat(ng.opt(2, "eth0"), ng.opt(9, new byte[] {9}), ng.end())).epb(0, 5, packet(60))
                .spb(80, packet(96)).block(0xBAD, new byte[12]).block(4, new byte[4]).shb(BE).idb(101, 0, new byte[0])
                .pb(0, 7, packet(20)).epb(0, 9, packet(33), 40);
        byte[] pcap = concat(pcapHeader(0xa1b2c3d4, LE), pcapRecord(LE, 1, 2, packet(60)),
                pcapRecord(LE, 3, 4, packet(10), 10, 80), pcapRecord(LE, 5, 6, packet(0)));
        byte[] modified = concat(pcapHeader(0xa1b2cd34, BE), CaptureBytes.buf(24, BE).putInt(1).putInt(2).putInt(4)
                .putInt(4).putInt(1).putShort((short) 0x800).array(), packet(4));
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
            gz.write(pcap);
        }
        List<byte[]> seeds = List.of(ng.bytes(), pcap, modified, z.toByteArray());
        Random rnd = new Random(20240601);
        int errors = 0;
        for (int i = 0; i < 4_000; i++) {
            byte[] s = seeds.get(i % seeds.size()).clone();
            for (int m = 1 + rnd.nextInt(6); m > 0 && s.length > 0; m--) {
                int p = rnd.nextInt(s.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> s[p] = (byte) rnd.nextInt(256);
                    case 1 -> {
                        for (int k = p; k < Math.min(s.length, p + 4); k++) s[k] = (byte) 0xFF;
                    }
                    case 2 -> s = Arrays.copyOf(s, p);
                    default -> s[p] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            try (RecordReader r = CaptureReaders.open(new ByteArrayInputStream(s), "mutant-" + i, 1 << 20)) {
                Record rec = new Record();
                for (int n = 0; r.next(rec); n++) {
                    assertTrue(rec.offset >= 0 && rec.offset + rec.capturedLength <= rec.data.length,
                            "record view outside its buffer, mutant " + i);
                    assertTrue(n < 10_000, "runaway reader, mutant " + i);
                }
            } catch (CaptureFormatException expected) {
                errors++;
            } catch (IOException | RuntimeException e) {
                fail("mutant " + i + " (seed " + (i % seeds.size()) + "): " + e, e);
            }
        }
        assertTrue(errors > 500, "the mutations should damage most files, damaged " + errors);
    }
}
