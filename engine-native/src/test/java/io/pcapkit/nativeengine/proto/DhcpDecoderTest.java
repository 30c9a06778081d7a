package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.change;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.fitLengths;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DHCP messages. Expected cells are tshark 4.0's {@code -n -T fields -E occurrence=a} output for the same frames;
 * malformed cases are corpus frames with the named bytes changed.
 */
class DhcpDecoderTest {
    /** pcapkit/dhcp.pcapng frame 2: an Offer (DHCP at 42, options at 282). */
    static final String OFFER = "000b8201fc42000874adf19b0800450001480445000080110000c0a80001c0a8000a004300440134223302"
            + "01060000003d1d0000000000000000c0a8000ac0a8000100000000000b8201fc42" + "00".repeat(202)
            + "638253633501020104ffffff003a04000007083b0400000c4e330400000e103604c0a80001ff" + "00".repeat(26);
    /** pcapplusplus/raw_ip.pcap frame 67 (raw IP): a Discover whose seconds field is little-endian (0x1a00). */
    static final String DISCOVER_LE = "4500014869d800008011000000000000ffffffff004400430134417a0101060048e4c3da1a00"
            + "0000000000000000000000000000000000000a002700000d" + "00".repeat(202)
            + "638253633501013d07010a002700000d0c07426963686d616e3c084d53465420352e30370d0103060f1f212b2c2e2f79f9fcff"
            + "00".repeat(13);
    /** gopacket/pcapng-le/test005.pcapng frame 1: 96 of 314 bytes captured, the header cut in chaddr's padding. */
    static final String CUT_AT_96 = "ffffffffffff000b8201fc4208004500012ca8360000fa11178b00000000ffffffff0044004301"
            + "18591f0101060000003d1d0000000000000000000000000000000000000000000b8201fc420000000000000000000000000000"
            + "000000000000";

    @Test void offerWithItsOptions() {
        Frame f = decode(TestFrames.ETHERNET, OFFER);
        assertEquals("Ethernet:IPv4:UDP:DHCP", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "dhcp.type=2", "dhcp.hw.type=0x01", "dhcp.hw.len=6", "dhcp.id=0x00003d1d", "dhcp.secs=0",
                "dhcp.flags=0x0000", "dhcp.flags.bc=0", "dhcp.ip.client=0.0.0.0", "dhcp.ip.your=192.168.0.10",
                "dhcp.ip.server=192.168.0.1", "dhcp.hw.mac_addr=00:0b:82:01:fc:42",
                "dhcp.hw.addr_padding=00000000000000000000", "dhcp.cookie=99.130.83.99",
                "dhcp.option.type=53,1,58,59,51,54,0", "dhcp.option.length=1,4,4,4,4,4", "dhcp.option.dhcp=2",
                "dhcp.option.subnet_mask=255.255.255.0", "dhcp.option.renewal_time_value=1800",
                "dhcp.option.rebinding_time_value=3150", "dhcp.option.ip_address_lease_time=3600",
                "dhcp.option.dhcp_server_id=192.168.0.1", "dhcp.option.end=255",
                "dhcp.option.padding=0000000000000000000000000000000000000000000000000000");
    }

    @Test void littleEndianSecondsAndClientIdentifier() {
        Frame f = decode(101, DISCOVER_LE);
        assertEquals("RawIP:IPv4:UDP:DHCP", f.protochain());
        assertCells(f, "dhcp.secs=26", "dhcp.secs_le=1", "dhcp.option.hostname=Bichman",
                "dhcp.option.vendor_class_id=MSFT 5.0",
                "dhcp.option.request_list_item=1,3,6,15,31,33,43,44,46,47,121,249,252",
                "dhcp.hw.mac_addr=0a:00:27:00:00:0d,0a:00:27:00:00:0d", "dhcp.hw.type=0x01,0x01");
    }

    @Test void headerCutByTheSnapLength() {
        Frame f = decode(TestFrames.ETHERNET, hex(CUT_AT_96), 314);
        assertCells(f, "dhcp.type=1", "dhcp.id=0x00003d1d", "dhcp.ip.relay=0.0.0.0",
                "dhcp.hw.mac_addr=00:0b:82:01:fc:42", "dhcp.hw.addr_padding=00000000000000000000", "dhcp.server=",
                "dhcp.cookie=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    // ------------------------------------------------------------------ malformed: OFFER with bytes changed

    @Test void optionRunningPastTheMessage() {
        // the server identifier's length (frame offset 310) raised from 4 to 200
        Frame f = decode(TestFrames.ETHERNET, change(OFFER, 310, "c8"));
        assertCells(f, "dhcp.option.type=53,1,58,59,51,54", "dhcp.option.length=1,4,4,4,4,200",
                "dhcp.option.dhcp_server_id=", "dhcp.option.end=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void wrongMagicCookieIsBootp() {
        Frame f = decode(TestFrames.ETHERNET, change(OFFER, 278, "01020304"));
        assertCells(f, "dhcp.type=2", "dhcp.bootp=1", "dhcp.cookie=", "dhcp.option.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }

    @Test void optionsAreBounded() {
        // 400 one-byte options (code 7, length 0) after the cookie, in a datagram built from OFFER's header
        String many = OFFER.substring(0, 2 * 282) + "0700".repeat(400) + "ff";
        Frame f = decode(TestFrames.ETHERNET, fitLengths(many));
        assertTrue(hasAnomaly(f, Anomaly.Kind.LIMIT));
    }
}
