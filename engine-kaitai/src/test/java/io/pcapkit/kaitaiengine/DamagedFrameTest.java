package io.pcapkit.kaitaiengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated parser running out of bytes inside a frame: the frame is still emitted, the damaged layer carries an
 * anomaly and its bytes are Raw, and the next frame is read as usual. The frames are the contract's sample
 * (Ethernet/IPv4/UDP and Ethernet/IPv6/TCP, built byte by byte in EngineContractTest) with the first one's
 * captured length cut inside its IPv4 header, as a short snaplen would.
 */
class DamagedFrameTest {
    @Test void aHeaderCutShortIsAnAnomalyAndTheRestIsRaw() throws IOException {
        byte[] sample = EngineContractTest.samplePcap();
        // record 1 starts at 24: its incl_len (offset 32) becomes 20 = Ethernet 14 + 6 bytes of the IPv4 header
        int cut = 20, first = 47;
        byte[] pcap = new byte[sample.length - (first - cut)];
        System.arraycopy(sample, 0, pcap, 0, 40 + cut);
        System.arraycopy(sample, 40 + first, pcap, 40 + cut, sample.length - 40 - first);
        ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN).putInt(32, cut);

        try (var engine = new KaitaiEngineProvider().create(EngineOptions.defaults());
             FrameSource src = engine.open(new ByteArrayInputStream(pcap), "cut-ipv4")) {
            Frame f = src.next();
            assertNotNull(f);
            assertEquals(20, f.capturedLength());
            assertEquals(47, f.originalLength());
            assertEquals("Ethernet:IPv4:Raw", f.protochain());
            assertEquals("0x0800", f.field("eth.type").display());
            assertNull(f.field("ip.src"), "a struct is parsed whole or not at all");
            Anomaly a = f.anomalies().getFirst();
            assertEquals(Anomaly.Kind.TRUNCATED, a.kind());
            assertEquals(Protocols.IPV4, a.protocol());
            assertEquals("6", f.field("data.len").display());
            assertEquals("450000210", f.field("data.data").display().substring(0, 9));

            Frame g = src.next();
            assertNotNull(g, "the next frame is read as usual");
            assertEquals(2, g.number());
            assertTrue(g.protochain().startsWith("Ethernet:IPv6:TCP"), g.protochain());
            assertEquals("12345", g.field("tcp.srcport").display());
            assertNull(src.next());
        }
    }

    @Test void aPcapngFileIsReadBlockByBlock() throws IOException {
        // the sample's first frame in a little-endian PCAPNG: SHB, IDB (Ethernet, microseconds), one EPB
        byte[] sample = EngineContractTest.samplePcap();
        byte[] frame = Arrays.copyOfRange(sample, 40, 40 + 47);
        ByteBuffer b = ByteBuffer.allocate(28 + 20 + 32 + 48).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        b.putInt(1).putInt(20).putShort((short) 1).putShort((short) 0).putInt(65535).putInt(20);
        long ts = 1_700_000_000_123_456L;
        b.putInt(6).putInt(32 + 48).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(47).putInt(47);
        b.put(frame).put(new byte[1]).putInt(32 + 48);
        try (var engine = new KaitaiEngineProvider().create(EngineOptions.defaults());
             FrameSource src = engine.open(new ByteArrayInputStream(b.array()), "sample.pcapng")) {
            Frame f = src.next();
            assertNotNull(f);
            assertEquals(1_700_000_000_123_456_000L, f.timestampNanos());
            assertEquals(0, f.interfaceId());
            assertEquals("192.0.2.1", f.field("ip.src").display());
            assertEquals("40000", f.field("udp.srcport").display());
            assertNull(src.next());
            assertEquals(1, src.info().interfaces().size());
        }
    }
}
