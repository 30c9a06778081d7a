package io.pcapkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code pcapkit} command run in-process: listings, usage errors, and runs over the bundled sample. */
class CliTest {
    private static final Path SAMPLE = CliRun.sample("loopback.pcap");

    private static void oneLine(CliRun r, int code, String regex) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                "exactly one line on stderr: " + r.err());
        assertTrue(Pattern.compile(regex).matcher(r.err().strip()).matches(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    // ------------------------------------------------------------------ listings

    @Test void enginesListsTheNativeEngineWithAvailabilityAndCapabilities() {
        CliRun r = CliRun.of("engines");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("native (default)  aliases: default, pcapkit\n"), r.out());
        assertTrue(r.out().contains("\n  available: built in, Java "), r.out());
        assertTrue(r.out().contains("\n  capabilities: pcap, pcapng, stream_input, layer_stop"), r.out());
        assertFalse(r.out().contains("problem:"), r.out());
    }

    @Test void enginesReportsProvidersThatFailToLoad(@TempDir Path tmp) throws IOException {
        // a services file naming a class that does not exist, seen through the context class loader discovery uses
        Path services = tmp.resolve("META-INF/services/io.pcapkit.spi.EngineProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "io.pcapkit.nowhere.MissingEngineProvider\n");
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[] {tmp.toUri().toURL()}, saved)) {
            t.setContextClassLoader(cl);
            CliRun r = CliRun.of("engines");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("native (default)"), "the working engine is still listed: " + r.out());
            assertTrue(r.out().contains("\nproblem: engine provider failed to load: ")
                    && r.out().contains("io.pcapkit.nowhere.MissingEngineProvider"), r.out());
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    @Test void fieldsListsDeclaredFieldsLikeTsharkG() {
        CliRun r = CliRun.of("fields");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("P\tEthernet\teth"), "protocol lines");
        assertTrue(lines.contains("F\tFrame Number\tframe.number\tFT_UINT32\tframe\tBASE_DEC\t0x0\t"));
        // the Ethernet decoder's fields, as `tshark -G fields` prints them (blurb column aside)
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("F\tSource\teth.src\tFT_ETHER\teth\t\t0x0\t")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("F\tType\teth.type\tFT_UINT16\teth\tBASE_HEX\t0x0\t")));
        for (String l : lines) assertTrue(l.startsWith("P\t") || l.split("\t", -1).length == 8, l);
    }

    @Test void versionAndHelp() {
        CliRun v = CliRun.of("-V");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("pcapkit 0.1.0"), v.out());
        CliRun h = CliRun.of("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("-E, --engine=NAME|KEY=VALUE"), h.out());
        assertTrue(h.out().contains("engines") && h.out().contains("fields"), "subcommands listed");
        // every subcommand, in order, although a run that names none never builds their models
        String commands = h.out().substring(h.out().indexOf("Commands:"));
        int at = 0;
        for (String name : Cli.SUBCOMMANDS.keySet()) {
            int i = commands.indexOf("\n  " + name + " ");
            assertTrue(i > at, name + " listed after the one before it:\n" + commands);
            at = i;
        }
    }

    @Test void subcommandModelsAreBuiltOnlyWhenAnArgumentCanNameOne() {
        assertFalse(Cli.mayNameSubcommand(new String[] {"x.pcap", "-f", "fields", "-e", "ip.src"}));
        assertFalse(Cli.mayNameSubcommand(new String[] {"x.pcap", "--format", "fields", "-e", "ip.src"}));
        assertFalse(Cli.mayNameSubcommand(new String[] {"-j", "x.pcap", "-V"}));
        assertFalse(Cli.mayNameSubcommand(new String[] {"--", "fields"}));
        assertTrue(Cli.mayNameSubcommand(new String[] {}));
        assertTrue(Cli.mayNameSubcommand(new String[] {"fields"}));
        assertTrue(Cli.mayNameSubcommand(new String[] {"follow", "x.pcap", "-f", "fields"}));
        assertTrue(Cli.mayNameSubcommand(new String[] {"x.pcap", "-h"}));
        // a subcommand still runs when named after a main-command option, as picocli allows
        CliRun r = CliRun.of("-E", "native", "engines");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("native (default)"), r.out());
    }

    // ------------------------------------------------------------------ usage errors: one line, exit 2

    @Test void unknownEngineIsAnErrorListingTheAvailableOnes() {
        // native first, then whichever other engines can run here (tshark when it is installed …)
        oneLine(CliRun.of("-E", "nosuch", SAMPLE.toString()), 2,
                "pcapkit: unknown engine 'nosuch'; available: native(, [\\w-]+)*");
        oneLine(CliRun.of("fields", "-E", "nosuch"), 2, "pcapkit: unknown engine 'nosuch'; available: native(, [\\w-]+)*");
    }

    @Test void missingFileIsOneLineAndExit2() {
        oneLine(CliRun.of("no/such/file.pcap"), 2, "pcapkit: no/such/file.pcap: no such file");
        oneLine(CliRun.of(CliRun.root().toString()), 2, "pcapkit: .*: is a directory");
    }

    @Test void badOptionsAreOneLineAndExit2() {
        String s = SAMPLE.toString();
        oneLine(CliRun.of("--bogus", s), 2, "pcapkit: Unknown option: '--bogus' \\(see pcapkit --help\\)");
        oneLine(CliRun.of(), 2, "pcapkit: no input file \\(see pcapkit --help\\)");
        oneLine(CliRun.of("-f", "yaml", s), 2, "pcapkit: unknown format 'yaml' \\(json, plist, tree, fields\\)");
        oneLine(CliRun.of("-j", "-t", s), 2, "pcapkit: more than one format asked: json, tree");
        oneLine(CliRun.of("-L", "session", s), 2, "pcapkit: unknown layer 'session' .*");
        oneLine(CliRun.of("-f", "fields", s), 2, "pcapkit: the fields format needs at least one -e FIELD");
        oneLine(CliRun.of("-j", "-e", "ip.src", s), 2, "pcapkit: -e FIELD selects columns of the fields format, not of json");
        oneLine(CliRun.of("-E", "header=y", s), 2, "pcapkit: -E header=y is a setting of the fields format .*");
        oneLine(CliRun.of("-e", "ip.src", "-E", "quote=x", s), 2, "pcapkit: -E quote=x: expected d, s or n");
        oneLine(CliRun.of("-E", "native", "-E", "tshark", s), 2, "pcapkit: two engines given: native and tshark");
        oneLine(CliRun.of("-F", s), 2, "pcapkit: -F writes one file per frame and needs a folder: -o FOLDER");
        oneLine(CliRun.of("-P", "NoSuchProto", s), 2, "pcapkit: unknown protocol 'NoSuchProto' .*");
        oneLine(CliRun.of("--decode-as", "udp.port==x,eth", s), 2, "pcapkit: bad --decode-as .*");
    }

    // ------------------------------------------------------------------ runs over real captures

    private static void assumeReader() {
        String problem = CliRun.nativeReaderProblem();
        CliRun.assume(problem == null, String.valueOf(problem));
    }

    @Test void verboseWritesOneLinePerFrame(@TempDir Path tmp) throws IOException {
        assumeReader();
        Path out = tmp.resolve("report.json");
        CliRun r = CliRun.of("-v", "-o", out.toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(36, lines.size(), r.out());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches("Frame " + (i + 1) + ": Ethernet(:[A-Za-z0-9_]+)*"), lines.get(i));
        }
        assertTrue(Files.readString(out).startsWith("{\n\t\"Global Header\": {"), "format from the -o extension");
        // the document on stdout: the lines go to stderr instead
        CliRun s = CliRun.of("-v", "-j", "-c", "2", SAMPLE.toString());
        assertEquals("Frame 1: " + lines.getFirst().substring(9) + "\nFrame 2: " + lines.get(1).substring(9) + "\n", s.err());
        assertTrue(s.out().startsWith("{\n"));
    }

    @Test void fieldsAgreeWithTsharkOnTheSample() throws Exception {
        assumeReader();
        CliRun.assume(tshark(), "tshark is not installed (apt-get install -y tshark)");
        List<String> names = new ArrayList<>(List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
                "eth.dst", "eth.src", "eth.type", "ip.version", "ip.hdr_len", "ip.len", "ip.id", "ip.flags",
                "ip.flags.df", "ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst", "ipv6.plen", "ipv6.nxt",
                "ipv6.hlim", "ipv6.src", "ipv6.dst", "icmp.type", "icmp.code", "icmp.checksum", "icmpv6.type",
                "icmpv6.code", "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags",
                "tcp.flags.syn", "tcp.window_size_value", "tcp.options.mss_val", "tcp.option_kind",
                "tcp.options.timestamp.tsval", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum"));
        // compare only what pcapkit's decoders declare so far (the engine declares them when created)
        CliRun.of("fields");
        names.removeIf(n -> !n.startsWith("frame.") && io.pcapkit.model.Fields.find(n) == null);
        List<String> args = new ArrayList<>(List.of(SAMPLE.toString()));
        for (String n : names) { args.add("-e"); args.add(n); }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", SAMPLE.toString(), "-T", "fields"));
        for (String n : names) { cmd.add("-e"); cmd.add(n); }
        List<String> expected = run(cmd).lines().toList();
        List<String> actual = r.out().lines().toList();
        assertEquals(expected.size(), actual.size(), "one line per frame, as tshark");
        // Every value pcapkit prints must be tshark's. Where tshark decodes deeper (the packet an ICMP error
        // quotes) pcapkit's occurrences must be the first of tshark's: the decoders' own differential tests
        // hold them to the rest. Frame and Ethernet columns must match exactly.
        List<String> notYet = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String[] t = expected.get(i).split("\t", -1);
            String[] p = actual.get(i).split("\t", -1);
            assertEquals(names.size(), p.length, "columns of " + actual.get(i));
            for (int c = 0; c < names.size(); c++) {
                String where = "frame " + (i + 1) + " " + names.get(c) + ": tshark '" + t[c] + "', pcapkit '" + p[c] + "'";
                if (names.get(c).startsWith("frame.") || names.get(c).startsWith("eth.")) {
                    assertEquals(t[c], p[c], where);
                } else if (!t[c].equals(p[c])) {
                    assertTrue(p[c].isEmpty() || (t[c] + ",").startsWith(p[c] + ","), where);
                    notYet.add(where);
                }
            }
        }
        if (!notYet.isEmpty()) System.out.println("fields tshark decodes and pcapkit not yet: " + notYet);
    }

    @Test void damagedFileWritesEveryReadableFrameThenOneLineAndExit1() {
        assumeReader();
        Path damaged = CliRun.captures().resolve("dpkt/truncated_dns_2.pcap");
        CliRun.assume(Files.isRegularFile(damaged), damaged + " is absent (the shared capture corpus)");
        CliRun r = CliRun.of("-j", damaged.toString());
        oneLine(r, 1, "pcapkit: .*truncated_dns_2\\.pcap: offset \\d+: .+");
        assertTrue(r.out().contains("\"Frame 1\": {"), "the readable frame is written");
        assertTrue(r.out().endsWith("}\n"), "and the document is complete");
        assertFalse(r.out().contains("\"Frame 2\""));
    }

    @Test void outputFilesAreWrittenAtomicallyWithAutoExtensionAndCount(@TempDir Path tmp) throws IOException {
        assumeReader();
        CliRun r = CliRun.of("-p", "-a", "-c", "3", "-o", tmp.resolve("out").toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("out.plist"), files.map(p -> p.getFileName().toString()).toList(), "no .part left");
        }
        String plist = Files.readString(tmp.resolve("out.plist"));
        assertTrue(plist.contains("<key>Frame 3</key>") && !plist.contains("<key>Frame 4</key>"));
    }

    @Test void oneFilePerFrameIntoAFolder(@TempDir Path tmp) throws IOException {
        assumeReader();
        Path dir = tmp.resolve("frames");
        CliRun r = CliRun.of("-F", "-t", "-c", "2", "-o", dir.toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("Frame 1.txt", "Frame 2.txt", "Global Header.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("Frame 2.txt")).startsWith("Frame 2\n  |-- number -> 2\n"));
    }

    @Test void standardInputIsReadWithDash() throws IOException {
        assumeReader();
        byte[] pcap = Files.readAllBytes(SAMPLE);
        CliRun r = CliRun.withInput(new ByteArrayInputStream(pcap), "-", "-e", "frame.number", "-c", "4");
        assertEquals(0, r.code(), r.err());
        assertEquals("1\n2\n3\n4\n", r.out());
    }

    private static boolean tshark() {
        try {
            return new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
