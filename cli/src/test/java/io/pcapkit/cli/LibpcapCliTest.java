package io.pcapkit.cli;

import io.pcapkit.libpcap.BpfFilter;
import io.pcapkit.libpcap.Capture;
import io.pcapkit.libpcap.Libpcap;
import io.pcapkit.libpcap.PcapException;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libpcap side of the command line: --filter, -f pcap/pcapng, -i, interfaces, engines. */
@Timeout(120)
class LibpcapCliTest {
    static final Path SAMPLE = CliRun.sample("loopback.pcap");

    @BeforeAll static void libpcap() {
        CliRun.assume(Libpcap.available(), "libpcap cannot be used here: " + Libpcap.unavailableReason());
        CliRun.assume(CliRun.nativeReaderProblem() == null, String.valueOf(CliRun.nativeReaderProblem()));
    }

    static void oneLine(CliRun r, int code, String message) {
        assertEquals(code, r.code(), r.err());
        assertEquals(message + "\n", r.err());
    }

    static boolean tcpdump() {
        try {
            return new ProcessBuilder("tcpdump", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static byte[] tcpdumpCopy(Path in, String expr) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tcpdump", "-r", in.toString(), "-w", "-", expr)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return out;
    }

    // samples/loopback.pcap frames 25-27 are its UDP datagrams (tcpdump -r samples/loopback.pcap lists them there)
    @Test void filterKeepsFileFrameNumbers() {
        CliRun r = CliRun.of(SAMPLE.toString(), "--filter", "udp", "-e", "frame.number", "-e", "udp.dstport");
        assertEquals(0, r.code(), r.err());
        assertEquals("25\t15353\n26\t48294\n27\t15354\n", r.out());
        CliRun c = CliRun.of(SAMPLE.toString(), "--filter", "udp", "-c", "2", "-e", "frame.number");
        assertEquals("25\n26\n", c.out());
    }

    @Test void badFilterIsOneLineWithLibpcapsMessage() {
        oneLine(CliRun.of(SAMPLE.toString(), "--filter", "tcp prot 80", "-e", "frame.number"), Cli.USAGE,
                "pcapkit: filter 'tcp prot 80': can't parse filter expression: syntax error (link type EN10MB)");
        oneLine(CliRun.of(SAMPLE.toString(), "--filter", "tcp prot 80", "-f", "pcap"), Cli.USAGE,
                "pcapkit: filter 'tcp prot 80': can't parse filter expression: syntax error");
    }

    @Test void missingInterfaceIsOneLine() {
        oneLine(CliRun.of("-i", "nosuch0", "-e", "frame.number"), Cli.USAGE,
                "pcapkit: interface 'nosuch0': No such device exists");
    }

    @Test void optionsThatNeedALiveCapture() {
        oneLine(CliRun.of(SAMPLE.toString(), "--duration", "5"), Cli.USAGE,
                "pcapkit: --duration and --snaplen apply to a live capture (-i IFACE)");
        oneLine(CliRun.of(SAMPLE.toString(), "-i", "lo"), Cli.USAGE,
                "pcapkit: give a capture file or -i INTERFACE, not both");
        oneLine(CliRun.of("-i", "lo", "--duration", "soon"), Cli.USAGE,
                "pcapkit: --duration needs a positive time such as 30, 30s, 500ms, 5m, not 'soon'");
    }

    @Test void filteredPcapCopyIsByteIdenticalToTcpdump(@TempDir Path tmp) throws Exception {
        CliRun.assume(tcpdump(), "tcpdump is not installed");
        List<Path> inputs = new ArrayList<>(List.of(SAMPLE));
        Path corpus = CliRun.captures();
        for (String f : List.of("tcpdump/dns_udp.pcap", "pcap4j/flagmentedEcho.pcap", "gopacket/test_dns.pcap")) {
            if (Files.exists(corpus.resolve(f))) inputs.add(corpus.resolve(f));
        }
        for (Path in : inputs) {
            for (String expr : List.of("udp", "tcp port 80", "ip6 or icmp")) {
                Path out = tmp.resolve("copy.pcap");
                CliRun r = CliRun.of(in.toString(), "--filter", expr, "-f", "pcap", "-o", out.toString());
                assertEquals(0, r.code(), r.err());
                assertArrayEquals(tcpdumpCopy(in, expr), Files.readAllBytes(out), in + " '" + expr + "'");
            }
        }
        // to standard output too
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {SAMPLE.toString(), "--filter", "udp", "-f", "pcap"},
                java.io.InputStream.nullInputStream(), stdout, new java.io.PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        assertArrayEquals(tcpdumpCopy(SAMPLE, "udp"), stdout.toByteArray());
    }

    @Test void filteredPcapngCopyHoldsTheSameRecords(@TempDir Path tmp) throws Exception {
        Path ng = tmp.resolve("copy.pcapng");
        Path pcap = tmp.resolve("copy.pcap");
        assertEquals(0, CliRun.of(SAMPLE.toString(), "--filter", "tcp", "-f", "pcapng", "-o", ng.toString()).code());
        assertEquals(0, CliRun.of(SAMPLE.toString(), "--filter", "tcp", "-f", "pcap", "-o", pcap.toString()).code());
        List<Frame> a = frames(ng);
        List<Frame> b = frames(pcap);
        assertTrue(a.size() > 10, "tcp frames in the sample: " + a.size());
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).bytes(), a.get(i).bytes(), "frame " + (i + 1));
            assertEquals(b.get(i).timestampNanos(), a.get(i).timestampNanos(), "frame " + (i + 1));
            assertEquals(b.get(i).originalLength(), a.get(i).originalLength());
        }
    }

    static List<Frame> frames(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (Engine e = Engines.discover().require("native").create(EngineOptions.defaults());
             FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) out.add(f.detach());
        }
        return out;
    }

    /** An engine without RECORD_FILTER (the native engine, hiding it): the CLI filters its decoded frames' bytes. */
    @Test void enginesWithoutRecordFilterAreFilteredOnTheirFrames() throws Exception {
        EngineProvider nativeEngine = Engines.discover().require("native");
        EngineProvider plain = new EngineProvider() {
            @Override public String name() { return "plain"; }

            @Override public String description() { return "native without record filter"; }

            @Override public Availability probe() { return nativeEngine.probe(); }

            @Override public Set<Capability> capabilities() {
                Set<Capability> c = EnumSet.copyOf(nativeEngine.capabilities());
                c.remove(Capability.RECORD_FILTER);
                return c;
            }

            @Override public Engine create(EngineOptions o) { return nativeEngine.create(o); }
        };
        CaptureOptions co = new CaptureOptions();
        try (BpfFilter f = BpfFilter.of("tcp[tcpflags] & tcp-syn != 0", -1)) {
            List<Long> viaFrames = numbers(co.engine(plain, f));
            List<Long> viaRecords = numbers(co.engine(nativeEngine, f));
            assertEquals(viaRecords, viaFrames);
            // the IPv4 SYN and SYN-ACK; BPF's tcp[] reaches only TCP over IPv4, so frames 13-14 (IPv6) are not kept,
            // as with tcpdump -r samples/loopback.pcap
            assertEquals(List.of(1L, 2L), viaFrames);
        }
    }

    static List<Long> numbers(EngineProvider p) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Engine e = p.create(EngineOptions.defaults()); FrameSource s = e.open(SAMPLE)) {
            for (Frame f; (f = s.next()) != null; ) out.add(f.number());
        }
        return out;
    }

    @Test void enginesAndInterfacesSayWhatLibpcapCanDo() {
        CliRun e = CliRun.of("engines");
        assertTrue(e.out().contains("\nlibpcap (live capture, --filter): available: libpcap version "), e.out());
        assertTrue(e.out().contains("record_filter"), e.out());
        CliRun i = CliRun.of("interfaces");
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().lines().anyMatch(l -> l.matches("\\d+\\.lo \\[Loopback, Up, Running\\]  127\\.0\\.0\\.1/8.*")),
                i.out());
    }

    /** Skips the test, saying so, when this process cannot capture on lo (no permission, as a rule). */
    static void assumeCapture() {
        try (Capture c = Capture.live(new Capture.LiveOptions("lo", 128, false, null, 1, 1_000_000L))) {
            c.pcap().snaplen();
        } catch (PcapException e) {
            CliRun.assume(false, "cannot capture on lo (needs root or CAP_NET_RAW): " + e.getMessage());
        }
    }

    static Thread sender(int port, AtomicBoolean done) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                for (int i = 0; i < 2000 && !done.get(); i++) {
                    byte[] b = ("pcapkit cli live " + i).getBytes(StandardCharsets.US_ASCII);
                    s.send(new DatagramPacket(b, b.length, InetAddress.getByName("127.0.0.1"), port));
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // the assertions say what was missed
            }
        });
    }

    @Test void liveCaptureOnLoopbackSeesOwnTraffic() throws Exception {
        assumeCapture();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = receiver.getLocalPort();
            AtomicBoolean done = new AtomicBoolean();
            Thread t = sender(port, done);
            CliRun r = CliRun.of("-i", "lo", "-c", "3", "--snaplen", "200", "--no-promisc", "--duration", "60",
                    "--filter", "udp and dst host 127.0.0.1 and dst port " + port,
                    "-e", "frame.number", "-e", "ip.dst", "-e", "udp.dstport");
            done.set(true);
            t.join();
            assertEquals(0, r.code(), r.err());
            assertEquals("1\t127.0.0.1\t" + port + "\n2\t127.0.0.1\t" + port + "\n3\t127.0.0.1\t" + port + "\n",
                    r.out());
            assertTrue(r.err().startsWith("pcapkit: lo: 3 packets captured, "), r.err());
        }
    }

    @Test void liveCopyToPcap(@TempDir Path tmp) throws Exception {
        assumeCapture();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = receiver.getLocalPort();
            AtomicBoolean done = new AtomicBoolean();
            Thread t = sender(port, done);
            Path out = tmp.resolve("live.pcapng");
            CliRun r = CliRun.of("-i", "lo", "-c", "2", "--filter", "udp dst port " + port, "-f", "pcapng",
                    "-o", out.toString());
            done.set(true);
            t.join();
            assertEquals(0, r.code(), r.err());
            List<Frame> frames = frames(out);
            assertEquals(2, frames.size());
            for (Frame f : frames) assertEquals(port, f.field("udp.dstport").asLong());
        }
    }

    /**
     * Ctrl-C on a real process: the capture stops, the document is completed and renamed into place, the statistics
     * line is printed, and the JVM exits with 130 as after any interrupt.
     */
    @Test void interruptCompletesTheOutput(@TempDir Path tmp) throws Exception {
        assumeCapture();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = receiver.getLocalPort();
            Path out = tmp.resolve("live.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "-i", "lo", "--filter",
                    "udp dst port " + port, "-j", "-o", out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread t = sender(port, done);
            try {
                waitForPacketSocket(p.pid());
                Thread.sleep(500);   // past the hook's registration, and a few datagrams
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pcapkit did not stop on SIGINT");
            } finally {
                done.set(true);
                p.destroyForcibly();
            }
            drain.join();
            t.join();
            assertEquals(130, p.exitValue(), err.toString());
            assertTrue(err.toString().contains("pcapkit: lo: ") && err.toString().contains(" packets captured"),
                    err.toString());
            String json = Files.readString(out);
            assertTrue(json.startsWith("{") && json.strip().endsWith("}"), json);
            assertTrue(json.contains("\"Global Header\""), json);
        }
    }

    /** Waits (at most 60 s) until process {@code pid} holds a packet socket: its capture is open. */
    static void waitForPacketSocket(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            Set<String> inodes = new java.util.HashSet<>();
            List<String> lines = Files.readAllLines(Path.of("/proc/net/packet"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                inodes.add(f[f.length - 1]);
            }
            try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(target.substring(8, target.length() - 1))) {
                            return;
                        }
                    } catch (IOException gone) {
                        // the descriptor closed while listing
                    }
                }
            } catch (IOException processGone) {
                throw new AssertionError("pcapkit exited before capturing");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pcapkit opened no packet socket within 60 s");
    }
}
