package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The TCP segment and IP header under an application layer, found in the frame's layers decoded so far: an
 * application that cares about direction (FTP commands go to the server's port) or addresses (FTP's NAT check)
 * reads them here rather than receiving them from its parent.
 */
final class TcpEndpoints {
    private TcpEndpoints() { }

    /** Frame offset of the nearest TCP header below the current layer, or -1. */
    static int tcpOffset(DecodeContext c) {
        Frame f = c.out().frame();
        for (int i = c.out().currentLayer(); i >= 0; i--) if (f.protocolAt(i) == Protocols.TCP) return f.layer(i).offset();
        return -1;
    }

    /**
     * The IPv4 source address under the current layer as an unsigned value, or -1 when the packet is not IPv4 (for
     * IPv6, {@link #ipv6SourceOffset}).
     */
    static long ipv4Source(DecodeContext c) {
        Frame f = c.out().frame();
        for (int i = c.out().currentLayer(); i >= 0; i--) {
            if (f.protocolAt(i) == Protocols.IPV4) return c.u32(f.layer(i).offset() + 12);
            if (f.protocolAt(i) == Protocols.IPV6) return -1;
        }
        return -1;
    }

    /** Frame offset of the IPv6 source address under the current layer, or -1 when the packet is not IPv6. */
    static int ipv6SourceOffset(DecodeContext c) {
        Frame f = c.out().frame();
        for (int i = c.out().currentLayer(); i >= 0; i--) {
            if (f.protocolAt(i) == Protocols.IPV6) return f.layer(i).offset() + 8;
            if (f.protocolAt(i) == Protocols.IPV4) return -1;
        }
        return -1;
    }
}
