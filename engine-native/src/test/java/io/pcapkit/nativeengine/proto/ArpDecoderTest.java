package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames. */
class ArpDecoderTest {
    @Test void request() {
        Frame f = decode(1, EthernetDecoderTest.ETHERNET_II_ARP); // example2.pcap frame 31
        assertEquals("Ethernet:ARP", f.protochain());
        assertEquals(28, f.layer(1).length());
        assertCells(f, "arp.hw.type=1", "arp.proto.type=0x0800", "arp.hw.size=6", "arp.proto.size=4",
                "arp.opcode=1", "arp.src.hw_mac=6c:f0:49:b2:de:6e", "arp.src.proto_ipv4=10.0.0.1",
                "arp.dst.hw_mac=30:46:9a:23:fb:fa", "arp.dst.proto_ipv4=10.0.0.138",
                "arp.isgratuitous=", "arp.isprobe=", "arp.isannouncement=", "arp.src.hw=");
    }

    /** 802.1ad_QinQ.pcap frame 1: the padding after the 28-byte packet is not a payload of its own. */
    @Test void paddingIsNotAPayload() {
        Frame f = decode(1, Ieee8021adDecoderTest.QINQ_ARP);
        assertEquals("Ethernet:802.1ad:VLAN:ARP", f.protochain());
        assertCells(f, "arp.src.proto_ipv4=172.21.79.97", "arp.dst.hw_mac=00:00:00:00:00:00",
                "arp.dst.proto_ipv4=172.21.79.100", "arp.isprobe=", "arp.isannouncement=");
    }

    /**
     * tcpdump/arp-too-long-tha.pcap frame 1 (64 of 262144 bytes captured): an unknown hardware type with 14-byte
     * addresses, shown as bytes; sender and target protocol addresses are equal, so it is "gratuitous".
     */
    @Test void unknownHardwareTypeAndGratuitous() {
        byte[] b = hex("""
                30303030303030303030303088a830300806303008000e04000130303030303030303030303030303030303030303030
                3030303030303030303030303030303030""");
        Frame f = decode(1, b, 262144);
        assertEquals("Ethernet:802.1ad:ARP", f.protochain());
        assertCells(f, "arp.hw.type=12336", "arp.proto.type=0x0800", "arp.hw.size=14", "arp.proto.size=4",
                "arp.opcode=1", "arp.isgratuitous=1", "arp.src.hw=3030303030303030303030303030",
                "arp.src.proto_ipv4=48.48.48.48", "arp.dst.hw=3030303030303030303030303030",
                "arp.dst.proto_ipv4=48.48.48.48", "arp.src.hw_mac=", "ieee8021ad.priority=1", "ieee8021ad.dei=1",
                "ieee8021ad.id=48", "ieee8021ah.etype=0x0806");
    }

    /** zeek/linux_dlt_sll2.pcap frame 6: RARP (EtherType 0x8035) is a layer of its own with arp.* fields. */
    @Test void rarp() {
        Frame f = decode(276, "803500000000001a000104068e360644acaf00000001080006040003"
                + "8e360644acafc0000201000000000000c0000202");
        assertSame(Protocols.RARP, f.layer(1).protocol());
        assertCells(f, "arp.opcode=3", "arp.src.hw_mac=8e:36:06:44:ac:af", "arp.src.proto_ipv4=192.0.2.1",
                "arp.dst.hw_mac=00:00:00:00:00:00", "arp.dst.proto_ipv4=192.0.2.2", "arp.isgratuitous=");
    }

    /** A request for the sender's own address with an all-zero target MAC is an announcement. */
    @Test void announcement() {
        byte[] b = hex(EthernetDecoderTest.ETHERNET_II_ARP);
        System.arraycopy(new byte[6], 0, b, 32, 6);                 // target MAC 00:00:00:00:00:00
        System.arraycopy(b, 28, b, 38, 4);                          // target IP = sender IP
        Frame f = decode(1, b, b.length);
        assertCells(f, "arp.isgratuitous=1", "arp.isannouncement=1", "arp.isprobe=");
    }

    /** A request from 0.0.0.0 with an all-zero target MAC is a probe. */
    @Test void probe() {
        byte[] b = hex(EthernetDecoderTest.ETHERNET_II_ARP);
        System.arraycopy(new byte[6], 0, b, 32, 6);
        System.arraycopy(new byte[4], 0, b, 28, 4);                 // sender IP 0.0.0.0
        Frame f = decode(1, b, b.length);
        assertCells(f, "arp.isgratuitous=", "arp.isannouncement=", "arp.isprobe=1",
                "arp.src.proto_ipv4=0.0.0.0");
    }

    /** Opcode 7 (DRARP error): the first byte of the target protocol address is an error status instead. */
    @Test void drarpError() {
        byte[] b = hex(EthernetDecoderTest.ETHERNET_II_ARP);
        b[21] = 7;
        Frame f = decode(1, b, b.length);
        assertCells(f, "arp.opcode=7", "arp.dst.drarp_error_status=10", "arp.dst.proto_ipv4=",
                "arp.src.proto_ipv4=10.0.0.1");
    }

    /** Malformed: a request cut 6 bytes short; Wireshark compares the addresses first and shows none. */
    @Test void truncatedRequest() {
        byte[] b = java.util.Arrays.copyOf(hex(EthernetDecoderTest.ETHERNET_II_ARP), 36);
        Frame f = decode(1, b, 42);
        assertEquals("Ethernet:ARP", f.protochain());
        assertCells(f, "arp.opcode=1", "arp.src.hw_mac=", "arp.src.proto_ipv4=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: sizes that make the packet longer than the whole frame. */
    @Test void addressesPastTheFrame() {
        byte[] b = hex(EthernetDecoderTest.ETHERNET_II_ARP);
        b[18] = (byte) 0xff;                                        // hardware size 255
        Frame f = decode(1, b, b.length);
        assertCells(f, "arp.hw.size=255", "arp.opcode=1", "arp.src.hw=", "arp.src.proto_ipv4=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }
}
