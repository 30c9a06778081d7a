package io.pcapkit.kaitaiengine;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.Registrations;

/**
 * The field declarations this engine fills. They are the native decoders' (one declaration per Wireshark name,
 * with the width and base that make {@code FieldFormat} print what tshark prints), so the two engines' values are
 * comparable cell by cell and a mistake in one cannot hide behind a declaration of its own.
 */
final class Catalog {
    static {
        Registrations.standard(); // declares every native field
    }

    private Catalog() { }

    static FieldDef field(String name) {
        FieldDef d = Fields.find(name);
        if (d == null) throw new IllegalStateException("no declaration of field " + name + " in the native catalog");
        return d;
    }
}
