package io.pcapkit.model;

/** A LINKTYPE_ value from a capture file header or PCAPNG interface block (tcpdump.org/linktypes). Open: {@link #valueOf(int)} never throws. */
public final class LinkType extends OpenEnum {
    private static final Table<LinkType> TABLE = new Table<>(300, code -> new LinkType(code, "UNKNOWN(" + code + ")", false));

    public static final LinkType NULL = known(0, "NULL");
    public static final LinkType ETHERNET = known(1, "ETHERNET");
    public static final LinkType IEEE802_5 = known(6, "IEEE802_5");
    public static final LinkType PPP = known(9, "PPP");
    public static final LinkType FDDI = known(10, "FDDI");
    public static final LinkType RAW_12 = known(12, "RAW");
    public static final LinkType RAW_14 = known(14, "RAW");
    public static final LinkType PPP_HDLC = known(50, "PPP_HDLC");
    public static final LinkType PPP_ETHER = known(51, "PPP_ETHER");
    public static final LinkType RAW = known(101, "RAW");
    public static final LinkType C_HDLC = known(104, "C_HDLC");
    public static final LinkType IEEE802_11 = known(105, "IEEE802_11");
    public static final LinkType FRELAY = known(107, "FRELAY");
    public static final LinkType LOOP = known(108, "LOOP");
    public static final LinkType LINUX_SLL = known(113, "LINUX_SLL");
    public static final LinkType LTALK = known(114, "LTALK");
    public static final LinkType PFLOG = known(117, "PFLOG");
    public static final LinkType IEEE802_11_PRISM = known(119, "IEEE802_11_PRISM");
    public static final LinkType IP_OVER_FC = known(122, "IP_OVER_FC");
    public static final LinkType SUNATM = known(123, "SUNATM");
    public static final LinkType IEEE802_11_RADIOTAP = known(127, "IEEE802_11_RADIOTAP");
    public static final LinkType ARCNET_LINUX = known(129, "ARCNET_LINUX");
    public static final LinkType APPLE_IP_OVER_IEEE1394 = known(138, "APPLE_IP_OVER_IEEE1394");
    public static final LinkType MTP2 = known(140, "MTP2");
    public static final LinkType MTP3 = known(141, "MTP3");
    public static final LinkType SCCP = known(142, "SCCP");
    public static final LinkType DOCSIS = known(143, "DOCSIS");
    public static final LinkType LINUX_IRDA = known(144, "LINUX_IRDA");
    public static final LinkType USER0 = known(147, "USER0");
    public static final LinkType IEEE802_11_AVS = known(163, "IEEE802_11_AVS");
    public static final LinkType BACNET_MS_TP = known(165, "BACNET_MS_TP");
    public static final LinkType PPP_PPPD = known(166, "PPP_PPPD");
    public static final LinkType GPRS_LLC = known(169, "GPRS_LLC");
    public static final LinkType BLUETOOTH_HCI_H4 = known(187, "BLUETOOTH_HCI_H4");
    public static final LinkType USB_LINUX = known(189, "USB_LINUX");
    public static final LinkType PPI = known(192, "PPI");
    public static final LinkType IEEE802_15_4 = known(195, "IEEE802_15_4");
    public static final LinkType SITA = known(196, "SITA");
    public static final LinkType ERF = known(197, "ERF");
    public static final LinkType BLUETOOTH_HCI_H4_WITH_PHDR = known(201, "BLUETOOTH_HCI_H4_WITH_PHDR");
    public static final LinkType IPMB_LINUX = known(209, "IPMB_LINUX");
    public static final LinkType USB_LINUX_MMAPPED = known(220, "USB_LINUX_MMAPPED");
    public static final LinkType IPV4 = known(228, "IPV4");
    public static final LinkType IPV6 = known(229, "IPV6");
    public static final LinkType NFLOG = known(239, "NFLOG");
    public static final LinkType NETANALYZER = known(240, "NETANALYZER");
    public static final LinkType IPOIB = known(242, "IPOIB");
    public static final LinkType MPEG_2_TS = known(243, "MPEG_2_TS");
    public static final LinkType NG40 = known(244, "NG40");
    public static final LinkType NETLINK = known(253, "NETLINK");
    public static final LinkType BLUETOOTH_LE_LL = known(251, "BLUETOOTH_LE_LL");
    public static final LinkType USBPCAP = known(249, "USBPCAP");
    public static final LinkType LINUX_SLL2 = known(276, "LINUX_SLL2");
    /** Not a LINKTYPE_: a PCAPNG custom block (0x00000BAD / 0x40000BAD), a frame of its own in tshark. */
    public static final LinkType PCAPNG_CUSTOM_BLOCK = known(-0xBAD, "PCAPNG_CUSTOM_BLOCK");
    /** Not a LINKTYPE_: a PCAPNG systemd Journal Export Block, a frame of its own in tshark. */
    public static final LinkType PCAPNG_SYSTEMD_JOURNAL = known(-9, "PCAPNG_SYSTEMD_JOURNAL");

    private LinkType(int code, String name, boolean known) { super(code, name, known); }

    private static LinkType known(int code, String name) { return TABLE.add(new LinkType(code, name, true)); }

    /** The known constant for {@code code}, or a new {@code UNKNOWN(code)}. */
    public static LinkType valueOf(int code) { return TABLE.valueOf(code); }

    /** Names of the known codes, for field declarations. */
    public static ValueNames names() { return TABLE.names(); }
}
