package io.pcapkit.kaitaiengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.TestCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The project's regression captures (engine-native/src/test/resources/regressions, found by the mutation harness)
 * read by the Kaitai engine: it must emit every frame tshark reads from each (the {@code frames} column of
 * expected.tsv is tshark's count), before any file error.
 */
class KaitaiRegressionCapturesTest {
    static final Path DIR = TestCorpus.root().resolve("engine-native/src/test/resources/regressions");

    @TestFactory
    List<DynamicTest> emitsEveryFrameTsharkReads() {
        return TestCorpus.emitsEveryFrameTsharkReads(file -> read(file).size());
    }

    /**
     * An SPB whose two total lengths both say 262,144 while its data take 316 bytes (gopacket/pcapng-le/test010
     * with len-blocklen-snaplen): tshark reads 4 frames; the block is framed by its data (332 bytes) and says so.
     */
    @Test void spbWithBothLengthsWrongIsFramedByItsData() throws IOException {
        List<Frame> frames = read(DIR.resolve("pcapng-spb-both-lengths-wrong.pcapng"));
        assertEquals(4, frames.size());
        long told = frames.stream().flatMap(f -> f.anomalies().stream())
                .filter(a -> a.kind() == Anomaly.Kind.RECORD && a.message().contains("block total length 262144 of an SPB")).count();
        assertEquals(1, told, () -> frames.stream().map(f -> f.anomalies().toString()).toList().toString());
    }

    /**
     * gopacket/pcapng-le/test102.pcapng: tshark numbers 8 frames, three of which are custom blocks (1, 3 and 8:
     * 24, 60 and 32 bytes after the Private Enterprise Number, no interface, no time stamp).
     */
    @Test void customBlocksAreFrames() throws IOException {
        List<Frame> frames = read(DIR.resolve("pcapng-custom-blocks.pcapng"));
        assertEquals(8, frames.size());
        int[] custom = {0, 2, 7};
        int[] length = {24, 60, 32};
        for (int i = 0; i < custom.length; i++) {
            Frame f = frames.get(custom[i]);
            assertEquals(LinkType.PCAPNG_CUSTOM_BLOCK, f.linkType());
            assertEquals(length[i], f.capturedLength());
            assertEquals(Frame.NO_INTERFACE, f.interfaceId());
        }
        assertEquals(342, frames.get(3).capturedLength());
        assertEquals(2, frames.get(3).interfaceId());
    }

    /**
     * The native reader's non-packet-block case (engine-native PcapngReaderTest#nonPacketBlocks, what tshark 4.0
     * printed for those bytes): a custom block with "hello" after its PEN is a frame of 8 bytes (padding included),
     * a journal entry a frame of 43 bytes at 1700000000.000001, NRB and ISB are not frames.
     */
    @Test void customAndJournalBlocksAreFramesOthersAreNot() throws IOException {
        ByteBuffer f = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        block(f, 0x0A0D0D0A, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0x1A2B3C4D)
                .putShort((short) 1).putShort((short) 0).putLong(-1).array());
        block(f, 1, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).array());
        block(f, 0xBAD, ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(32473)
                .put("hello".getBytes(StandardCharsets.US_ASCII)).array());
        block(f, 4, new byte[4]);
        block(f, 5, new byte[12]);
        block(f, 9, "__REALTIME_TIMESTAMP=1700000000000001\nM=hi\n\0\0".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.createTempFile("kaitai-blocks", ".pcapng");
        try {
            Files.write(file, java.util.Arrays.copyOf(f.array(), f.position()));
            List<Frame> frames = read(file);
            assertEquals(2, frames.size());
            assertEquals(LinkType.PCAPNG_CUSTOM_BLOCK, frames.get(0).linkType());
            assertEquals(8, frames.get(0).capturedLength());
            assertEquals(Frame.NO_TIMESTAMP, frames.get(0).timestampNanos());
            assertEquals(LinkType.PCAPNG_SYSTEMD_JOURNAL, frames.get(1).linkType());
            assertEquals(43, frames.get(1).capturedLength());
            assertEquals(1_700_000_000_000_001_000L, frames.get(1).timestampNanos());
        } finally {
            Files.delete(file);
        }
    }

    /** A block: type, total length, body padded to 32 bits, total length again. */
    private static void block(ByteBuffer f, int type, byte[] body) {
        int pad = (-body.length) & 3;
        int len = 12 + body.length + pad;
        f.putInt(type).putInt(len).put(body).put(new byte[pad]).putInt(len);
    }

    /** Every frame up to the end or the first file error, each copied (the source reuses its frame). */
    private static List<Frame> read(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (var engine = new KaitaiEngineProvider().create(EngineOptions.defaults());
             FrameSource src = engine.open(file)) {
            for (Frame f; (f = src.next()) != null; ) out.add(f.detach());
        } catch (CaptureFormatException e) {
            // a damaged file ends here, after the frames before the damage: those are what is compared
        }
        return out;
    }
}
