package io.pcapkit.nativeengine.diff;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native engine against tshark, run live, over every corpus capture whose link types the foundation covers:
 * the same frames, and at least 99.5% of the (frame, field) cells of the 67 core fields agreeing with
 * {@code tshark -T fields}. Cells both leave empty do not count. The per-field table is printed and written to
 * {@code target/core-fields-vs-tshark.txt}.
 */
class CoreFieldsVsTsharkTest {
    /** The core field list (the same 67 as the project's comparison scripts). */
    static final List<String> CORE = List.of(("frame.len frame.cap_len eth.dst eth.src eth.type vlan.id vlan.priority "
            + "vlan.etype arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4 "
            + "ip.version ip.hdr_len ip.dsfield ip.len ip.id ip.flags ip.flags.df ip.flags.mf ip.frag_offset ip.ttl "
            + "ip.proto ip.checksum ip.src ip.dst ipv6.tclass ipv6.flow ipv6.plen ipv6.nxt ipv6.hlim ipv6.src ipv6.dst "
            + "ipv6.fraghdr.nxt ipv6.fraghdr.offset ipv6.fraghdr.more ipv6.fraghdr.ident ipv6.hopopts.nxt "
            + "ipv6.routing.type icmp.type icmp.code icmp.checksum icmpv6.type icmpv6.code icmpv6.checksum "
            + "tcp.srcport tcp.dstport tcp.seq_raw tcp.ack_raw tcp.hdr_len tcp.flags tcp.flags.syn tcp.flags.ack "
            + "tcp.flags.fin tcp.window_size_value tcp.checksum tcp.urgent_pointer tcp.options.mss_val "
            + "tcp.options.wscale.shift tcp.options.timestamp.tsval tcp.options.timestamp.tsecr "
            + "tcp.options.sack.count udp.srcport udp.dstport udp.length udp.checksum").split(" "));

    /** LINKTYPE_ values the foundation decodes: NULL, Ethernet, raw IP (12, 14, 101, 228, 229), LOOP, SLL, SLL2. */
    static final Set<Integer> LINK_TYPES = Set.of(0, 1, 12, 14, 101, 108, 113, 228, 229, 276);

    static final double REQUIRED = 99.5;

    @Test void coreFieldsAgreeWithTshark() throws IOException {
        Assumptions.assumeTrue(Corpus.present(), "capture corpus not found at " + Corpus.dir() + ": test skipped");
        Assumptions.assumeTrue(Corpus.tsharkPresent(), "tshark not installed: test skipped");

        Map<String, long[]> perField = new TreeMap<>(); // field -> {cells, agreeing}
        Map<String, String> example = new TreeMap<>();
        List<String> frameMismatches = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long cells = 0, agree = 0;
        int compared = 0;
        EngineOptions options = EngineOptions.defaults();
        for (Path cap : Corpus.captures()) {
            List<String[]> ours = new ArrayList<>();
            boolean inScope = true;
            try (Engine e = new NativeEngineProvider().create(options); FrameSource src = e.open(cap)) {
                FieldColumns cols = new FieldColumns(CORE);
                Frame f;
                while (true) {
                    try {
                        f = src.next();
                    } catch (IOException damaged) {
                        break; // the file's own damage: tshark stops at the same record
                    }
                    if (f == null) break;
                    if (!LINK_TYPES.contains(f.linkType().code())) {
                        inScope = false;
                        break;
                    }
                    cols.load(f);
                    String[] row = new String[CORE.size()];
                    for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                    ours.add(row);
                }
                for (CaptureInfo.Interface i : src.info().interfaces()) {
                    if (!LINK_TYPES.contains(i.linkType().code())) inScope = false;
                }
            } catch (IOException notACapture) {
                inScope = false;
            }
            String rel = Corpus.dir().relativize(cap).toString();
            if (!inScope) {
                skipped.add(rel);
                continue;
            }
            compared++;
            Tshark.Result theirs = Tshark.fields(cap, CORE);
            if (theirs.rows().size() != ours.size()) {
                frameMismatches.add(rel + ": tshark " + theirs.rows().size() + " frames, native " + ours.size());
            }
            int n = Math.min(ours.size(), theirs.rows().size());
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r);
                String[] o = ours.get(r);
                for (int c = 0; c < CORE.size(); c++) {
                    String tv = c < t.length ? t[c] : "";
                    String ov = o[c];
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    long[] pf = perField.computeIfAbsent(CORE.get(c), k -> new long[2]);
                    pf[0]++;
                    cells++;
                    if (tv.equals(ov)) {
                        pf[1]++;
                        agree++;
                    } else {
                        example.putIfAbsent(CORE.get(c), rel + " frame " + (r + 1) + ": tshark='" + tv + "' native='" + ov + "'");
                    }
                }
            }
        }
        double pct = cells == 0 ? 0 : 100.0 * agree / cells;
        StringBuilder report = new StringBuilder();
        report.append(String.format("%d captures compared, %d skipped (other link types), %d cells, agreement %.3f%%%n",
                compared, skipped.size(), cells, pct));
        perField.forEach((k, v) -> {
            if (v[1] != v[0]) {
                report.append(String.format("  %-32s %6d/%-6d differ  e.g. %s%n", k, v[0] - v[1], v[0], example.get(k)));
            }
        });
        frameMismatches.forEach(m -> report.append("  frames differ: ").append(m).append('\n'));
        report.append("  skipped: ").append(String.join(", ", skipped)).append('\n');
        System.out.print(report);
        Path out = Path.of("target", "core-fields-vs-tshark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(compared > 50, "expected most corpus captures in scope, compared only " + compared);
        assertTrue(frameMismatches.isEmpty(), "frame counts differ from tshark:\n" + String.join("\n", frameMismatches));
        assertTrue(pct >= REQUIRED, String.format("agreement %.3f%% below %.1f%%:%n%s", pct, REQUIRED, report));
    }
}
