package io.pcapkit.reassembly;

/**
 * Settings of a {@link Reassembly}; {@link #defaults()} reassembles nothing until kinds are switched on.
 *
 * @param ipv4, ipv6, tcp   what to reassemble
 * @param ipTimeoutNanos    a datagram still incomplete this long (capture time) after its first fragment is given up
 * @param lastWins          overlapping IP fragments: the last copy wins instead of the first
 * @param maxIpBuffers      datagrams reassembled at once; beyond it the oldest is given up (counted)
 * @param maxIpBytes        bytes held by those buffers together
 * @param strictTcp         a gap in a TCP stream leaves the stream PARTIAL with its holes listed, no bytes inserted;
 *                          otherwise (lenient, tshark's way) the gap is marked in the bytes with
 *                          {@code [N bytes missing in capture file]} once the peer acknowledged past it
 * @param maxTcpHeldBytes   out-of-order bytes held per direction waiting for a gap to fill; beyond it the gap is
 *                          declared (a hole) and delivery goes on
 * @param maxTcpTotalBytes  out-of-order bytes held over all connections
 * @param maxTcpConnections connections tracked at once; beyond it the least recently active is closed (counted)
 * @param tcpIdleNanos      a connection silent this long (capture time) is closed; 0 never
 */
public record ReassemblyOptions(boolean ipv4, boolean ipv6, boolean tcp, long ipTimeoutNanos, boolean lastWins,
                                int maxIpBuffers, long maxIpBytes, boolean strictTcp, int maxTcpHeldBytes,
                                long maxTcpTotalBytes, int maxTcpConnections, long tcpIdleNanos) {

    public static ReassemblyOptions defaults() {
        return new ReassemblyOptions(false, false, false, 60_000_000_000L, false, 4096, 64L << 20, false,
                4 << 20, 256L << 20, 1 << 20, 0);
    }

    public ReassemblyOptions withIpv4(boolean on) { return copy(on, ipv6, tcp, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withIpv6(boolean on) { return copy(ipv4, on, tcp, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withTcp(boolean on) { return copy(ipv4, ipv6, on, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withIpTimeoutSeconds(double s) { return copy(ipv4, ipv6, tcp, (long) (s * 1e9), lastWins, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withLastWins(boolean on) { return copy(ipv4, ipv6, tcp, ipTimeoutNanos, on, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withIpBounds(int buffers, long bytes) { return copy(ipv4, ipv6, tcp, ipTimeoutNanos, lastWins, buffers, bytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withStrictTcp(boolean on) { return copy(ipv4, ipv6, tcp, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, on, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, tcpIdleNanos); }

    public ReassemblyOptions withTcpBounds(int heldPerDirection, long heldTotal, int connections) { return copy(ipv4, ipv6, tcp, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, strictTcp, heldPerDirection, heldTotal, connections, tcpIdleNanos); }

    public ReassemblyOptions withTcpIdleSeconds(double s) { return copy(ipv4, ipv6, tcp, ipTimeoutNanos, lastWins, maxIpBuffers, maxIpBytes, strictTcp, maxTcpHeldBytes, maxTcpTotalBytes, maxTcpConnections, (long) (s * 1e9)); }


    private static ReassemblyOptions copy(boolean a, boolean b, boolean c, long d, boolean e, int f, long g, boolean h,
                                          int i, long j, int k, long l) {
        return new ReassemblyOptions(a, b, c, d, e, f, g, h, i, j, k, l);
    }
}
