package io.pcapkit.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --workers N} gives byte for byte the output of one worker in every format (json and fields are rendered
 * on the decoding threads, tree and plist on the writing thread), and {@code --no-output} decodes and writes
 * nothing.
 */
class WorkersTest {
    private static final String[] FIELDS = {"-e", "frame.number", "-e", "frame.protocols", "-e", "eth.src", "-e",
            "ip.src", "-e", "ipv6.dst", "-e", "tcp.flags", "-e", "tcp.options.sack.count", "-e", "udp.length",
            "-e", "frame.time_delta", "-e", "icmpv6.type"};

    private static void sameOutput(Path capture, String... args) {
        List<String> one = new ArrayList<>(List.of(capture.toString()));
        one.addAll(List.of(args));
        List<String> many = new ArrayList<>(one);
        many.addAll(List.of("--workers", "3"));
        CliRun a = CliRun.of(one.toArray(String[]::new));
        CliRun b = CliRun.of(many.toArray(String[]::new));
        assertEquals(a.code(), b.code(), capture + " " + String.join(" ", args));
        assertEquals(a.err(), b.err(), capture + " " + String.join(" ", args));
        assertEquals(a.out(), b.out(), capture + " " + String.join(" ", args));
    }

    @Test void everyFormatIsTheSameOnSeveralWorkers() {
        Path sample = CliRun.sample("loopback.pcap");
        sameOutput(sample, "-f", "json");
        sameOutput(sample, "-f", "tree");
        sameOutput(sample, "-f", "plist");
        sameOutput(sample, FIELDS);
        sameOutput(CliRun.sample("loopback.pcapng"), "-f", "json");
        sameOutput(sample, "-f", "json", "-c", "5");
    }

    @Test void corpusJsonAndFieldsAreTheSameOnSeveralWorkers() throws IOException {
        Path dir = CliRun.captures();
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> {
            System.out.println("SKIPPED: WorkersTest corpus part: no capture corpus at " + dir);
            return "no capture corpus at " + dir;
        });
        List<Path> caps;
        try (Stream<Path> s = Files.walk(dir)) {
            caps = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        }
        for (Path cap : caps) {
            sameOutput(cap, "-f", "json");
            sameOutput(cap, FIELDS);
        }
        assertTrue(caps.size() > 100);
    }

    @Test void noOutputDecodesAndWritesNothing() {
        CliRun r = CliRun.of(CliRun.sample("loopback.pcap").toString(), "--no-output");
        assertEquals(0, r.code());
        assertEquals("", r.out());
        CliRun v = CliRun.of(CliRun.sample("loopback.pcap").toString(), "--no-output", "-v", "--workers", "2");
        assertEquals(36, v.out().lines().count());
        assertTrue(v.out().startsWith("Frame 1: Ethernet:IPv4:TCP"), v.out());
        CliRun bad = CliRun.of(CliRun.sample("loopback.pcap").toString(), "--no-output", "-o", "x.json");
        assertEquals(2, bad.code());
    }
}
