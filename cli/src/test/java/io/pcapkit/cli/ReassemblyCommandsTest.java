package io.pcapkit.cli;

import io.pcapkit.Extraction;
import io.pcapkit.Pcapkit;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** follow, trace and reassemble on the bundled sample (36 loopback frames: HTTP over v4 and v6, UDP, pings). */
class ReassemblyCommandsTest {
    static final Path SAMPLE = CliRun.sample("loopback.pcap");

    @Test void followPrintsWhatTsharkPrints() throws Exception {
        CliRun.assume(tshark(), "tshark is not installed (apt-get install -y tshark)");
        for (String mode : List.of("ascii", "hex", "raw")) {
            for (int n = 0; n < 3; n++) {
                String theirs = run(List.of("tshark", "-n", "-r", SAMPLE.toString(), "-qz", "follow,tcp," + mode + "," + n));
                CliRun ours = CliRun.of("follow", SAMPLE.toString(), "--stream", String.valueOf(n), "--format", mode);
                assertEquals(0, ours.code(), ours.err());
                assertEquals(theirs, ours.out(), "follow,tcp," + mode + "," + n);
            }
        }
    }

    @Test void followUsageErrors() {
        assertEquals(2, CliRun.of("follow", SAMPLE.toString(), "--stream", "0", "--format", "yaml").code());
        assertEquals(2, CliRun.of("follow", "no-such.pcap", "--stream", "0").code());
        assertEquals(2, CliRun.of("follow", SAMPLE.toString(), "--stream", "0", "-E", "nonesuch").code());
    }

    @Test void traceWritesEveryTransportFrameOnceBidirectional(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("trace", "-o", dir.toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        String index = Files.readString(dir.resolve("index.json"));
        long indexed = countFrames(index);
        long written = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pcap")).toList()) written += frames(f).size();
        }
        // every TCP and UDP frame of the sample: tshark -Y "tcp || udp" counts 28, one of them the ICMPv6
        // unreachable that quotes a UDP header, which belongs to no flow
        assertEquals(27, indexed);
        assertEquals(indexed, written);
        CliRun uni = CliRun.of("trace", "--unidirectional", "-f", "pcapng", "-o", dir.resolve("uni").toString(),
                SAMPLE.toString());
        assertEquals(0, uni.code(), uni.err());
        String uniIndex = Files.readString(dir.resolve("uni").resolve("index.json"));
        assertTrue(flows(uniIndex) > flows(index), "one flow per direction");
        assertEquals(27, countFrames(uniIndex));
    }

    @Test void reassembleWritesTheFollowedBytes(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("reassemble", "--tcp", "-o", dir.toString(), SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("index.json")).contains("\"tcp_streams\": ["));
        CliRun f = CliRun.of("follow", SAMPLE.toString(), "--stream", "0", "--format", "raw");
        StringBuilder client = new StringBuilder(), server = new StringBuilder();
        for (String line : f.out().split("\n")) {
            if (!line.strip().matches("[0-9a-f]+")) continue;
            (line.startsWith("\t") ? server : client).append(line.strip());
        }
        assertArrayEquals(java.util.HexFormat.of().parseHex(client), Files.readAllBytes(dir.resolve("tcp_00000_client.bin")));
        assertArrayEquals(java.util.HexFormat.of().parseHex(server), Files.readAllBytes(dir.resolve("tcp_00000_server.bin")));
    }

    private static long countFrames(String index) {
        long n = 0;
        Matcher m = Pattern.compile("\"frames\": \\[([^]]*)]").matcher(index);
        while (m.find()) n += m.group(1).isBlank() ? 0 : m.group(1).split(",").length;
        return n;
    }

    private static long flows(String index) { return index.split("\"flow\": ").length - 1; }

    private static List<Long> frames(Path capture) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Extraction x = Pcapkit.extract(capture).engine("native").open()) {
            for (Frame f : x) out.add(f.number());
        }
        return out;
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
