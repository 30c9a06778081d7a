package io.pcapkit.model;

/**
 * Base of pcapkit's open enums (Netty's habit): {@code valueOf(n)} returns the known constant or an
 * {@code UNKNOWN(n)} instance, and never throws. Known constants compare with {@code ==}; unknown ones with equals.
 */
public abstract class OpenEnum {
    private final int code;
    private final String name;
    private final boolean known;

    protected OpenEnum(int code, String name, boolean known) {
        this.code = code;
        this.name = name;
        this.known = known;
    }

    public final int code() { return code; }

    /** The constant's name, or {@code UNKNOWN(n)}. */
    public final String name() { return name; }

    public final boolean isKnown() { return known; }

    @Override public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum) o).code == code;
    }

    @Override public final int hashCode() { return getClass().hashCode() * 31 + code; }

    @Override public String toString() { return name; }

    /**
     * The known constants of one open enum: a dense array for small codes, a map for the rest, and the factory of
     * {@code UNKNOWN(n)} instances for codes nobody declared.
     */
    protected static final class Table<T extends OpenEnum> {
        private final Object[] dense;
        private final java.util.Map<Integer, T> sparse = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.function.IntFunction<T> unknown;
        // every constant in the order added: names() walks these, not the dense array (65,536 slots for EtherType)
        private final java.util.List<T> declared = new java.util.ArrayList<>();
        // Constants are added by the enum's static initialiser, so before any caller can ask for names. Two threads
        // asking at once both build the same immutable table (its fields are final): no lock needed.
        private ValueNames names;

        /** {@code denseSize}: codes 0..denseSize-1 are looked up in an array. */
        public Table(int denseSize, java.util.function.IntFunction<T> unknown) {
            this.dense = new Object[denseSize];
            this.unknown = unknown;
        }

        public T add(T constant) {
            int code = constant.code();
            if (code >= 0 && code < dense.length) dense[code] = constant;
            else sparse.put(code, constant);
            declared.add(constant);
            names = null;
            return constant;
        }

        @SuppressWarnings("unchecked")
        public T valueOf(int code) {
            T c = code >= 0 && code < dense.length ? (T) dense[code] : sparse.get(code);
            return c != null ? c : unknown.apply(code);
        }

        /**
         * Names of the known codes, for field declarations ({@code 6 → "TCP"}). Built once: a dozen decoders
         * declare fields with the same table. A code added twice is named by its last constant, as it looks up.
         */
        public ValueNames names() {
            ValueNames n = names;
            if (n == null) {
                Object[] pairs = new Object[declared.size() * 2];
                for (int i = 0; i < declared.size(); i++) {
                    pairs[2 * i] = declared.get(i).code();
                    pairs[2 * i + 1] = declared.get(i).name();
                }
                names = n = ValueNames.of(pairs);
            }
            return n;
        }
    }
}
