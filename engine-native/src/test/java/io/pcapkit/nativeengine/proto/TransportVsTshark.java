package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
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

/**
 * The TCP and UDP fields of the native engine against tshark 4.0 over the whole corpus, printed per field (cells
 * both leave empty do not count). A measuring tool, not a gate: its name keeps it out of the default test run; run
 * it with {@code mvn -o -pl engine-native test -Dtest=TransportVsTshark}. tshark runs with
 * {@code -o tcp.relative_sequence_numbers:FALSE} so that SACK edges are absolute, as the native engine (without
 * conversation state) prints them. The report also goes to {@code target/transport-vs-tshark.txt}.
 */
class TransportVsTshark {
    static final List<String> FIELDS = List.of(("tcp.srcport tcp.dstport tcp.port tcp.seq_raw tcp.ack_raw tcp.hdr_len "
            + "tcp.flags tcp.flags.res tcp.flags.ae tcp.flags.cwr tcp.flags.ece tcp.flags.urg tcp.flags.ack "
            + "tcp.flags.push tcp.flags.reset tcp.flags.syn tcp.flags.fin tcp.flags.str tcp.window_size_value "
            + "tcp.checksum tcp.checksum.status tcp.urgent_pointer tcp.len tcp.payload tcp.options tcp.option_kind "
            + "tcp.option_len tcp.options.nop tcp.options.eol tcp.options.mss tcp.options.mss_val tcp.options.wscale "
            + "tcp.options.wscale.shift tcp.options.wscale.multiplier tcp.options.sack_perm tcp.options.sack "
            + "tcp.options.sack_le tcp.options.sack_re tcp.options.sack.count tcp.options.sack.dsack_le "
            + "tcp.options.sack.dsack_re tcp.options.timestamp tcp.options.timestamp.tsval "
            + "tcp.options.timestamp.tsecr tcp.options.tfo tcp.options.tfo.request tcp.options.tfo.cookie "
            + "tcp.options.experimental tcp.options.experimental.exid tcp.options.experimental.data "
            + "tcp.options.acc_ecn.ee0b tcp.options.acc_ecn.eceb tcp.options.acc_ecn.ee1b tcp.options.unknown "
            + "tcp.options.unknown.payload mptcp tcp.options.mptcp.subtype tcp.options.mptcp.version "
            + "tcp.options.mptcp.flags tcp.options.mptcp.checksumreq.flags tcp.options.mptcp.extensibility.flag "
            + "tcp.options.mptcp.nomoresubflows.flag tcp.options.mptcp.sha1.flag tcp.options.mptcp.sha256.flag "
            + "tcp.options.mptcp.reserved.flag tcp.options.mptcp.sendkey tcp.options.mptcp.recvkey "
            + "tcp.options.mptcp.datalvllen tcp.options.mptcp.rawdataack tcp.options.mptcp.rawdataseqno "
            + "tcp.options.mptcp.subflowseqno tcp.options.mptcp.checksum tcp.options.mptcp.datafin.flag "
            + "tcp.options.mptcp.dseqn8.flag tcp.options.mptcp.dseqnpresent.flag tcp.options.mptcp.dataack8.flag "
            + "tcp.options.mptcp.dataackpresent.flag tcp.options.mptcp.addrid tcp.options.mptcp.recvtok "
            + "tcp.options.mptcp.sendrand tcp.options.mptcp.sendtrunchmac tcp.options.mptcp.sendhmac "
            + "tcp.reset_cause udp.srcport udp.dstport udp.port udp.length udp.checksum udp.checksum.status udp.payload").split(" "));

    @Test void transportFieldsAgainstTshark() throws IOException {
        Assumptions.assumeTrue(Corpus.present(), "capture corpus not found at " + Corpus.dir() + ": test skipped");
        Assumptions.assumeTrue(Corpus.tsharkPresent(), "tshark not installed: test skipped");
        Map<String, long[]> perField = new LinkedHashMap<>(); // field -> {cells, agreeing, missing, extra, differ}
        Map<String, Long> missingBy = new java.util.TreeMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (String f : FIELDS) perField.put(f, new long[5]);
        List<String> notes = new ArrayList<>();
        int files = 0;
        for (Path cap : Corpus.captures()) {
            String rel = Corpus.dir().relativize(cap).toString();
            List<String[]> ours = new ArrayList<>();
            try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults()); FrameSource src = e.open(cap)) {
                FieldColumns cols = new FieldColumns(FIELDS);
                while (true) {
                    Frame f;
                    try {
                        f = src.next();
                    } catch (IOException damaged) {
                        break; // the file's own damage: tshark stops there too
                    }
                    if (f == null) break;
                    cols.load(f);
                    String[] row = new String[FIELDS.size()];
                    for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                    ours.add(row);
                }
            } catch (IOException | RuntimeException notRead) {
                notes.add(rel + ": not read by the native engine (" + notRead + ")");
                continue;
            }
            Tshark.Result theirs = Tshark.fields(cap, FIELDS, "-o", "tcp.relative_sequence_numbers:FALSE");
            if (theirs.rows().size() != ours.size()) {
                notes.add(rel + ": tshark " + theirs.rows().size() + " frames, native " + ours.size());
            }
            files++;
            int n = Math.min(ours.size(), theirs.rows().size());
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r), o = ours.get(r);
                for (int c = 0; c < FIELDS.size(); c++) {
                    String tv = c < t.length ? t[c] : "", ov = o[c];
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    long[] pf = perField.get(FIELDS.get(c));
                    pf[0]++;
                    if (tv.equals(ov)) {
                        pf[1]++;
                    } else {
                        // a field tshark has and we lack is mostly a layer below that the native engine does not
                        // decode yet (PPPoE, L2TP, GRE …): counted apart from real disagreements
                        pf[ov.isEmpty() ? 2 : tv.isEmpty() ? 3 : 4]++;
                        List<String> ex = examples.computeIfAbsent(FIELDS.get(c), k -> new ArrayList<>());
                        if (ex.size() < 3 && !ov.isEmpty()) {
                            ex.add(rel + "#" + (r + 1) + " tshark='" + cut(tv) + "' native='" + cut(ov) + "'");
                        }
                        missingBy.merge(rel, 1L, Long::sum);
                    }
                }
            }
        }
        long cells = 0, agree = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, long[]> e : perField.entrySet()) {
            long[] v = e.getValue();
            cells += v[0];
            agree += v[1];
            List<String> ex = examples.getOrDefault(e.getKey(), List.of());
            report.append(String.format("  %-42s %7d/%-7d%s%s%n", e.getKey(), v[1], v[0],
                    v[0] == v[1] ? "" : String.format("  missing %d, extra %d, differ %d", v[2], v[3], v[4]),
                    ex.isEmpty() ? "" : "  e.g. " + String.join(" | ", ex)));
        }
        report.insert(0, String.format("%d captures, %d cells, %d agree (%.3f%%)%n", files, cells, agree,
                cells == 0 ? 0 : 100.0 * agree / cells));
        missingBy.forEach((f, n) -> report.append("  disagreeing cells in ").append(f).append(": ").append(n).append('\n'));
        notes.forEach(m -> report.append("  note: ").append(m).append('\n'));
        System.out.print(report);
        Path out = Path.of("target", "transport-vs-tshark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + ")";
    }
}
