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

/** Expected values are tshark 4.0's {@code -T fields} output for the same frames (default preferences: no SA). */
class EspDecoderTest {
    /** pcapplusplus/ipsec.pcapng frame 2: ESP over IPv6, only SPI and sequence number captured. */
    static final String IPV6_ESP = """
            68a3c4f949f65475d0c90b8186dd600000000008323f20010470e5bf100185192d1fc57dfc4f20010470e5bfdead7db00921a2e9
            1c214950763620455350""";
    /** cutehip/hip.pcap frame 43: ESP over IPv4 between HIP hosts, 128 bytes of ciphertext. */
    static final String IPV4_ESP = """
            0e32ce7de5c50e32ce7de5c608004500009c6ad800008032cde7c0a84010c0a8400f281f460f000000012e5e95bbc13d2259abe3
            cfe3bf7cb5318b5f7ef434bb5ce11c3b957c05dcc2535ead1f6b25e6796c27e461165ef05766012fad43afe007613e20afe6f17a
            76b82044dbc9151a92bbf1c31a32bc58de68517eee718921dba77c87373db16c0f8375f9ef28afa17d49b13b810314bef928f317
            66917c6242459225924d429461ed""";

    @Test void headerOnly() {
        Frame f = decode(1, IPV6_ESP);
        assertEquals("Ethernet:IPv6:ESP", f.protochain());
        assertCells(f, "esp.spi=0x49507636", "esp.sequence=541414224");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    /** The ciphertext stays inside the ESP layer: no Raw layer, no data field, as tshark shows it. */
    @Test void ciphertextIsOpaque() {
        Frame f = decode(1, IPV4_ESP);
        assertEquals("Ethernet:IPv4:ESP", f.protochain());
        assertEquals(136, f.layer(2).length());
        assertCells(f, "esp.spi=0x281f460f", "esp.sequence=1", "data.data=");
    }

    /** Malformed: 6 of the 8 header bytes: tshark shows no ESP field at all. */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(IPV4_ESP), 34 + 6), 170);
        assertEquals("Ethernet:IPv4:ESP", f.protochain());
        assertCells(f, "esp.spi=", "esp.sequence=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
