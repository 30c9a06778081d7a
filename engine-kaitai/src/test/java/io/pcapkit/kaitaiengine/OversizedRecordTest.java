package io.pcapkit.kaitaiengine;

import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.TestCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A record whose captured length claims ~100 MB near the end of the file (the regression capture
 * pcap-caplen-100mb-at-end.pcap, found by the fuzz harness): the frames before it come out and the file error
 * names its offset. (The fix, a buffer that grows with the bytes present instead of to the claim, removed a 100 MB
 * allocation the harness saw as a hang; timings stay out of unit tests, so this checks the outcome.)
 */
class OversizedRecordTest {
    @Test void claimedLengthPastTheEndIsAFileErrorAfterTheFramesBefore() throws Exception {
        Path file = TestCorpus.root().resolve("engine-native/src/test/resources/regressions/pcap-caplen-100mb-at-end.pcap");
        try (var engine = new KaitaiEngineProvider().create(EngineOptions.defaults());
             FrameSource src = engine.open(file)) {
            for (int i = 0; i < 4; i++) src.next();
            CaptureFormatException e = assertThrows(CaptureFormatException.class, src::next);
            assertEquals(420, e.offset());
        }
    }
}
