package io.pcapkit.model;

import java.util.Objects;

/**
 * A protocol as pcapkit names it: the display name ({@code Ethernet}, {@code IPv4}, {@code IPv6_Frag}),
 * Wireshark's abbreviation ({@code eth}, {@code ip}, {@code ipv6.fraghdr}) which prefixes its field names,
 * and the {@link Level} it belongs to. Instances are interned in {@link Protocols}; compare them with {@code ==}.
 */
public final class Protocol {
    private final int id;
    private final String name;
    private final String abbrev;
    private final Level level;

    Protocol(int id, String name, String abbrev, Level level) {
        this.id = id;
        this.name = Objects.requireNonNull(name);
        this.abbrev = Objects.requireNonNull(abbrev);
        this.level = Objects.requireNonNull(level);
    }

    /** Dense id (0..n) usable as an array index. */
    public int id() { return id; }

    /** Display name as pcapkit spells it, e.g. {@code "IPv4"}; used in protocol chains. */
    public String name() { return name; }

    /** Wireshark's filter abbreviation, e.g. {@code "ip"}. */
    public String abbrev() { return abbrev; }

    public Level level() { return level; }

    /** The key under which document dumpers nest this layer: the display name in lower case. */
    public String key() {
        String k = key;
        if (k == null) key = k = name.toLowerCase(java.util.Locale.ROOT);
        return k;
    }

    private String key;   // computed once: dumpers ask for it on every layer of every frame

    @Override public String toString() { return name; }
}
