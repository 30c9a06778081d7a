package io.pcapkit.nativeengine.decode;

import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;

/**
 * The native decoders' bounds for one engine, from {@link EngineOptions#extra()} (documented in docs/limits.md).
 * Hitting one is a LIMIT anomaly on the layer and the rest of it is left undecoded; the defaults are the bounds the
 * engine always had.
 *
 * @param maxLayers           layers per frame ({@value #LAYERS_KEY}); beyond it the rest of the frame is Raw
 * @param maxOptions          options, parameters, records or TLVs in one list of one header ({@value #OPTIONS_KEY})
 * @param maxExtensionHeaders IPv6 extension headers in a row ({@value #EXTENSION_HEADERS_KEY})
 */
public record DecodeLimits(int maxLayers, int maxOptions, int maxExtensionHeaders) {
    public static final String LAYERS_KEY = "native.maxLayers";
    public static final String OPTIONS_KEY = "native.maxOptions";
    public static final String EXTENSION_HEADERS_KEY = "native.maxExtensionHeaders";

    /** 16 extension headers in a row: RFC 8200 allows each once (Destination Options twice); 16 is far beyond. */
    public static final int DEFAULT_EXTENSION_HEADERS = 16;

    public static final DecodeLimits DEFAULTS = new DecodeLimits(FrameDecoder.MAX_LAYERS, DecodeContext.MAX_OPTIONS,
            DEFAULT_EXTENSION_HEADERS);

    /** Largest value accepted: far above any real header, and small enough that sizes derived from it fit an int. */
    public static final int CEILING = 1 << 20;

    public DecodeLimits {
        if (maxLayers < 1 || maxOptions < 1 || maxExtensionHeaders < 1
                || maxLayers > CEILING || maxOptions > CEILING || maxExtensionHeaders > CEILING) {
            throw new IllegalArgumentException("decode limits must be 1 to " + CEILING);
        }
    }

    /** The limits an engine's options ask for; a value outside 1 to {@link #CEILING} is an {@link EngineException}. */
    public static DecodeLimits of(EngineOptions o) {
        return new DecodeLimits(positive(o, LAYERS_KEY, DEFAULTS.maxLayers),
                positive(o, OPTIONS_KEY, DEFAULTS.maxOptions),
                positive(o, EXTENSION_HEADERS_KEY, DEFAULTS.maxExtensionHeaders));
    }

    private static int positive(EngineOptions o, String key, int fallback) {
        String v = o.extra(key, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= CEILING) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new EngineException(key + " needs a whole number from 1 to " + CEILING + ", not '" + v + "'");
    }
}
