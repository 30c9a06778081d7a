package io.pcapkit.nativeengine.fuzz;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;

/**
 * What every fuzz target does with a decoded frame: walk it the way the dumpers do (chain, every field's display
 * text), so a decoder that records a field it cannot render fails here, not in a user's JSON. One decoder per
 * thread: Jazzer runs a target on one thread.
 */
final class FuzzChecks {
    private static final ThreadLocal<FrameDecoder> DECODER =
            ThreadLocal.withInitial(() -> new FrameDecoder(Registrations.standard(), null, null));

    private FuzzChecks() { }

    /** Decodes {@code data} as one whole frame of {@code linkType} and walks the result. */
    static Frame decode(int linkType, byte[] data) {
        Frame f = DECODER.get().decode(new Frame(), 1, 0, data.length, data.length, LinkType.valueOf(linkType),
                Frame.NO_INTERFACE, data, 0);
        walk(f);
        return f;
    }

    /** Everything a dumper reads from a frame: the chain, each layer's fields and their display text. */
    static void walk(Frame f) {
        f.protochain();
        for (int i = 0; i < f.fieldCount(); i++) f.fieldAt(i).display();
        f.anomalies();
    }
}
