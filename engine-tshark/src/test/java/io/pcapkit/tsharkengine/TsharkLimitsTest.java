package io.pcapkit.tsharkengine;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds on what tshark writes (docs/limits.md): one string token, one frame's JSON, one frame's captured
 * length. Each bites as a clear error after the frames before it, tshark is stopped, and a wider bound reads the
 * same capture whole. The captures: the contract test's two-frame sample (a 47-byte UDP frame, then TCP), and one
 * built here, the contract sample's first frame followed by an IPv6 frame whose Hop-by-Hop header (RFC 8200 §4.3)
 * is 2,048 bytes of Pad1 options: 4,204 hex characters of frame_raw, and over 1 MB of tshark JSON (an object
 * per option).
 */
class TsharkLimitsTest {
    @TempDir Path tmp;
    private Path sample;

    @BeforeEach void sample() throws IOException {
        Corpus.assumeTshark();
        sample = Files.write(tmp.resolve("sample.pcap"), EngineContractTest.samplePcap());
    }

    /** A PCAP (little-endian, microseconds, Ethernet) of the sample's first frame and the big Hop-by-Hop frame. */
    private Path bigFrame() throws IOException {
        byte[] s = EngineContractTest.samplePcap();
        int first = 16 + 47;
        int hl = 2048;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + first + 16 + 14 + 40 + hl)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(s, 0, 24 + first);
        b.putInt(2).putInt(0).putInt(14 + 40 + hl).putInt(14 + 40 + hl);
        b.put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa,
                (byte) 0xbb, (byte) 0x86, (byte) 0xdd});
        b.put(new byte[] {0x60, 0, 0, 0, (byte) (hl >> 8), (byte) hl, 0, 64});
        byte[] addrs = new byte[32];
        addrs[15] = 1;
        addrs[31] = 2;
        b.put(addrs);
        b.put((byte) 59).put((byte) (hl / 8 - 1));
        return Files.write(tmp.resolve("hbh.pcap"), b.array());
    }

    private List<Frame> read(EngineOptions o, List<Long> numbers) throws IOException {
        return read(sample, o, numbers);
    }

    private List<Frame> read(Path file, EngineOptions o, List<Long> numbers) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (Engine e = new TsharkEngineProvider().create(o); FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) {
                numbers.add(f.number());
                frames.add(f.detach());
            }
        }
        return frames;
    }

    private static EngineOptions extra(String key, String value) {
        return EngineOptions.builder().extra(key, value).build();
    }

    @Test void aTokenLongerThanTheBoundIsAClearError() throws IOException {
        Path big = bigFrame();
        List<Long> n = new ArrayList<>();
        IOException e = assertThrows(IOException.class,
                () -> read(big, extra(TsharkFrameSource.MAX_TOKEN_OPTION, "2000"), n));
        assertEquals(List.of(1L), n);
        assertTrue(e.getMessage().contains("frame 2") && e.getMessage().contains("longer than 2000 characters")
                && e.getMessage().contains("tshark.maxTokenChars"), e.getMessage());
        assertEquals(0, TsharkProcess.live(), "tshark is stopped");

        assertEquals(2, read(big, extra(TsharkFrameSource.MAX_TOKEN_OPTION, "5000"), new ArrayList<>()).size());
    }

    @Test void aFrameWhoseJsonExceedsTheBoundIsAClearError() throws IOException {
        Path big = bigFrame();
        List<Long> n = new ArrayList<>();
        IOException e = assertThrows(IOException.class,
                () -> read(big, extra(TsharkFrameSource.MAX_FRAME_JSON_OPTION, "65536"), n));
        assertEquals(List.of(1L), n);
        assertTrue(e.getMessage().contains("frame 2: tshark wrote more than 65536 bytes of JSON")
                && e.getMessage().contains("tshark.maxFrameJsonBytes"), e.getMessage());
        assertFalse(e instanceof CaptureFormatException, "the capture is fine; the bound is ours");
        assertEquals(0, TsharkProcess.live());

        assertEquals(2, read(big, extra(TsharkFrameSource.MAX_FRAME_JSON_OPTION, "4000000"), new ArrayList<>()).size());
    }

    @Test void theFrameSizeBoundHoldsForTsharkToo() throws IOException {
        List<Frame> all = read(EngineOptions.defaults(), new ArrayList<>());
        int first = all.get(0).capturedLength(), second = all.get(1).capturedLength();
        assertTrue(first < second, first + " " + second);
        List<Long> n = new ArrayList<>();
        int bound = Math.max(64, first);
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> read(EngineOptions.builder().maxFrameBytes(bound).build(), n));
        assertEquals(List.of(1L), n, "the frame within the bound comes first");
        assertTrue(e.getMessage().contains("record captured length " + second + " exceeds the " + bound
                + "-byte limit"), e.getMessage());
    }

    @Test void aBoundThatIsNoNumberIsAnEngineError() {
        EngineException e = assertThrows(EngineException.class,
                () -> new TsharkEngineProvider().create(extra(TsharkFrameSource.MAX_TOKEN_OPTION, "lots")));
        assertTrue(e.getMessage().contains("tshark.maxTokenChars"), e.getMessage());
    }

    @Test void aLongStderrLineIsKeptCut() throws IOException {
        String longLine = "x".repeat(100_000);
        var r = new java.io.BufferedReader(new java.io.StringReader("first\r\n" + longLine + "\nlast"));
        assertEquals("first", TsharkProcess.boundedLine(r));
        assertEquals("x".repeat(TsharkProcess.STDERR_LINE_CHARS) + "…", TsharkProcess.boundedLine(r));
        assertEquals("last", TsharkProcess.boundedLine(r));
        assertEquals(null, TsharkProcess.boundedLine(r));
    }
}
