package io.pcapkit.reassembly;

import io.pcapkit.Pcapkit;
import io.pcapkit.ReassemblyKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The datagrams tshark reassembles ({@code ip.reassembled.*}, {@code ipv6.reassembled.*}, shown in the frame that
 * completed them) are the ones we reassemble: same completing frame, same length, same bytes. Run over every corpus
 * capture in which our reassembly meets a fragment.
 */
class IpReassemblyVsTsharkTest {
    @Test void sameDatagramsAsTshark() throws IOException {
        TestCorpus.assumePresent();
        TestCorpus.assumeTshark();
        int captures = 0, datagrams = 0;
        List<String> bad = new ArrayList<>();
        for (Path cap : TestCorpus.captures()) {
            Reassembly r = Reassembly.of(ReassemblyKind.IPV4, ReassemblyKind.IPV6);
            try {
                r.over(Pcapkit.extract(cap).engine("native"));
            } catch (java.io.UncheckedIOException e) {
                r.end();
            }
            if (r.counters().fragments == 0) continue;
            captures++;
            TreeMap<Long, String> ours = new TreeMap<>();
            for (Datagram d : r.datagrams()) {
                if (d.status() != Datagram.Status.COMPLETE) continue;
                ours.merge(d.lastFrame(), "v" + d.key().version() + " " + d.payload().length + " "
                        + HexFormat.of().formatHex(d.payload()), (a, b) -> a + " | " + b);
            }
            TreeMap<Long, String> theirs = new TreeMap<>();
            String out = TestCorpus.run(List.of("tshark", "-n", "-r", cap.toString(), "-T", "fields",
                    "-e", "frame.number", "-e", "ip.reassembled.length", "-e", "ip.reassembled.data",
                    "-e", "ipv6.reassembled.length", "-e", "ipv6.reassembled.data",
                    "-Y", "ip.reassembled.length || ipv6.reassembled.length")).out();
            for (String line : out.split("\n")) {
                if (line.isBlank()) continue;
                String[] c = line.split("\t", -1);
                // tunnels give one value per layer; the outermost reassembly is the first
                boolean v4 = !c[1].isEmpty();
                String len = (v4 ? c[1] : c[3]).split(",")[0];
                String data = (v4 ? c[2] : c[4]).split(",")[0];
                theirs.put(Long.parseLong(c[0]), "v" + (v4 ? 4 : 6) + " " + len + " " + data);
            }
            datagrams += theirs.size();
            String rel = TestCorpus.dir().relativize(cap).toString();
            if (!ours.equals(theirs)) bad.add(rel + ": tshark " + brief(theirs) + " ours " + brief(ours));
        }
        System.out.printf("IP reassembly vs tshark: %d captures with fragments, %d datagrams tshark reassembles, "
                + "%d captures differ%n", captures, datagrams, bad.size());
        assertTrue(datagrams > 10, "the corpus holds fragmented datagrams, found " + datagrams);
        assertEquals(List.of(), bad);
    }

    private static String brief(TreeMap<Long, String> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(k).append('=').append(v, 0, Math.min(v.length(), 24)).append(' '));
        return sb.append('}').toString();
    }
}
