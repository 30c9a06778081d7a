package io.pcapkit.tsharkengine;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tshark engine on the regression captures (engine-native/src/test/resources/regressions) that hit it. */
class TsharkRegressionCapturesTest {
    /**
     * Frames 10-15 of pcapplusplus/one_tcp_stream.pcap: tshark's JSON for the last one holds a reassembled HTTP
     * body copied as raw bytes, invalid UTF-8. All 6 frames must come through, as tshark -T fields counts them.
     */
    @Test
    void invalidUtf8InTsharkJsonLosesNoFrame() throws Exception {
        Corpus.assumeTshark();
        Path file = Corpus.root().resolve("engine-native/src/test/resources/regressions/tshark-json-invalid-utf8.pcap");
        long frames = 0;
        try (Engine e = new TsharkEngineProvider().create(EngineOptions.defaults()); FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) frames++;
        }
        assertEquals(6, frames);
    }
}
