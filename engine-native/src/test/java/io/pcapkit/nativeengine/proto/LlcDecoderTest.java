package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.assertChainStartsWith;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same frames. The control-field variants no
 * corpus capture holds were written with text2pcap (an 802.3 header from 00:0a:0c:12:34:56 to the STP group
 * address, zero padding to 60 bytes) and read back with tshark.
 */
class LlcDecoderTest {
    private static final String PAD = "00".repeat(46);

    /** 802.3 header + LLC bytes, padded to the 60-byte minimum. */
    private static Frame ieee8023(String llc) {
        int n = llc.length() / 2;
        String frame = "0180c2000000000a0c123456" + String.format("%04x", n) + llc + PAD;
        return decode(1, frame.substring(0, Math.max(120, 28 + 2 * n)));
    }

    /** tcpdump/ipx.pcap frame 5: a UI frame to the NetWare SAP. */
    @Test void unnumberedInformation() {
        Frame f = decode(1, EthernetDecoderTest.IEEE8023_IPX);
        assertChainStartsWith(f, "Ethernet:LLC");
        assertEquals(3, f.layer(1).length());
        assertCells(f, "llc.dsap=0xe0", "llc.dsap.sap=112", "llc.dsap.ig=0", "llc.ssap=0xe0", "llc.ssap.sap=112",
                "llc.ssap.cr=0", "llc.control=0x0003", "llc.control.u_modifier_cmd=0x00", "llc.control.ftype=0x03",
                "llc.control.p=", "llc.oui=", "llc.type=");
    }

    /** pcapplusplus/example2.pcap frame 23: SNAP with Cisco's OUI (CDP). */
    @Test void snapCisco() {
        Frame f = decode(1, EthernetDecoderTest.IEEE8023_CDP);
        assertEquals(8, f.layer(1).length());
        assertCells(f, "llc.dsap=0xaa", "llc.dsap.sap=85", "llc.ssap=0xaa", "llc.oui=12", "llc.cisco_pid=0x2000",
                "llc.pid=", "llc.type=");
    }

    /**
     * SNAP with OUI 0: the PID is an EtherType (an IPv4 ICMP echo from pcap4j/BsdLoopbackPacketTest.pcap), in a
     * 68-byte frame whose 14 spare bytes tshark splits into padding to 60, a trailer and a guessed FCS.
     */
    @Test void snapEtherType() {
        Frame f = decode(1, "ffffffffffff0003471bc1a80028aaaa030000000800"
                + "45000020006400006401d275c0000201c00002020800e04804d210e100010203" + "00".repeat(14));
        assertChainStartsWith(f, "Ethernet:LLC:IPv4");
        assertCells(f, "llc.oui=0", "llc.type=0x0800", "llc.pid=", "eth.len=40",
                "eth.padding=000000000000", "eth.trailer=00000000", "eth.fcs=0x00000000");
    }

    @Test void xidCommandWithPoll() {
        Frame f = ieee8023("4242bf810100");
        assertChainStartsWith(f, "Ethernet:LLC");
        assertCells(f, "llc.dsap=0x42", "llc.dsap.sap=33", "llc.control=0x00bf", "llc.control.p=1",
                "llc.control.u_modifier_cmd=0x2b", "llc.control.ftype=0x03", "eth.len=6",
                "eth.padding=" + "00".repeat(40));
    }

    /**
     * An I frame has a 2-byte little-endian control field. (tshark prints its {@code llc.control.ftype} 4 hex
     * digits wide from a second declaration of that name; see LlcDecoder's note.)
     */
    @Test void informationFrame() {
        Frame f = ieee8023("f0f00e0500010203");
        assertEquals(4, f.layer(1).length());
        assertCells(f, "llc.dsap.sap=120", "llc.control=0x050e", "llc.control.n_r=2", "llc.control.n_s=7",
                "llc.control.p=1", "llc.control.f=");
    }

    @Test void supervisoryResponse() {
        Frame f = ieee8023("f0f10103");
        assertCells(f, "llc.ssap=0xf1", "llc.ssap.cr=1", "llc.control=0x0301", "llc.control.n_r=1",
                "llc.control.f=1", "llc.control.p=", "llc.control.s_ftype=0x0000", "llc.control.n_s=");
        assertEquals("Ethernet:LLC", f.protochain());
    }

    /** Malformed: an 802.3 length of 2 leaves no room for the control field. */
    @Test void truncatedControl() {
        Frame f = ieee8023("4242");
        assertEquals("Ethernet:LLC", f.protochain());
        assertCells(f, "llc.dsap=0x42", "llc.ssap=0x42", "llc.control=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /**
     * Malformed: the CDP frame with an 802.3 length of 6, which cuts the SNAP header after its OUI. Wireshark reads
     * OUI and PID together, so neither is shown; the rest of the frame becomes the Ethernet trailer and FCS.
     */
    @Test void truncatedSnap() {
        byte[] b = hex(EthernetDecoderTest.IEEE8023_CDP);
        b[12] = 0;
        b[13] = 6;
        Frame f = decode(1, b, b.length);
        assertCells(f, "llc.control=0x0003", "llc.oui=", "llc.cisco_pid=", "eth.fcs=0x00000000");
        assertTrue(cell(f, "eth.trailer").startsWith("200002b401a5000100065332000500c2436973636f"));
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
