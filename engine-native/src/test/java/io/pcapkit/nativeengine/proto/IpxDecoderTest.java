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
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes. The corpus carries IPX over LLC
 * only; the other encapsulations wrap one IPX packet built from Novell's header layout (a SAP query from
 * 00000002.001122334455 socket 0x4008 to 00000001.000000000001 socket 0x0452) and were read back by tshark.
 */
class IpxDecoderTest {
    /** tcpdump/ipx.pcap frame 1: 802.3 + LLC SAP 0xE0, a NetBIOS broadcast. */
    static final String LLC = """
            ffffffffffff0003471bc1a80054e0e003ffff0050001400000000ffffffffffff0455a8f8796700000000000104550000000000
            000000000000000000000000000000000000000000000000000000000101025f5f4d5342524f5753455f5f020100""";
    /** tcpdump/ipx-invalid-length.pcap frame 1: IPX length 29, shorter than the 30-byte header. */
    static final String INVALID_LENGTH = """
            08003e2b6856000347e12a760029e0e003ffff001d00118dc23c0018003e2b6856402b0a8808aa00000000000104513333c03e01
            01d5001d00000000""";
    static final String IPX = "ffff0022000400000001000000000001045200000002001122334455400868692121";
    /** Built: "Novell raw" 802.3, the IPX checksum 0xFFFF right after the length, Ethernet padding. */
    static final String RAW_8023 = "ffffffffffff0011223344550022" + IPX + "0000000000000000000000";
    /** Built: Ethernet II, EtherType 0x8137, padding. */
    static final String ETHERNET_II = "ffffffffffff0011223344558137" + IPX + "000000000000000000000000";
    /** Built: 802.3 + SNAP (OUI 0, EtherType 0x8137). */
    static final String SNAP = "ffffffffffff001122334455002aaaaa030000008137" + IPX;
    /** Built: IPX tunnelled over UDP port 213 (RFC 1234). */
    static final String OVER_UDP = "ffffffffffff00112233445508004500003e00010000401100000a0000010a000002"
            + "00d500d5002a0000" + IPX;

    @Test void overLlc() {
        Frame f = decode(1, LLC);
        assertEquals("Ethernet:LLC:IPX:Raw", f.protochain());
        assertCells(f, "ipx.checksum=0xffff", "ipx.len=80", "ipx.hops=0", "ipx.packet_type=0x14",
                "ipx.dst.net=0x00000000", "ipx.dst.node=ff:ff:ff:ff:ff:ff", "ipx.dst.socket=0x0455",
                "ipx.src.net=0xa8f87967", "ipx.src.node=00:00:00:00:00:01", "ipx.src.socket=0x0455",
                "ipx.src=a8f87967.000000000001", "ipx.dst=00000000.ffffffffffff",
                "ipx.addr=a8f87967.000000000001,00000000.ffffffffffff", "ipx.net=0x00000000,0xa8f87967",
                "ipx.node=ff:ff:ff:ff:ff:ff,00:00:00:00:00:01", "ipx.socket=0x0455,0x0455");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void novellRaw() {
        Frame f = decode(1, RAW_8023);
        assertEquals("Ethernet:IPX:Raw", f.protochain());
        assertCells(f, "eth.len=34", "ipx.len=34", "ipx.packet_type=0x04", "ipx.src=00000002.001122334455",
                "ipx.src.socket=0x4008", "ipx.dst.socket=0x0452", "eth.trailer=0000000000000000000000");
    }

    /** The IPX length ends the payload: the rest of the Ethernet frame is padding. */
    @Test void ethernetII() {
        Frame f = decode(1, ETHERNET_II);
        assertEquals("Ethernet:IPX:Raw", f.protochain());
        assertCells(f, "eth.type=0x8137", "ipx.len=34", "eth.padding=000000000000000000000000", "data.data=68692121");
    }

    @Test void snap() {
        Frame f = decode(1, SNAP);
        assertEquals("Ethernet:LLC:IPX:Raw", f.protochain());
        assertCells(f, "llc.type=0x8137", "ipx.dst=00000001.000000000001");
    }

    @Test void udpPort213() {
        Frame f = decode(1, OVER_UDP);
        assertEquals("Ethernet:IPv4:UDP:IPX:Raw", f.protochain());
        assertCells(f, "udp.port=213,213", "ipx.src.net=0x00000002");
    }

    /** BSD NULL link type with AF_IPX (23). */
    @Test void bsdNull() {
        Frame f = decode(0, "17000000" + IPX);
        assertEquals("NULL:IPX:Raw", f.protochain());
        assertCells(f, "ipx.len=34", "ipx.src.node=00:11:22:33:44:55");
    }

    /** Malformed (corpus): a length shorter than the header: every header field, then a BAD_LENGTH anomaly. */
    @Test void lengthBelowHeader() {
        Frame f = decode(1, INVALID_LENGTH);
        assertEquals("Ethernet:LLC:IPX", f.protochain());
        assertCells(f, "ipx.len=29", "ipx.packet_type=0x11", "ipx.dst.net=0x8dc23c00", "ipx.src.socket=0x0451",
                "eth.trailer=1d00000000");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Malformed: the header cut at 20 of 30 bytes: tshark reads it whole first, so no field, an anomaly. */
    @Test void truncatedHeader() {
        Frame f = decode(1, Arrays.copyOf(hex(ETHERNET_II), 14 + 20), 60);
        assertEquals("Ethernet:IPX", f.protochain());
        assertCells(f, "ipx.checksum=", "ipx.len=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
