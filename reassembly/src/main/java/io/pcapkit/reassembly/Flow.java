package io.pcapkit.reassembly;

import java.util.Arrays;

/**
 * One traced flow: a TCP connection (tcp.stream) or a UDP conversation, both directions by default, or one
 * direction each with {@code unidirectional} tracing (the original pcapkit's behaviour). Keeps its frame numbers.
 */
public final class Flow {
    final int index;
    final int protocol;
    final Endpoint src;
    final Endpoint dst;
    final int tcpStream;
    private long[] frames = new long[8];
    private int count;
    long firstNanos, lastNanos;

    Flow(int index, int protocol, Endpoint src, Endpoint dst, int tcpStream) {
        this.index = index;
        this.protocol = protocol;
        this.src = src;
        this.dst = dst;
        this.tcpStream = tcpStream;
    }

    void add(long frame, long nanos) {
        if (count == frames.length) frames = Arrays.copyOf(frames, count * 2);
        frames[count++] = frame;
        if (count == 1) firstNanos = nanos;
        lastNanos = nanos;
    }

    /** 0-based, in order of first appearance. */
    public int index() { return index; }

    /** 6 (TCP) or 17 (UDP). */
    public int protocol() { return protocol; }

    /** The sender of the flow's first frame. */
    public Endpoint source() { return src; }

    public Endpoint destination() { return dst; }

    /** tshark's tcp.stream of a TCP flow, -1 for UDP. */
    public int tcpStream() { return tcpStream; }

    public long[] frames() { return Arrays.copyOf(frames, count); }

    public int frameCount() { return count; }

    public long firstNanos() { return firstNanos; }

    public long lastNanos() { return lastNanos; }

    /** A file-name-safe label: {@code tcp_10.0.0.1_1234_10.0.0.2_80} (IPv6 colons become dashes). */
    public String label() {
        return (protocol == 6 ? "tcp" : "udp") + "_" + Addresses.format(src.address()).replace(':', '-') + "_"
                + src.port() + "_" + Addresses.format(dst.address()).replace(':', '-') + "_" + dst.port();
    }

    @Override public String toString() {
        return (protocol == 6 ? "TCP " : "UDP ") + src + " -> " + dst;
    }
}
