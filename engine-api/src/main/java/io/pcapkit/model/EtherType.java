package io.pcapkit.model;

/** An Ethernet type (IEEE 802 EtherType registry). Open: {@link #valueOf(int)} never throws. */
public final class EtherType extends OpenEnum {
    private static final EtherType[] KNOWN = new EtherType[0x10000];
    private static final java.util.Map<Integer, EtherType> SPARSE = new java.util.concurrent.ConcurrentHashMap<>();

    public static final EtherType IPV4 = known(0x0800, "IPv4");
    public static final EtherType ARP = known(0x0806, "ARP");
    public static final EtherType WOL = known(0x0842, "WoL");
    public static final EtherType RARP = known(0x8035, "RARP");
    public static final EtherType APPLETALK = known(0x809B, "AppleTalk");
    public static final EtherType AARP = known(0x80F3, "AARP");
    public static final EtherType VLAN = known(0x8100, "802.1Q");
    public static final EtherType IPX = known(0x8137, "IPX");
    public static final EtherType IPV6 = known(0x86DD, "IPv6");
    public static final EtherType FLOW_CONTROL = known(0x8808, "FlowControl");
    public static final EtherType SLOW = known(0x8809, "Slow");
    public static final EtherType MPLS = known(0x8847, "MPLS");
    public static final EtherType MPLS_MULTICAST = known(0x8848, "MPLS_MC");
    public static final EtherType PPPOE_DISCOVERY = known(0x8863, "PPPoE_Discovery");
    public static final EtherType PPPOE_SESSION = known(0x8864, "PPPoE_Session");
    public static final EtherType EAPOL = known(0x888E, "EAPOL");
    public static final EtherType QINQ = known(0x88A8, "802.1ad");
    public static final EtherType LLDP = known(0x88CC, "LLDP");
    public static final EtherType MACSEC = known(0x88E5, "MACsec");
    public static final EtherType PTP = known(0x88F7, "PTP");
    public static final EtherType CFM = known(0x8902, "CFM");
    public static final EtherType QINQ_OLD = known(0x9100, "802.1QinQ");
    public static final EtherType LOOPBACK = known(0x9000, "Loopback");

    private EtherType(int code, String name, boolean known) { super(code, name, known); }

    private static EtherType known(int code, String name) {
        EtherType c = new EtherType(code, name, true);
        if (code >= 0 && code < KNOWN.length) KNOWN[code] = c; else SPARSE.put(code, c);
        return c;
    }

    /** The known constant for {@code code}, or a new {@code UNKNOWN(code)}. */
    public static EtherType valueOf(int code) {
        EtherType c = code >= 0 && code < KNOWN.length ? KNOWN[code] : SPARSE.get(code);
        return c != null ? c : new EtherType(code, "UNKNOWN(" + code + ")", false);
    }

    /** Names of the known codes, for field declarations ({@code 6 → "TCP"}). */
    public static ValueNames names() {
        java.util.List<Object> pairs = new java.util.ArrayList<>();
        for (EtherType c : KNOWN) {
            if (c != null) {
                pairs.add(c.code());
                pairs.add(c.name());
            }
        }
        SPARSE.values().forEach(c -> {
            pairs.add(c.code());
            pairs.add(c.name());
        });
        return ValueNames.of(pairs.toArray());
    }
}
