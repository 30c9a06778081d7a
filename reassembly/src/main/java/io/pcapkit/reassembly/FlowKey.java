package io.pcapkit.reassembly;

import java.util.Arrays;

/**
 * A conversation's endpoints, the same whichever way a packet goes: the endpoint that sorts lower (address, then
 * port) is {@code a}. {@code protocol} is 6 (TCP) or 17 (UDP).
 */
public record FlowKey(int protocol, byte[] a, int aPort, byte[] b, int bPort) {

    /** The bidirectional key of a packet from {@code src:sp} to {@code dst:dp}. */
    static FlowKey of(int protocol, byte[] src, int sp, byte[] dst, int dp) {
        int c = Arrays.compareUnsigned(src, dst);
        if (c < 0 || c == 0 && sp <= dp) return new FlowKey(protocol, src, sp, dst, dp);
        return new FlowKey(protocol, dst, dp, src, sp);
    }

    @Override public boolean equals(Object o) {
        return o instanceof FlowKey k && k.protocol == protocol && k.aPort == aPort && k.bPort == bPort
                && Arrays.equals(k.a, a) && Arrays.equals(k.b, b);
    }

    @Override public int hashCode() {
        return ((Arrays.hashCode(a) * 31 + aPort) * 31 + Arrays.hashCode(b)) * 31 + bPort + protocol;
    }

    @Override public String toString() {
        return (protocol == 6 ? "TCP " : protocol == 17 ? "UDP " : "proto " + protocol + " ")
                + Endpoint.text(a, aPort) + " <-> " + Endpoint.text(b, bPort);
    }
}
