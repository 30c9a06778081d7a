package io.pcapkit.fuzz;

/**
 * What one engine did with one file.
 *
 * @param frames      frames emitted
 * @param result      how the run ended
 * @param detail      the file error's message, the crash's class and message, or the frame that hung
 * @param lastAnomaly whether the last frame emitted carried an anomaly
 */
public record Outcome(long frames, Result result, String detail, boolean lastAnomaly) {
    public enum Result {
        /** Every frame read, no error. */
        OK,
        /** The engine's clean damaged-file error (CaptureFormatException or an IOException with a message). */
        FILE_ERROR,
        /** Any other Throwable. */
        CRASH,
        /** A frame took longer than the watchdog allows. */
        HANG
    }
}
