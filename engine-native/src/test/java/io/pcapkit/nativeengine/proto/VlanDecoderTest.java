package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.assertChainStartsWith;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames. */
class VlanDecoderTest {
    /** pcapplusplus/VlanPackets.pcap frame 1: two 802.1Q tags (118 then 10) around an IPv4 ICMP echo. */
    static final String QINQ_ICMP = """
            001bd41ba4d80013c3dfae18810000768100000a080045000064000f0000ff01929b0a760a010a760a020800ceb700030000
            00000000001faf70abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd
            abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd""";
    /** pcapplusplus/VlanPackets.pcap frame 21, first 40 of 375 bytes: a tag with a length, LLC SNAP, CDP. */
    static final String VLAN_8023_CDP = """
            01000ccdcdd00013c3dfae188100a0760165aaaa0300000c200002b4bae2000100065231000500fd""";

    @Test void stackedTags() {
        Frame f = decode(1, QINQ_ICMP);
        assertChainStartsWith(f, "Ethernet:VLAN:VLAN:IPv4");
        assertEquals(4, f.layer(1).length());
        assertEquals(18, f.layer(2).offset());
        assertCells(f, "eth.type=0x8100", "vlan.priority=0,0", "vlan.dei=0,0", "vlan.id=118,10",
                "vlan.etype=0x8100,0x0800", "vlan.len=", "vlan.trailer=");
    }

    @Test void lengthInsteadOfType() {
        Frame f = decode(1, hex(VLAN_8023_CDP), 375);
        assertChainStartsWith(f, "Ethernet:VLAN:LLC");
        assertCells(f, "vlan.priority=5", "vlan.dei=0", "vlan.id=118", "vlan.len=357", "vlan.etype=",
                "vlan.trailer=", "llc.cisco_pid=0x2000");
        assertTrue(f.anomalies().isEmpty(), () -> f.anomalies().toString());
    }

    /** Frame 1 with its outer tag's TPID changed to 0x9100, which Wireshark also decodes as "vlan". */
    @Test void oldQinQTpid() {
        byte[] b = hex(QINQ_ICMP);
        b[12] = (byte) 0x91;
        Frame f = decode(1, b, b.length);
        assertChainStartsWith(f, "Ethernet:VLAN:VLAN");
        assertCells(f, "eth.type=0x9100", "vlan.id=118,10");
    }

    /** Malformed: the frame cut 2 bytes into the first tag; Wireshark shows the TCI fields only. */
    @Test void truncatedTag() {
        Frame f = decode(1, java.util.Arrays.copyOf(hex(QINQ_ICMP), 16), 122);
        assertEquals("Ethernet:VLAN", f.protochain());
        assertCells(f, "vlan.priority=0", "vlan.dei=0", "vlan.id=118", "vlan.etype=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: frame 21 (whole length 375) with its VLAN length raised from 357 to 400. */
    @Test void lengthPastTheEnd() {
        byte[] b = hex(VLAN_8023_CDP);
        b[16] = 0x01;
        b[17] = (byte) 0x90;
        Frame f = decode(1, b, 375);
        assertCells(f, "vlan.len=400");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }
}
