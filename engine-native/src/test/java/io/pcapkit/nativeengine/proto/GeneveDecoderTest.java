package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus has no GENEVE: these frames are built from RFC 8926's header and option layout (UDP 6081), written to
 * a pcap and read back by tshark 4.0, whose {@code -T fields} values are asserted here.
 */
class GeneveDecoderTest {
    /** Protocol 0x6558 (Ethernet), VNI 0x123456, one 8-byte option (class 0x0102, critical type 0x80). */
    static final String ETHERNET_WITH_OPTION = """
            0200000000aa0200000000bb08004500005b000100004011668f0a0000010a00000215b317c1004700000200655812345600010280
            010a0b0c0d0200000000cc0200000000dd080045000021000100004011f977c0a80001c0a8000203e807d0000d000068656c6c6f""";
    /** OAM and critical flags, protocol 0x0800: IPv4 directly, no options. */
    static final String IPV4 = """
            0200000000aa0200000000bb08004500004500010000401166a50a0000010a00000215b317c10031000000c0080000000700450000
            21000100004011f977c0a80001c0a8000203e807d0000d000068656c6c6f""";

    @Test void optionThenEthernet() {
        Frame f = decode(1, ETHERNET_WITH_OPTION);
        assertEquals("Ethernet:IPv4:UDP:GENEVE:Ethernet:IPv4:UDP:Raw", f.protochain());
        assertEquals(16, f.layer(3).length());
        assertCells(f, "geneve.version=0", "geneve.flags=0x00", "geneve.flags.oam=0", "geneve.flags.critical=0",
                "geneve.flags.reserved=0", "geneve.proto_type=0x6558", "geneve.vni=0x123456", "geneve.reserved=0x00",
                "geneve.options=010280010a0b0c0d", "geneve.option=010280010a0b0c0d", "geneve.option.class=0x0102",
                "geneve.option.type=0x80", "geneve.option.type.critical=1", "geneve.option.flags=0x00",
                "geneve.option.flags.reserved=0", "geneve.option.length=8,8", "geneve.option.unknown.data=0a0b0c0d");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void etherTypePayload() {
        Frame f = decode(1, IPV4);
        assertEquals("Ethernet:IPv4:UDP:GENEVE:IPv4:UDP:Raw", f.protochain());
        assertCells(f, "geneve.flags=0xc0", "geneve.flags.oam=1", "geneve.flags.critical=1", "geneve.proto_type=0x0800",
                "geneve.vni=0x000007", "geneve.option.length=0", "geneve.options=");
    }

    /** Malformed: the option claims 12 bytes where the header left room for 8. */
    @Test void optionPastTheOptionsLength() {
        byte[] b = hex(ETHERNET_WITH_OPTION);
        b[53] = (byte) 0x82; // option length 1 -> 2 words
        Frame f = decode(1, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertCells(f, "geneve.options=010280820a0b0c0d", "geneve.option.class=", "geneve.option.length=8");
    }

    /** Malformed: options length 40 bytes where the UDP payload has 33 after the header. */
    @Test void optionsPastThePayload() {
        byte[] b = hex(IPV4);
        b[42] = 0x0A; // 40 bytes of options, 33 in the payload
        Frame f = decode(1, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
