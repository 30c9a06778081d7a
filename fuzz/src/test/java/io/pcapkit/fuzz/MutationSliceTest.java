package io.pcapkit.fuzz;

import io.pcapkit.spi.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI-sized slice of the mutation harness (fuzz/run.sh runs the full campaign): one fixed seed, every mutator,
 * over a few corpus captures chosen to cover classic PCAP in both byte orders and both time resolutions, PCAPNG in
 * both byte orders, DNS, IPv6 extension headers and fragments, and TCP. The in-process engines read every mutated
 * file; the tshark engine, which starts a process per file, reads a smaller set. Zero crashes, hangs, frames lost
 * versus tshark, CLI failures and oracle disagreements are required.
 */
class MutationSliceTest {
    static final long SEED = 7;

    static final List<String> CAPTURES = List.of(
            "tcpdump/dns_udp.pcap",                       // DNS over UDP, little-endian microseconds
            "tcpdump/icmpv6.pcap",                        // IPv6 with hop-by-hop options
            "tcpdump/pptp.pcap",                          // big-endian, TCP
            "pcapplusplus/nanosecs_big_endian.pcap",      // big-endian nanoseconds, TCP
            "pcap4j/IpV6ExtFragmentPacketTest.pcap",      // IPv6 fragment header
            "pcapkit/in.pcap",                            // IPv4 and IPv6, TCP and UDP
            "pyshark/capture_test.pcapng",                // PCAPNG little-endian, name resolution block, DNS
            "gopacket/pcapng-be/test902.pcapng",          // PCAPNG big-endian
            "pcapplusplus/ipv6_options.pcap");            // PCAPNG (despite its name): IPv6 extension headers

    static final List<String> TSHARK_CAPTURES = List.of("tcpdump/dns_udp.pcap", "pcapkit/in.pcap",
            "gopacket/pcapng-be/test902.pcapng");

    static final List<String> TSHARK_MUTATORS = List.of("flip-header", "trunc-mid", "len-caplen-max",
            "ng-opt-endless", "dns-ptr-loop", "tcp-seq-jump");

    @TempDir Path work;

    @Test
    void inProcessEnginesSurviveOneSeedOfEveryMutation() throws Exception {
        Tally t = run(List.of("native", "pcap4j", "kaitai"), CAPTURES, Mutators.all(), work.resolve("a"), 3);
        for (String e : List.of("native", "pcap4j", "kaitai")) {
            assertTrue(t.row(e).files >= 100, e + " tried only " + t.row(e).files + " files");
        }
        assertTrue(t.cliChecks > 0, "no CLI check ran");
    }

    @Test
    void tsharkEngineSurvivesASample() throws Exception {
        List<Mutator> ms = Mutators.all().stream().filter(m -> TSHARK_MUTATORS.contains(m.name())).toList();
        Tally t = run(List.of("tshark"), TSHARK_CAPTURES, ms, work.resolve("b"), 0);
        assertTrue(t.row("tshark").files >= 10, "tshark engine tried only " + t.row("tshark").files + " files");
    }

    private static Tally run(List<String> engines, List<String> captures, List<Mutator> ms, Path dir, int cliEvery)
            throws Exception {
        TestCorpus.assumePresent();
        String tshark = TsharkOracle.find();
        TestCorpus.assume(tshark != null, "tshark not found on PATH: it is the harness's oracle");
        Map<String, Long> targets = FuzzMain.targets(Long.toString(Long.MAX_VALUE), engines);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Campaign c = new Campaign(new Campaign.Config(TestCorpus.dir(), engines, targets, SEED, 1, ms, dir, cliEvery,
                Long.MAX_VALUE, captures), tshark, new PrintStream(log, true, StandardCharsets.UTF_8));
        Tally t = c.run();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        t.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        String report = table.toString(StandardCharsets.UTF_8) + log.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertTrue(t.clean(), "mutation slice found problems:\n" + report);
        return t;
    }
}
