package io.pcapkit.pcap4jengine;

import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocols;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.BsdLoopbackPacket;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.LinuxSllPacket;
import org.pcap4j.util.MacAddress;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Link-layer packets of Pcap4J: Ethernet II, 802.1Q tags, ARP, Linux cooked capture, BSD loopback. */
final class LinkMapping {
    private LinkMapping() { }

    static void ethernet(EthernetPacket e, FrameBuilder b, int off, F f) {
        EthernetPacket.EthernetHeader h = e.getHeader();
        b.beginLayer(Protocols.ETHERNET, off);
        b.add(f.ETH_DST, mac(h.getDstAddr()), off, 6);
        b.add(f.ETH_SRC, mac(h.getSrcAddr()), off + 6, 6);
        b.add(typeOrLength(h.getType().value(), f.ETH_TYPE, f.ETH_LEN), h.getType().value() & 0xFFFF, off + 12, 2);
    }

    static void vlan(Dot1qVlanTagPacket v, FrameBuilder b, int off, F f) {
        Dot1qVlanTagPacket.Dot1qVlanTagHeader h = v.getHeader();
        b.beginLayer(Protocols.VLAN, off);
        b.add(f.VLAN_PRIORITY, h.getPriority() & 0x07, off, 2);
        b.add(f.VLAN_DEI, h.getCfi() ? 1 : 0, off, 2);
        b.add(f.VLAN_ID, h.getVid() & 0x0FFF, off, 2);
        b.add(typeOrLength(h.getType().value(), f.VLAN_ETYPE, f.VLAN_LEN), h.getType().value() & 0xFFFF, off + 2, 2);
    }

    static void arp(ArpPacket a, FrameBuilder b, int off, F f) {
        ArpPacket.ArpHeader h = a.getHeader();
        b.beginLayer(Protocols.ARP, off);
        b.add(f.ARP_HW_TYPE, h.getHardwareType().value() & 0xFFFF, off, 2);
        b.add(f.ARP_PROTO_TYPE, h.getProtocolType().value() & 0xFFFF, off + 2, 2);
        int hs = h.getHardwareAddrLength() & 0xFF, ps = h.getProtocolAddrLength() & 0xFF;
        b.add(f.ARP_HW_SIZE, hs, off + 4, 1);
        b.add(f.ARP_PROTO_SIZE, ps, off + 5, 1);
        b.add(f.ARP_OPCODE, h.getOperation().value() & 0xFFFF, off + 6, 2);
        // Pcap4J reads the addresses as 6 + 4 + 6 + 4 bytes whatever the size fields say. Wireshark names them
        // hw_mac / proto_ipv4 only for Ethernet-sized MACs (hardware type 1 or 6) and IPv4 (0x0800, 0xCC); an
        // address is mapped only where Pcap4J's fixed offsets are the true ones
        int hw = h.getHardwareType().value() & 0xFFFF, pro = h.getProtocolType().value() & 0xFFFF;
        boolean ether = (hw == 1 || hw == 6) && hs == 6;
        boolean ipv4 = (pro == 0x0800 || pro == 0x00CC) && ps == 4;
        if (ether) b.add(f.ARP_SRC_MAC, mac(h.getSrcHardwareAddr()), off + 8, hs);
        if (ipv4 && hs == 6) b.add(f.ARP_SRC_IPV4, ipv4(h.getSrcProtocolAddr()), off + 8 + hs, ps);
        if (ether && ps == 4) b.add(f.ARP_DST_MAC, mac(h.getDstHardwareAddr()), off + 8 + hs + ps, hs);
        if (ipv4 && hs == 6) b.add(f.ARP_DST_IPV4, ipv4(h.getDstProtocolAddr()), off + 8 + 2 * hs + ps, ps);
    }

    static void sll(LinuxSllPacket s, FrameBuilder b, int off, F f) {
        LinuxSllPacket.LinuxSllHeader h = s.getHeader();
        b.beginLayer(Protocols.SLL, off);
        b.add(f.SLL_PKTTYPE, h.getPacketType().value() & 0xFFFF, off, 2);
        b.add(f.SLL_HATYPE, h.getAddressType().value() & 0xFFFF, off + 2, 2);
        b.add(f.SLL_HALEN, h.getAddressLength() & 0xFFFF, off + 4, 2);
        b.add(f.SLL_ETYPE, h.getProtocol().value() & 0xFFFF, off + 14, 2);
    }

    static void loopback(BsdLoopbackPacket n, FrameBuilder b, int off, F f) {
        b.beginLayer(Protocols.NULL, off);
        b.add(f.NULL_FAMILY, n.getHeader().getProtocolFamily().value() & 0xFFFFFFFFL, off, 4);
    }

    /**
     * Pcap4J keeps an IEEE 802.3 length (up to 1500) as if it were an EtherType; Wireshark calls it a length.
     */
    private static io.pcapkit.model.FieldDef typeOrLength(short value, io.pcapkit.model.FieldDef type,
                                                          io.pcapkit.model.FieldDef length) {
        return (value & 0xFFFF) <= 1500 ? length : type;
    }

    static long mac(MacAddress m) {
        byte[] a = m.getAddress();
        long v = 0;
        for (byte x : a) v = (v << 8) | (x & 0xFF);
        return v;
    }

    static long ipv4(InetAddress a) {
        if (!(a instanceof Inet4Address)) return 0;
        byte[] x = a.getAddress();
        return ((x[0] & 0xFFL) << 24) | ((x[1] & 0xFF) << 16) | ((x[2] & 0xFF) << 8) | (x[3] & 0xFF);
    }
}
