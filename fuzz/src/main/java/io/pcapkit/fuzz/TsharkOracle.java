package io.pcapkit.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many frames Wireshark's file reader (wiretap) gets from a file, the count every engine must reach.
 *
 * <p>{@link #tshark} runs {@code tshark -n -r F -T fields -e frame.number -e frame.cap_len}: one line per frame
 * read before any damage (tshark reports the damage on stderr). Starting tshark costs ~0.5 s of CPU, which would
 * cap the harness at a few thousand files an hour, so for classic PCAP files {@link #count} asks {@code capinfos}
 * instead: the same wiretap reader without the dissectors (~10 ms), and in classic PCAP every record wiretap
 * returns is a packet, so its packet count is tshark's frame count (in PCAPNG it is not: tshark also numbers
 * custom and event blocks, so PCAPNG always goes to tshark). The harness re-checks that equality with tshark on a
 * sample and fails the run on any disagreement.
 */
public final class TsharkOracle {
    /** A file tshark itself takes this long on is reported as unknown (-1), not waited for. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern PACKETS = Pattern.compile("Number of packets:\\s*(\\d+)");
    private static final Pattern AFTER = Pattern.compile("error occurred after reading (\\d+) packets");

    /** Wiretap's encapsulation for "the whole file as one record" (its MIME-file reader). */
    static final int ENCAP_MIME = 134;

    /**
     * tshark's frames: their number, captured lengths and encapsulation types (null when unknown).
     */
    public record Frames(long count, int[] capLens, int[] encaps) {
        /**
         * Whether tshark read no capture at all but the whole file as one record: its MIME-file reader, or another
         * whole-document reader (JSON, ...). A capture's packet is never the whole file: headers take bytes.
         */
        public boolean wholeFile(long fileSize) {
            if (count != 1 || encaps == null) return false;
            return encaps[0] == ENCAP_MIME || capLens[0] == fileSize;
        }
    }

    private final String tshark;
    private final String capinfos;
    private final Map<String, Frames> cache = new HashMap<>();
    private long tsharkRuns;
    private long capinfosRuns;

    public TsharkOracle(String tshark) {
        this.tshark = tshark;
        Path ci = Path.of(tshark).resolveSibling("capinfos");
        this.capinfos = Files.isExecutable(ci) ? ci.toString() : null;
    }

    /** The tshark found on PATH, or null. */
    public static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "tshark");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    public long tsharkRuns() { return tsharkRuns; }

    public long capinfosRuns() { return capinfosRuns; }

    /** Frames wiretap reads from {@code file}: capinfos for classic PCAP, else tshark; -1 when unknown. */
    public long count(Path file, CaptureLayout.Format format) {
        if (format == CaptureLayout.Format.PCAP && capinfos != null) return capinfos(file);
        return tshark(file).count();
    }

    /** tshark's own reading of {@code file} (cached per path). */
    public Frames tshark(Path file) {
        String key = file.toAbsolutePath().toString();
        Frames f = cache.get(key);
        if (f == null) {
            f = runTshark(file);
            cache.put(key, f);
        }
        return f;
    }

    private Frames runTshark(Path file) {
        tsharkRuns++;
        List<String> out = run(List.of(tshark, "-n", "-r", file.toString(), "-T", "fields", "-e", "frame.number",
                "-e", "frame.cap_len", "-e", "frame.encap_type"), false);
        if (out == null) return new Frames(-1, null, null);
        int[] caps = new int[out.size()];
        int[] encaps = new int[out.size()];
        for (int i = 0; i < caps.length; i++) {
            String[] cols = out.get(i).split("\t", -1);
            caps[i] = cols.length > 1 ? parse(cols[1]) : -1;
            encaps[i] = cols.length > 2 ? parse(cols[2]) : -1;
        }
        return new Frames(caps.length, caps, encaps);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long capinfos(Path file) {
        capinfosRuns++;
        List<String> out = run(List.of(capinfos, "-c", "-M", file.toString()), true);
        if (out == null) return -1;
        for (String line : out) {
            Matcher m = AFTER.matcher(line);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        for (String line : out) {
            Matcher m = PACKETS.matcher(line);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return 0;   // not opened at all: not a capture wiretap reads
    }

    /** The command's stdout lines (with stderr when {@code withErr}), or null when it did not finish. */
    private static List<String> run(List<String> cmd, boolean withErr) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (withErr) pb.redirectErrorStream(true);
        else pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return lines;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
