package io.pcapkit.libpcap;

import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live capture on the loopback interface of traffic the test sends itself to a UDP port it opened on 127.0.0.1.
 * Needs the right to capture (root or CAP_NET_RAW); without it the tests skip and say so.
 */
@Timeout(60)
class LiveCaptureTest {
    static final String MARK = "pcapkit-live-test ";

    @BeforeAll static void libpcap() { TestEnv.assumeLibpcap(); }

    /** Opens a live capture on lo, or skips the test visibly when this process may not capture. */
    static Capture openOrSkip(Capture.LiveOptions o) throws PcapException {
        try {
            return Capture.live(o);
        } catch (PcapException e) {
            boolean denied = e.permissionDenied() || e.getMessage().contains("ermission")
                    || e.getMessage().contains("not permitted");
            TestEnv.assume(!denied, "no permission to capture on lo (needs root or CAP_NET_RAW): " + e.getMessage());
            throw e;
        }
    }

    /** Sends numbered datagrams to {@code port} on 127.0.0.1 every 20 ms until told to stop (at most 500). */
    static Thread sender(int port, AtomicBoolean done) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                for (int i = 0; i < 500 && !done.get(); i++) {
                    byte[] b = (MARK + i).getBytes(StandardCharsets.US_ASCII);
                    s.send(new DatagramPacket(b, b.length, InetAddress.getByName("127.0.0.1"), port));
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // the capture side's assertions report what was missed
            }
        });
    }

    @Test void capturesOwnTrafficThroughTheNativeEngine() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = receiver.getLocalPort();
            Capture.LiveOptions o = new Capture.LiveOptions("lo", 65535, false,
                    "udp and dst host 127.0.0.1 and dst port " + port, 3, 20_000_000_000L);
            AtomicBoolean done = new AtomicBoolean();
            List<String> payloads = new ArrayList<>();
            List<Long> ports = new ArrayList<>();
            try (Capture c = openOrSkip(o);
                 Engine e = new NativeEngineProvider().create(EngineOptions.defaults());
                 FrameSource s = e.open(c.pcapStream(), "lo")) {
                Thread t = sender(port, done);
                for (Frame f; (f = s.next()) != null; ) {
                    assertEquals("Ethernet:IPv4:UDP:Raw", f.protochain(), "frame " + f.number());
                    ports.add(f.field("udp.dstport").asLong());
                    byte[] b = f.bytes();
                    payloads.add(new String(b, 42, b.length - 42, StandardCharsets.US_ASCII));
                }
                done.set(true);
                t.join();
                assertEquals(3, c.packets());
                Pcap.Stats st = c.stats();
                assertTrue(st != null && st.received() >= 3, String.valueOf(st));
            }
            assertEquals(List.of((long) port, (long) port, (long) port), ports);
            for (String p : payloads) assertTrue(p.startsWith(MARK), p);
        }
    }

    @Test void stopFromAnotherThreadEndsAWaitingCapture() throws Exception {
        // a port nobody sends to: next() waits until stop()
        try (DatagramSocket quiet = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             Capture c = openOrSkip(new Capture.LiveOptions("lo", 65535, false,
                     "udp and dst port " + quiet.getLocalPort(), -1, 0))) {
            Thread stopper = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.stop();
            });
            assertNull(c.next());
            assertTrue(c.stopped());
            stopper.join();
            // a stopped capture's stream is a PCAP header and nothing more
            java.io.InputStream in = c.pcapStream();
            assertEquals(24, in.readNBytes(100).length);
            assertEquals(-1, in.read());
        }
    }

    @Test void durationEndsTheCapture() throws Exception {
        try (DatagramSocket quiet = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             Capture c = openOrSkip(new Capture.LiveOptions("lo", 65535, false,
                     "udp and dst port " + quiet.getLocalPort(), -1, 200_000_000L))) {
            assertNull(c.next());
            assertEquals(0, c.packets());
        }
    }
}
