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
 * An Ethernet pseudowire over MPLS (RFC 4448) after {@link PwEthHeuristic}'s choice, as Wireshark 4.0 shows it:
 * "pwethcw" reads the 4-byte control word (RFC 4385: a zero nibble, flags, a sequence number) before the Ethernet
 * frame, "pwethnocw" has no bytes of its own. The Ethernet frame is looked up as its link type.
 */
public final class PwEthDecoder implements LayerDecoder {
    public static final Protocol PW_ETH_CW = Protocols.define("PW_Eth_CW", "pwethcw", Level.LINK);
    public static final Protocol PW_ETH_NO_CW = Protocols.define("PW_Eth_NoCW", "pwethnocw", Level.LINK);

    /** The two readings, shared by every thread (decoders are stateless). */
    public static final PwEthDecoder CONTROL_WORD = new PwEthDecoder(true);
    public static final PwEthDecoder NO_CONTROL_WORD = new PwEthDecoder(false);

    static final FieldDef SEQUENCE = Fields.uint("pweth.cw.sequence_number", "Sequence Number", 16);

    private static final int LINKTYPE_ETHERNET = 1;

    private final boolean controlWord;

    private PwEthDecoder(boolean controlWord) { this.controlWord = controlWord; }

    @Override public Protocol protocol() { return controlWord ? PW_ETH_CW : PW_ETH_NO_CW; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.next(Dispatch.LINK_TYPE, LINKTYPE_ETHERNET, -1);
        if (!controlWord) return 0;
        if (len < 4) return c.truncated(len, "pseudowire control word needs 4 bytes, has " + len);
        c.add(SEQUENCE, c.u16(off + 2), off + 2, 2);
        return 4;
    }
}
