package io.pcapkit.model;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Names for the numeric values of a field (Wireshark's value_string): {@code 6 → "TCP"}. Codes below 4096 are
 * looked up in an array, the rest (EtherTypes such as IPv6's 0x86DD, 32-bit codes) by binary search over sorted
 * codes; lookups never box or allocate.
 */
public final class ValueNames {
    private static final int DENSE_LIMIT = 4096;

    private final String[] dense;         // for codes 0..dense.length-1
    private final long[] sparseCodes;     // the rest, ascending
    private final String[] sparseNames;   // parallel to sparseCodes

    private ValueNames(String[] dense, long[] sparseCodes, String[] sparseNames) {
        this.dense = dense;
        this.sparseCodes = sparseCodes;
        this.sparseNames = sparseNames;
    }

    /** Pairs of (code, name), e.g. {@code of(1, "Echo Reply", 8, "Echo")}; a code given twice keeps its last name. */
    public static ValueNames of(Object... codeNamePairs) {
        if (codeNamePairs.length % 2 != 0) throw new IllegalArgumentException("odd number of arguments");
        long max = -1;
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            long code = ((Number) codeNamePairs[i]).longValue();
            if (code >= 0 && code < DENSE_LIMIT) max = Math.max(max, code);
        }
        String[] dense = new String[(int) (max + 1)];
        TreeMap<Long, String> sparse = new TreeMap<>();
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            long code = ((Number) codeNamePairs[i]).longValue();
            String name = (String) codeNamePairs[i + 1];
            if (code >= 0 && code < dense.length) dense[(int) code] = name;
            else sparse.put(code, name);
        }
        long[] codes = new long[sparse.size()];
        String[] names = new String[sparse.size()];
        int k = 0;
        for (var e : sparse.entrySet()) {
            codes[k] = e.getKey();
            names[k++] = e.getValue();
        }
        return new ValueNames(dense, codes, names);
    }

    /** The name of {@code code}, or null when the table has none. */
    public String name(long code) {
        if (code >= 0 && code < dense.length) return dense[(int) code];
        if (sparseCodes.length == 0) return null;
        int at = Arrays.binarySearch(sparseCodes, code);
        return at >= 0 ? sparseNames[at] : null;
    }
}
