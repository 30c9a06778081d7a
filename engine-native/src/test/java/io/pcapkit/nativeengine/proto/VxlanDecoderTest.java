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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus has no VXLAN: these frames are built from RFC 7348's header layout (UDP 4789), written to a pcap and
 * read back by tshark 4.0, whose {@code -T fields} values are asserted here.
 */
class VxlanDecoderTest {
    /** Flags 0x08 (VNI valid), VNI 123, an inner Ethernet frame with IPv4/UDP. */
    static final String VXLAN = """
            0200000000aa0200000000bb08004500005300010000401166970a0000010a00000215b312b5003f00000800000000007b000200000000
            cc0200000000dd080045000021000100004011f977c0a80001c0a8000203e807d0000d000068656c6c6f""";
    /** Group Based Policy flags (G, I) with policy id 16384, VNI 0xabcdef, reserved octet 0x11. */
    static final String VXLAN_GBP = """
            0200000000aa0200000000bb08004500005300010000401166970a0000010a00000215b312b5003f000088004000abcdef110200000000
            cc0200000000dd080045000021000100004011f977c0a80001c0a8000203e807d0000d000068656c6c6f""";

    @Test void innerEthernet() {
        Frame f = decode(1, VXLAN);
        assertEquals("Ethernet:IPv4:UDP:VXLAN:Ethernet:IPv4:UDP:Raw", f.protochain());
        assertCells(f, "vxlan.flags=0x0800", "vxlan.flag_g=0", "vxlan.flag_i=1", "vxlan.flag_d=0", "vxlan.flag_a=0",
                "vxlan.flags_reserved=0x0000", "vxlan.gbp=0", "vxlan.vni=123", "vxlan.reserved8=0",
                "eth.src=02:00:00:00:00:bb,02:00:00:00:00:dd", "ip.src=10.0.0.1,192.168.0.1");
    }

    @Test void groupPolicyExtension() {
        assertCells(decode(1, VXLAN_GBP), "vxlan.flags=0x8800", "vxlan.flag_g=1", "vxlan.flag_i=1",
                "vxlan.gbp=16384", "vxlan.vni=11259375", "vxlan.reserved8=17");
    }

    /** Malformed: the VXLAN header cut after 5 bytes. */
    @Test void cutShort() {
        byte[] b = Arrays.copyOf(hex(VXLAN), 47);
        Frame f = decode(1, b, 97);
        assertEquals("Ethernet:IPv4:UDP:VXLAN", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "vxlan.flags=", "vxlan.vni=");
    }
}
