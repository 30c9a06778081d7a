package io.pcapkit.reassembly;

import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.reassembly.Synth.A;
import static io.pcapkit.reassembly.Synth.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile input keeps reassembly within its configured bounds, and the counters say where they bit. */
class BoundsTest {
    @Test void aFragmentFloodStaysWithinTheBufferAndByteBounds() {
        try (Synth s = new Synth()) {
            ReassemblyOptions o = ReassemblyOptions.defaults().withIpv4(true).withIpBounds(1000, 1L << 20);
            Reassembly r = Reassembly.of(o).keep(false);
            r.start(s.engine, null);
            byte[] data = new byte[1000];
            long maxBuffers = 0, maxBytes = 0;
            // 100,000 first fragments that never complete, all within the 60 s time-out
            for (int i = 0; i < 100_000; i++) {
                r.frame(s.fragment(i & 0xFFFF, (i >> 16) * 1000 & ~7, true, data, i * 100_000L));
                long[] fp = r.footprint();
                maxBuffers = Math.max(maxBuffers, fp[0]);
                maxBytes = Math.max(maxBytes, fp[1]);
            }
            assertTrue(maxBuffers <= 1000, "buffers " + maxBuffers);
            assertTrue(maxBytes <= 1L << 20, "bytes " + maxBytes);
            assertTrue(r.counters().ipEvicted() > 90_000, "evictions counted: " + r.counters());
            r.end();
            assertEquals(0, r.footprint()[0]);
        }
    }

    @Test void fragmentsTimeOutOnCaptureTime() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyOptions.defaults().withIpv4(true).withIpTimeoutSeconds(30));
            r.start(s.engine, null);
            r.frame(s.fragment(1, 0, true, new byte[16], 0));
            r.frame(s.fragment(2, 0, true, new byte[16], 31_000_000_000L));   // 31 s later: id 1 is given up
            assertEquals(1, r.counters().ipTimeouts());
            assertEquals(Datagram.Status.TIMEOUT, r.datagrams().getFirst().status());
            r.frame(s.fragment(2, 16, false, new byte[16], 32_000_000_000L));
            assertEquals(Datagram.Status.COMPLETE, r.datagrams().get(1).status());
            assertEquals(32, r.datagrams().get(1).payload().length);
        }
    }

    @Test void aHugeTcpGapHoldsNoMoreThanTheBound() {
        try (Synth s = new Synth()) {
            int held = 256 * 1024;
            ReassemblyOptions o = ReassemblyOptions.defaults().withTcp(true).withTcpBounds(held, 1L << 20, 1000);
            Reassembly r = Reassembly.of(o).keep(true);
            long[] delivered = {0};
            r.onChunk((st, c) -> delivered[0] += c.data().length);
            r.start(s.engine, null);
            r.frame(s.tcp(A, 1000, B, 80, 0, 0, 0x02, new byte[0], 0));
            byte[] seg = new byte[1000];
            long maxHeld = 0;
            // the first 1,000,000,000 bytes were never captured; then 20 MB arrive, and no ACK ever comes back
            for (int i = 0; i < 20_000; i++) {
                Frame f = s.tcp(A, 1000, B, 80, 1_000_000_001L + i * 1000L, 0, 0x10, seg, i);
                r.frame(f);
                maxHeld = Math.max(maxHeld, r.footprint()[3]);
            }
            assertTrue(maxHeld <= held, "held " + maxHeld);
            assertTrue(r.counters().tcpOverflow() > 0, "the bound bit and was counted: " + r.counters());
            r.end();
            TcpStream st = r.streams().getFirst();
            assertEquals(TcpStream.Status.PARTIAL, st.status());
            assertEquals(1_000_000_000L, st.holes(false).getFirst()[1]);
            // the gap is marked once, and every byte after it is delivered
            assertEquals(20_000_000L + "[1000000000 bytes missing in capture file]".length() + 1, delivered[0]);
        }
    }
}
