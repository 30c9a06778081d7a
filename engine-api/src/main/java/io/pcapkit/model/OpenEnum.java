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

        /** {@code denseSize}: codes 0..denseSize-1 are looked up in an array. */
        public Table(int denseSize, java.util.function.IntFunction<T> unknown) {
            this.dense = new Object[denseSize];
            this.unknown = unknown;
        }

        public T add(T constant) {
            int code = constant.code();
            if (code >= 0 && code < dense.length) dense[code] = constant;
            else sparse.put(code, constant);
            return constant;
        }

        @SuppressWarnings("unchecked")
        public T valueOf(int code) {
            T c = code >= 0 && code < dense.length ? (T) dense[code] : sparse.get(code);
            return c != null ? c : unknown.apply(code);
        }

        /** Names of the known codes, for field declarations ({@code 6 → "TCP"}). */
        @SuppressWarnings("unchecked")
        public ValueNames names() {
            java.util.List<Object> pairs = new java.util.ArrayList<>();
            for (Object o : dense) {
                if (o != null) {
                    pairs.add(((T) o).code());
                    pairs.add(((T) o).name());
                }
            }
            sparse.values().forEach(c -> {
                pairs.add(c.code());
                pairs.add(c.name());
            });
            return ValueNames.of(pairs.toArray());
        }
    }
}
