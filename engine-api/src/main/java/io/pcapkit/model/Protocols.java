package io.pcapkit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of known protocols. Constants for the ones every engine shares; engines and decoders may
 * {@link #define} more. Lookup by display name or Wireshark abbreviation is case-insensitive.
 */
public final class Protocols {
    private static final Map<String, Protocol> BY_KEY = new ConcurrentHashMap<>();
    private static final List<Protocol> ALL = new ArrayList<>();

    // Link
    public static final Protocol ETHERNET = define("Ethernet", "eth", Level.LINK);
    public static final Protocol VLAN = define("VLAN", "vlan", Level.LINK);
    public static final Protocol LLC = define("LLC", "llc", Level.LINK);
    public static final Protocol NULL = define("NULL", "null", Level.LINK);
    public static final Protocol SLL = define("SLL", "sll", Level.LINK);
    // tshark 4.0 dissects SLL2 with its "sll" protocol (sll.* fields) and RARP with "arp": same abbreviations here
    public static final Protocol SLL2 = define("SLL2", "sll", Level.LINK);
    public static final Protocol ARP = define("ARP", "arp", Level.LINK);
    public static final Protocol RARP = define("RARP", "arp", Level.LINK);
    // Internet
    public static final Protocol IPV4 = define("IPv4", "ip", Level.INTERNET);
    public static final Protocol IPV6 = define("IPv6", "ipv6", Level.INTERNET);
    public static final Protocol IPV6_HOPOPTS = define("IPv6_HopOpts", "ipv6.hopopts", Level.INTERNET);
    public static final Protocol IPV6_ROUTING = define("IPv6_Route", "ipv6.routing", Level.INTERNET);
    public static final Protocol IPV6_FRAG = define("IPv6_Frag", "ipv6.fraghdr", Level.INTERNET);
    public static final Protocol IPV6_DSTOPTS = define("IPv6_Opts", "ipv6.dstopts", Level.INTERNET);
    public static final Protocol ICMP = define("ICMP", "icmp", Level.INTERNET);
    public static final Protocol ICMPV6 = define("ICMPv6", "icmpv6", Level.INTERNET);
    // Transport
    public static final Protocol TCP = define("TCP", "tcp", Level.TRANSPORT);
    public static final Protocol UDP = define("UDP", "udp", Level.TRANSPORT);
    // Whatever is left undecoded
    public static final Protocol RAW = define("Raw", "data", Level.APPLICATION);
    /** Marks "nothing follows" where a caller wants an explicit terminal (the original's NoPayload). */
    public static final Protocol NO_PAYLOAD = define("NoPayload", "nopayload", Level.APPLICATION);

    private Protocols() { }

    /**
     * Defines (or returns the already defined) protocol. A second definition with the same display name but a
     * different abbreviation or level is a programming error and fails loudly.
     */
    public static synchronized Protocol define(String name, String abbrev, Level level) {
        Protocol old = BY_KEY.get(name.toLowerCase(Locale.ROOT));
        if (old != null) {
            if (!old.abbrev().equals(abbrev) || old.level() != level) {
                throw new IllegalStateException("protocol " + name + " already defined as " + old.abbrev() + "/" + old.level());
            }
            return old;
        }
        Protocol p = new Protocol(ALL.size(), name, abbrev, level);
        ALL.add(p);
        BY_KEY.put(name.toLowerCase(Locale.ROOT), p);
        BY_KEY.putIfAbsent(abbrev.toLowerCase(Locale.ROOT), p);
        return p;
    }

    /** By display name or Wireshark abbreviation, case-insensitive; null when unknown. */
    public static Protocol find(String nameOrAbbrev) {
        return nameOrAbbrev == null ? null : BY_KEY.get(nameOrAbbrev.trim().toLowerCase(Locale.ROOT));
    }

    /** Every protocol defined so far, in definition order. */
    public static synchronized List<Protocol> all() { return List.copyOf(ALL); }
}
