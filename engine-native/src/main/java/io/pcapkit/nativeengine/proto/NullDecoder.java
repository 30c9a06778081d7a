package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * BSD loopback: LINKTYPE_NULL (a 4-byte AF_ value in the capturing host's byte order) and LINKTYPE_LOOP (the same
 * in network byte order), as Wireshark 4.0's "null" dissector shows them. The AF_ value is looked up in
 * {@link Dispatch#BSD_AF}; a NULL header holding an EtherType (old Linux loopback) goes to {@link Dispatch#ETHERTYPE}.
 */
public final class NullDecoder implements LayerDecoder {
    static final FieldDef FAMILY = Fields.uint("null.family", "Family", 32);
    static final FieldDef TYPE = Fields.hex("null.type", "Type", 16);

    private final boolean loop;

    /** {@code loop}: LINKTYPE_LOOP (network byte order) rather than LINKTYPE_NULL (either byte order). */
    public NullDecoder(boolean loop) { this.loop = loop; }

    @Override public Protocol protocol() { return Protocols.NULL; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (loop) {
            if (len < 4) return c.truncated(len, "loopback header needs 4 bytes, has " + len);
            long family = c.u32(off);
            c.add(FAMILY, family, off, 4);
            c.next(Dispatch.BSD_AF, (int) Math.min(family, Integer.MAX_VALUE), -1);
            return 4;
        }
        if (len >= 2 && c.u16(off) == 0xFF03) {
            // PPP in HDLC-like framing, not a NULL header: Wireshark hands the whole frame to PPP
            c.nextRaw(-1);
            return 0;
        }
        if (len < 4) return c.truncated(len, "null header needs 4 bytes, has " + len);
        long v = hostOrder(c.u32le(off));
        if (v > EthernetDecoder.IEEE_802_3_MAX_LEN) {
            int type = (int) (v & 0xFFFF);
            c.add(TYPE, type, off, 4);
            c.next(Dispatch.ETHERTYPE, type, -1);
        } else {
            c.add(FAMILY, v, off, 4);
            c.next(Dispatch.BSD_AF, (int) v, -1);
        }
        return 4;
    }

    /**
     * Wireshark's guess at the writer's byte order, replayed as on a little-endian reader (the oracle's host):
     * AF_ values are small, so whichever order leaves the upper bytes zero is the right one. IRIX / UNICOS snoop
     * headers hold a 16-bit AF_ value followed by two zero bytes.
     */
    static long hostOrder(long h) {
        if ((h & 0xFFFF0000L) != 0) {
            if ((h & 0xFF000000L) == 0 && (h & 0x00FF0000L) < 0x00060000L) return h >>> 16;
            return Long.reverseBytes(h) >>> 32;
        }
        if ((h & 0x000000FFL) == 0 && (h & 0x0000FF00L) < 0x00000600L) {
            return ((h & 0xFF) << 8) | ((h >>> 8) & 0xFF);
        }
        return h;
    }
}
