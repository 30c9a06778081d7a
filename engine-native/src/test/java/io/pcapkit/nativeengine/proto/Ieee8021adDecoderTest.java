package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames. */
class Ieee8021adDecoderTest {
    /** tcpdump/802.1ad_QinQ.pcap frame 1: S-tag 200, C-tag 2001, ARP request, padded to 64 bytes. */
    static final String QINQ_ARP = """
            ffffffffffff0020d25afb3f88a800c8810007d1080600010800060400010020d25afb3fac154f61000000000000ac15
            4f640000000000000000000000000000""";

    @Test void serviceTagThenCustomerTag() {
        Frame f = decode(1, QINQ_ARP);
        assertEquals("Ethernet:802.1ad:VLAN:ARP", f.protochain());
        assertSame(Ieee8021adDecoder.IEEE8021AD, f.layer(1).protocol());
        assertCells(f, "eth.type=0x88a8", "ieee8021ad.priority=0", "ieee8021ad.dei=0", "ieee8021ad.id=200",
                "ieee8021ad.svid=", "ieee8021ah.etype=0x8100", "vlan.id=2001", "vlan.etype=0x0806");
        assertEquals("eth:ieee8021ad:vlan:arp", cell(f, "frame.protocols"));
    }

    /** Frame 1 with tags 0xa0c8 / 0xe7d1 and the inner TPID also 0x88a8: one layer, S-VID and C-VID. */
    @Test void twoServiceTags() {
        byte[] b = hex(QINQ_ARP);
        b[14] = (byte) 0xa0;
        b[16] = (byte) 0x88;
        b[17] = (byte) 0xa8;
        b[18] = (byte) 0xe7;
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:802.1ad:ARP", f.protochain());
        assertEquals(8, f.layer(1).length());
        assertCells(f, "ieee8021ad.priority=5,7", "ieee8021ad.dei=0,0", "ieee8021ad.svid=200",
                "ieee8021ad.cvid=2001", "ieee8021ad.id=", "ieee8021ah.etype=0x0806", "arp.opcode=1");
    }

    /** Malformed: the frame ends 2 bytes into the S-tag; Wireshark reads TCI and type first and shows nothing. */
    @Test void truncatedTag() {
        Frame f = decode(1, java.util.Arrays.copyOf(hex(QINQ_ARP), 16), 64);
        assertEquals("Ethernet:802.1ad", f.protochain());
        assertCells(f, "ieee8021ad.priority=", "ieee8021ad.id=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
