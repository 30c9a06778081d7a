package io.pcapkit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of every field pcapkit knows. Decoders declare their fields as {@code static final} constants
 * through the factory methods here; each name is declared once, and a second declaration with a different type
 * fails loudly. Engines that learn field names at run time (tshark) use {@link #dynamic}.
 */
public final class Fields {
    private static final Map<String, FieldDef> BY_NAME = new ConcurrentHashMap<>();
    private static final List<FieldDef> ALL = Collections.synchronizedList(new ArrayList<>());
    /** id -> definition, replaced (never mutated in place) when it grows, so readers need no lock. */
    private static volatile FieldDef[] byId = new FieldDef[1024];

    private Fields() { }

    /** Unsigned integer shown in decimal. */
    public static FieldDef uint(String name, String label, int bits) {
        return define(name, label, FieldType.UINT, Base.DEC, bits, 0, null, "");
    }

    /** Unsigned integer shown in decimal, with value names. */
    public static FieldDef uint(String name, String label, int bits, ValueNames names) {
        return define(name, label, FieldType.UINT, Base.DEC, bits, 0, names, "");
    }

    /** Unsigned integer shown as {@code 0x} and {@code bits/4} hex digits. */
    public static FieldDef hex(String name, String label, int bits) {
        return define(name, label, FieldType.UINT, Base.HEX, bits, 0, null, "");
    }

    /** Hex integer with value names. */
    public static FieldDef hex(String name, String label, int bits, ValueNames names) {
        return define(name, label, FieldType.UINT, Base.HEX, bits, 0, names, "");
    }

    /** An unsigned integer taken from {@code mask} bits of a {@code bits}-wide integer, in the given base. */
    public static FieldDef masked(String name, String label, int bits, long mask, Base base) {
        return define(name, label, FieldType.UINT, base, bits, mask, null, "");
    }

    /** Masked integer with value names. */
    public static FieldDef masked(String name, String label, int bits, long mask, Base base, ValueNames names) {
        return define(name, label, FieldType.UINT, base, bits, mask, names, "");
    }

    /** A flag: one bit ({@code mask}) of a {@code bits}-wide integer. */
    public static FieldDef flag(String name, String label, int bits, long mask) {
        return define(name, label, FieldType.BOOL, Base.NONE, bits, mask, null, "");
    }

    public static FieldDef mac(String name, String label) {
        return define(name, label, FieldType.MAC, Base.NONE, 48, 0, null, "");
    }

    public static FieldDef ipv4(String name, String label) {
        return define(name, label, FieldType.IPV4, Base.NONE, 32, 0, null, "");
    }

    public static FieldDef ipv6(String name, String label) {
        return define(name, label, FieldType.IPV6, Base.NONE, 128, 0, null, "");
    }

    public static FieldDef bytes(String name, String label) {
        return define(name, label, FieldType.BYTES, Base.NONE, 0, 0, null, "");
    }

    public static FieldDef string(String name, String label) {
        return define(name, label, FieldType.STRING, Base.NONE, 0, 0, null, "");
    }

    public static FieldDef time(String name, String label) {
        return define(name, label, FieldType.TIME, Base.NONE, 64, 0, null, "");
    }

    public static FieldDef dbl(String name, String label) {
        return define(name, label, FieldType.DOUBLE, Base.NONE, 64, 0, null, "");
    }

    /** A node that only groups sub-fields (Wireshark's FT_NONE / FT_PROTOCOL subtrees). */
    public static FieldDef group(String name, String label) {
        return define(name, label, FieldType.GROUP, Base.NONE, 0, 0, null, "");
    }

    /**
     * The general form. Declaring a name again returns the first declaration when type, base, width and mask agree,
     * and throws {@link IllegalStateException} when they do not (two decoders disagreeing on one field).
     */
    public static synchronized FieldDef define(String name, String label, FieldType type, Base base, int bits,
                                               long mask, ValueNames names, String description) {
        FieldDef old = BY_NAME.get(name);
        if (old != null) {
            boolean same = old.type() == type && old.base() == base && old.bits() == bits && old.mask() == mask;
            if (same && !old.provisional()) return old;
            if (!same && !old.provisional()) {
                throw new IllegalStateException("field " + name + " declared twice with different types: "
                        + old.type() + "/" + old.base() + "/" + old.bits() + " vs " + type + "/" + base + "/" + bits);
            }
            // a run-time guess gives way to a declaration; frames made with the guess keep it
        }
        return add(new FieldDef(ALL.size(), name, label, type, base, bits, mask, names,
                description == null ? "" : description, false));
    }

    /**
     * For engines that learn field names and types at run time (tshark's registry): the existing declaration of
     * {@code name} when there is one, else a provisional one, which a later {@link #define} with other types
     * replaces instead of failing, so that whichever engine runs first never breaks another's declarations.
     */
    public static synchronized FieldDef provisional(String name, String label, FieldType type, Base base, int bits,
                                                    long mask) {
        FieldDef old = BY_NAME.get(name);
        if (old != null) return old;
        return add(new FieldDef(ALL.size(), name, label, type, base, bits, mask, null, "", true));
    }

    private static FieldDef add(FieldDef d) {
        ALL.add(d);
        FieldDef[] ids = byId;
        if (d.id() >= ids.length) ids = java.util.Arrays.copyOf(ids, ids.length * 2);
        ids[d.id()] = d;
        byId = ids;
        BY_NAME.put(d.name(), d);
        return d;
    }

    /**
     * For engines that meet field names at run time: the declared field, or a new one of the given type that
     * other engines may later be compared against.
     */
    public static FieldDef dynamic(String name, FieldType type) {
        FieldDef old = BY_NAME.get(name);
        return old != null ? old : define(name, name, type, type == FieldType.UINT ? Base.DEC : Base.NONE,
                type == FieldType.UINT ? 64 : 0, 0, null, "");
    }

    /** The field with that {@link FieldDef#id()}. */
    public static FieldDef byId(int id) { return byId[id]; }

    /** The field with that display-filter name, or null. */
    public static FieldDef find(String name) { return BY_NAME.get(name); }

    /** How many fields exist now; every {@link FieldDef#id()} is below this. */
    public static int count() { return ALL.size(); }

    /** Every declared field, in declaration order (a replaced provisional declaration is left out). */
    public static List<FieldDef> all() {
        synchronized (ALL) {
            return ALL.stream().filter(d -> BY_NAME.get(d.name()) == d).toList();
        }
    }
}
