package io.pcapkit.tsharkengine;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against its own oracle: for captures of varied protocols, every field the tshark engine produced is
 * printed through the model ({@link FieldColumns}, i.e. FieldFormat with the declaration built from
 * {@code tshark -G fields}) and compared with {@code tshark -T fields -e …} of the same capture, cell by cell. This
 * is what shows that JSON's display texts were mapped back to typed values without loss.
 */
class TsharkEngineVsTsharkFieldsTest {
    static final List<String> CAPTURES = List.of("pcapkit/dhcp.pcapng", "dpkt/http.pcap", "pcapplusplus/IcmpPackets.pcap",
            "tcpdump/of13_ericsson.pcapng", "packetnet/udp-ip-fragmented.pcap", "pcapplusplus/VlanPackets.pcap");

    @Test void everyProducedFieldPrintsAsTsharkFieldsPrintsIt() throws IOException, InterruptedException {
        Corpus.assumePresent();
        Corpus.assumeTshark();
        long cells = 0, agree = 0;
        Map<String, String> differs = new TreeMap<>();
        try (Engine e = new TsharkEngineProvider().create(EngineOptions.defaults())) {
            for (String rel : CAPTURES) {
                Path cap = Corpus.dir().resolve(rel);
                Set<String> names = new LinkedHashSet<>();
                List<Frame> frames = new ArrayList<>();
                try (FrameSource s = e.open(cap)) {
                    for (Frame f; (f = s.next()) != null; ) {
                        frames.add(f.detach());
                        for (int i = 0; i < f.fieldCount(); i++) names.add(f.defAt(i).name());
                    }
                }
                List<String> fields = new ArrayList<>(names);
                List<String[]> theirs = tsharkFields(cap, fields);
                assertEquals(frames.size(), theirs.size(), rel + ": frame count");
                FieldColumns cols = new FieldColumns(fields);
                for (int r = 0; r < frames.size(); r++) {
                    cols.load(frames.get(r));
                    String[] t = theirs.get(r);
                    for (int c = 0; c < fields.size(); c++) {
                        String ours = cols.cell(c).toString(), tv = c < t.length ? t[c] : "";
                        if (ours.isEmpty() && tv.isEmpty()) continue;
                        cells++;
                        if (ours.equals(tv)) agree++;
                        else differs.putIfAbsent(fields.get(c), rel + " frame " + (r + 1) + ": engine='" + ours
                                + "' tshark='" + tv + "'");
                    }
                }
            }
        }
        double pct = 100.0 * agree / Math.max(cells, 1);
        StringBuilder report = new StringBuilder(String.format("%d cells, %.3f%% as tshark -T fields prints them%n",
                cells, pct));
        differs.forEach((f, ex) -> report.append("  ").append(f).append(": ").append(ex).append('\n'));
        System.out.print(report);
        assertTrue(cells > 10_000, report.toString());
        assertTrue(pct >= 99.9, report.toString());
    }

    private static List<String[]> tsharkFields(Path cap, List<String> fields) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", cap.toString(), "-T", "fields"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException ex) {
                return new byte[0];
            }
        });
        p.waitFor();
        List<String[]> rows = new ArrayList<>();
        String text = new String(out.join(), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) rows.add(line.split("\t", -1));
        rows.removeLast();
        return rows;
    }
}
