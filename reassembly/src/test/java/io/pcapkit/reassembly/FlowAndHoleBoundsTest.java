package io.pcapkit.reassembly;

import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.pcapkit.reassembly.Synth.A;
import static io.pcapkit.reassembly.Synth.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounds on flows traced and holes listed, and what a closed stream keeps, on built TCP frames. */
class FlowAndHoleBoundsTest {
    /** {@code connections} SYNs from A to B, one per client port, then one data segment on each. */
    private static List<Long> trace(Synth s, FlowTracer t, int connections) {
        List<Long> traced = new ArrayList<>();
        t.start(s.engine, null);
        for (int i = 0; i < connections; i++) t.frame(s.tcp(A, 2000 + i, B, 80, 100, 0, 0x02, new byte[0], i));
        for (int i = 0; i < connections; i++) {
            t.frame(s.tcp(A, 2000 + i, B, 80, 101, 0, 0x18, new byte[10], 1000 + i));
        }
        t.end();
        return traced;
    }

    @Test void flowsBeyondTheBoundAreCountedNotTraced() {
        try (Synth s = new Synth()) {
            long[] frames = {0};
            FlowTracer t = new FlowTracer(false, (flow, f) -> frames[0]++, ReassemblyOptions.defaults(), 3);
            trace(s, t, 10);
            assertEquals(3, t.flows().size());
            assertEquals(6, frames[0], "two frames of each of the three flows traced");
            assertEquals(7, t.counters().flowsUntraced());
            assertEquals(14, t.counters().framesUntraced());
            assertEquals(List.of("flows.untraced=7", "flows.untraced_frames=14"), t.counters().boundsHit());
        }
    }

    @Test void aWiderBoundTracesThemAll() {
        try (Synth s = new Synth()) {
            FlowTracer t = new FlowTracer(false, (flow, f) -> { }, ReassemblyOptions.defaults(), 10);
            trace(s, t, 10);
            assertEquals(10, t.flows().size());
            assertEquals(0, t.counters().flowsUntraced());
            assertEquals(List.of(), t.counters().boundsHit());
        }
    }

    /** One direction where every segment leaves a gap before it, with 1,000 bytes held at most: a hole each time. */
    private static Reassembly gaps(Synth s, int segments) {
        ReassemblyOptions o = ReassemblyOptions.defaults().withTcp(true).withTcpBounds(1000, 1L << 20, 1000);
        Reassembly r = Reassembly.of(o).keep(true);
        r.start(s.engine, null);
        r.frame(s.tcp(A, 1000, B, 80, 0, 0, 0x02, new byte[0], 0));
        byte[] seg = new byte[600];
        for (int i = 0; i < segments; i++) r.frame(s.tcp(A, 1000, B, 80, 1 + 1000L * (i + 1), 0, 0x10, seg, i));
        r.end();
        return r;
    }

    @Test void holesBeyondTheListBoundAreCountedNotListed() {
        try (Synth s = new Synth()) {
            Reassembly r = gaps(s, TcpReassembler.MAX_HOLES_LISTED + 500);
            TcpStream st = r.streams().getFirst();
            assertEquals(TcpReassembler.MAX_HOLES_LISTED, st.holes(false).size());
            long unlisted = r.counters().tcpHolesUnlisted();
            assertTrue(unlisted >= 499, "unlisted " + unlisted + " of " + r.counters());
            assertEquals(r.counters().tcpHoles(), TcpReassembler.MAX_HOLES_LISTED + unlisted);
        }
    }

    @Test void aClosedStreamDropsItsRetransmissionRing() {
        try (Synth s = new Synth()) {
            Reassembly r = gaps(s, 3);
            TcpStream st = r.streams().getFirst();
            assertTrue(st.closed);
            assertNull(st.dir[0].tail, "a kept, closed stream holds no 64 KiB ring");
            assertTrue(st.bytes(false) > 0);
        }
    }

    @Test void framesAreStillHandedOnInOrder() {
        try (Synth s = new Synth()) {
            List<Long> seen = new ArrayList<>();
            FlowTracer t = new FlowTracer(false, (flow, f) -> seen.add(f.number()), ReassemblyOptions.defaults(), 1);
            t.start(s.engine, null);
            Frame a = s.tcp(A, 5000, B, 80, 1, 0, 0x02, new byte[0], 0);
            t.frame(a);
            t.frame(s.tcp(A, 5001, B, 80, 1, 0, 0x02, new byte[0], 1));
            t.end();
            assertEquals(1, seen.size());
        }
    }
}
