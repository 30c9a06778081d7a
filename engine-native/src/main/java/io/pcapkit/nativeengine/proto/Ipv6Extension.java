package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * What the IPv6 extension headers share: the next-header / length prologue (RFC 8200 §4) and the bound on how many
 * of them one packet may chain. Each extension header is its own layer, so the chain is counted from the layers
 * already decoded: no per-frame state is needed.
 */
final class Ipv6Extension {
    private Ipv6Extension() { }

    /**
     * Adds the next header, the length in 8-octet units and the length in octets of a Hop-by-Hop, Destination
     * Options or Routing header; returns its length in octets (which may exceed the {@code len} bytes present), or
     * -1 after recording that not even the two prologue bytes are there.
     */
    static int prologue(DecodeContext c, int off, int len, FieldDef nxt, FieldDef len8, FieldDef lenOct) {
        if (len < 2) {
            c.truncated(len, c.currentProtocol() + " header cut short at " + len + " bytes");
            return -1;
        }
        int units = c.u8(off + 1);
        c.add(nxt, c.u8(off), off, 1);
        c.add(len8, units, off + 1, 1);
        c.add(lenOct, (units + 1) * 8, off + 1, 1);
        return (units + 1) * 8;
    }

    /** Records that a header of {@code hl} bytes has only {@code len}; returns what the decoder should return. */
    static int cutShort(DecodeContext c, int len, int hl) {
        return c.truncated(len, c.currentProtocol() + " header of " + hl + " bytes cut short at " + len);
    }

    /** False (with a LIMIT anomaly and the rest left raw) when this header is one too many in the chain. */
    static boolean withinChain(DecodeContext c, int off) {
        Frame f = c.out().frame();
        int n = 0;
        for (int i = c.out().currentLayer() - 1; i >= 0 && isExtension(f.protocolAt(i)); i--) n++;
        if (n < c.maxExtensionHeaders()) return true;
        c.anomaly(Anomaly.Kind.LIMIT, off, "more than " + c.maxExtensionHeaders() + " IPv6 extension headers in a row");
        c.nextRaw(-1);
        return false;
    }

    static boolean isExtension(Protocol p) {
        return p == Protocols.IPV6_HOPOPTS || p == Protocols.IPV6_ROUTING || p == Protocols.IPV6_FRAG
                || p == Protocols.IPV6_DSTOPTS || p == AhDecoder.AH; // RFC 8200 §4.1 lists AH among them
    }

    /** Frame offset of the nearest IPv6 header below the current layer, or -1. */
    static int ipv6Header(DecodeContext c) {
        Frame f = c.out().frame();
        for (int i = c.out().currentLayer() - 1; i >= 0; i--) {
            Protocol p = f.protocolAt(i);
            if (p == Protocols.IPV6) return f.layer(i).offset();
            if (!isExtension(p)) return -1;
        }
        return -1;
    }
}
