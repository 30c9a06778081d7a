package io.pcapkit.model;

/** An IP protocol number (IANA assigned internet protocol numbers), also the IPv6 next-header value. Open: {@link #valueOf(int)} never throws. */
public final class IpProtocol extends OpenEnum {
    private static final Table<IpProtocol> TABLE = new Table<>(256, code -> new IpProtocol(code, "UNKNOWN(" + code + ")", false));

    public static final IpProtocol HOPOPT = known(0, "HOPOPT");
    public static final IpProtocol ICMP = known(1, "ICMP");
    public static final IpProtocol IGMP = known(2, "IGMP");
    public static final IpProtocol GGP = known(3, "GGP");
    public static final IpProtocol IPV4 = known(4, "IPv4");
    public static final IpProtocol ST = known(5, "ST");
    public static final IpProtocol TCP = known(6, "TCP");
    public static final IpProtocol EGP = known(8, "EGP");
    public static final IpProtocol IGP = known(9, "IGP");
    public static final IpProtocol UDP = known(17, "UDP");
    public static final IpProtocol DCCP = known(33, "DCCP");
    public static final IpProtocol IPV6 = known(41, "IPv6");
    public static final IpProtocol IPV6_ROUTE = known(43, "IPv6-Route");
    public static final IpProtocol IPV6_FRAG = known(44, "IPv6-Frag");
    public static final IpProtocol RSVP = known(46, "RSVP");
    public static final IpProtocol GRE = known(47, "GRE");
    public static final IpProtocol ESP = known(50, "ESP");
    public static final IpProtocol AH = known(51, "AH");
    public static final IpProtocol ICMPV6 = known(58, "IPv6-ICMP");
    public static final IpProtocol IPV6_NONXT = known(59, "IPv6-NoNxt");
    public static final IpProtocol IPV6_OPTS = known(60, "IPv6-Opts");
    public static final IpProtocol EIGRP = known(88, "EIGRP");
    public static final IpProtocol OSPF = known(89, "OSPF");
    public static final IpProtocol ETHERIP = known(97, "ETHERIP");
    public static final IpProtocol ENCAP = known(98, "ENCAP");
    public static final IpProtocol PIM = known(103, "PIM");
    public static final IpProtocol IPCOMP = known(108, "IPComp");
    public static final IpProtocol VRRP = known(112, "VRRP");
    public static final IpProtocol L2TP = known(115, "L2TP");
    public static final IpProtocol SCTP = known(132, "SCTP");
    public static final IpProtocol MOBILITY = known(135, "Mobility-Header");
    public static final IpProtocol UDPLITE = known(136, "UDPLite");
    public static final IpProtocol MPLS_IN_IP = known(137, "MPLS-in-IP");
    public static final IpProtocol HIP = known(139, "HIP");
    public static final IpProtocol SHIM6 = known(140, "Shim6");

    private IpProtocol(int code, String name, boolean known) { super(code, name, known); }

    private static IpProtocol known(int code, String name) { return TABLE.add(new IpProtocol(code, name, true)); }

    /** The known constant for {@code code}, or a new {@code UNKNOWN(code)}. */
    public static IpProtocol valueOf(int code) { return TABLE.valueOf(code); }

    /** Names of the known codes, for field declarations. */
    public static ValueNames names() { return TABLE.names(); }
}
