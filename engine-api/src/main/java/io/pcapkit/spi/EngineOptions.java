package io.pcapkit.spi;

import io.pcapkit.model.Level;

import java.util.List;
import java.util.Map;

/**
 * Everything an engine is told for one run. Built with {@link #builder()}; unknown engine-specific settings travel
 * in {@link #extra()}.
 *
 * @param stopLevel     decode no layer above this level (null: decode everything)
 * @param stopProtocol  stop after the first layer of this protocol, by name or abbreviation (null: never)
 * @param decodeAs      overrides of the dispatch tables in tshark's syntax, e.g. {@code udp.port==8472,vxlan}
 * @param workers       decoding threads for engines that can use them (1 = the reading thread)
 * @param maxFrameBytes largest captured length accepted for one record; larger records are a file error
 * @param extra         engine-specific settings (e.g. {@code tshark.path})
 * @param filter        records to decode (null: all); rejected records are skipped before decoding
 * @param renderer      with {@code workers > 1}: makes one {@link FrameRenderer} per worker thread, which renders
 *                      each frame right after decoding it; {@link FrameSource#rendered()} then hands the bytes out
 *                      with the frame, in order (null: the caller renders)
 * @param fieldsRead    whether the caller reads the fields of the frames it is handed (true by default). False
 *                      when it only wants each frame's record, layers and anomalies and the bytes a
 *                      {@code renderer} made (the command line with {@code --no-output}, or with a format rendered
 *                      by the workers): an engine decoding on several threads then hands frames over without their
 *                      field tables instead of copying some 70 entries of every frame between threads
 * @param fieldsNamed   the only fields the caller reads, by name (null: any, the default). An engine may then leave
 *                      undecoded what no such field can come from: the native engine, when none is above the
 *                      transport level, skips protocols after which only application layers can follow (a DNS
 *                      message, an HTTP request: their bytes become one raw layer) but still decodes tunnels
 *                      (VXLAN, GENEVE). Every named field is there with the same values; the protocol chain and
 *                      the application layers are what change
 */
public record EngineOptions(Level stopLevel, String stopProtocol, List<String> decodeAs, int workers,
                            int maxFrameBytes, Map<String, String> extra, RecordFilter filter,
                            java.util.function.Supplier<FrameRenderer> renderer, boolean fieldsRead,
                            List<String> fieldsNamed) {

    /** 256 MiB: far above any real snaplen (262,144) or offloaded loopback frame, far below trouble. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 * 1024 * 1024;

    public EngineOptions {
        decodeAs = List.copyOf(decodeAs);
        extra = Map.copyOf(extra);
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (maxFrameBytes < 64) throw new IllegalArgumentException("maxFrameBytes must be at least 64");
        if (fieldsNamed != null) fieldsNamed = List.copyOf(fieldsNamed);
    }

    public static EngineOptions defaults() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    public String extra(String key, String fallback) { return extra.getOrDefault(key, fallback); }

    /** These options with another record filter. */
    public EngineOptions withFilter(RecordFilter f) {
        return new EngineOptions(stopLevel, stopProtocol, decodeAs, workers, maxFrameBytes, extra, f, renderer,
                fieldsRead, fieldsNamed);
    }

    public static final class Builder {
        private Level stopLevel;
        private String stopProtocol;
        private List<String> decodeAs = List.of();
        private int workers = 1;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private final java.util.HashMap<String, String> extra = new java.util.HashMap<>();
        private RecordFilter filter;
        private java.util.function.Supplier<FrameRenderer> renderer;
        private boolean fieldsRead = true;
        private List<String> fieldsNamed;

        public Builder stopLevel(Level l) { this.stopLevel = l; return this; }

        public Builder stopProtocol(String p) { this.stopProtocol = p; return this; }

        public Builder decodeAs(List<String> rules) { this.decodeAs = List.copyOf(rules); return this; }

        public Builder workers(int n) { this.workers = n; return this; }

        public Builder maxFrameBytes(int n) { this.maxFrameBytes = n; return this; }

        public Builder extra(String key, String value) { this.extra.put(key, value); return this; }

        public Builder filter(RecordFilter f) { this.filter = f; return this; }

        public Builder renderer(java.util.function.Supplier<FrameRenderer> r) { this.renderer = r; return this; }

        public Builder fieldsRead(boolean read) { this.fieldsRead = read; return this; }

        public Builder fieldsNamed(List<String> names) { this.fieldsNamed = names; return this; }

        public EngineOptions build() {
            return new EngineOptions(stopLevel, stopProtocol, decodeAs, workers, maxFrameBytes, extra, filter,
                    renderer, fieldsRead, fieldsNamed);
        }
    }
}
