package io.pcapkit.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human form of a {@link ComparisonReport}: per pair a line of frame counts, a table per protocol, the fields
 * that differ with their first differences, and the fields only one engine produces.
 */
public final class ReportText {
    private ReportText() { }

    /**
     * @param allFields list every compared field, not only those below {@code threshold}
     */
    public static void write(ComparisonReport r, PrintWriter out, double threshold, boolean allFields) {
        out.println("pcapkit compare: " + r.capture());
        for (ComparisonReport.Pair p : r.pairs()) {
            out.println();
            out.printf(Locale.ROOT, "%s vs %s: %d frames compared, %d only in %s, %d only in %s%n", p.left(), p.right(),
                    p.frames(), p.onlyLeftFrames(), p.left(), p.onlyRightFrames(), p.right());
            out.printf(Locale.ROOT, "%-22s %6s %10s %10s %9s%n", "protocol", "fields", "cells", "agree", "%");
            for (ComparisonReport.ProtocolStat s : p.protocols()) {
                out.printf(Locale.ROOT, "%-22s %6d %10d %10d %9s%n", s.protocol(), s.fields(), s.cells(), s.agree(),
                        pct(s.percent()));
            }
            out.printf(Locale.ROOT, "%-22s %6d %10d %10d %9s%n", "all", p.fields().size(), p.cells(), p.agree(),
                    pct(p.percent()));

            List<ComparisonReport.FieldStat> shown = allFields ? p.fields() : p.below(threshold);
            if (!shown.isEmpty()) {
                out.println();
                out.printf(Locale.ROOT, "%-36s %8s %8s %9s %8s %8s  %s%n", "field", "cells", "agree", "%",
                        "only L", "only R", "first differences (frame: L | R), L = " + p.left() + ", R = " + p.right());
                for (ComparisonReport.FieldStat f : shown) {
                    out.printf(Locale.ROOT, "%-36s %8d %8d %9s %8d %8d  %s%n", f.field(), f.cells(), f.agree(),
                            pct(f.percent()), f.onlyLeft(), f.onlyRight(), examples(f));
                }
            } else {
                out.printf(Locale.ROOT, "every compared field agrees%s%n",
                        threshold < 100 ? String.format(Locale.ROOT, " at %s%% or more", pct(threshold)) : "");
            }
            only(out, p.left(), p.onlyLeft());
            only(out, p.right(), p.onlyRight());
        }
        if (!r.errors().isEmpty()) {
            out.println();
            r.errors().forEach((engine, message) -> out.println("error: " + engine + ": " + message));
        }
        out.flush();
    }

    private static void only(PrintWriter out, String engine, Map<String, Long> fields) {
        if (fields.isEmpty()) return;
        out.println();
        out.println("fields only " + engine + " produces (" + fields.size() + "; frames carrying each):");
        List<String> items = new ArrayList<>();
        fields.forEach((k, v) -> items.add(k + " (" + v + ")"));
        StringBuilder line = new StringBuilder("  ");
        for (String item : items) {
            if (line.length() + item.length() > 110 && line.length() > 2) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
                line.append("  ");
            }
            line.append(item).append(", ");
        }
        if (line.length() > 2) out.println(line.substring(0, line.length() - 2));
    }

    private static String examples(ComparisonReport.FieldStat f) {
        StringBuilder sb = new StringBuilder();
        for (ComparisonReport.Difference d : f.examples()) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(d.frame()).append(": ").append(show(d.left())).append(" | ").append(show(d.right()));
        }
        return sb.toString();
    }

    private static String show(String v) {
        if (v.isEmpty()) return "-";
        return v.length() > 40 ? v.substring(0, 37) + "..." : v;
    }

    static String pct(double p) {
        if (p >= 100) return "100";
        String s = String.format(Locale.ROOT, "%.3f", p);
        return s.equals("100.000") ? "99.999" : s;
    }
}
