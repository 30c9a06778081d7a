package io.pcapkit.spi;

/**
 * Whether an engine can run on this machine, and why not: e.g. {@code "tshark not found on PATH"}.
 *
 * @param available true when {@link EngineProvider#create} is expected to work
 * @param detail    a version string when available, the reason when not
 */
public record Availability(boolean available, String detail) {
    public static Availability ok(String detail) { return new Availability(true, detail); }

    public static Availability unavailable(String reason) { return new Availability(false, reason); }
}
