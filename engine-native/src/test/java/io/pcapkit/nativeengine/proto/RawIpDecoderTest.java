package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertChainStartsWith;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tshark 4.0 shows raw-IP frames as {@code raw:ip:…} / {@code raw:ipv6:…}: a "raw" layer with no field. */
class RawIpDecoderTest {
    /** tcpdump/LINKTYPE_RAW_ipv4.pcap frame 1: a DNS query over IPv4. */
    static final String IPV4_DNS = """
            45000039000100004011a695c0a80164090909093039003500251976123401000001000000000000076578616d706c6503
            636f6d0000010001""";
    /** tcpdump/LINKTYPE_RAW_ipv6.pcap frame 1: the same query over IPv6. */
    static final String IPV6_DNS = """
            600000000025114020010db8000000000000000000000001262000fe00000000000000000000000930390035002598b312
            3401000001000000000000076578616d706c6503636f6d0000010001""";

    @Test void ipv4() {
        Frame f = decode(101, IPV4_DNS);
        assertChainStartsWith(f, "RawIP:IPv4");
        assertSame(RawIpDecoder.RAW_IP, f.layer(0).protocol());
        assertEquals(0, f.layer(0).length());
        assertEquals(0, f.layer(1).offset());
        assertEquals(0, f.layer(0).fieldStart() - f.layer(0).fieldEnd());
    }

    @Test void ipv6() {
        assertChainStartsWith(decode(101, IPV6_DNS), "RawIP:IPv6");
    }

    /** pcapplusplus/four_ipv6_http_streams.pcap uses link type 12, OpenBSD-style captures 14: both are raw IP. */
    @Test void platformRawLinkTypes() {
        assertChainStartsWith(decode(12, IPV6_DNS), "RawIP:IPv6");
        assertChainStartsWith(decode(14, IPV4_DNS), "RawIP:IPv4");
    }

    @Test void frameProtocolsNameTheRawLayerAsTsharkDoes() {
        String protocols = cell(decode(101, IPV4_DNS), "frame.protocols");
        assertTrue(protocols.startsWith("raw:ip"), protocols);
    }

    @Test void unknownVersionIsLeftRaw() {
        Frame f = decode(101, "5" + IPV4_DNS.strip().substring(1));
        assertEquals("RawIP:Raw", f.protochain());
    }

    /** Malformed: a single byte, too short for Wireshark's PPP sniffing. */
    @Test void truncated() {
        Frame f = decode(101, "45");
        assertEquals("RawIP", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
