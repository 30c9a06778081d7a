package io.pcapkit.nativeengine.decode;

/**
 * The dispatch tables a child registers itself in: parents say "look up key K in table T", never a child's name.
 * Each table is a dense array indexed by the key.
 */
public enum Dispatch {
    /** LINKTYPE_ values from the file header or interface block. */
    LINK_TYPE(1 << 16),
    /** EtherType (Ethernet II, VLAN, SNAP with OUI 0, SLL protocol). */
    ETHERTYPE(1 << 16),
    /** The IP version nibble, for headers that only say "IP" (raw IP link types, ICMP errors' inner header). */
    IP_VERSION(16),
    /** IP protocol / IPv6 next header. */
    IP_PROTO(256),
    /** TCP ports (either end). */
    TCP_PORT(1 << 16),
    /** UDP ports (either end). */
    UDP_PORT(1 << 16),
    /** The AF_ value of BSD NULL/LOOP headers. */
    BSD_AF(256),
    /** 802.2 LLC DSAP. */
    LLC_SAP(256),
    /** PPP protocol field (RFC 1661), after PPP's address/control and protocol-field compression. */
    PPP_PROTOCOL(1 << 16),
    /** SCTP ports (either end). */
    SCTP_PORT(1 << 16),
    /** SCTP payload protocol identifier (DATA chunks; identifiers above 65535 are not dispatched). */
    SCTP_PPI(1 << 16),
    /** IPX packet type. */
    IPX_PACKET_TYPE(256),
    /** IPX socket (either end). */
    IPX_SOCKET(1 << 16),
    /** GRE protocol type, where it is not an EtherType Wireshark decodes the same way. */
    GRE_PROTO(1 << 16),
    /** 802.11 frame type/subtype ((type << 4) | subtype) for the frame body. */
    WLAN_SUBTYPE(64),
    /**
     * What follows the bottom of an MPLS label stack when its first nibble is not an IP version (those go to
     * {@link #IP_VERSION}): 0 is a pseudowire control word (RFC 4385), 1 an associated channel header.
     */
    MPLS_PW(16);

    private final int size;

    Dispatch(int size) { this.size = size; }

    /** Number of keys (the dense array's length). */
    public int size() { return size; }
}
