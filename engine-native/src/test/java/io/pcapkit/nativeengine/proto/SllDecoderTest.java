package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.assertChainStartsWith;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same frames (for the header variants no
 * corpus capture holds: the frame written with text2pcap and read back with tshark).
 */
class SllDecoderTest {
    /** tcpdump/mptcp-v1.pcap frame 1: SLL, Ethernet address, IPv4 TCP SYN. */
    static final String SLL_ETH = """
            000000010006323287aa04020000080045000040ad7f4000400676370a0001010a000201821a271481fbb5fd00000000b002ffff
            17340000020405b40402080a1baf9ea100000000010303081e040101""";
    /** pcapplusplus/sll2.pcap frame 1 (first 60 of 91 bytes): SLL2 on interface 20, IPv4 TCP. */
    static final String SLL2_ETH = """
            080000000000001400010006f03f958f8263000045000047872c40002c06716e743f426c07f9977201bbdfccaaceb5caa7ab9fbf
            5018003fa1550000""";

    @Test void sllWithEthernetAddress() {
        Frame f = decode(113, SLL_ETH);
        assertChainStartsWith(f, "SLL:IPv4");
        assertEquals(16, f.layer(0).length());
        assertCells(f, "sll.pkttype=0", "sll.hatype=1", "sll.halen=6", "sll.src.eth=32:32:87:aa:04:02",
                "sll.unused=0000", "sll.etype=0x0800", "sll.ltype=", "sll.ifindex=");
    }

    /** tcpdump/tcp-handshake-nano.pcap frame 1 (first 30 of 76 bytes): no address at all (ARPHRD_PPP). */
    @Test void sllWithoutAddress() {
        Frame f = decode(113, hex("000402000000000000000000000008004500003c29a940004006db5f839b"), 76);
        assertChainStartsWith(f, "SLL:IPv4");
        assertCells(f, "sll.pkttype=4", "sll.hatype=512", "sll.halen=0", "sll.src.eth=",
                "sll.unused=0000000000000000", "sll.etype=0x0800");
    }

    /** tcp-handshake-nano.pcap frame 1's header with a 4-byte address and Linux protocol 0x0004 before LLC. */
    @Test void sllIpv4AddressAndLlc() {
        Frame f = decode(113, "00040200000400000000000000000004"
                + "e0e003ffff0028000100000000ffffffffffff0453000000000003471bc1a804530002a8f8796700010002000000");
        assertChainStartsWith(f, "SLL:LLC");
        assertCells(f, "sll.halen=4", "sll.src.ipv4=0.0.0.0", "sll.unused=00000000", "sll.ltype=0x0004",
                "sll.etype=", "llc.dsap=0xe0");
    }

    /** An IPGRE interface (hatype 778) with a 10-byte address: 8 bytes shown, the type is a GRE protocol type. */
    @Test void sllGreAndLongAddress() {
        Frame f = decode(113, "0004030a000ac0a80102030405060708" + "08004500003c29a940004006db5f");
        assertCells(f, "sll.hatype=778", "sll.halen=10", "sll.src.other=c0a8010203040506", "sll.unused=",
                "sll.gretype=0x0708", "sll.etype=");
    }

    @Test void sll2() {
        Frame f = decode(276, hex(SLL2_ETH), 91);
        assertChainStartsWith(f, "SLL2:IPv4");
        assertSame(Protocols.SLL2, f.layer(0).protocol());
        assertEquals(20, f.layer(0).length());
        assertCells(f, "sll.etype=0x0800", "sll.ifindex=20", "sll.hatype=1", "sll.pkttype=0", "sll.halen=6",
                "sll.src.eth=f0:3f:95:8f:82:63", "sll.unused=0000");
        assertTrue(cell(f, "frame.protocols").startsWith("sll:"), "tshark 4.0 calls SLL2 \"sll\" too");
    }

    /** zeek/linux_dlt_sll2.pcap frame 6: SLL2 carrying a RARP request (EtherType 0x8035). */
    @Test void sll2Rarp() {
        Frame f = decode(276, """
                803500000000001a000104068e360644acaf000000010800060400038e360644acafc0000201000000000000c0000202""");
        assertEquals("SLL2:RARP", f.protochain());
        assertCells(f, "sll.etype=0x8035", "sll.ifindex=26", "sll.pkttype=4", "arp.opcode=3",
                "arp.src.hw_mac=8e:36:06:44:ac:af", "arp.dst.proto_ipv4=192.0.2.2");
    }

    /** Malformed: an SLL header cut after 8 bytes; Wireshark shows the fields that fit. */
    @Test void truncatedSll() {
        Frame f = decode(113, hex("0004020000000000"), 76);
        assertEquals("SLL", f.protochain());
        assertCells(f, "sll.pkttype=4", "sll.hatype=512", "sll.halen=0", "sll.unused=", "sll.etype=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: an SLL2 header cut before the packet type; Wireshark reads it first and shows nothing. */
    @Test void truncatedSll2() {
        Frame f = decode(276, hex("0800000000000014000100"), 91);
        assertEquals("SLL2", f.protochain());
        assertEquals(0, f.fieldCount());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
