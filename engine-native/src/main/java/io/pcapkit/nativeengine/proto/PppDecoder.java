package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * PPP (RFC 1661) as Wireshark 4.0's "ppp" dissector shows it: the protocol field, one byte when compressed (RFC
 * 1661 section 6.5: an odd first byte), looked up in {@link Dispatch#PPP_PROTOCOL}. In HDLC-like framing (RFC 1662:
 * the PPP link types, L2TP, PPTP's GRE) an optional address/control pair comes first: Wireshark takes a first
 * byte 0xFF as the address and otherwise assumes both were compressed away (RFC 1661 section 6.6); a Cisco HDLC
 * address (0x0F / 0x8F) hands the frame to Cisco HDLC (link type 104) instead. No FCS is assumed, as Wireshark's
 * default. A PPPoE session (RFC 2516) carries PPP without address and control; there the PDU ends where the session
 * header's payload length says.
 */
public final class PppDecoder implements LayerDecoder {
    public static final Protocol PPP = Protocols.define("PPP", "ppp", Level.LINK);

    static final FieldDef ADDRESS = Fields.hex("ppp.address", "Address", 8);
    static final FieldDef CONTROL = Fields.hex("ppp.control", "Control", 8);
    static final FieldDef PROTOCOL = Fields.hex("ppp.protocol", "Protocol", 16);

    /** PPP right after a PPPoE session header (6 bytes back). */
    static final PppDecoder IN_SESSION = new PppDecoder(false, PppoeDecoder.HEADER);
    /** PPP after a PPPoE session header and its Credits tag (14 bytes back). */
    static final PppDecoder AFTER_CREDITS = new PppDecoder(false, PppoeDecoder.HEADER + PppoeDecoder.CREDITS_TAG_LEN);

    static final int ADDRESS_ALL_STATIONS = 0xFF;
    static final int CHDLC_UNICAST = 0x0F, CHDLC_MULTICAST = 0x8F;
    static final int LINKTYPE_C_HDLC = 104;

    private final boolean hdlc;
    /** How far before the PPP bytes its PPPoE session header starts; 0 outside PPPoE. */
    private final int sessionBack;

    /**
     * {@code hdlcFraming}: the frame may start with address and control (the PPP link types, L2TP, GRE); false for
     * encapsulations that carry the protocol field first.
     */
    public PppDecoder(boolean hdlcFraming) { this(hdlcFraming, 0); }

    private PppDecoder(boolean hdlc, int sessionBack) {
        this.hdlc = hdlc;
        this.sessionBack = sessionBack;
    }

    @Override public Protocol protocol() { return PPP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (sessionBack > 0) {
            int session = off - sessionBack;
            int end = session + PppoeDecoder.HEADER + c.u16(session + 4);
            len = Math.max(0, Math.min(len, end - off));
        }
        int at = off;
        if (hdlc && len > 0) {
            int b0 = c.u8(off);
            if (b0 == CHDLC_UNICAST || b0 == CHDLC_MULTICAST) {
                c.next(Dispatch.LINK_TYPE, LINKTYPE_C_HDLC, -1);
                return 0;
            }
            if (b0 == ADDRESS_ALL_STATIONS) {
                c.add(ADDRESS, b0, off, 1);
                if (len < 2) return c.truncated(len, "PPP control field missing");
                c.add(CONTROL, c.u8(off + 1), off + 1, 1);
                at += 2;
            }
        }
        int left = len - (at - off);
        if (left < 1) return c.truncated(len, "PPP protocol field missing");
        int proto = c.u8(at);
        int protoLen = 1;
        if ((proto & 0x01) == 0) { // an even first byte: the protocol field is not compressed
            if (left < 2) return c.truncated(len, "PPP protocol field cut short");
            proto = c.u16(at);
            protoLen = 2;
        }
        c.add(PROTOCOL, proto, at, protoLen);
        int hdr = at - off + protoLen;
        c.next(Dispatch.PPP_PROTOCOL, proto, len - hdr);
        return hdr;
    }
}
