package io.pcapkit.nativeengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@code FrameDecoder} over arbitrary bytes, one target per link type the native engine
 * reads. The assertion is the decoder's contract: malformed bytes are anomalies, never an exception, and a frame
 * finishes (Jazzer's per-input timeout). Under {@code mvn test} each target replays its seed inputs
 * ({@code FrameDecoderFuzzTestInputs/<target>/}: frames of named corpus captures and the crashes found); with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/limits.md for how the tool is run on this JDK).
 */
class FrameDecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void ethernet(byte[] data) { FuzzChecks.decode(1, data); }

    @FuzzTest(maxDuration = "5m")
    void rawIp(byte[] data) { FuzzChecks.decode(101, data); }

    @FuzzTest(maxDuration = "5m")
    void linuxSll(byte[] data) { FuzzChecks.decode(113, data); }

    @FuzzTest(maxDuration = "5m")
    void radiotap(byte[] data) { FuzzChecks.decode(127, data); }

    @FuzzTest(maxDuration = "5m")
    void bsdNull(byte[] data) { FuzzChecks.decode(0, data); }
}
