package io.pcapkit.model;

/**
 * One field declared once, in the spirit of Wireshark's header-field registry: its display-filter name
 * ({@code tcp.srcport}), label, type, display base, width in bits, bitmask and value names. That one declaration
 * drives {@code -f fields} formatting, JSON/TREE labels and {@code pcapkit fields}. Create with {@link Fields}.
 */
public final class FieldDef {
    private final int id;
    private final String name;
    private final String label;
    private final FieldType type;
    private final Base base;
    private final int bits;
    private final long mask;
    private final int shift;
    private final ValueNames names;
    private final String description;
    private final boolean provisional;

    FieldDef(int id, String name, String label, FieldType type, Base base, int bits, long mask, ValueNames names,
             String description) {
        this(id, name, label, type, base, bits, mask, names, description, false);
    }

    FieldDef(int id, String name, String label, FieldType type, Base base, int bits, long mask, ValueNames names,
             String description, boolean provisional) {
        this.id = id;
        this.name = name;
        this.label = label;
        this.type = type;
        this.base = base;
        this.bits = bits;
        this.mask = mask;
        this.shift = mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
        this.names = names;
        this.description = description;
        this.provisional = provisional;
    }

    /**
     * True for a declaration an engine made up at run time ({@link Fields#provisional}): a later declaration with
     * other types replaces it instead of failing.
     */
    public boolean provisional() { return provisional; }

    /** Dense id, usable as an array index (see {@link Fields#count()}). */
    public int id() { return id; }

    /** Wireshark display-filter name, e.g. {@code ip.flags.df}. */
    public String name() { return name; }

    /** Human label, e.g. {@code "Don't fragment"}. */
    public String label() { return label; }

    public FieldType type() { return type; }

    public Base base() { return base; }

    /** Width of the underlying integer (8, 16, 24, 32, 48, 64); sets the zero padding of hex output. */
    public int bits() { return bits; }

    /** Bitmask inside the underlying integer, 0 when the field is the whole integer. */
    public long mask() { return mask; }

    /** Number of trailing zero bits of {@link #mask()}. */
    public int shift() { return shift; }

    /** Names of values, or null. */
    public ValueNames names() { return names; }

    /** Longer description (RFC reference and meaning), may be empty. */
    public String description() { return description; }

    /** The Wireshark protocol abbreviation this field belongs to: the text before the first dot. */
    public String protocolAbbrev() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The value a masked field takes from its whole underlying integer. */
    public long extract(long raw) { return mask == 0 ? raw : (raw & mask) >>> shift; }

    @Override public String toString() { return name; }
}
