package io.pcapkit.libpcap;

import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link BpfFilter} inside the native engine keeps exactly the frames {@code tcpdump -r F -w - EXPR} keeps, over every
 * corpus capture libpcap reads, for a dozen expressions; each kept frame keeps its number in the file.
 */
class BpfFilterVsTcpdumpTest {
    static final List<String> EXPRESSIONS = List.of(
            "tcp port 80",
            "udp",
            "icmp or icmp6",
            "ip6 and not icmp6",
            "tcp[tcpflags] & tcp-syn != 0",
            "arp",
            "vlan",
            "udp port 53",
            "greater 500",
            "ip[8] < 64",
            "ether broadcast",
            "net 10.0.0.0/8 or net 192.168.0.0/16",
            "tcp and (port 443 or port 22)",
            "ip proto 47 or ip proto 50 or ip proto 51",
            "tcp src portrange 1024-65535 and not ip6");

    @BeforeAll static void tools() {
        TestEnv.assumeLibpcap();
        TestEnv.assumeCorpus();
        TestEnv.assumeTcpdump();
    }

    @Test void sameFramesAsTcpdump() throws IOException {
        Map<String, Long> kept = new LinkedHashMap<>();
        for (String e : EXPRESSIONS) kept.put(e, 0L);
        int files = 0;
        long comparisons = 0;
        List<String> skipped = new ArrayList<>();
        for (Path capture : TestEnv.captures()) {
            // only what libpcap reads whole (pcapng with several link types, damaged files: tcpdump stops there)
            TestEnv.Result whole = TestEnv.run(List.of("tcpdump", "-r", capture.toString(), "-w", "-"));
            if (whole.exit() != 0) {
                skipped.add(capture.getFileName().toString());
                continue;
            }
            List<TestEnv.Rec> all = TestEnv.pcapRecords(whole.out());
            List<byte[]> records = nativeFrames(capture, null, null);
            if (!sameRecords(all, records)) {
                // e.g. libpcap cuts records longer than the file's snaplen; the native reader keeps and marks them
                skipped.add(capture.getFileName() + " (read differently by libpcap)");
                continue;
            }
            files++;
            for (String expr : EXPRESSIONS) {
                TestEnv.Result t = TestEnv.run(List.of("tcpdump", "-r", capture.toString(), "-w", "-", expr));
                List<Long> numbers = new ArrayList<>();
                if (t.exit() != 0) {
                    // tcpdump could not compile it for this link type: neither may we
                    try (BpfFilter f = BpfFilter.of(expr, -1)) {
                        List<byte[]> got = nativeFrames(capture, f, numbers);
                        fail(capture + " '" + expr + "': tcpdump failed (" + t.err().strip() + ") but pcapkit kept "
                                + (got == null ? "?" : got.size()) + " frames");
                    } catch (UncheckedIOException expected) {
                        continue;
                    }
                }
                List<TestEnv.Rec> want = TestEnv.pcapRecords(t.out());
                List<byte[]> got;
                try (BpfFilter f = BpfFilter.of(expr, -1)) {
                    got = nativeFrames(capture, f, numbers);
                }
                assertEquals(want.size(), got.size(), capture + " '" + expr + "'");
                for (int i = 0; i < want.size(); i++) {
                    assertArrayEquals(want.get(i).data(), got.get(i), capture + " '" + expr + "' kept frame " + i);
                    // the frame number is the record's index in the unfiltered file
                    assertArrayEquals(records.get((int) (numbers.get(i) - 1)), got.get(i),
                            capture + " '" + expr + "' frame " + numbers.get(i));
                }
                kept.merge(expr, (long) want.size(), Long::sum);
                comparisons++;
            }
        }
        System.out.println("BPF vs tcpdump: " + files + " captures x " + EXPRESSIONS.size() + " expressions = "
                + comparisons + " comparisons, all equal; kept per expression " + kept + "; not readable by libpcap "
                + "or read differently: " + skipped);
        assertTrue(files >= 80, "too few corpus captures compared: " + files);
        kept.forEach((e, n) -> assertTrue(n > 0, "'" + e + "' kept nothing in the whole corpus: a weak test"));
    }

    private static boolean sameRecords(List<TestEnv.Rec> libpcap, List<byte[]> nativeRecords) {
        if (nativeRecords == null || nativeRecords.size() != libpcap.size()) return false;
        for (int i = 0; i < libpcap.size(); i++) {
            if (!libpcap.get(i).sameBytes(nativeRecords.get(i))) return false;
        }
        return true;
    }

    /** The bytes of every frame the native engine returns with the filter (null when the file is damaged for it). */
    static List<byte[]> nativeFrames(Path capture, BpfFilter filter, List<Long> numbers) {
        List<byte[]> out = new ArrayList<>();
        try (Engine e = new NativeEngineProvider().create(EngineOptions.builder().filter(filter).build());
             FrameSource s = e.open(capture)) {
            for (Frame f; (f = s.next()) != null; ) {
                out.add(f.bytes());
                if (numbers != null) numbers.add(f.number());
            }
        } catch (UncheckedIOException ex) {
            throw ex;
        } catch (IOException ex) {
            return null;
        }
        return out;
    }
}
