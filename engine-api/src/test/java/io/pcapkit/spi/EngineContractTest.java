package io.pcapkit.spi;

import io.pcapkit.model.Field;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Assumptions;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every engine module runs (subclass it and name the provider): discovery through ServiceLoader,
 * a sample decode into the shared model with Wireshark field names, a damaged file (frames first, then one clear
 * error), a file that is not a capture, and close(). The sample is built here, byte by byte, so the contract
 * needs nothing from outside the JVM except what the engine itself needs.
 */
public abstract class EngineContractTest {
    /** The provider under test. */
    protected abstract EngineProvider provider();

    @TempDir Path tmp;

    @BeforeEach void engineIsAvailable() {
        Availability a = provider().probe();
        Assumptions.assumeTrue(a.available(), provider().name() + " engine unavailable here: " + a.detail());
    }

    @Test void isDiscoveredByServiceLoader() {
        Engines engines = Engines.discover();
        EngineProvider found = engines.find(provider().name());
        assertNotNull(found, "ServiceLoader did not find engine " + provider().name() + "; problems: " + engines.problems());
        assertInstanceOf(provider().getClass(), found);
        assertEquals(found, engines.require(provider().name().toUpperCase()) == found ? found : null,
                "engine names are case-insensitive");
        EngineException unknown = assertThrows(EngineException.class, () -> engines.require("no-such-engine"));
        assertTrue(unknown.getMessage().contains(provider().name()), "the error lists available engines: " + unknown.getMessage());
    }

    @Test void decodesTheSampleIntoTheSharedModel() throws IOException {
        Path file = Files.write(tmp.resolve("sample.pcap"), samplePcap());
        List<Frame> frames = readAll(file);
        assertEquals(2, frames.size());

        Frame udp = frames.get(0);
        assertEquals(1, udp.number());
        assertEquals(1_700_000_000_123_456_000L, udp.timestampNanos());
        assertEquals(47, udp.capturedLength());
        assertEquals(47, udp.originalLength());
        assertTrue(udp.protochain().startsWith("Ethernet:IPv4:UDP"), udp.protochain());
        assertEquals("66:77:88:99:aa:bb", value(udp, "eth.src"));
        assertEquals("0x0800", value(udp, "eth.type"));
        assertEquals("192.0.2.1", value(udp, "ip.src"));
        assertEquals("198.51.100.2", value(udp, "ip.dst"));
        assertEquals("64", value(udp, "ip.ttl"));
        assertEquals("1", value(udp, "ip.flags.df"));
        assertEquals("40000", value(udp, "udp.srcport"));
        assertEquals("13", value(udp, "udp.length"));

        Frame tcp = frames.get(1);
        assertEquals(2, tcp.number());
        assertTrue(tcp.protochain().startsWith("Ethernet:IPv6:TCP"), tcp.protochain());
        assertEquals("2001:db8::1", value(tcp, "ipv6.src"));
        assertEquals("6", value(tcp, "ipv6.nxt"));
        assertEquals("12345", value(tcp, "tcp.srcport"));
        assertEquals("1", value(tcp, "tcp.flags.syn"));
        assertEquals("0", value(tcp, "tcp.flags.ack"));
        assertEquals("0x0002", value(tcp, "tcp.flags"));
    }

    @Test void aDamagedFileYieldsEveryReadableFrameThenOneClearError() throws IOException {
        byte[] whole = samplePcap();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10); // the second record is cut short
        Path file = Files.write(tmp.resolve("cut.pcap"), cut);
        Engine engine = provider().create(EngineOptions.defaults());
        List<Long> numbers = new ArrayList<>();
        CaptureFormatException error;
        try (engine; FrameSource src = engine.open(file)) {
            error = assertThrows(CaptureFormatException.class, () -> {
                for (Frame f; (f = src.next()) != null; ) numbers.add(f.number());
            });
        }
        assertEquals(List.of(1L), numbers, "the intact first frame is emitted before the error");
        assertTrue(error.getMessage().contains("cut.pcap"), "the error names the file: " + error.getMessage());
        assertTrue(error.getMessage().matches(".*offset \\d+.*"), "the error names an offset: " + error.getMessage());
    }

    @Test void aFileThatIsNotACaptureIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.pcap"), "this is not a capture file at all\n");
        Engine engine = provider().create(EngineOptions.defaults());
        IOException e = assertThrows(IOException.class, () -> {
            try (engine; FrameSource src = engine.open(file)) {
                while (src.next() != null) { /* drain */ }
            }
        });
        assertTrue(e.getMessage().contains("notes.pcap"), e.getMessage());
    }

    @Test void closeReleasesEverythingAndMayBeRepeated() throws IOException {
        Path file = Files.write(tmp.resolve("sample.pcap"), samplePcap());
        Engine engine = provider().create(EngineOptions.defaults());
        FrameSource src = engine.open(file);
        assertNotNull(src.next());
        src.close();
        src.close();
        engine.close();
        engine.close();
        try (Engine again = provider().create(EngineOptions.defaults()); FrameSource s2 = again.open(file)) {
            assertNotNull(s2.next());
            assertNotNull(s2.next());
            assertNull(s2.next());
        }
    }

    private List<Frame> readAll(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (Engine engine = provider().create(EngineOptions.defaults()); FrameSource src = engine.open(file)) {
            for (Frame f; (f = src.next()) != null; ) out.add(f.detach());
        }
        return out;
    }

    private static String value(Frame f, String field) {
        Field x = f.field(field);
        assertNotNull(x, "no " + field + " in frame " + f.number() + " (" + f.protochain() + ")");
        return x.display();
    }

    /**
     * Two frames: Ethernet/IPv4/UDP 192.0.2.1:40000 → 198.51.100.2:9 "hello" (DF, TTL 64), and
     * Ethernet/IPv6/TCP SYN [2001:db8::1]:12345 → [2001:db8::2]:80. Little-endian microsecond PCAP.
     */
    public static byte[] samplePcap() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        byte[] f1 = hex("001122334455 66778899aabb 0800"
                + "4500 0021 04d2 4000 40 11 0000 c0000201 c6336402"
                + "9c40 0009 000d 0000 68656c6c6f");
        int sum = 0;
        for (int i = 14; i < 34; i += 2) sum += ((f1[i] & 0xFF) << 8) | (f1[i + 1] & 0xFF);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >>> 16);
        int ck = ~sum & 0xFFFF;
        f1[24] = (byte) (ck >>> 8);
        f1[25] = (byte) ck;
        byte[] f2 = hex("001122334455 66778899aabb 86dd"
                + "60000000 0014 06 40 20010db8000000000000000000000001 20010db8000000000000000000000002"
                + "3039 0050 00000001 00000000 5002 ffff 0000 0000");
        record(out, 1_700_000_000L, 123_456, f1);
        record(out, 1_700_000_001L, 0, f2);
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, long sec, int usec, byte[] data) {
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) sec).putInt(usec).putInt(data.length).putInt(data.length);
        out.writeBytes(r.array());
        out.writeBytes(data);
    }

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }
}
