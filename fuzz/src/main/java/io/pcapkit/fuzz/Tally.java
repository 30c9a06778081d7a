package io.pcapkit.fuzz;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The figures per engine: files and frames tried, crashes, hangs, frames lost versus tshark. */
public final class Tally {
    /** One engine's counters. */
    public static final class Row {
        public long files;
        public long frames;
        public long crashes;
        public long hangs;
        public long lost;
        /** Files on which frames were lost. */
        public long lossFiles;
        /** Frames emitted beyond tshark's count (not a failure: shown so misframing is visible). */
        public long extra;
        public long fileErrors;
        /** tshark frames from another record framing of a damaged classic PCAP (see {@link Reframing}). */
        public long reframed;
        /** Unmutated corpus captures this engine already loses frames on (skipped for it), and those frames. */
        public long baselineCaptures;
        public long baselineLost;

        public boolean clean() { return crashes == 0 && hangs == 0 && lost == 0; }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    /** CLI checks run and failed. */
    public long cliChecks;
    public long cliFailures;
    /** Files whose tshark count was taken over from the source, re-checked with tshark, and disagreeing. */
    public long oracleChecks;
    public long oracleMismatches;

    public Row row(String engine) { return rows.computeIfAbsent(engine, k -> new Row()); }

    public Map<String, Row> rows() { return rows; }

    public boolean clean() {
        return rows.values().stream().allMatch(Row::clean) && cliFailures == 0 && oracleMismatches == 0;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %9s %11s %8s %6s %11s %9s %9s %11s%n", "engine", "files", "frames",
                "crashes", "hangs", "lost", "reframed", "extra", "file-errors");
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            out.printf(Locale.ROOT, "%-8s %9d %11d %8d %6d %11d %9d %9d %11d%n", e.getKey(), r.files, r.frames,
                    r.crashes, r.hangs, r.lost, r.reframed, r.extra, r.fileErrors);
        }
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            if (r.baselineCaptures > 0) {
                out.printf(Locale.ROOT, "%s: %d unmutated captures already lose %d frames (engine limit, listed as "
                        + "BASELINE in findings.tsv) and are not mutated for it%n", e.getKey(), r.baselineCaptures,
                        r.baselineLost);
            }
        }
        out.printf(Locale.ROOT, "cli: %d damaged-file checks, %d failed; oracle re-checks: %d, %d disagreed%n",
                cliChecks, cliFailures, oracleChecks, oracleMismatches);
    }
}
