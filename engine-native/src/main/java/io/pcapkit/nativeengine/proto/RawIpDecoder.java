package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * Raw IP link types (LINKTYPE_RAW 101 and the platform DLT_RAW numbers 12 and 14): no link header, the IP version
 * nibble says what follows. Wireshark 4.0 still shows a field-less "raw" protocol in {@code frame.protocols}, so
 * this is a zero-length layer rather than a selector. Its PPP-in-HDLC sniffing (old Linux / ISDN PPP drivers) is
 * kept so that such frames are not misread as IP.
 */
public final class RawIpDecoder implements LayerDecoder {
    /** Wireshark's "raw" (Raw packet data); pcapkit's own {@code Raw} is the undecoded-bytes layer. */
    public static final Protocol RAW_IP = Protocols.define("RawIP", "raw", Level.LINK);

    private static final int PPP_HDLC = 0xFF03;
    /** Some ISDN drivers put 10 zero bytes before the IP header. */
    private static final int ZERO_PREFIX = 10;

    @Override public Protocol protocol() { return RAW_IP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 2) return c.truncated(len, "raw IP frame of " + len + " bytes");
        if (c.u16(off) == PPP_HDLC) {
            c.nextRaw(-1);
            return 0;
        }
        if (len < 8) return c.truncated(len, "raw IP frame of " + len + " bytes"); // Wireshark reads offset 6 next
        if (c.u16(off + 6) == PPP_HDLC || c.u16(off + 1) == PPP_HDLC) {
            c.nextRaw(-1);
            return 0;
        }
        if (len >= ZERO_PREFIX && zeros(c, off, ZERO_PREFIX)) {
            c.next(Dispatch.IP_VERSION, 4, -1);
            return ZERO_PREFIX;
        }
        c.next(Dispatch.IP_VERSION, c.u8(off) >>> 4, -1);
        return 0;
    }

    private static boolean zeros(DecodeContext c, int off, int n) {
        for (int i = 0; i < n; i++) if (c.u8(off + i) != 0) return false;
        return true;
    }
}
