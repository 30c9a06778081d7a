package io.pcapkit.fuzz;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.TestCorpus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tshark engine used before the native engine in one JVM (found by the harness: a tshark-only run crashed when
 * it first needed the native engine). dpkt/nb6-http.pcap carries L2TP, a protocol tshark shows above UDP and the
 * native engine declares as a link layer; the native engine must still load and read the capture afterwards.
 */
class EngineOrderTest {
    @Test
    void nativeEngineLoadsAfterTheTsharkEngineMappedL2tp() throws Exception {
        TestCorpus.assume(TsharkOracle.find() != null, "tshark not found on PATH");
        var file = TestCorpus.capture("dpkt/nb6-http.pcap");
        long viaTshark = 0;
        try (Engine e = Engines.discover().require("tshark").create(EngineOptions.defaults());
             FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) viaTshark++;
        }
        long viaNative = 0;
        try (Engine e = Engines.discover().require("native").create(EngineOptions.defaults());
             FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) viaNative++;
        }
        assertEquals(62, viaTshark);
        assertEquals(62, viaNative);
    }
}
