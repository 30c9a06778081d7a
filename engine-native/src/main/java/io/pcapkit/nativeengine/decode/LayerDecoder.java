package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Protocol;

/**
 * Decodes one protocol header in place, from absolute offsets in the frame, copying nothing. Implementations are
 * stateless (one instance serves every thread): all per-frame state lives in the {@link DecodeContext}.
 */
public interface LayerDecoder {
    /**
     * The protocol this decoder produces; the layer is opened for it before {@link #decode} is called. A decoder
     * that only chooses what comes next and has no header of its own in Wireshark's tree (e.g. a raw-IP link type
     * that looks at the version nibble) returns null: no layer is opened, its return value must be 0, and
     * fields it adds are not allowed.
     */
    Protocol protocol();

    /**
     * Decodes the header at frame offset {@code off}, where {@code len} bytes belong to this protocol's PDU (already
     * clamped to the captured bytes). Adds fields through {@code c.out()}, says what comes next through
     * {@code c.next…()}, and returns the header length. A header cut short returns {@link DecodeContext#truncated}.
     */
    int decode(DecodeContext c, int off, int len);

    /**
     * True when nothing decoded after this layer can be below the application level (a DNS message, an HTTP request:
     * at most more application layers and raw bytes). A caller that reads no application-level field is then spared
     * this decoder ({@link io.pcapkit.spi.EngineOptions#fieldsUpTo()}). A tunnel (VXLAN, GENEVE) keeps the default,
     * false, as any decoder should until it is known to be such a leaf.
     */
    default boolean applicationOnly() { return false; }
}
