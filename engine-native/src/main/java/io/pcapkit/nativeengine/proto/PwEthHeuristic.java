package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.EtherType;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * Wireshark 4.0's "pwethheuristic": after an MPLS stack whose payload starts with a zero nibble, an Ethernet
 * pseudowire with or without a control word. Wireshark reads it without one when the bytes look like a bare
 * Ethernet frame: both addresses from known manufacturers and a known EtherType. Lacking Wireshark's manufacturer
 * database, this heuristic asks the EtherType alone: a known one at offset 12 and none at offset 16 (where it sits
 * behind a control word) means a bare frame; everything else has a control word. Real vendor addresses make both
 * rules agree; hand-made addresses (locally administered, or Xerox's 00:00:00) may not.
 */
public final class PwEthHeuristic implements LayerDecoder {
    public static final Protocol PW_ETH_HEURISTIC = Protocols.define("PW_Eth_Heuristic", "pwethheuristic", Level.LINK);

    @Override public Protocol protocol() { return PW_ETH_HEURISTIC; }

    @Override public int decode(DecodeContext c, int off, int len) {
        boolean bare = len >= 18 && known(c.u16(off + 12)) && !known(c.u16(off + 16));
        c.nextDecoder(bare ? PwEthDecoder.NO_CONTROL_WORD : PwEthDecoder.CONTROL_WORD, -1);
        return 0;
    }

    private static boolean known(int type) {
        return type >= 0x0600 && EtherType.names().name(type) != null;
    }
}
