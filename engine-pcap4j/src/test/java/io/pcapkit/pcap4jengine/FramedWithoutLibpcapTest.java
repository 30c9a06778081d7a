package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeEach;
import io.pcapkit.spi.TestCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What libpcap refuses, stops at, skips or misreads, framed by the native record reader and decoded by Pcap4J (see
 * {@link Pcap4jFrameSource}). The files are the project's regression captures (engine-native's
 * src/test/resources/regressions, with tshark's frame counts in expected.tsv); the engine must emit every frame
 * tshark reads from each.
 */
class FramedWithoutLibpcapTest {
    static final Path DIR = Corpus.root().resolve("engine-native/src/test/resources/regressions");

    @BeforeEach void needs() { Corpus.assumeLibpcap(); }

    @TestFactory
    List<DynamicTest> emitsEveryFrameTsharkReads() {
        Corpus.assumeLibpcap();
        return TestCorpus.emitsEveryFrameTsharkReads(file -> read(file).size());
    }

    /**
     * tcpdump/dns-uri.pcap with its minor version 4 flipped to 2052: libpcap refuses the file ("unsupported pcap
     * savefile version 2.2052"), tshark reads its 4 DNS frames. Each is decoded by Pcap4J and says why.
     */
    @Test void unknownPcapVersion() throws IOException {
        List<Frame> frames = read(DIR.resolve("pcap-unknown-version.pcap"));
        assertEquals(4, frames.size());
        for (Frame f : frames) {
            assertTrue(told(f, "framed without libpcap: libpcap refused the file: unsupported pcap savefile version"),
                    () -> f.anomalies().toString());
            assertTrue(f.layers().size() > 2, "decoded by Pcap4J above the link layer");
        }
    }

    /**
     * gopacket/pcapng-le/test005.pcapng: its second interface has snapshot length 128 where the first has 0, so
     * libpcap stops after frame 1; tshark reads 4 frames (interfaces 0, 1, 0, 1).
     */
    @Test void interfacesThatDifferInSnapshotLength() throws IOException {
        List<Frame> frames = read(DIR.resolve("pcapng-interfaces-differ.pcapng"));
        assertEquals(4, frames.size());
        assertTrue(frames.getFirst().anomalies().isEmpty(), "frame 1 is libpcap's");
        for (Frame f : frames.subList(1, 4)) {
            assertTrue(told(f, "framed without libpcap: libpcap stopped: ")
                            && told(f, "an interface has a snapshot length 128 different from the snapshot length"),
                    () -> f.anomalies().toString());
        }
    }

    /** An SPB whose two total lengths both say 262,144 (gopacket/pcapng-le/test010 mutated): tshark reads 4. */
    @Test void simplePacketBlockWithBothLengthsWrong() throws IOException {
        assertEquals(4, read(DIR.resolve("pcapng-spb-both-lengths-wrong.pcapng")).size());
    }

    /**
     * gopacket/pcapng-le/test102.pcapng: libpcap skips the custom blocks tshark numbers (frames 1, 3, 8) and stops
     * at frame 5, whose interface has another link type than the first.
     */
    @Test void customBlocksAreFrames() throws IOException {
        List<Frame> frames = read(DIR.resolve("pcapng-custom-blocks.pcapng"));
        assertEquals(8, frames.size());
        for (int i : new int[] {0, 2, 7}) {
            assertEquals(LinkType.PCAPNG_CUSTOM_BLOCK, frames.get(i).linkType());
            assertTrue(told(frames.get(i), "framed without libpcap: "), () -> frames.get(i).anomalies().toString());
        }
        assertTrue(told(frames.getFirst(), "a PCAPNG custom block, which libpcap does not hand out"));
    }

    private static boolean told(Frame f, String text) {
        return f.anomalies().stream().anyMatch(a -> a.kind() == Anomaly.Kind.RECORD && a.message().contains(text));
    }

    /** Every frame up to the end or the first file error, each detached (the source reuses its frame). */
    private static List<Frame> read(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (var engine = new Pcap4jEngineProvider().create(EngineOptions.defaults());
             FrameSource src = engine.open(file)) {
            for (Frame f; (f = src.next()) != null; ) out.add(f.detach());
        } catch (CaptureFormatException e) {
            // a damaged file ends here, after the frames before the damage: those are what is compared
        }
        return out;
    }
}
