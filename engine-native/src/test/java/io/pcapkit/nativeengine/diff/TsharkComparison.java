package io.pcapkit.nativeengine.diff;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The native engine's {@code -T fields} rows against tshark's, run live, cell by cell, over corpus captures whose
 * link types are in scope. Cells both leave empty do not count. One report: frames per capture, agreement per
 * field with a first example of each disagreement.
 */
final class TsharkComparison {
    /**
     * LINKTYPE_ values the native engine decodes: NULL, Ethernet, raw IP (12, 14, 101, 228, 229), LOOP, SLL, SLL2,
     * and 802.11 without (105) and with (127) a radiotap header.
     */
    static final Set<Integer> LINK_TYPES = Set.of(0, 1, 12, 14, 101, 105, 108, 113, 127, 228, 229, 276);

    /**
     * tshark decodes each TCP segment alone, like the native engine's application decoders (reassembled streams are
     * the reassembly module's, checked against tshark's own reassembly there), and without TCP sequence analysis,
     * with which it withholds retransmitted and out-of-order segments from the applications. The TCP and lower fields
     * the native engine declares are the same either way; IP defragmentation stays on, as the foundation's figures
     * were measured with it.
     */
    static final String[] PER_SEGMENT = {"-o", "tcp.desegment_tcp_streams:FALSE", "-o",
            "tcp.analyze_sequence_numbers:FALSE"};

    /** Agreement figures. */
    static final class Report {
        final Map<String, long[]> perField = new TreeMap<>(); // field -> {cells, agreeing}
        final Map<String, String> example = new TreeMap<>();
        final List<String> frameMismatches = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        long cells;
        long agree;
        int compared;

        double percent() { return cells == 0 ? 0 : 100.0 * agree / cells; }

        String text() {
            StringBuilder r = new StringBuilder();
            r.append(String.format("%d captures compared, %d skipped (other link types), %d cells, agreement %.3f%%%n",
                    compared, skipped.size(), cells, percent()));
            perField.forEach((k, v) -> {
                if (v[1] != v[0]) {
                    r.append(String.format("  %-36s %6d/%-6d differ  e.g. %s%n", k, v[0] - v[1], v[0], example.get(k)));
                }
            });
            frameMismatches.forEach(m -> r.append("  frames differ: ").append(m).append('\n'));
            r.append("  skipped: ").append(String.join(", ", skipped)).append('\n');
            return r.toString();
        }

        /** Prints the report and keeps it in {@code target/NAME}. */
        void publish(String name) throws IOException {
            String t = text();
            System.out.print(t);
            Path out = Path.of("target", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, t);
        }
    }

    private TsharkComparison() { }

    /** Compares {@code fields} over every in-scope corpus capture. */
    static Report run(List<String> fields) throws IOException {
        Report rep = new Report();
        EngineOptions options = EngineOptions.defaults();
        for (Path cap : Corpus.captures()) {
            String rel = Corpus.dir().relativize(cap).toString();
            List<String[]> ours = nativeRows(cap, fields, options);
            if (ours == null) {
                rep.skipped.add(rel);
                continue;
            }
            rep.compared++;
            Tshark.Result theirs = Tshark.fields(cap, fields, PER_SEGMENT);
            if (theirs.rows().size() != ours.size()) {
                rep.frameMismatches.add(rel + ": tshark " + theirs.rows().size() + " frames, native " + ours.size());
            }
            int n = Math.min(ours.size(), theirs.rows().size());
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r);
                String[] o = ours.get(r);
                for (int c = 0; c < fields.size(); c++) {
                    String tv = c < t.length ? t[c] : "";
                    String ov = o[c];
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    long[] pf = rep.perField.computeIfAbsent(fields.get(c), k -> new long[2]);
                    pf[0]++;
                    rep.cells++;
                    if (tv.equals(ov)) {
                        pf[1]++;
                        rep.agree++;
                    } else {
                        rep.example.putIfAbsent(fields.get(c),
                                rel + " frame " + (r + 1) + ": tshark='" + tv + "' native='" + ov + "'");
                    }
                }
            }
        }
        return rep;
    }

    /** The native rows of one capture, or null when a link type is out of scope or it is not a capture. */
    private static List<String[]> nativeRows(Path cap, List<String> fields, EngineOptions options) {
        List<String[]> ours = new ArrayList<>();
        try (Engine e = new NativeEngineProvider().create(options); FrameSource src = e.open(cap)) {
            FieldColumns cols = new FieldColumns(fields);
            while (true) {
                Frame f;
                try {
                    f = src.next();
                } catch (IOException damaged) {
                    break; // the file's own damage: tshark stops at the same record (ReaderVsTsharkTest checks it)
                }
                if (f == null) break;
                if (!LINK_TYPES.contains(f.linkType().code())) return null;
                cols.load(f);
                String[] row = new String[fields.size()];
                for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                ours.add(row);
            }
            for (CaptureInfo.Interface i : src.info().interfaces()) {
                if (!LINK_TYPES.contains(i.linkType().code())) return null;
            }
            return ours;
        } catch (IOException notACapture) {
            return null;
        }
    }
}
