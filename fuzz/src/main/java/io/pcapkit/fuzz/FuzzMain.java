package io.pcapkit.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mutation harness's command line (run by {@code fuzz/run.sh}). Prints the figures table; exits 1 when any
 * engine crashed, hung or lost frames, or the CLI check failed; 2 on a usage error.
 *
 * <pre>
 * --engines native,pcap4j,kaitai,tshark   engines to run (default: all four)
 * --frames N | ENGINE=N,...              mutated frames to try per engine (default 100000)
 * --seed S                               first seed (default 1); seeds then count up
 * --seeds K                              run at most K seeds (default: until the frame targets are met)
 * --captures DIR                         the corpus (default ../shared/captures)
 * --mutators a,b                         mutator names (default: all)
 * --only rel/path.pcap,...               restrict to these corpus captures
 * --cli-every N                          run the CLI check on every N-th damaged file (default 10, 0: never)
 * --minutes M                            stop after M minutes whatever the counts (default: no limit)
 * --work DIR                             where files, findings/ and findings.tsv go (default fuzz/target/fuzz-run)
 * </pre>
 */
public final class FuzzMain {
    private FuzzMain() { }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        List<String> engines = List.of("native", "pcap4j", "kaitai", "tshark");
        String frames = "100000";
        long seed = 1;
        long seeds = 0;
        Path captures = Path.of("../shared/captures");
        String mutators = null;
        List<String> only = List.of();
        int cliEvery = 10;
        long minutes = 0;
        Path work = Path.of("fuzz/target/fuzz-run");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: fuzz/run.sh [--engines native,pcap4j,kaitai,tshark] [--frames N|E=N,..]"
                        + " [--seed S] [--seeds K] [--captures DIR] [--mutators a,b] [--only rel.pcap,..] [--cli-every N]"
                        + " [--minutes M] [--work DIR]");
                System.out.println("mutators: " + String.join(" ", Mutators.all().stream().map(Mutator::name)
                        .toList()));
                return 0;
            }
            if (i + 1 >= args.length) return usage("missing value after " + a);
            String v = args[++i];
            switch (a) {
                case "--engines" -> engines = List.of(v.split(","));
                case "--frames" -> frames = v;
                case "--seed" -> seed = Long.parseLong(v);
                case "--seeds" -> seeds = Long.parseLong(v);
                case "--captures" -> captures = Path.of(v);
                case "--mutators" -> mutators = v;
                case "--only" -> only = List.of(v.split(","));
                case "--cli-every" -> cliEvery = Integer.parseInt(v);
                case "--minutes" -> minutes = Long.parseLong(v);
                case "--work" -> work = Path.of(v);
                default -> { return usage("unknown option " + a); }
            }
        }
        if (!Files.isDirectory(captures)) return usage("capture corpus not found: " + captures);
        String tshark = TsharkOracle.find();
        if (tshark == null) return usage("tshark not found on PATH: it is the oracle for frame counts");
        Map<String, Long> targets = targets(frames, engines);
        if (targets == null) return usage("bad --frames " + frames);
        List<Mutator> ms = Mutators.named(mutators);
        if (ms.isEmpty()) return usage("no mutator matches " + mutators);
        long deadline = minutes > 0 ? System.nanoTime() + minutes * 60_000_000_000L : Long.MAX_VALUE;
        Files.createDirectories(work);
        Campaign c = new Campaign(new Campaign.Config(captures, engines, targets, seed, seeds, ms, work, cliEvery,
                deadline, only), tshark, System.out);
        long t0 = System.nanoTime();
        Tally t = c.run();
        System.out.printf(Locale.ROOT, "%n%d s; oracle: %d tshark and %d capinfos runs; findings in %s%n",
                (System.nanoTime() - t0) / 1_000_000_000L, c.oracle().tsharkRuns(), c.oracle().capinfosRuns(),
                work.resolve("findings.tsv"));
        t.print(System.out);
        return t.clean() ? 0 : 1;
    }

    /** "N" for every engine, or "engine=N,..." (engines not named get 0). */
    static Map<String, Long> targets(String spec, List<String> engines) {
        Map<String, Long> m = new HashMap<>();
        try {
            if (!spec.contains("=")) {
                for (String e : engines) m.put(e, Long.parseLong(spec));
                return m;
            }
            for (String e : engines) m.put(e, 0L);
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (!engines.contains(kv[0])) return null;
                m.put(kv[0], Long.parseLong(kv[1]));
            }
            return m;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int usage(String why) {
        System.err.println("fuzz: " + why + " (see fuzz/run.sh --help)");
        return 2;
    }

}
