package io.pcapkit.nativeengine.diff;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each protocol's main fields against tshark, run live over every corpus capture: at least 99.5% of the (frame,
 * field) cells of each protocol agree. The protocols and their fields are data: one line per protocol,
 * {@code ABBREV<TAB>field field …}, in the files of {@code src/test/resources/protocol-fields/}. tshark runs once per
 * capture with every listed field plus {@code frame.protocols}, which also tells which captures carry each protocol
 * (the report names them). Cells both leave empty do not count. tshark runs with TCP desegmentation and IP
 * defragmentation off: the native engine decodes each frame on its own (reassembled PDUs are the reassembly
 * module's job, checked against tshark's own reassembly there), so both sides see the same bytes. The report is printed and kept in
 * {@code target/protocol-fields-vs-tshark.txt}.
 */
class ProtocolFieldsVsTsharkTest {
    static final double REQUIRED = 99.5;

    /**
     * tshark decodes frame by frame, like the native engine. Without TCP sequence analysis too: with it, tshark hands
     * no retransmitted, out-of-order or keep-alive segment to the application above, which only the stream's history
     * can tell (the reassembly module's business).
     */
    static final String[] PER_FRAME = {"-o", "tcp.desegment_tcp_streams:FALSE", "-o", "ip.defragment:FALSE",
            "-o", "ipv6.defragment:FALSE", "-o", "tcp.analyze_sequence_numbers:FALSE"};

    /** Per protocol: cells, agreeing cells, captures carrying it, first disagreements. */
    static final class Tally {
        long cells;
        long agree;
        final Set<String> captures = new LinkedHashSet<>();
        final Map<String, long[]> perField = new TreeMap<>();
        final Map<String, String> example = new TreeMap<>();

        double percent() { return cells == 0 ? 100 : 100.0 * agree / cells; }
    }

    @Test void everyProtocolAgreesWithTshark() throws IOException {
        Corpus.assumePresent();
        Corpus.assumeTshark();
        Map<String, List<String>> protocols = protocolFields();
        List<String> fields = new ArrayList<>(List.of("frame.protocols"));
        Map<String, String> owner = new LinkedHashMap<>();
        protocols.forEach((p, fs) -> fs.forEach(f -> {
            if (owner.putIfAbsent(f, p) == null) fields.add(f);
        }));
        Map<String, Tally> tallies = new TreeMap<>();
        protocols.keySet().forEach(p -> tallies.put(p, new Tally()));

        for (Path cap : Corpus.captures()) {
            String rel = Corpus.dir().relativize(cap).toString();
            List<String[]> ours = nativeRows(cap, fields);
            Tshark.Result theirs = Tshark.fields(cap, fields, PER_FRAME);
            int n = Math.min(ours.size(), theirs.rows().size());
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r);
                String[] o = ours.get(r);
                Set<String> present = new LinkedHashSet<>(List.of(t[0].split(":")));
                for (String p : present) {
                    Tally pt = tallies.get(p);
                    if (pt != null) pt.captures.add(rel);
                }
                for (int c = 1; c < fields.size(); c++) {
                    String tv = c < t.length ? t[c] : "";
                    String ov = o[c];
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    Tally pt = tallies.get(owner.get(fields.get(c)));
                    long[] pf = pt.perField.computeIfAbsent(fields.get(c), k -> new long[2]);
                    pf[0]++;
                    pt.cells++;
                    if (tv.equals(ov)) {
                        pf[1]++;
                        pt.agree++;
                    } else {
                        pt.example.putIfAbsent(fields.get(c),
                                rel + " frame " + (r + 1) + ": tshark='" + tv + "' native='" + ov + "'");
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder();
        List<String> failing = new ArrayList<>();
        tallies.forEach((p, t) -> {
            report.append(String.format("%-10s %8d cells %8.3f%%  in %d captures%s%n", p, t.cells, t.percent(),
                    t.captures.size(), t.captures.isEmpty() ? " (none in the corpus: unit tests build its bytes)"
                            : ", e.g. " + String.join(", ", t.captures.stream().limit(3).toList())));
            t.perField.forEach((f, v) -> {
                if (v[0] != v[1]) {
                    report.append(String.format("    %-40s %6d/%-6d differ  e.g. %s%n", f, v[0] - v[1], v[0],
                            t.example.get(f)));
                }
            });
            if (t.percent() < REQUIRED) failing.add(p);
        });
        System.out.print(report);
        Path out = Path.of("target", "protocol-fields-vs-tshark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(failing.isEmpty(), "below " + REQUIRED + "%: " + failing + "\n" + report);
    }

    /** Every {@code protocol-fields/*.tsv} line, protocol → fields, in file order. */
    static Map<String, List<String>> protocolFields() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(resourceDir())) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] kv = line.split("\t", 2);
                    all.computeIfAbsent(kv[0].trim(), k -> new ArrayList<>())
                            .addAll(List.of(kv[1].trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Path resourceDir() {
        try {
            return Path.of(ProtocolFieldsVsTsharkTest.class.getResource("/protocol-fields").toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resources protocol-fields/ missing", e);
        }
    }

    /** Our rows for one capture: every frame that could be read (the file's own damage ends the list). */
    private static List<String[]> nativeRows(Path cap, List<String> fields) {
        List<String[]> ours = new ArrayList<>();
        try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults()); FrameSource src = e.open(cap)) {
            FieldColumns cols = new FieldColumns(fields);
            for (Frame f = src.next(); f != null; f = src.next()) {
                cols.load(f);
                String[] row = new String[fields.size()];
                for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                ours.add(row);
            }
        } catch (IOException damagedOrNotACapture) {
            // rows read so far are compared; ReaderVsTsharkTest checks framing itself
        }
        return ours;
    }
}
