package io.pcapkit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Names for the numeric values of a field (Wireshark's value_string): {@code 6 → "TCP"}. Small tables are
 * array-backed; lookups never box.
 */
public final class ValueNames {
    private final String[] dense;            // for codes 0..dense.length-1
    private final Map<Long, String> sparse;  // the rest

    private ValueNames(String[] dense, Map<Long, String> sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    /** Pairs of (code, name), e.g. {@code of(1, "Echo Reply", 8, "Echo")}. */
    public static ValueNames of(Object... codeNamePairs) {
        if (codeNamePairs.length % 2 != 0) throw new IllegalArgumentException("odd number of arguments");
        long max = -1;
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            long code = ((Number) codeNamePairs[i]).longValue();
            if (code >= 0 && code < 4096) max = Math.max(max, code);
        }
        String[] dense = new String[(int) (max + 1)];
        Map<Long, String> sparse = new HashMap<>();
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            long code = ((Number) codeNamePairs[i]).longValue();
            String name = (String) codeNamePairs[i + 1];
            if (code >= 0 && code < dense.length) dense[(int) code] = name;
            else sparse.put(code, name);
        }
        return new ValueNames(dense, sparse.isEmpty() ? Map.of() : Map.copyOf(sparse));
    }

    /** The name of {@code code}, or null when the table has none. */
    public String name(long code) {
        if (code >= 0 && code < dense.length) return dense[(int) code];
        return sparse.isEmpty() ? null : sparse.get(code);
    }
}
