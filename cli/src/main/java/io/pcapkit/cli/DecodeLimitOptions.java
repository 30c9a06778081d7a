package io.pcapkit.cli;

import io.pcapkit.spi.EngineOptions;
import picocli.CommandLine.Option;

/**
 * The per-frame bounds of the main command (a picocli mixin), handed to the engine as {@link EngineOptions}
 * (docs/limits.md): the frame size for every engine, the decode bounds of the native engine, the JSON bounds of the
 * tshark engine. Not given, an engine keeps its defaults. A bound asked of an engine that has no such bound is a
 * usage error rather than silently ignored.
 */
final class DecodeLimitOptions {
    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "largest captured length of one record; a larger one is a damaged file (default 256 MiB)")
    Integer maxFrameBytes;

    @Option(names = "--max-layers", paramLabel = "N",
            description = "native engine: layers per frame; the rest is Raw with a LIMIT anomaly (default 48)")
    Integer maxLayers;

    @Option(names = "--max-options", paramLabel = "N",
            description = "native engine: options, parameters or records in one list of one header (default 256)")
    Integer maxOptions;

    @Option(names = "--max-ext-headers", paramLabel = "N",
            description = "native engine: IPv6 extension headers in a row (default 16)")
    Integer maxExtensionHeaders;

    @Option(names = "--max-json-token", paramLabel = "CHARS",
            description = "tshark engine: longest string in tshark's JSON, e.g. one frame's hex (default 20000000)")
    Integer maxJsonToken;

    @Option(names = "--max-json-frame", paramLabel = "BYTES",
            description = "tshark engine: bytes of tshark's JSON for one frame (default 256 MiB)")
    Long maxJsonFrame;

    /** Puts the bounds given into {@code b} for the engine named {@code engine}. */
    void apply(EngineOptions.Builder b, String engine) {
        if (maxFrameBytes != null) {
            if (maxFrameBytes < 64) throw new PcapkitCommand.UsageException("--max-frame-bytes must be at least 64");
            b.maxFrameBytes(maxFrameBytes);
        }
        boolean nativeEngine = engine.equals("native");
        boolean tshark = engine.equals("tshark");
        put(b, "--max-layers", maxLayers, "native.maxLayers", nativeEngine, "native");
        put(b, "--max-options", maxOptions, "native.maxOptions", nativeEngine, "native");
        put(b, "--max-ext-headers", maxExtensionHeaders, "native.maxExtensionHeaders", nativeEngine, "native");
        put(b, "--max-json-token", maxJsonToken == null ? null : maxJsonToken.longValue(), "tshark.maxTokenChars",
                tshark, "tshark");
        put(b, "--max-json-frame", maxJsonFrame, "tshark.maxFrameJsonBytes", tshark, "tshark");
    }

    private static void put(EngineOptions.Builder b, String flag, Number value, String key, boolean applies,
                            String engine) {
        if (value == null) return;
        if (!applies) throw new PcapkitCommand.UsageException(flag + " is a bound of the " + engine + " engine");
        if (value.longValue() < 1) throw new PcapkitCommand.UsageException(flag + " must be at least 1");
        b.extra(key, value.toString());
    }
}
