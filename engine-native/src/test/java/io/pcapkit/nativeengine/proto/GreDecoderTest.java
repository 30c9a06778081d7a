package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes. The corpus has one GRE frame
 * (PPTP); the other frames are built from the layouts of RFC 2784/2890 (checksum, key, sequence), RFC 1701
 * (routing) and RFC 2637 (enhanced GRE), written to a pcap and read back by tshark.
 */
class GreDecoderTest {
    /** tcpdump/pptp.pcap frame 16: enhanced GRE (version 1) with key and sequence, PPP LCP inside. */
    static final String PPTP = """
            0800209f6b7200000000000008004500005003bc0000802f20ad0a01010b0a01010a3001880b0030000000000000ff03c0210100002c
            0506021952cf070208020d03061104064e13170129f76a9077f1472c835247f271d656070000000c""";
    /** Built: GRE with checksum (correct), key 0x1234 and sequence 7, carrying IPv4/ICMP echo. */
    static final String CHECKSUM_KEY_SEQ = """
            00112233445566778899aabb08004500004000010000402f00000a0000010a000002b00008009ca2000000001234000000074500001c
            00010000400100000a0000010a0000020800f7ff00000000""";
    /** Built: RFC 1701 routing (one 4-byte SRE, then the null SRE), transparent Ethernet bridging, ARP inside. */
    static final String ROUTING_TEB = """
            00112233445566778899aabb08004500005200010000402f00000a0000010a0000024000655800000000080000040102030400000000
            ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002""";
    /** Built: enhanced GRE with sequence 10 and acknowledgment 9, four bytes of PPP. */
    static final String PPTP_ACK = """
            00112233445566778899aabb08004500002800010000402f00000a0000010a0000023081880b000400050000000a00000009ff03c021
            """;
    /** Built: a key and an unknown protocol type: the payload is data. */
    static final String UNKNOWN_TYPE = """
            00112233445566778899aabb08004500001f00010000402f00000a0000010a00000220001234deadbeef78797a""";

    @Test void enhancedGreCarriesPpp() {
        Frame f = decode(1, PPTP);
        assertEquals("Ethernet:IPv4:GRE:PPP:LCP", f.protochain());
        assertEquals(12, f.layer(2).length());
        assertCells(f, "gre.flags_and_version=0x3001", "gre.flags.key=1", "gre.flags.sequence_number=1",
                "gre.flags.ack=0", "gre.flags.reserved=0", "gre.flags.version=1", "gre.proto=0x880b",
                "gre.key.payload_length=48", "gre.key.call_id=0", "gre.sequence_number=0", "gre.key=",
                "ppp.address=0xff", "ppp.control=0x03", "ppp.protocol=0xc021", "lcp.opt.magic_number=0x021952cf");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void checksumKeySequence() {
        Frame f = decode(1, CHECKSUM_KEY_SEQ);
        assertEquals("Ethernet:IPv4:GRE:IPv4:ICMP", f.protochain());
        assertCells(f, "gre.flags_and_version=0xb000", "gre.checksum=0x9ca2", "gre.checksum.status=1",
                "gre.offset=0", "gre.key=0x00001234", "gre.sequence_number=7", "icmp.type=8");
    }

    @Test void badChecksum() {
        Frame f = decode(1, TestFrames.change(CHECKSUM_KEY_SEQ.replaceAll("\\s", ""), 38, "1234"));
        assertCells(f, "gre.checksum=0x1234", "gre.checksum.status=0", "icmp.type=8");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_CHECKSUM));
    }

    @Test void routingEntriesAndBridgedEthernet() {
        Frame f = decode(1, ROUTING_TEB);
        assertEquals("Ethernet:IPv4:GRE:Ethernet:ARP", f.protochain());
        assertCells(f, "gre.proto=0x6558", "gre.checksum.status=2", "gre.routing=1,1",
                "gre.routing.address_family=2048,0", "gre.routing.src_length=4,0",
                "gre.routing.information=01020304", "arp.opcode=1");
    }

    @Test void acknowledgmentNumber() {
        Frame f = decode(1, PPTP_ACK);
        assertCells(f, "gre.flags_and_version=0x3081", "gre.flags.ack=1", "gre.key.payload_length=4",
                "gre.key.call_id=5", "gre.sequence_number=10", "gre.ack_number=9", "ppp.protocol=0xc021");
    }

    @Test void unknownTypeIsData() {
        Frame f = decode(1, UNKNOWN_TYPE);
        assertEquals("Ethernet:IPv4:GRE:Raw", f.protochain());
        assertCells(f, "gre.proto=0x1234", "gre.key=0xdeadbeef", "data.data=78797a");
    }

    /** Malformed: the PPTP frame cut inside its sequence number: flags and key shown, then the anomaly. */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(PPTP), 34 + 10), 94);
        assertEquals("Ethernet:IPv4:GRE", f.protochain());
        assertCells(f, "gre.proto=0x880b", "gre.key.call_id=0", "gre.sequence_number=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: a routing list without its null entry runs off the end. */
    @Test void routingRunsOffTheEnd() {
        Frame f = decode(1, Arrays.copyOf(hex(ROUTING_TEB), 34 + 8 + 6), 96);
        assertCells(f, "gre.routing.address_family=2048", "gre.routing.information=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
