package io.pcapkit.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The harness's loop: seeds × mutators × captures, each mutated file written once, read by every engine still
 * below its frame target, judged against tshark's frame count, and (every {@code cliEvery}-th damaged file) run
 * through the command line. Files with a finding are kept in {@code findings/} under their reproducible name, with
 * one line each in {@code findings.tsv}; the rest are deleted.
 */
public final class Campaign {
    /** Every how many payload-only files the source's tshark count is re-checked by running tshark. */
    static final int ORACLE_RECHECK_EVERY = 25;

    /**
     * One campaign's settings.
     *
     * @param seeds how many seeds to run at most (0: until the frame targets or the deadline)
     */
    public record Config(Path captures, List<String> engines, Map<String, Long> frameTargets, long firstSeed,
                         long seeds, List<Mutator> mutators, Path workDir, int cliEvery, long deadlineNanos,
                         List<String> onlyCaptures) { }

    private final Config cfg;
    private final PrintStream log;
    private final Tally tally = new Tally();
    private final TsharkOracle oracle;
    private final Map<String, Long> sourceCounts = new HashMap<>();
    private final Map<String, EngineRunner> runners = new LinkedHashMap<>();
    /** Per engine, the corpus captures it already loses frames on unmutated (its documented limits). */
    private final Map<String, java.util.Set<String>> limited = new HashMap<>();
    private long shortcutFiles;
    private long lastProgress = System.nanoTime();
    private long damagedFiles;

    public Campaign(Config cfg, String tshark, PrintStream log) {
        this.cfg = cfg;
        this.log = log;
        this.oracle = new TsharkOracle(tshark);
    }

    public Tally tally() { return tally; }

    public Tally run() throws IOException {
        List<Source> sources = loadSources();
        Path work = cfg.workDir().resolve("files");
        Path findings = cfg.workDir().resolve("findings");
        Path cliOut = cfg.workDir().resolve("cli-out");
        Files.createDirectories(work);
        Files.createDirectories(findings);
        Files.createDirectories(cliOut);
        for (String e : cfg.engines()) {
            long first = e.equals("tshark") ? 15_000 : 5_000;
            runners.put(e, new EngineRunner(e, 1_000, first));
            tally.row(e);
            limited.put(e, new java.util.HashSet<>());
        }
        try (PrintStream tsv = new PrintStream(Files.newOutputStream(cfg.workDir().resolve("findings.tsv")), true)) {
            tsv.println("file\tengine\tkind\ttshark_frames\tengine_frames\tdetail");
            baseline(sources, tsv);
            for (long seed = cfg.firstSeed(); !done(); seed++) {
                if (cfg.seeds() > 0 && seed - cfg.firstSeed() >= cfg.seeds()) break;
                boolean produced = false;
                for (Mutator m : cfg.mutators()) {
                    for (Source src : sources) {
                        if (done()) break;
                        byte[] bytes = m.mutate(src, seed);
                        if (bytes == null) continue;
                        produced = true;
                        String name = src.name().replace('/', '_').replaceAll("\\.[^.]*$", "") + "__" + m.name()
                                + "__s" + seed + "." + src.extension();
                        Path file = work.resolve(name);
                        Files.write(file, bytes);
                        boolean keep = runFile(src, m, file, bytes, tsv);
                        progress(seed);
                        if (keep) Files.copy(file, findings.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        Files.delete(file);
                    }
                }
                if (!produced) break;
            }
        } finally {
            runners.values().forEach(EngineRunner::close);
        }
        return tally;
    }

    /** One line a minute, so a long run shows where it is. */
    private void progress(long seed) {
        if (System.nanoTime() - lastProgress < 60_000_000_000L) return;
        lastProgress = System.nanoTime();
        StringBuilder b = new StringBuilder("progress: seed ").append(seed);
        tally.rows().forEach((e, r) -> b.append(", ").append(e).append(' ').append(r.files).append(" files ")
                .append(r.frames).append(" frames"));
        log.println(b);
    }

    private boolean done() {
        if (System.nanoTime() > cfg.deadlineNanos()) return true;
        for (String e : cfg.engines()) {
            if (tally.row(e).frames < cfg.frameTargets().get(e)) return false;
        }
        return true;
    }

    private boolean runFile(Source src, Mutator m, Path file, byte[] bytes, PrintStream tsv) throws IOException {
        CaptureLayout layout = CaptureLayout.parse(bytes);
        long expected = m.touchesFraming() ? oracle.count(file, layout.format) : sourceCount(src);
        // the two shortcuts (the source's count for payload-only mutations, capinfos for classic PCAP) are
        // re-checked against tshark on a sample; a disagreement fails the run
        boolean shortcut = !m.touchesFraming() || layout.format == CaptureLayout.Format.PCAP;
        if (shortcut && ++shortcutFiles % ORACLE_RECHECK_EVERY == 0) recheck(file, expected, tsv);
        boolean keep = false;
        Outcome nativeOutcome = null;
        for (Map.Entry<String, EngineRunner> e : runners.entrySet()) {
            Tally.Row row = tally.row(e.getKey());
            if (row.frames >= cfg.frameTargets().get(e.getKey())) continue;
            if (limited.get(e.getKey()).contains(src.name())) continue;
            Outcome o = e.getValue().run(file);
            if (e.getKey().equals("native")) nativeOutcome = o;
            row.files++;
            row.frames += Math.max(expected, o.frames());
            if (o.result() == Outcome.Result.FILE_ERROR) row.fileErrors++;
            String kind = countFailure(row, o);
            if (kind == null && expected >= 0 && expected > o.frames()) {
                if (shortcut) recheck(file, expected, tsv);
                if (Reframing.byTshark(layout, oracle.tshark(file))) {
                    row.reframed += expected - o.frames();
                    kind = "REFRAMED";
                } else {
                    row.lost += expected - o.frames();
                    row.lossFiles++;
                    kind = "LOST";
                }
            }
            if (expected >= 0 && o.frames() > expected) row.extra += o.frames() - expected;
            if (kind != null) {
                keep = true;
                String line = file.getFileName() + "\t" + e.getKey() + "\t" + kind + "\t" + expected + "\t"
                        + o.frames() + "\t" + o.detail().replace('\t', ' ').replace('\n', ' ');
                tsv.println(line);
                log.println(line);
            }
        }
        if (nativeOutcome != null && cfg.cliEvery() > 0 && nativeOutcome.result() != Outcome.Result.CRASH
                && nativeOutcome.result() != Outcome.Result.HANG) {
            boolean damaged = nativeOutcome.result() == Outcome.Result.FILE_ERROR;
            if (damaged && ++damagedFiles % cfg.cliEvery() == 0) {
                tally.cliChecks++;
                String problem = CliCheck.check(file, true, cfg.workDir().resolve("cli-out"));
                if (problem != null) {
                    tally.cliFailures++;
                    keep = true;
                    String line = file.getFileName() + "\tcli\tCLI\t" + expected + "\t-\t" + problem;
                    tsv.println(line);
                    log.println(line);
                }
            }
        }
        return keep;
    }

    /** Counts a crash or a hang in the engine's row and names it for findings.tsv; null for any other outcome. */
    private static String countFailure(Tally.Row row, Outcome o) {
        switch (o.result()) {
            case CRASH -> {
                row.crashes++;
                return "CRASH";
            }
            case HANG -> {
                row.hangs++;
                return "HANG";
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Every engine on every unmutated capture first. A crash or hang there counts like any other; a capture the
     * engine already loses frames on is that engine's known limit (listed, with the frames, as BASELINE) and is not
     * mutated for it, so the figures measure what damage does.
     */
    private void baseline(List<Source> sources, PrintStream tsv) {
        for (Map.Entry<String, EngineRunner> e : runners.entrySet()) {
            Tally.Row row = tally.row(e.getKey());
            for (Source src : sources) {
                long expected = sourceCount(src);
                Outcome o = e.getValue().run(src.path());
                String kind = countFailure(row, o);
                if (kind == null && expected > o.frames() && !Reframing.byTshark(src.layout(), oracle.tshark(src.path()))) {
                    limited.get(e.getKey()).add(src.name());
                    row.baselineCaptures++;
                    row.baselineLost += expected - o.frames();
                    kind = "BASELINE";
                }
                if (kind != null) {
                    String line = src.name() + "\t" + e.getKey() + "\t" + kind + "\t" + expected + "\t"
                            + o.frames() + "\t" + o.detail().replace('\t', ' ').replace('\n', ' ');
                    tsv.println(line);
                    log.println(line);
                }
            }
        }
    }

    private long sourceCount(Source src) {
        return sourceCounts.computeIfAbsent(src.name(), k -> oracle.count(src.path(), src.layout().format));
    }

    private void recheck(Path file, long expected, PrintStream tsv) {
        tally.oracleChecks++;
        long real = oracle.tshark(file).count();
        if (real != expected) {
            tally.oracleMismatches++;
            String line = file.getFileName() + "\t-\tORACLE\t" + real + "\t" + expected
                    + "\tcapinfos or the source's count disagrees with tshark";
            tsv.println(line);
            log.println(line);
        }
    }

    private List<Source> loadSources() {
        List<Source> out = new ArrayList<>();
        Path dir = cfg.captures();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (!cfg.onlyCaptures().isEmpty() && !cfg.onlyCaptures().contains(rel)) continue;
                out.add(new Source(rel, p, Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public TsharkOracle oracle() { return oracle; }
}
