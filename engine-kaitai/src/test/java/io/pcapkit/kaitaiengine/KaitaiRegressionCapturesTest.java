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
    List<DynamicTest> emitsEveryFrameTsharkReads() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
            String[] c = line.split("\t", 5);
            long expected = Long.parseLong(c[1]);
            tests.add(DynamicTest.dynamicTest(c[0], () -> assertEquals(expected, read(DIR.resolve(c[0])).size(),
                    "frames of " + c[0] + " (" + c[4] + ")")));
        }
        return tests;
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
