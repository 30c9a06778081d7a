package io.pcapkit.nativeengine.read;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.pcapkit.nativeengine.read.CaptureBytes.BE;
import static io.pcapkit.nativeengine.read.CaptureBytes.LE;
import static io.pcapkit.nativeengine.read.CaptureBytes.concat;
import static io.pcapkit.nativeengine.read.CaptureBytes.cut;
import static io.pcapkit.nativeengine.read.CaptureBytes.packet;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapHeader;
import static io.pcapkit.nativeengine.read.CaptureBytes.pcapRecord;
import static io.pcapkit.nativeengine.read.CaptureBytes.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PCAP reader on hand-built files (see {@link CaptureBytes}); expected values are what tshark 4.0 printed for
 * the same bytes ({@code -T fields -e frame.time_epoch -e frame.len -e frame.cap_len}).
 */
class PcapReaderTest {
    static final long SEC = 1_700_000_000L;

    private static byte[] twoRecords(int magic, ByteOrder o, long frac1, long frac2) {
        return concat(pcapHeader(magic, o), pcapRecord(o, SEC, frac1, packet(60)),
                pcapRecord(o, SEC + 1, frac2, packet(42), 42, 1514));
    }

    @Test void microsecondLittleEndian() {
        // tshark: 1700000000.123456000 60 60 / 1700000001.000001000 1514 42
        var r = readAll(twoRecords(0xa1b2c3d4, LE, 123_456, 1));
        assertNull(r.error());
        assertEquals(2, r.records().size());
        assertEquals(1_700_000_000_123_456_000L, r.records().get(0).ts());
        assertEquals(1_700_000_001_000_001_000L, r.records().get(1).ts());
        assertEquals(42, r.records().get(1).capLen());
        assertEquals(1514, r.records().get(1).origLen());
        assertEquals(Frame.NO_INTERFACE, r.records().get(0).iface(), "tshark shows no frame.interface_id for PCAP");
        assertEquals(1, r.records().get(0).linkType());
        assertArrayEquals(packet(60), r.records().get(0).data());
        CaptureInfo info = r.reader().info();
        assertEquals(CaptureInfo.Format.PCAP, info.format());
        assertEquals(List.of("magic_number", "version_major", "version_minor", "thiszone", "sigfigs", "snaplen",
                "network", "byteorder", "nanosecond"), List.copyOf(info.header().keySet()));
        assertEquals("0xa1b2c3d4", info.header().get("magic_number"));
        assertEquals("little", info.header().get("byteorder"));
        assertEquals(false, info.header().get("nanosecond"));
        assertEquals(65535L, info.header().get("snaplen"));
        assertEquals(1, info.header().get("network"));
        assertEquals(1, info.interfaces().size());
        assertEquals(0, info.interfaces().getFirst().id());
        assertEquals(1_000_000L, info.interfaces().getFirst().tsUnitsPerSecond());
    }

    @Test void microsecondBigEndian() {
        var r = readAll(twoRecords(0xa1b2c3d4, BE, 123_456, 1));
        assertNull(r.error());
        assertEquals(1_700_000_000_123_456_000L, r.records().get(0).ts());
        assertEquals(1514, r.records().get(1).origLen());
        assertEquals("big", r.reader().info().header().get("byteorder"));
        assertEquals("0xa1b2c3d4", r.reader().info().header().get("magic_number"));
    }

    @Test void nanosecondBothByteOrders() {
        for (ByteOrder o : List.of(LE, BE)) {
            // tshark: 1700000000.123456789
            var r = readAll(twoRecords(0xa1b23c4d, o, 123_456_789, 5));
            assertNull(r.error());
            assertEquals(1_700_000_000_123_456_789L, r.records().get(0).ts());
            assertEquals(1_700_000_001_000_000_005L, r.records().get(1).ts());
            assertEquals(true, r.reader().info().header().get("nanosecond"));
            assertEquals("0xa1b23c4d", r.reader().info().header().get("magic_number"));
            assertEquals(1_000_000_000L, r.reader().info().interfaces().getFirst().tsUnitsPerSecond());
        }
    }

    /** The "modified" magic: 24-byte (ss991029) or 28-byte (ss990915) record headers; tshark reads both. */
    @Test void modifiedMagicBothLayouts() {
        for (ByteOrder o : List.of(LE, BE)) {
            for (int extra : new int[] {8, 12}) {
                ByteArrayOutputStream f = new ByteArrayOutputStream();
                f.writeBytes(pcapHeader(0xa1b2cd34, o));
                for (int i = 0; i < 3; i++) {
                    byte[] data = packet(60);
                    // interface index 2, protocol 0x0800, packet type 0 (+ padding / SMP debug bytes)
                    byte[] more = CaptureBytes.buf(extra, o).putInt(2).putShort((short) 0x0800).array();
                    f.writeBytes(CaptureBytes.buf(16, o).putInt((int) (SEC + i)).putInt(5).putInt(60).putInt(60).array());
                    f.writeBytes(more);
                    f.writeBytes(data);
                }
                // tshark: 1700000000.000005000, 1700000001.000005000, 1700000002.000005000, all 60 bytes
                var r = readAll(f.toByteArray());
                assertNull(r.error(), () -> "" + r.error());
                assertEquals(3, r.records().size());
                assertEquals(1_700_000_002_000_005_000L, r.records().get(2).ts());
                assertArrayEquals(packet(60), r.records().get(2).data());
                assertEquals("0xa1b2cd34", r.reader().info().header().get("magic_number"));
            }
        }
    }

    @Test void gzipCompressedCapture() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
            gz.write(twoRecords(0xa1b2c3d4, LE, 2, 3));
        }
        var r = readAll(z.toByteArray());
        assertNull(r.error());
        assertEquals(2, r.records().size());
        assertEquals(1_700_000_000_000_002_000L, r.records().get(0).ts());

        var damaged = readAll(cut(z.toByteArray(), 30));
        assertInstanceOf(CaptureFormatException.class, damaged.error());
    }

    @Test void headerOnlyIsZeroFramesNoError() {
        var r = readAll(pcapHeader(0xa1b2c3d4, LE));
        assertNull(r.error());
        assertEquals(0, r.records().size());
        assertEquals(1, r.reader().info().interfaces().size());
    }

    @Test void fileShorterThanItsHeader() {
        var r = readAll(cut(pcapHeader(0xa1b2c3d4, LE), 4));
        CaptureFormatException e = assertInstanceOf(CaptureFormatException.class, r.error());
        assertEquals("cut short in the PCAP file header: 20 of 24 bytes", e.reason());
        assertEquals("test.cap", e.file());
    }

    @Test void notACaptureFile() {
        var text = readAll("hello, this is text\n".getBytes());
        assertEquals("not a capture file: unknown magic 0x68656c6c",
                assertInstanceOf(CaptureFormatException.class, text.error()).reason());
        var empty = readAll(new byte[0]);
        assertEquals("empty input: not a capture file",
                assertInstanceOf(CaptureFormatException.class, empty.error()).reason());
        var tiny = readAll(new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertInstanceOf(CaptureFormatException.class, tiny.error());
    }

    /** tshark: frame 1, then "appears to have been cut short in the middle of a packet". */
    @Test void recordCutShortAfterTheGoodOnes() throws IOException {
        byte[] f = concat(pcapHeader(0xa1b2c3d4, LE), pcapRecord(LE, 1, 2, packet(60)), pcapRecord(LE, 1, 2, packet(60)));
        var data = readAll(cut(f, 36));
        assertEquals(1, data.records().size());
        CaptureFormatException e = assertInstanceOf(CaptureFormatException.class, data.error());
        assertEquals("cut short in the middle of a packet record: 24 of 60 bytes", e.reason());
        assertEquals(100, e.offset());
        // asking again repeats the error, it never reads on past the damage
        CaptureFormatException again = assertThrows(CaptureFormatException.class,
                () -> data.reader().next(new Record()));
        assertSame(e, again);

        var header = readAll(cut(f, 66));
        assertEquals(1, header.records().size());
        assertEquals("cut short in the middle of a packet record header: 10 of 16 bytes",
                assertInstanceOf(CaptureFormatException.class, header.error()).reason());
    }

    /**
     * The damaged record is the fourth, past the three the layout guess reads: tshark keeps the standard layout,
     * reads 3 frames and stops with "File has 4294967295-byte packet". (Damage in the second record makes tshark
     * 4.0 prefer the 20-byte Nokia layout instead, as {@link #damagedSecondRecordKeepsTsharksLayout} shows.)
     */
    @Test void hugeCapturedLengthIsAnErrorNotAnAllocation() {
        byte[] one = pcapRecord(LE, 1, 2, packet(60));
        byte[] f = concat(pcapHeader(0xa1b2c3d4, LE), one, one, one,
                pcapRecord(LE, 1, 2, packet(60), 0xFFFF_FFFFL, 60));
        var r = readAll(f, 262_144);
        assertEquals(3, r.records().size());
        CaptureFormatException e = assertInstanceOf(CaptureFormatException.class, r.error());
        assertEquals("record captured length 4294967295 exceeds the 262144-byte limit", e.reason());
        assertEquals(252, e.offset());
    }

    /**
     * Wiretap 4.0's layout guess: a layout's figure is what is wrong with its first wrong record among the first
     * three. Standard headers: record 2's captured length 0xFFFFFFFF is over 262,144, over the snapshot length and
     * over the original length (3). Nokia's 20-byte headers: record 1 is fine, and the misaligned record 2 has only
     * its time-stamp fraction wrong (1). tshark 4.0 reads 1 frame of 60 bytes at 1.000002 and then "cut short in
     * the middle of a packet" (the Nokia record 2 claims 60 bytes where 52 remain).
     */
    @Test void damagedSecondRecordKeepsTsharksLayout() {
        byte[] f = concat(pcapHeader(0xa1b2c3d4, LE), pcapRecord(LE, 1, 2, packet(60)),
                pcapRecord(LE, 1, 2, packet(60), 0xFFFF_FFFFL, 60));
        var r = readAll(f, 262_144);
        assertEquals(1, r.records().size());
        assertEquals(1_000_002_000L, r.records().get(0).ts());
        assertEquals("Nokia", r.reader().info().interfaces().getFirst().options().get("pcap_variant"));
        CaptureFormatException e = assertInstanceOf(CaptureFormatException.class, r.error());
        assertEquals("cut short in the middle of a packet record: 52 of 60 bytes", e.reason());
    }

    /** Odd but readable records: tshark reads them as they are; we do too and say what is odd. */
    @Test void oddRecordsCarryAnAnomaly() {
        byte[] f = concat(pcapHeader(0xa1b23c4d, LE, 2, 4, 40, 1),
                pcapRecord(LE, 1_418_145_370L, 1_000_000_000L, packet(30)),     // fraction of a whole second
                pcapRecord(LE, 5, 0, packet(60), 60, 50),                       // over snaplen and original length
                pcapRecord(LE, 5, 0, packet(30), 30, 70));                      // fine
        var r = readAll(f);
        assertNull(r.error());
        // tshark prints 1418145370.1000000000 (the fraction as is); the model holds nanoseconds since 1970
        assertEquals(1_418_145_371_000_000_000L, r.records().get(0).ts());
        assertTrue(r.records().get(0).anomaly().contains("1000000000 ns is 1 s or more"), r.records().get(0).anomaly());
        assertEquals("captured length 60 exceeds the original length 50; captured length 60 exceeds the snapshot "
                + "length 40", r.records().get(1).anomaly());
        assertNull(r.records().get(2).anomaly());
    }

    /** Versions before 2.3 have the lengths the other way round; tshark: frame.len 100, frame.cap_len 60. */
    @Test void oldVersionsSwapTheLengths() {
        byte[] f = concat(pcapHeader(0xa1b2c3d4, LE, 2, 2, 65535, 1), pcapRecord(LE, 1, 2, packet(60), 100, 60));
        var r = readAll(f);
        assertNull(r.error());
        assertEquals(60, r.records().getFirst().capLen());
        assertEquals(100, r.records().getFirst().origLen());

        var v1 = readAll(concat(pcapHeader(0xa1b2c3d4, LE, 1, 4, 65535, 1), pcapRecord(LE, 1, 2, packet(60))));
        assertEquals("unsupported PCAP version 1.4", assertInstanceOf(CaptureFormatException.class, v1.error()).reason());
    }

    /** The network field's upper bits: FCS length is masked off as libpcap does, reserved bits refused as tshark does. */
    @Test void networkFieldUpperBits() {
        var fcs = readAll(concat(pcapHeader(0xa1b2c3d4, LE, 2, 4, 65535, 0x2400_0001L), pcapRecord(LE, 1, 2, packet(60))));
        assertNull(fcs.error());
        assertEquals(1, fcs.records().getFirst().linkType());
        assertEquals("32", fcs.reader().info().interfaces().getFirst().options().get("if_fcslen"));

        var reserved = readAll(concat(pcapHeader(0xa1b2c3d4, LE, 2, 4, 65535, 0x0001_0001L), pcapRecord(LE, 1, 2, packet(60))));
        assertEquals("the network field's reserved bits are not zero (0x00010001)",
                assertInstanceOf(CaptureFormatException.class, reserved.error()).reason());
    }
}
