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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames. */
class EthernetDecoderTest {
    /** pcapplusplus/example2.pcap frame 31: Ethernet II carrying an ARP request. */
    static final String ETHERNET_II_ARP =
            "30469a23fbfa6cf049b2de6e080600010800060400016cf049b2de6e0a00000130469a23fbfa0a00008a";
    /** tcpdump/ipx.pcap frame 5: IEEE 802.3, length 44, LLC + IPX, two zero bytes of padding to 60. */
    static final String IEEE8023_IPX = """
            ffffffffffff0003471bc1a8002ce0e003ffff0028000100000000ffffffffffff0453000000000003471bc1a8
            04530002a8f8796700010002000000""";
    /** pcapplusplus/example2.pcap frame 23: IEEE 802.3, length 361, LLC SNAP (Cisco) carrying CDP. */
    static final String IEEE8023_CDP = """
            01000ccccccc000f345f168d0169aaaa0300000c200002b401a5000100065332000500c2436973636f20494f5320536f
            6674776172652c20433335353020536f667477617265202843333535302d495053455256494345534b392d4d292c2056
            657273696f6e2031322e32283434295345322c2052454c4541534520534f4654574152452028666332290a436f707972
            696768742028632920313938362d3230303820627920436973636f2053797374656d732c20496e632e0a436f6d70696c
            6564205468752030312d4d61792d30382031363a313420627920616e746f6e696e6f00060015436973636f2057532d43
            333535302d323400020011000000010101cc000400000000000300144661737445746865726e6574302f313300040008
            000000280008002400000c011200000000ffffffff010221ff000000000000000f345f1680ff00000009000963697363
            6f000a00060001000b0005010012000500001300050000160011000000010101cc000400000000""";

    @Test void ethernetII() {
        Frame f = decode(1, ETHERNET_II_ARP);
        assertEquals("Ethernet:ARP", f.protochain());
        assertCells(f,
                "eth.dst=30:46:9a:23:fb:fa",
                "eth.src=6c:f0:49:b2:de:6e",
                "eth.addr=30:46:9a:23:fb:fa,6c:f0:49:b2:de:6e",
                "eth.dst.oui=3163802",
                "eth.src.oui=7139401",
                "eth.addr.oui=3163802,7139401",
                "eth.dst.lg=0", "eth.dst.ig=0", "eth.src.lg=0", "eth.src.ig=0",
                "eth.lg=0,0", "eth.ig=0,0",
                "eth.type=0x0806",
                "eth.len=", "eth.padding=", "eth.trailer=");
        assertEquals(14, f.layer(0).length());
        assertFalse(f.hasAnomalies());
    }

    @Test void ieee8023WithZeroPadding() {
        Frame f = decode(1, IEEE8023_IPX);
        assertChainStartsWith(f, "Ethernet:LLC");
        assertCells(f,
                "eth.dst=ff:ff:ff:ff:ff:ff",
                "eth.dst.oui=16777215",
                "eth.lg=1,0", "eth.ig=1,0",
                "eth.len=44", "eth.type=",
                "eth.padding=0000", "eth.trailer=", "eth.fcs=");
        // the LLC layer and what it carries end at the length (14 + 44), not at the padding
        assertEquals(14, f.layer(1).offset());
        for (io.pcapkit.model.Layer l : f.layers()) assertTrue(l.offset() + l.length() <= 58, l::toString);
    }

    /** tcpdump/ipx-invalid-length.pcap frame 1: 5 bytes after the 802.3 payload that are not all zero. */
    @Test void ieee8023NonZeroTrailerIsNotPadding() {
        Frame f = decode(1, """
                08003e2b6856000347e12a760029e0e003ffff001d00118dc23c0018003e2b6856402b0a8808aa00000000000104
                513333c03e0101d5001d00000000""");
        assertChainStartsWith(f, "Ethernet:LLC");
        assertCells(f, "eth.len=41", "eth.padding=", "eth.trailer=1d00000000", "eth.fcs=");
    }

    @Test void ieee8023Snap() {
        Frame f = decode(1, IEEE8023_CDP);
        assertChainStartsWith(f, "Ethernet:LLC");
        assertCells(f, "eth.len=361", "eth.ig=1,0", "eth.trailer=", "llc.oui=12", "llc.cisco_pid=0x2000");
    }

    /**
     * The CDP frame with its length changed from 361 to 300: tshark (on that frame written with text2pcap) takes
     * the 4 last of the 61 leftover bytes of a frame over 64 bytes for an FCS and the rest for a trailer.
     */
    @Test void ieee8023TrailerAndGuessedFcs() {
        byte[] b = hex(IEEE8023_CDP);
        b[12] = 0x01;
        b[13] = 0x2c;
        Frame f = decode(1, b, b.length);
        assertCells(f,
                "eth.len=300",
                "eth.trailer=0000000000000f345f1680ff000000090009636973636f000a00060001000b000501001200050000130005"
                        + "0000160011000000010101cc0004",
                "eth.fcs=0x00000000", "eth.fcs.status=2", "eth.padding=");
    }

    /** Malformed: the header is cut after 10 bytes; Wireshark shows no Ethernet field at all. */
    @Test void truncatedHeader() {
        byte[] b = java.util.Arrays.copyOf(hex(ETHERNET_II_ARP), 10);
        Frame f = decode(1, b, 42);
        assertEquals("Ethernet", f.protochain());
        assertEquals(0, f.fieldCount());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: ipx.pcap frame 5 with its 802.3 length raised to 256, past the frame's 46 payload bytes. */
    @Test void lengthPastTheEnd() {
        byte[] b = hex(IEEE8023_IPX);
        b[12] = 0x01;
        b[13] = 0x00;
        Frame f = decode(1, b, b.length);
        assertChainStartsWith(f, "Ethernet:LLC");
        assertCells(f, "eth.len=256", "eth.padding=", "eth.trailer=", "llc.dsap=0xe0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Malformed: ipx.pcap frame 5 with type/length 0x05f0, neither a length nor a type. */
    @Test void invalidLengthType() {
        byte[] b = hex(IEEE8023_IPX);
        b[12] = 0x05;
        b[13] = (byte) 0xf0;
        Frame f = decode(1, b, b.length);
        assertEquals("Ethernet:Raw", f.protochain());
        assertCells(f, "eth.invalid_lentype=0x05f0", "eth.len=", "eth.type=",
                "eth.addr=ff:ff:ff:ff:ff:ff,00:03:47:1b:c1:a8");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }
}
