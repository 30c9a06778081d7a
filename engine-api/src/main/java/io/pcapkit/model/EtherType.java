package io.pcapkit.model;

/** An Ethernet type (IEEE 802 EtherType registry). Open: {@link #valueOf(int)} never throws. */
public final class EtherType extends OpenEnum {
    private static final Table<EtherType> TABLE = new Table<>(0x10000, code -> new EtherType(code, "UNKNOWN(" + code + ")", false));

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

    private static EtherType known(int code, String name) { return TABLE.add(new EtherType(code, name, true)); }

    /** The known constant for {@code code}, or a new {@code UNKNOWN(code)}. */
    public static EtherType valueOf(int code) { return TABLE.valueOf(code); }

    /** Names of the known codes, for field declarations. */
    public static ValueNames names() { return TABLE.names(); }
}
