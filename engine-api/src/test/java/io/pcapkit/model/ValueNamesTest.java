package io.pcapkit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lookups in the array part (codes below 4096), in the sorted part (the rest) and across their border. */
class ValueNamesTest {
    @Test void denseAndSparseCodes() {
        ValueNames n = ValueNames.of(8, "Echo", 0, "Zero", 4095, "Last dense", 4096, "First sparse",
                0x86DD, "IPv6", 0xFFFFFFFFL, "All ones", -1, "Minus one", Long.MAX_VALUE, "Max");
        assertEquals("Echo", n.name(8));
        assertEquals("Zero", n.name(0));
        assertEquals("Last dense", n.name(4095));
        assertEquals("First sparse", n.name(4096));
        assertEquals("IPv6", n.name(0x86DD));
        assertEquals("All ones", n.name(0xFFFFFFFFL));
        assertEquals("Minus one", n.name(-1));
        assertEquals("Max", n.name(Long.MAX_VALUE));
        for (long missing : new long[]{1, 7, 9, 4094, 4097, 0x86DC, 0x86DE, 0xFFFFFFFEL, -2, Long.MIN_VALUE}) {
            assertNull(n.name(missing), "code " + missing);
        }
    }

    @Test void aCodeGivenTwiceKeepsItsLastName() {
        ValueNames n = ValueNames.of(5, "first", 70000, "first", 5, "second", 70000, "second");
        assertEquals("second", n.name(5));
        assertEquals("second", n.name(70000));
    }

    @Test void emptyAndOnlySparseTables() {
        ValueNames empty = ValueNames.of();
        assertNull(empty.name(0));
        assertNull(empty.name(100_000));
        ValueNames sparseOnly = ValueNames.of(0x8100, "802.1Q", 0x0800 + 0x10000L, "beyond 16 bits");
        assertNull(sparseOnly.name(0));
        assertEquals("802.1Q", sparseOnly.name(0x8100));
        assertEquals("beyond 16 bits", sparseOnly.name(0x10800));
    }

    @Test void oddArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ValueNames.of(1, "one", 2));
    }
}
