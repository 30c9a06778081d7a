package io.pcapkit.reassembly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 815's hole-descriptor algorithm, with the cases its section 4-6 walk through. */
class HoleListTest {
    private static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test void fragmentsInAnyOrderComplete() {
        HoleList h = new HoleList();
        h.add(16, fill(8, 3), 0, 8, false, false);   // the last fragment first: the datagram is 24 bytes
        assertFalse(h.complete());
        h.add(0, fill(8, 1), 0, 8, true, false);
        assertEquals(1, h.holeCount());
        h.add(8, fill(8, 2), 0, 8, true, false);
        assertTrue(h.complete());
        assertEquals(24, h.total);
        byte[] want = new byte[24];
        for (int i = 0; i < 24; i++) want[i] = (byte) (i / 8 + 1);
        assertArrayEquals(want, java.util.Arrays.copyOf(h.data, 24));
    }

    @Test void overlapKeepsTheFirstCopyAndCountsConflicts() {
        HoleList h = new HoleList();
        h.add(0, fill(16, 1), 0, 16, true, false);
        h.add(8, fill(16, 2), 0, 16, false, false);    // bytes 8..15 again, different
        assertTrue(h.complete());
        assertEquals(8, h.overlapBytes);
        assertEquals(8, h.conflictBytes);
        assertEquals(1, h.data[15]);
        assertEquals(2, h.data[16]);
    }

    @Test void lastWinsWhenAsked() {
        HoleList h = new HoleList();
        h.add(0, fill(16, 1), 0, 16, true, true);
        h.add(8, fill(16, 2), 0, 16, false, true);
        assertEquals(2, h.data[8]);
        assertEquals(8, h.conflictBytes);
    }

    @Test void identicalRetransmissionIsNoConflict() {
        HoleList h = new HoleList();
        h.add(0, fill(8, 5), 0, 8, true, false);
        h.add(0, fill(8, 5), 0, 8, true, false);
        assertEquals(8, h.overlapBytes);
        assertEquals(0, h.conflictBytes);
        assertFalse(h.complete());
    }

    @Test void holesAreListed() {
        HoleList h = new HoleList();
        h.add(8, fill(8, 1), 0, 8, true, false);
        h.add(24, fill(8, 1), 0, 8, false, false);
        int[][] holes = h.holes();
        assertEquals(2, holes.length);
        assertArrayEquals(new int[] {0, 7}, holes[0]);
        assertArrayEquals(new int[] {16, 23}, holes[1]);
    }

    @Test void twoDifferentEndsAreInconsistent() {
        HoleList h = new HoleList();
        assertTrue(h.add(0, fill(8, 1), 0, 8, false, false));
        assertFalse(h.add(8, fill(8, 1), 0, 8, false, false));
    }
}
