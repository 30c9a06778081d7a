package io.pcapkit.nativeengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RenderBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --workers N}: the frames, their order, numbers, fields, anomalies, the capture information and the final
 * error of a damaged file are exactly those of one thread, on every corpus capture and on damaged input.
 */
class ParallelDecodeTest {
    private static final Path SAMPLE = Path.of(System.getProperty("project.root", "..")).resolve("samples/loopback.pcap");

    /** Everything a dumper could print about a frame, as one line. */
    private static String describe(Frame f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.number()).append(' ').append(f.timestampNanos()).append(' ').append(f.capturedLength()).append('/')
                .append(f.originalLength()).append(' ').append(f.linkType().code()).append(' ').append(f.interfaceId())
                .append(' ').append(f.protochain());
        for (int i = 0; i < f.fieldCount(); i++) {
            sb.append(' ').append(f.defAt(i).name()).append('=').append(f.fieldAt(i).display())
                    .append('@').append(f.fieldEnd(i));
        }
        for (Anomaly a : f.anomalies()) sb.append(" !").append(a);
        return sb.toString();
    }

    /** Lines for every frame, then the info's shape, then the error that ended the file (if any). */
    private static List<String> run(Path file, byte[] bytes, int workers, boolean render) throws IOException {
        EngineOptions.Builder b = EngineOptions.builder().workers(workers);
        if (render) b.renderer(() -> (frame, out) -> out.write(("#" + frame.number() + "\n").getBytes(StandardCharsets.US_ASCII)));
        List<String> lines = new ArrayList<>();
        try (Engine e = new NativeEngineProvider().create(b.build());
             FrameSource s = file != null ? e.open(file) : e.open(new ByteArrayInputStream(bytes), "damaged")) {
            try {
                for (Frame f = s.next(); f != null; f = s.next()) {
                    CaptureInfo info = s.info();
                    lines.add(describe(f) + " | ifaces=" + info.interfaces().size() + " sections=" + info.sections().size());
                    RenderBuffer r = s.rendered();
                    if (render && workers > 1) {
                        assertNotNull(r, "frame " + f.number() + " was not rendered by its worker");
                        assertEquals("#" + f.number() + "\n", new String(r.array(), 0, r.length(), StandardCharsets.US_ASCII));
                    } else {
                        assertNull(r);
                    }
                }
                assertNull(s.next(), "next() after the end stays null");
            } catch (IOException damaged) {
                lines.add("error: " + damaged.getMessage());
            }
            lines.add("counters " + s.info().counters());
        }
        return lines;
    }

    @Test void bundledSampleDecodesTheSameOnFourThreads() throws IOException {
        List<String> one = run(SAMPLE, null, 1, false);
        assertEquals(36 + 1, one.size());
        assertEquals(one, run(SAMPLE, null, 4, false));
        assertEquals(one, run(SAMPLE, null, 2, true));
    }

    @Test void everyCorpusCaptureDecodesTheSameOnTwoThreads() throws IOException {
        Corpus.assumePresent();
        int files = 0;
        for (Path cap : Corpus.captures()) {
            List<String> one = run(cap, null, 1, false);
            assertEquals(one, run(cap, null, 2, true), cap.toString());
            files++;
        }
        assertTrue(files > 100, "expected the whole corpus, saw " + files);
    }

    @Test void aDamagedFileGivesTheSameFramesThenTheSameError() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE);
        for (int cut : new int[] {30, whole.length / 3, whole.length / 2 + 7, whole.length - 5}) {
            byte[] part = Arrays.copyOf(whole, cut);
            List<String> one = run(null, part, 1, false);
            assertTrue(one.get(one.size() - 2).startsWith("error: "), "cut at " + cut + " must be an error: " + one);
            assertEquals(one, run(null, part, 3, false), "cut at " + cut);
        }
    }

    @Test void closingEarlyStopsTheThreads() throws IOException {
        try (Engine e = new NativeEngineProvider().create(EngineOptions.builder().workers(2).build());
             FrameSource s = e.open(SAMPLE)) {
            assertEquals(1, s.next().number());
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("pcapkit-")) {
                try {
                    t.join(3000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                assertTrue(!t.isAlive(), t.getName() + " still runs after close()");
            }
        }
    }
}
