package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every IPv4, IPv6 (with extension headers), ICMP and ICMPv6 field the native engine declares, against tshark 4.0
 * over the whole corpus, printed per field (cells both leave empty do not count). A measuring tool, not a gate: its
 * name keeps it out of the default test run; run it with
 * {@code mvn -o -pl engine-native test -Dtest=InternetVsTshark}. The report also goes to
 * {@code target/internet-vs-tshark.txt}.
 */
class InternetVsTshark {
    /** The classes that declare internet-layer fields: loading them declares the fields. */
    private static final List<Class<?>> DECLARING = List.of(Ipv4Decoder.class, Ipv4Options.class,
            Ipv4RouteOptions.class, Ipv4SecurityOptions.class, Ipv6Decoder.class, Ipv6EmbeddedAddresses.class,
            Ipv6Options.class, Ipv6HopOptsDecoder.class, Ipv6DstOptsDecoder.class, Ipv6RoutingDecoder.class,
            Ipv6FragDecoder.class, IcmpDecoder.class, IcmpExtensions.class, Icmpv6Decoder.class, Icmpv6Mld.class,
            Icmpv6NdOptions.class);

    @Test void internetFieldsAgainstTshark() throws Exception {
        Assumptions.assumeTrue(Corpus.present(), "capture corpus not found at " + Corpus.dir() + ": test skipped");
        Assumptions.assumeTrue(Corpus.tsharkPresent(), "tshark not installed: test skipped");
        for (Class<?> c : DECLARING) Class.forName(c.getName(), true, c.getClassLoader());
        List<String> fields = new ArrayList<>();
        for (FieldDef d : Fields.all()) {
            String n = d.name();
            if (n.startsWith("ip.") || n.startsWith("ipv6.") || n.startsWith("icmp.") || n.startsWith("icmpv6.")) {
                fields.add(n);
            }
        }
        Map<String, long[]> perField = new TreeMap<>(); // field -> {cells, agreeing, missing, extra, differ}
        Map<String, List<String>> examples = new LinkedHashMap<>();
        Map<String, Long> byCapture = new TreeMap<>();
        for (String f : fields) perField.put(f, new long[5]);
        List<String> notes = new ArrayList<>();
        int files = 0;
        for (Path cap : Corpus.captures()) {
            String rel = Corpus.dir().relativize(cap).toString();
            List<String[]> ours = new ArrayList<>();
            try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults()); FrameSource src = e.open(cap)) {
                FieldColumns cols = new FieldColumns(fields);
                while (true) {
                    Frame f;
                    try {
                        f = src.next();
                    } catch (IOException damaged) {
                        break; // the file's own damage: tshark stops there too
                    }
                    if (f == null) break;
                    cols.load(f);
                    String[] row = new String[fields.size()];
                    for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                    ours.add(row);
                }
            } catch (IOException | RuntimeException notRead) {
                notes.add(rel + ": not read by the native engine (" + notRead + ")");
                continue;
            }
            Tshark.Result theirs = Tshark.fields(cap, fields);
            if (theirs.rows().size() != ours.size()) {
                notes.add(rel + ": tshark " + theirs.rows().size() + " frames, native " + ours.size());
            }
            files++;
            int n = Math.min(ours.size(), theirs.rows().size());
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r), o = ours.get(r);
                for (int c = 0; c < fields.size(); c++) {
                    String tv = c < t.length ? t[c] : "", ov = o[c];
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    long[] pf = perField.get(fields.get(c));
                    pf[0]++;
                    if (tv.equals(ov)) {
                        pf[1]++;
                        continue;
                    }
                    // missing: tshark decoded a layer the native engine does not (a tunnel, reassembly, a link type)
                    pf[ov.isEmpty() ? 2 : tv.isEmpty() ? 3 : 4]++;
                    List<String> ex = examples.computeIfAbsent(fields.get(c), k -> new ArrayList<>());
                    if (ex.size() < 3) ex.add(rel + "#" + (r + 1) + " tshark='" + cut(tv) + "' native='" + cut(ov) + "'");
                    byCapture.merge(rel, 1L, Long::sum);
                }
            }
        }
        long cells = 0, agree = 0, missing = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, long[]> e : perField.entrySet()) {
            long[] v = e.getValue();
            if (v[0] == 0) continue;
            cells += v[0];
            agree += v[1];
            missing += v[2];
            List<String> ex = examples.getOrDefault(e.getKey(), List.of());
            report.append(String.format("  %-44s %7d/%-7d%s%s%n", e.getKey(), v[1], v[0],
                    v[0] == v[1] ? "" : String.format("  missing %d, extra %d, differ %d", v[2], v[3], v[4]),
                    ex.isEmpty() ? "" : "  e.g. " + String.join(" | ", ex)));
        }
        report.insert(0, String.format("%d captures, %d cells, %d agree (%.3f%%); %.3f%% of the cells that the"
                        + " native engine fills%n", files, cells, agree, cells == 0 ? 0 : 100.0 * agree / cells,
                cells == missing ? 0 : 100.0 * agree / (cells - missing)));
        byCapture.forEach((f, k) -> report.append("  disagreeing cells in ").append(f).append(": ").append(k)
                .append('\n'));
        notes.forEach(m -> report.append("  note: ").append(m).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "internet-vs-tshark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + ")";
    }
}
