package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Field;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Protocols the corpus lacks (GTPv1-U, SCTP) and a frame Pcap4J refuses, built here from the RFC / 3GPP header
 * layouts (RFC 4960 section 3.1 for SCTP's common header, 3GPP TS 29.281 section 5.1 for GTPv1-U). Every expected
 * value is what tshark 4.0.17 prints for the same bytes ({@code tshark -n -r built.pcap -T fields -e FIELD}).
 */
class Pcap4jBuiltFramesTest {
    @TempDir Path tmp;

    @BeforeEach void needs() { Corpus.assumeLibpcap(); }

    private static final String ETH = "001122334455 66778899aabb 0800";

    @Test void gtpv1UserPlaneHeader() throws IOException {
        // IPv4/UDP 2152 -> 2152, GTPv1 flags 0x32 (version 1, PT 1, S), G-PDU, length 8, TEID 1, seq 0x1234,
        // N-PDU 0, no extension, 4 payload bytes
        Frame f = one(ETH + "4500 002c 0001 0000 40 11 0000 c0000201 c6336402"
                + "0868 0868 0018 0000" + "32ff 0008 00000001 1234 00 00" + "00000000");
        assertEquals("Ethernet:IPv4:UDP:GTP", f.protochain().substring(0, "Ethernet:IPv4:UDP:GTP".length()));
        assertEquals("0x32", value(f, "gtp.flags"));
        assertEquals("1", value(f, "gtp.flags.version"));
        assertEquals("1", value(f, "gtp.flags.payload"));
        assertEquals("1", value(f, "gtp.flags.s"));
        assertEquals("0", value(f, "gtp.flags.e"));
        assertEquals("0xff", value(f, "gtp.message"));
        assertEquals("8", value(f, "gtp.length"));
        assertEquals("0x00000001", value(f, "gtp.teid"));
        assertEquals("0x1234", value(f, "gtp.seq_number"));
    }

    @Test void sctpCommonHeader() throws IOException {
        // IPv4 protocol 132, SCTP 2905 -> 2905, verification tag 0x12345678, checksum 0, one COOKIE ACK chunk
        Frame f = one(ETH + "4500 0024 0001 0000 40 84 0000 c0000201 c6336402"
                + "0b59 0b59 12345678 00000000" + "0b000004");
        assertEquals("Ethernet:IPv4:SCTP", f.protochain());
        assertEquals("2905", value(f, "sctp.srcport"));
        assertEquals("0x12345678", value(f, "sctp.verification_tag"));
        assertEquals("0x00000000", value(f, "sctp.checksum"));
    }

    @Test void aTcpHeaderPcap4jRefusesIsRawWithAnAnomaly() throws IOException {
        // IPv4 protocol 6 with only 10 bytes of TCP header: Pcap4J's factory yields an IllegalPacket (tshark shows a
        // malformed tcp layer; this engine keeps what Pcap4J refused as Raw, with the reason)
        Frame f = one(ETH + "4500 001e 0001 0000 40 06 0000 c0000201 c6336402" + "3039 0050 00000001 0000");
        assertEquals("Ethernet:IPv4:Raw", f.protochain());
        assertEquals(Anomaly.Kind.BAD_VALUE, f.anomalies().getFirst().kind());
        assertEquals(10, f.layer(io.pcapkit.model.Protocols.RAW).length());
    }

    private Frame one(String hex) throws IOException {
        byte[] data = hex(hex);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        h.putInt(1_700_000_000).putInt(0).putInt(data.length).putInt(data.length);
        out.writeBytes(h.array());
        out.writeBytes(data);
        Path file = Files.write(tmp.resolve("built.pcap"), out.toByteArray());
        List<Frame> frames = new ArrayList<>();
        try (Engine e = new Pcap4jEngineProvider().create(EngineOptions.defaults()); FrameSource s = e.open(file)) {
            for (Frame f; (f = s.next()) != null; ) frames.add(f.detach());
        }
        assertEquals(1, frames.size());
        return frames.getFirst();
    }

    private static String value(Frame f, String field) {
        Field x = f.field(field);
        assertNotNull(x, "no " + field + " in " + f.protochain());
        return x.display();
    }

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
