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
}
