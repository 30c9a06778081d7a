package io.pcapkit.nativeengine.api;

import io.pcapkit.Extraction;
import io.pcapkit.Pcapkit;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Layer;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library entry point as README shows it, on the project's own sample (samples/loopback.pcap: 36 frames,
 * 24 of them TCP, the first from port 42536 — see samples/README.md).
 */
class ExtractionTest {
    @TempDir Path tmp;

    private static Path sample() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("samples/loopback.pcap");
    }

    @Test void readmeExampleStreamsFramesThroughTheNamedEngine() throws IOException {
        List<String> chains = new ArrayList<>();
        long tcp = 0, firstPort = -1;
        try (Extraction x = Pcapkit.extract(sample()).engine("native").layer(Layer.TRANSPORT).open()) {
            assertEquals("pcap", x.info().format().name().toLowerCase());
            for (Frame f : x) {
                chains.add(f.protochain());
                if (f.contains(Protocols.TCP)) {
                    tcp++;
                    if (firstPort < 0) firstPort = f.layer(Protocols.TCP).field("tcp.srcport").asLong();
                }
            }
        }
        assertEquals(36, chains.size());
        assertEquals(24, tcp);
        assertEquals(42536, firstPort);
        assertTrue(chains.stream().noneMatch(c -> c.contains("HTTP")), "nothing above the transport layer");
    }

    @Test void aProtocolStopLeavesTheRestRaw() throws IOException {
        try (Extraction x = Pcapkit.extract(sample()).protocol("IPv4").open()) {
            Frame first = x.iterator().next();
            assertEquals("Ethernet:IPv4:Raw", first.protochain());
        }
    }

    @Test void storeKeepsIndependentCopies() throws IOException {
        try (Extraction x = Pcapkit.extract(sample()).store(true).open()) {
            x.forEach(f -> { });
            List<Frame> kept = x.frames();
            assertEquals(36, kept.size());
            assertEquals(1, kept.getFirst().number());
            assertEquals("Ethernet:IPv4:TCP", kept.getFirst().protochain());
            assertEquals(42536, kept.getFirst().field("tcp.srcport").asLong(), "the first frame survived the rest");
        }
    }

    @Test void readsFromAStream() throws IOException {
        try (InputStream in = Files.newInputStream(sample());
             Extraction x = Pcapkit.extract(in, "stdin").open()) {
            assertEquals(36, x.stream().count());
        }
    }

    @Test void aDamagedFileEndsTheIterationWithTheFileError() throws IOException {
        byte[] b = Files.readAllBytes(sample());
        Path cut = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(b, b.length - 20));
        List<Long> seen = new ArrayList<>();
        try (Extraction x = Pcapkit.extract(cut).open()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> x.forEach(f -> seen.add(f.number())));
            CaptureFormatException cause = assertInstanceOf(CaptureFormatException.class, e.getCause());
            assertTrue(cause.getMessage().startsWith(cut.toString() + ": offset "), cause.getMessage());
        }
        assertEquals(35, seen.size(), "every intact frame came first");
    }

    @Test void anUnknownEngineIsAnErrorNotAFallback() {
        EngineException e = assertThrows(EngineException.class, () -> Pcapkit.extract(sample()).engine("dpkt").open());
        assertTrue(e.getMessage().contains("available: native"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }
}
