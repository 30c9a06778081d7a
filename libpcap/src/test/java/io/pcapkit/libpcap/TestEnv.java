package io.pcapkit.libpcap;

import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the corpus, tcpdump and libpcap are for this module's tests; every skip says why on the console. */
final class TestEnv {
    private TestEnv() { }

    static Path corpus() {
        String p = System.getProperty("captures.dir");
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath().normalize();
        return Path.of(System.getProperty("project.root", ".."), "..", "shared", "captures").toAbsolutePath()
                .normalize();
    }

    static void assume(boolean ok, String why) {
        if (!ok) System.out.println("SKIPPED: " + why);
        Assumptions.assumeTrue(ok, why);
    }

    static void assumeLibpcap() {
        assume(Libpcap.available(), "libpcap cannot be used here: " + Libpcap.unavailableReason());
    }

    static void assumeCorpus() {
        assume(Files.isDirectory(corpus()), "capture corpus not found at " + corpus() + " (set -Dcaptures.dir=…)");
    }

    static void assumeTcpdump() {
        boolean ok;
        try {
            ok = run(List.of("tcpdump", "--version")).exit == 0;
        } catch (IOException e) {
            ok = false;
        }
        assume(ok, "tcpdump is not installed (apt-get install -y tcpdump)");
    }

    /** Every capture file of the corpus, sorted. */
    static List<Path> captures() {
        try (Stream<Path> s = Files.walk(corpus())) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exit, byte[] out, String err) { }

    static Result run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = Thread.ofVirtual().start(() -> {
            try (InputStream e = p.getErrorStream()) {
                e.transferTo(err);
            } catch (IOException ignored) {
                // the process went away; what was read is enough for a message
            }
        });
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            int code = p.waitFor();
            t.join();
            return new Result(code, out, err.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One record of a PCAP file: its header fields and bytes. */
    record Rec(long seconds, long fraction, int caplen, int len, byte[] data) {
        boolean sameBytes(byte[] other) { return java.util.Arrays.equals(data, other); }
    }

    /** The records of a little- or big-endian PCAP file (as tcpdump -w writes). */
    static List<Rec> pcapRecords(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        List<Rec> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= file.length) {
            long sec = Integer.toUnsignedLong(b.getInt(pos));
            long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
            int caplen = b.getInt(pos + 8);
            int len = b.getInt(pos + 12);
            byte[] d = java.util.Arrays.copyOfRange(file, pos + 16, pos + 16 + caplen);
            out.add(new Rec(sec, frac, caplen, len, d));
            pos += 16 + caplen;
        }
        return out;
    }
}
