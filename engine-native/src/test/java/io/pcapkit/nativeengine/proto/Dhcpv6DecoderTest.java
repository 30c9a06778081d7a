package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DHCPv6 messages. Expected cells are tshark 4.0's {@code -n -T fields -E occurrence=a} output for the same bytes.
 */
class Dhcpv6DecoderTest {
    /** pcapplusplus/example2.pcap frame 4688: a Solicit (DHCPv6 at 62). */
    static final String ETH_IPV6_UDP = "3333000100026cf049b2de6e86dd60000000005f1101fe800000000000004dc7f5931f7bdc11ff0200"
            + "0000000000000000000001000202220223005ff090";
    static final String SOLICIT = "013a42670008000200000001000e00010001141281f86cf049b2de6e0003000c0e6cf04900000000"
            + "00000000002700090007426963686d616e0010000e0000013700084d53465420352e30000600080018001700110027";
    static final String LINK = "20010db8000000000000000000000001", PEER = "fe800000000000000000000000000002";

    @Test void solicitWithItsOptions() {
        Frame f = decode(TestFrames.ETHERNET, ETH_IPV6_UDP + SOLICIT);
        assertEquals("Ethernet:IPv6:UDP:DHCPv6", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "dhcpv6.msgtype=1", "dhcpv6.xid=0x3a4267", "dhcpv6.option.type=8,1,3,39,16,6",
                "dhcpv6.option.length=2,14,12,9,14,8",
                "dhcpv6.option.type_str=Elapsed time,Client Identifier,Identity Association for Non-temporary Address,"
                        + "Client Fully Qualified Domain Name,Vendor Class,Option Request",
                "dhcpv6.elapsed_time=0", "dhcpv6.duid.bytes=00010001141281f86cf049b2de6e", "dhcpv6.duid.type=1",
                "dhcpv6.duidllt.hwtype=1", "dhcpv6.duidllt.time=Sep  2, 2010 15:40:40.000000000 UTC",
                "dhcpv6.duidllt.link_layer_addr=6c:f0:49:b2:de:6e", "dhcpv6.iaid=0e6cf049", "dhcpv6.iaid.t1=0",
                "dhcpv6.client_fqdn_flags=0x00", "dhcpv6.clientfqdn.client.n=0", "dhcpv6.client_domain=Bichman",
                "dhcpv6.vendorclass.enterprise=311", "dhcpv6.vendorclass.data=MSFT 5.0",
                "dhcpv6.requested_option_code=24,23,17,39");
    }

    @Test void relayForwardCarriesTheRelayedMessage() {
        // the Solicit inside a Relay-forw's Relay Message option (built; checked with tshark 4.0)
        String relayed = "0c01" + LINK + PEER + "0009" + String.format("%04x", SOLICIT.length() / 2) + SOLICIT;
        Frame f = decode(TestFrames.ETHERNET, udp(relayed));
        assertCells(f, "dhcpv6.msgtype=12,1", "dhcpv6.hopcount=1", "dhcpv6.linkaddr=2001:db8::1",
                "dhcpv6.peeraddr=fe80::2", "dhcpv6.xid=0x3a4267", "dhcpv6.option.type=9,8,1,3,39,16,6");
        assertFalse(f.hasAnomalies());
    }

    @Test void relayNestingIsBounded() {
        // 40 Relay-forw messages each inside the previous one's Relay Message: RFC 8415 allows 32 relays
        String msg = SOLICIT;
        for (int i = 0; i < 40; i++) msg = "0c00" + LINK + PEER + "0009" + String.format("%04x", msg.length() / 2) + msg;
        Frame f = decode(TestFrames.ETHERNET, udp(msg));
        assertTrue(hasAnomaly(f, Anomaly.Kind.LIMIT));
        assertEquals(33, cell(f, "dhcpv6.msgtype").split(",").length);
    }

    @Test void optionRunningPastTheMessageShowsNothingOfIt() {
        // the Solicit cut inside its Option Request: tshark shows the five options before it
        String cut = SOLICIT.substring(0, SOLICIT.length() - 8);
        Frame f = decode(TestFrames.ETHERNET, udp(cut));
        assertCells(f, "dhcpv6.option.type=8,1,3,39,16", "dhcpv6.requested_option_code=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** ETH_IPV6_UDP's headers around another DHCPv6 payload (lengths follow; the checksum is not checked). */
    private static String udp(String payload) {
        int n = payload.length() / 2;
        String head = ETH_IPV6_UDP.substring(0, 2 * 18) + String.format("%04x", n + 8) + ETH_IPV6_UDP.substring(2 * 20,
                2 * 58) + String.format("%04x", n + 8) + ETH_IPV6_UDP.substring(2 * 60);
        return head + payload;
    }
}
