package io.pcapkit.model;

import java.util.List;
import java.util.Set;

/**
 * What a list of field names asks of decoding: the highest {@link Level} any of them belongs to. An engine told
 * that the caller reads only these fields (the fields format's {@code -e} list) may spare itself the protocols
 * above that level where nothing below can follow.
 */
public final class FieldDemand {
    /** The frame's own fields, taken from the record: they need no decoding at all. */
    private static final Set<String> RECORD_FIELDS = Set.of("frame.number", "frame.time_epoch", "frame.len",
            "frame.cap_len", "frame.interface_id", "frame.time_relative", "frame.time_delta");

    private FieldDemand() { }

    /**
     * The highest level of the protocols the names belong to (a name belongs to the protocol with the longest
     * abbreviation that prefixes it: {@code ipv6.fraghdr.nxt} to {@code ipv6.fraghdr}). Null, meaning "everything",
     * when a name belongs to no protocol defined so far ({@code _ws.expert}, a typo) or is
     * {@code frame.protocols}, which lists every layer; {@link Level#LINK} when only record fields are named.
     */
    public static Level highestLevel(List<String> names) {
        Level max = Level.LINK;
        for (String name : names) {
            if (RECORD_FIELDS.contains(name)) continue;
            Protocol p = protocolOf(name);
            if (p == null) return null;
            if (p.level().compareTo(max) > 0) max = p.level();
        }
        return max;
    }

    /** The protocol whose abbreviation is the longest dotted prefix of {@code name} (or the name itself). */
    static Protocol protocolOf(String name) {
        for (String prefix = name; !prefix.isEmpty(); ) {
            Protocol p = Protocols.find(prefix);
            if (p != null && p.abbrev().equalsIgnoreCase(prefix)) return p;
            int dot = prefix.lastIndexOf('.');
            if (dot < 0) return null;
            prefix = prefix.substring(0, dot);
        }
        return null;
    }
}
