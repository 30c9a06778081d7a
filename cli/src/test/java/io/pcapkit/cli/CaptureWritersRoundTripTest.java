package io.pcapkit.cli;

import io.pcapkit.Extraction;
import io.pcapkit.Pcapkit;
import io.pcapkit.formats.Dumper;
import io.pcapkit.formats.PcapWriter;
import io.pcapkit.formats.PcapngWriter;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The formats module's PCAP and PCAPNG writers: write → read back with the native reader gives the same frames.
 * (Here rather than in formats: its dumper tests declare sample fields by hand, which the native decoders'
 * declarations would contradict in one JVM.)
 */
class CaptureWritersRoundTripTest {
    /** The bundled sample: 36 loopback frames (samples/README.md says how they were recorded). */
    static final Path SAMPLE = CliRun.sample("loopback.pcap");

    @Test void pcapLittleEndianMicroseconds() throws IOException {
        roundTrip(SAMPLE, o -> new PcapWriter(o, ByteOrder.LITTLE_ENDIAN, false), 1000);
    }

    @Test void pcapBigEndianNanoseconds() throws IOException {
        roundTrip(SAMPLE, o -> new PcapWriter(o, ByteOrder.BIG_ENDIAN, true), 1);
    }

    @Test void pcapngBothByteOrders() throws IOException {
        roundTrip(SAMPLE, PcapngWriter::new, 1);
        roundTrip(SAMPLE, o -> new PcapngWriter(o, ByteOrder.BIG_ENDIAN), 1);
    }

    @Test void pcapngKeepsSeveralLinkTypes() throws IOException {
        // corpus capture with several interfaces and link types (skipped visibly without the corpus)
        Path multi = corpus().resolve("pcapplusplus/many_interfaces-1.pcapng");
        if (!Files.exists(multi)) {
            System.out.println("SKIPPED: corpus capture " + multi + " not found");
            org.junit.jupiter.api.Assumptions.assumeTrue(false);
        }
        roundTrip(multi, PcapngWriter::new, 1);
    }

    @Test void pcapRefusesASecondLinkType() throws IOException {
        Path multi = corpus().resolve("pcapplusplus/many_interfaces-1.pcapng");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(multi), "corpus not found");
        List<Frame> frames = read(Files.readAllBytes(multi));
        boolean mixed = frames.stream().map(f -> f.linkType().code()).distinct().count() > 1;
        org.junit.jupiter.api.Assumptions.assumeTrue(mixed);
        assertThrows(IOException.class, () -> {
            try (PcapWriter w = new PcapWriter(new ByteArrayOutputStream())) {
                for (Frame f : frames) w.frame(f);
            }
        });
    }

    private static Path corpus() { return CliRun.captures(); }

    /** Writes every frame of {@code in}, reads the result, compares; {@code tsUnit} is the written time resolution. */
    private static void roundTrip(Path in, Function<OutputStream, Dumper> writer, long tsUnit) throws IOException {
        List<Frame> before = read(Files.readAllBytes(in));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Extraction x = Pcapkit.extract(in).engine("native").open(); Dumper w = writer.apply(buf)) {
            w.header(x.info());
            for (Frame f : x) w.frame(f);
        }
        List<Frame> after = read(buf.toByteArray());
        assertEquals(before.size(), after.size(), "frame count");
        for (int i = 0; i < before.size(); i++) {
            Frame a = before.get(i), b = after.get(i);
            assertArrayEquals(a.bytes(), b.bytes(), "bytes of frame " + a.number());
            assertEquals(a.originalLength(), b.originalLength(), "length of frame " + a.number());
            assertEquals(a.linkType().code(), b.linkType().code(), "link type of frame " + a.number());
            assertEquals(Math.floorDiv(a.timestampNanos(), tsUnit) * tsUnit, b.timestampNanos(), "time of frame " + a.number());
            assertEquals(a.protochain(), b.protochain(), "decoded chain of frame " + a.number());
        }
    }

    private static List<Frame> read(byte[] capture) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (Extraction x = Pcapkit.extract(new java.io.ByteArrayInputStream(capture), "written").engine("native").open()) {
            for (Frame f : x) out.add(f.detach());
        }
        return out;
    }
}
