package io.pcapkit.nativeengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing of the native PCAP and PCAPNG readers (and the decoders behind them) over arbitrary file bytes. The
 * contract: every readable record comes out as a frame, then the file ends cleanly or with one
 * {@link CaptureFormatException}; no other exception, no more frames than the bytes can hold. The seeds are
 * small corpus captures (PCAP and PCAPNG), so the fuzzer starts from real headers and mutates from there.
 */
class CaptureReaderFuzzTest {
    private static final Engine ENGINE = new NativeEngineProvider().create(EngineOptions.builder()
            .maxFrameBytes(1 << 20).build());

    @FuzzTest(maxDuration = "5m")
    void pcap(byte[] file) throws IOException { read(file); }

    @FuzzTest(maxDuration = "5m")
    void pcapng(byte[] file) throws IOException { read(file); }

    private static void read(byte[] file) throws IOException {
        long frames = 0;
        try (FrameSource s = ENGINE.open(new ByteArrayInputStream(file), "fuzz")) {
            for (Frame f; (f = s.next()) != null; ) {
                FuzzChecks.walk(f);
                frames++;
            }
        } catch (CaptureFormatException e) {
            // the clean way a damaged file ends
        }
        // a record costs at least 16 bytes (PCAP) or 12 (PCAPNG simple packet block) of the file, unless gzipped
        boolean gzip = file.length > 1 && (file[0] & 0xFF) == 0x1F && (file[1] & 0xFF) == 0x8B;
        assertTrue(gzip || frames <= file.length / 12 + 1, frames + " frames from " + file.length + " bytes");
    }
}
