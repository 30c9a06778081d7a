package io.pcapkit.fuzz;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Layer;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the native engine found the layers protocol-level mutators patch, per frame of the unmutated capture: the
 * byte offset of the first IPv4, IPv6, TCP and DNS layer inside the frame (-1 when absent). Frame n is packet
 * record n-1 of {@link CaptureLayout#packets}.
 */
public final class LayerIndex {
    public enum Kind { IPV4, IPV6, TCP, DNS }

    private final int[][] offsets;   // [kind][frame index]

    private LayerIndex(int[][] offsets) { this.offsets = offsets; }

    static LayerIndex of(Path file, int packets) {
        int[][] off = new int[Kind.values().length][packets];
        for (int[] row : off) Arrays.fill(row, -1);
        try (Engine e = Engines.discover().require("native").create(EngineOptions.defaults());
             FrameSource s = e.open(file)) {
            int i = 0;
            for (Frame f; i < packets && (f = s.next()) != null; i++) {
                for (Layer l : f.layers()) {
                    Kind k = switch (l.protocol().abbrev()) {
                        case "ip" -> Kind.IPV4;
                        case "ipv6" -> Kind.IPV6;
                        case "tcp" -> Kind.TCP;
                        case "dns" -> Kind.DNS;
                        default -> null;
                    };
                    if (k != null && off[k.ordinal()][i] < 0) off[k.ordinal()][i] = l.offset();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the corpus holds damaged captures: the frames read before the damage are indexed
        }
        return new LayerIndex(off);
    }

    /** Offset of {@code kind} in frame index {@code i}, or -1. */
    public int offset(Kind kind, int i) { return offsets[kind.ordinal()][i]; }

    /** Frame indexes holding {@code kind}. */
    public List<Integer> framesWith(Kind kind) {
        List<Integer> r = new ArrayList<>();
        int[] row = offsets[kind.ordinal()];
        for (int i = 0; i < row.length; i++) if (row[i] >= 0) r.add(i);
        return r;
    }
}
