package io.pcapkit.nativeengine.decode;

import io.pcapkit.nativeengine.proto.EthernetDecoder;

/**
 * The one registry file: every native decoder attaches itself to its parent's table here, one line each.
 * Parents never name their children. Adding a protocol = a decoder file + a line here.
 */
public final class Registrations {
    private Registrations() { }

    /** A registry holding every native decoder. */
    public static DecoderRegistry standard() {
        DecoderRegistry r = new DecoderRegistry();
        // ---- link types
        r.register(Dispatch.LINK_TYPE, 1, new EthernetDecoder());
        return r;
    }
}
