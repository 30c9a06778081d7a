package io.pcapkit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run-time engine's guess at a field (tshark says ip.src_host is a string) must not break the decoder that
 * declares the field later with its own type (an IPv4 address): the declaration takes over.
 */
class ProvisionalFieldsTest {
    @Test void aDeclarationReplacesAProvisionalGuessOfAnotherType() {
        FieldDef guess = Fields.provisional("provtest.host", "Host", FieldType.STRING, Base.NONE, 0, 0);
        assertTrue(guess.provisional());
        assertSame(guess, Fields.provisional("provtest.host", "Host", FieldType.STRING, Base.NONE, 0, 0));
        FieldDef declared = Fields.ipv4("provtest.host", "Host");
        assertNotSame(guess, declared);
        assertFalse(declared.provisional());
        assertSame(declared, Fields.find("provtest.host"));
        assertSame(declared, Fields.provisional("provtest.host", "Host", FieldType.STRING, Base.NONE, 0, 0),
                "a provisional request returns the declaration");
        assertEquals(1, Fields.all().stream().filter(d -> d.name().equals("provtest.host")).count(),
                "the replaced guess is not listed");
    }

    @Test void aDeclarationOfTheSameTypeAlsoTakesOver() {
        FieldDef guess = Fields.provisional("provtest.port", "Port", FieldType.UINT, Base.DEC, 16, 0);
        FieldDef declared = Fields.uint("provtest.port", "Port", 16);
        assertFalse(declared.provisional());
        assertSame(declared, Fields.find("provtest.port"));
        assertNotSame(guess, declared);
    }

    @Test void twoDeclarationsStillDisagreeLoudly() {
        Fields.uint("provtest.len", "Length", 16);
        assertThrows(IllegalStateException.class, () -> Fields.hex("provtest.len", "Length", 16));
    }
}
