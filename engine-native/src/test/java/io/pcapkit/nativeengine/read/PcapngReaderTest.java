package io.pcapkit.nativeengine.read;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.pcapkit.nativeengine.read.CaptureBytes.BE;
import static io.pcapkit.nativeengine.read.CaptureBytes.LE;
import static io.pcapkit.nativeengine.read.CaptureBytes.Ng;
import static io.pcapkit.nativeengine.read.CaptureBytes.concat;
import static io.pcapkit.nativeengine.read.CaptureBytes.cut;
import static io.pcapkit.nativeengine.read.CaptureBytes.packet;
import static io.pcapkit.nativeengine.read.CaptureBytes.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The PCAPNG reader on hand-built files (see {@link CaptureBytes}); expected values are what tshark 4.0 printed for
 * the same bytes ({@code -T fields -e frame.time_epoch -e frame.len -e frame.cap_len -e frame.interface_id}).
 */
class PcapngReaderTest {
    static final long TS_US = 1_700_000_000_123_456L;

    /** A section with one Ethernet interface (µs) and one 60-byte packet on it. */
    private static Ng oneInterface(ByteOrder o) {
        Ng f = new Ng().shb(o);
        return f.idb(1, 0, new byte[0]).epb(0, TS_US, packet(60));
    }

    private static CaptureFormatException error(CaptureBytes.Read r) {
        return assertInstanceOf(CaptureFormatException.class, r.error(), () -> "no file error: " + r.error());
    }

    /**
     * Two sections, the first little-endian with millisecond stamps, the second big-endian with a nanosecond
     * interface (if_tsoffset 100 s) and a binary 2^-20 one. tshark: 1700000000.123000000 if 0 /
     * 1700000000.011773109 if 1 / 1700000100.123456789 if 0: the interface id restarts in each section.
     */
    @Test void twoSectionsWithTheirOwnByteOrderAndResolution() {
        Ng f = new Ng().shb(LE, 1, 0, new byte[0]);
        byte[] shbOptions = concat(f.opt(2, "x86_64"), f.opt(3, "Linux 6.1"), f.opt(4, "pcapkit-test"),
                f.opt(1, "first section"), f.end());
        f = new Ng().shb(LE, 1, 0, shbOptions);
        f.idb(1, 65535, concat(f.opt(2, "eth0"), f.opt(9, new byte[] {3}), f.end()));
        f.epb(0, 1_700_000_000_123L, packet(60));
        f.shb(BE);
        f.idb(101, 0, concat(f.opt(2, "tun0"), f.opt(9, new byte[] {9}), f.opt(14, f.i64(100)), f.end()));
        f.idb(1, 128, concat(f.opt(9, new byte[] {(byte) 0x94}), f.end()));
        f.epb(1, (1_700_000_000L << 20) + 12345, packet(60));
        f.epb(0, 1_700_000_000_123_456_789L, packet(60));

        var r = readAll(f.bytes());
        assertNull(r.error());
        assertEquals(3, r.records().size());
        assertEquals(1_700_000_000_123_000_000L, r.records().get(0).ts());
        assertEquals(0, r.records().get(0).iface());
        assertEquals(1_700_000_000_011_773_109L, r.records().get(1).ts());
        assertEquals(1, r.records().get(1).iface());
        assertEquals(1, r.records().get(1).linkType());
        assertEquals(1_700_000_100_123_456_789L, r.records().get(2).ts());
        assertEquals(0, r.records().get(2).iface());
        assertEquals(101, r.records().get(2).linkType());
        assertArrayEquals(packet(60), r.records().get(2).data());

        CaptureInfo info = r.reader().info();
        assertEquals(CaptureInfo.Format.PCAPNG, info.format());
        assertEquals(2, info.sections().size());
        CaptureInfo.Section s1 = info.sections().get(0);
        assertEquals(ByteOrder.LITTLE_ENDIAN, s1.byteOrder());
        assertEquals(1, s1.versionMajor());
        assertEquals(-1, s1.sectionLength());
        assertEquals(Map.of("shb_hardware", "x86_64", "shb_os", "Linux 6.1", "shb_userappl", "pcapkit-test",
                "opt_comment", "first section"), s1.options());
        assertEquals(ByteOrder.BIG_ENDIAN, info.sections().get(1).byteOrder());
        assertEquals(3, info.interfaces().size());
        CaptureInfo.Interface eth0 = info.interfaces().get(0);
        assertEquals(0, eth0.id());
        assertEquals(0, eth0.section());
        assertEquals("eth0", eth0.label());
        assertEquals(1000L, eth0.tsUnitsPerSecond());
        assertEquals("10^-3", eth0.options().get("if_tsresol"));
        CaptureInfo.Interface tun0 = info.interfaces().get(1);
        assertEquals(0, tun0.id());
        assertEquals(1, tun0.section());
        assertEquals(LinkType.RAW, tun0.linkType());
        assertEquals(100, tun0.tsOffsetSeconds());
        CaptureInfo.Interface binary = info.interfaces().get(2);
        assertEquals(1, binary.id());
        assertEquals(1L << 20, binary.tsUnitsPerSecond());
        assertEquals("2^-20", binary.options().get("if_tsresol"));
        assertEquals(128, binary.snaplen());
    }

    /** Simple Packet Blocks: interface 0, no time stamp; captured = min(original, snaplen). tshark: 60/40, 30/30. */
    @Test void simplePacketBlocks() {
        Ng f = new Ng().shb(LE).idb(1, 40, new byte[0]).spb(60, packet(40)).spb(30, packet(32));
        var r = readAll(f.bytes());
        assertNull(r.error());
        assertEquals(2, r.records().size());
        assertEquals(Frame.NO_TIMESTAMP, r.records().get(0).ts());
        assertEquals(0, r.records().get(0).iface());
        assertEquals(40, r.records().get(0).capLen());
        assertEquals(60, r.records().get(0).origLen());
        assertEquals(30, r.records().get(1).capLen());
        assertArrayEquals(packet(30), r.records().get(1).data());
    }

    /** The obsolete Packet Block reads like an EPB with a 16-bit interface id. */
    @Test void obsoletePacketBlock() {
        var r = readAll(new Ng().shb(BE).idb(1, 0, new byte[0]).pb(0, TS_US, packet(60)).bytes());
        assertNull(r.error());
        assertEquals(1_700_000_000_123_456_000L, r.records().getFirst().ts());
        assertEquals(60, r.records().getFirst().capLen());
    }

    /**
     * tshark numbers custom blocks as frames (no time, no interface; length = data after the PEN, padding
     * included: "hello" gives 8) and journal entries too (tshark: 1700000000.000001000, 43 bytes); NRB, ISB, DSB and
     * unknown blocks are not frames. Ours: the same, and the skipped ones counted.
     */
    @Test void nonPacketBlocks() {
        Ng f = new Ng().shb(LE).idb(1, 0, new byte[0]);
        f.block(0xBAD, concat(f.u32(32473), "hello".getBytes(StandardCharsets.US_ASCII)));
        f.block(4, new byte[4]);                                   // NRB: end of records
        f.block(5, new byte[12]);                                  // ISB
        f.block(10, concat(f.u32(0x544c534b), f.u32(4), "abcd".getBytes(StandardCharsets.US_ASCII))); // DSB
        f.block(0x1234, "abcd".getBytes(StandardCharsets.US_ASCII));
        f.block(0x80001234, "abcd".getBytes(StandardCharsets.US_ASCII));
        f.block(9, "__REALTIME_TIMESTAMP=1700000000000001\nM=hi\n\0\0".getBytes(StandardCharsets.US_ASCII));
        f.epb(0, TS_US, packet(60));
        var r = readAll(f.bytes());
        assertNull(r.error());
        assertEquals(3, r.records().size());
        var custom = r.records().get(0);
        assertEquals(8, custom.capLen());
        assertEquals(Frame.NO_TIMESTAMP, custom.ts());
        assertEquals(Frame.NO_INTERFACE, custom.iface());
        assertEquals(LinkType.PCAPNG_CUSTOM_BLOCK.code(), custom.linkType());
        var journal = r.records().get(1);
        assertEquals(1_700_000_000_000_001_000L, journal.ts());
        assertEquals(43, journal.capLen());
        assertEquals(Frame.NO_INTERFACE, journal.iface());
        assertEquals(1_700_000_000_123_456_000L, r.records().get(2).ts());
        Map<String, Long> counted = r.reader().info().counters();
        assertEquals(1L, counted.get("block.NRB"));
        assertEquals(1L, counted.get("block.ISB"));
        assertEquals(1L, counted.get("block.DSB"));
        assertEquals(1L, counted.get("block.custom"));
        assertEquals(1L, counted.get("block.journal"));
        assertEquals(2L, counted.get("block.unknown"));
    }

    /** tshark: frame 1, then "total block lengths (first 92 and second 4) don't match". */
    @Test void blockLengthMismatch() {
        Ng f = oneInterface(LE);
        byte[] body = concat(f.u32(0), f.u32(0), f.u32(0), f.u32(60), f.u32(60), packet(60));
        f.blockWithLengths(6, body, 92, 4).epb(0, TS_US, packet(60));
        var r = readAll(f.bytes());
        assertEquals(1, r.records().size());
        CaptureFormatException e = error(r);
        assertEquals("block total lengths differ: 92 at the start, 4 at the end", e.reason());
        assertEquals(140, e.offset());

        Ng odd = oneInterface(LE).blockWithLengths(6, new byte[38], 50, 50);
        assertEquals("block total length 50 is not a multiple of 4", error(readAll(odd.bytes())).reason());
        Ng tiny = oneInterface(LE).raw(CaptureBytes.buf(8, LE).putInt(0x1234).putInt(8).array());
        assertEquals("block total length 8 is less than the minimum block size 12", error(readAll(tiny.bytes())).reason());
    }

    @Test void packetOnAnUnknownInterface() {
        var r = readAll(oneInterface(LE).epb(3, TS_US, packet(60)).bytes());
        assertEquals(1, r.records().size());
        assertEquals("packet refers to interface 3, but section 0 has only 1 interface", error(r).reason());
        var none = readAll(new Ng().shb(LE).epb(0, TS_US, packet(60)).bytes());
        assertEquals("packet refers to interface 0, but section 0 has no interface", error(none).reason());
    }

    /** tshark: frame 1, then "total block length 92 of an EPB is too small for 300000 bytes of packet data". */
    @Test void capturedLengthBeyondTheBlockOrTheLimit() {
        var r = readAll(oneInterface(LE).epbClaiming(0, TS_US, 300_000, packet(60)).bytes());
        assertEquals(1, r.records().size());
        assertEquals("block total length 92 of an EPB is too small for 300000 bytes of packet data", error(r).reason());
        var limited = readAll(oneInterface(LE).epbClaiming(0, TS_US, 4_294_967_295L, packet(60)).bytes(), 262_144);
        assertEquals("record captured length 4294967295 exceeds the 262144-byte limit", error(limited).reason());
    }

    /** tshark: "Not enough data to handle option of length 200" — the whole file refused at its IDB. */
    @Test void optionRunningPastItsBlock() {
        Ng f = new Ng().shb(LE);
        f.idb(1, 0, concat(f.opt(2, "eth0"), CaptureBytes.buf(4, LE).putShort((short) 3).putShort((short) 200).array()))
                .epb(0, TS_US, packet(60));
        assertEquals("option 3 of 200 bytes runs past the end of its interface description block",
                error(readAll(f.bytes())).reason());
    }

    /** Like the corpus' test901: a later section with version 2.0; tshark reads the frames before it, then stops. */
    @Test void unsupportedVersionInALaterSection() {
        Ng f = oneInterface(LE).shb(LE, 2, 0, new byte[0]).idb(1, 0, new byte[0]).epb(0, TS_US, packet(60));
        var r = readAll(f.bytes());
        assertEquals(1, r.records().size());
        assertEquals("unsupported PCAPNG section version 2.0", error(r).reason());
        var v12 = readAll(new Ng().shb(LE, 1, 2, new byte[0]).idb(1, 0, new byte[0]).epb(0, TS_US, packet(60)).bytes());
        assertNull(v12.error(), "1.2 is read as 1.0, as tshark does");
    }

    @Test void cutShort() {
        byte[] whole = oneInterface(LE).epb(0, TS_US, packet(60)).bytes();
        var mid = readAll(cut(whole, 20));
        assertEquals(1, mid.records().size());
        assertEquals("cut short in the middle of an EPB: 72 of 92 bytes", error(mid).reason());
        var header = readAll(cut(whole, 88));
        assertEquals(1, header.records().size());
        assertEquals("cut short in the middle of a block header: 4 of 8 bytes", error(header).reason());
        var shb = readAll(cut(new Ng().shb(LE).bytes(), 8));
        assertEquals("cut short in the middle of an SHB: 20 of 28 bytes", error(shb).reason());
    }

    /** if_tsoffset seconds are added; a binary resolution converts exactly (tshark: .011773109, truncated). */
    @Test void timeStampOffsetAndBinaryResolution() {
        Ng f = new Ng().shb(LE);
        f.idb(1, 0, concat(f.opt(14, f.i64(100)), f.end())).epb(0, TS_US, packet(60));
        assertEquals(1_700_000_100_123_456_000L, readAll(f.bytes()).records().getFirst().ts());
        Ng g = new Ng().shb(LE);
        g.idb(1, 0, concat(g.opt(9, new byte[] {(byte) (0x80 | 30)}), g.end()))
                .epb(0, (1_700_000_000L << 30) + 123_456_789, packet(60));
        // tshark: 1700000000.114978094
        assertEquals(1_700_000_000_114_978_094L, readAll(g.bytes()).records().getFirst().ts());
    }

    @Test void badByteOrderMagic() {
        Ng f = new Ng().block(0x0A0D0D0A, concat(new byte[] {0x11, 0x22, 0x33, 0x44}, new byte[12]));
        assertEquals("section header block with unknown byte-order magic 0x11223344", error(readAll(f.bytes())).reason());
    }
}
