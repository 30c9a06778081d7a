package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The IPv4 addresses, ports and MACs Wireshark reads out of special IPv6 addresses: 6to4 (RFC 3056, 2002::/16),
 * Teredo (RFC 4380, 2001::/32, port and client obfuscated by inversion), SLAAC modified EUI-64 interface ids
 * (RFC 4291, ff:fe in the middle, universal/local bit flipped back) and ISATAP (RFC 5214). Each is added for the
 * source, then the destination, with a hidden direction-less twin, in Wireshark's order.
 */
final class Ipv6EmbeddedAddresses {
    static final FieldDef SRC_6TO4_GW = Fields.ipv4("ipv6.src_6to4_gw_ipv4", "Source 6to4 Gateway IPv4");
    static final FieldDef SRC_6TO4_SLA = Fields.uint("ipv6.src_6to4_sla_id", "Source 6to4 SLA ID", 16);
    static final FieldDef DST_6TO4_GW = Fields.ipv4("ipv6.dst_6to4_gw_ipv4", "Destination 6to4 Gateway IPv4");
    static final FieldDef DST_6TO4_SLA = Fields.uint("ipv6.dst_6to4_sla_id", "Destination 6to4 SLA ID", 16);
    static final FieldDef GW_6TO4 = Fields.ipv4("ipv6.6to4_gw_ipv4", "6to4 Gateway IPv4");
    static final FieldDef SLA_6TO4 = Fields.uint("ipv6.6to4_sla_id", "6to4 SLA ID", 16);
    static final FieldDef SRC_TS = Fields.ipv4("ipv6.src_ts_ipv4", "Source Teredo Server IPv4");
    static final FieldDef SRC_TC_PORT = Fields.uint("ipv6.src_tc_port", "Source Teredo Port", 16);
    static final FieldDef SRC_TC = Fields.ipv4("ipv6.src_tc_ipv4", "Source Teredo Client IPv4");
    static final FieldDef DST_TS = Fields.ipv4("ipv6.dst_ts_ipv4", "Destination Teredo Server IPv4");
    static final FieldDef DST_TC_PORT = Fields.uint("ipv6.dst_tc_port", "Destination Teredo Port", 16);
    static final FieldDef DST_TC = Fields.ipv4("ipv6.dst_tc_ipv4", "Destination Teredo Client IPv4");
    static final FieldDef TS = Fields.ipv4("ipv6.ts_ipv4", "Teredo Server IPv4");
    static final FieldDef TC_PORT = Fields.uint("ipv6.tc_port", "Teredo Port", 16);
    static final FieldDef TC = Fields.ipv4("ipv6.tc_ipv4", "Teredo Client IPv4");
    static final FieldDef SRC_SLAAC = Fields.mac("ipv6.src_slaac_mac", "Source SLAAC MAC");
    static final FieldDef DST_SLAAC = Fields.mac("ipv6.dst_slaac_mac", "Destination SLAAC MAC");
    static final FieldDef SLAAC = Fields.mac("ipv6.slaac_mac", "SLAAC MAC");
    static final FieldDef SRC_ISATAP = Fields.ipv4("ipv6.src_isatap_ipv4", "Source ISATAP IPv4");
    static final FieldDef DST_ISATAP = Fields.ipv4("ipv6.dst_isatap_ipv4", "Destination ISATAP IPv4");
    static final FieldDef ISATAP = Fields.ipv4("ipv6.isatap_ipv4", "ISATAP IPv4");

    private Ipv6EmbeddedAddresses() { }

    /** Adds what the source address at {@code src} and the destination at {@code dst} embed. */
    static void add(DecodeContext c, int src, int dst) {
        sixToFour(c, src, SRC_6TO4_GW, SRC_6TO4_SLA);
        sixToFour(c, dst, DST_6TO4_GW, DST_6TO4_SLA);
        teredo(c, src, SRC_TS, SRC_TC_PORT, SRC_TC);
        teredo(c, dst, DST_TS, DST_TC_PORT, DST_TC);
        slaac(c, src, SRC_SLAAC);
        slaac(c, dst, DST_SLAAC);
        isatap(c, src, SRC_ISATAP);
        isatap(c, dst, DST_ISATAP);
    }

    private static void sixToFour(DecodeContext c, int a, FieldDef gw, FieldDef sla) {
        if (c.u16(a) != 0x2002) return;
        long v4 = c.u32(a + 2);
        int id = c.u16(a + 6);
        c.add(gw, v4, a + 2, 4);
        c.add(sla, id, a + 6, 2);
        c.add(GW_6TO4, v4, a + 2, 4);
        c.add(SLA_6TO4, id, a + 6, 2);
    }

    private static void teredo(DecodeContext c, int a, FieldDef server, FieldDef port, FieldDef client) {
        if (c.u32(a) != 0x20010000L) return;
        long s = c.u32(a + 4);
        int p = ~c.u16(a + 10) & 0xFFFF;
        long cl = ~c.u32(a + 12) & 0xFFFFFFFFL;
        c.add(server, s, a + 4, 4);
        c.add(port, p, a + 10, 2);
        c.add(client, cl, a + 12, 4);
        c.add(TS, s, a + 4, 4);
        c.add(TC_PORT, p, a + 10, 2);
        c.add(TC, cl, a + 12, 4);
    }

    private static void slaac(DecodeContext c, int a, FieldDef which) {
        if ((c.u8(a + 8) & 0x02) == 0 || c.u16(a + 11) != 0xFFFE) return;
        long mac = ((long) (c.u24(a + 8) ^ 0x020000) << 24) | c.u24(a + 13);
        c.add(which, mac, a + 8, 8);
        c.add(SLAAC, mac, a + 8, 8);
    }

    private static void isatap(DecodeContext c, int a, FieldDef which) {
        if ((c.u32(a + 8) & 0xFCFFFFFFL) != 0x00005EFEL) return;
        long v4 = c.u32(a + 12);
        c.add(which, v4, a + 12, 4);
        c.add(ISATAP, v4, a + 12, 4);
    }
}
