package io.pcapkit.reassembly;

import java.util.LinkedHashMap;
import java.util.Map;

/** What reassembly met and where its bounds bit: the numbers the CLI prints and index.json records. */
public final class Counters {
    long fragments;
    long datagrams;
    long datagramsPartial;
    long ipTimeouts;
    long ipEvicted;
    long ipFragmentsRejected;
    long tcpSegments;
    long tcpConnections;
    long tcpHoles;
    long tcpHoleBytes;
    long tcpConflictBytes;
    long tcpOverflow;
    long tcpEvicted;

    /** Every counter by name, in a stable order. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("ip.fragments", fragments);
        m.put("ip.datagrams", datagrams);
        m.put("ip.datagrams_partial", datagramsPartial);
        m.put("ip.timeouts", ipTimeouts);
        m.put("ip.evicted_by_bounds", ipEvicted);
        m.put("ip.fragments_rejected", ipFragmentsRejected);
        m.put("tcp.segments", tcpSegments);
        m.put("tcp.connections", tcpConnections);
        m.put("tcp.holes", tcpHoles);
        m.put("tcp.hole_bytes", tcpHoleBytes);
        m.put("tcp.conflict_bytes", tcpConflictBytes);
        m.put("tcp.buffer_overflows", tcpOverflow);
        m.put("tcp.connections_evicted", tcpEvicted);
        return m;
    }

    public long ipEvicted() { return ipEvicted; }

    public long ipTimeouts() { return ipTimeouts; }

    public long tcpOverflow() { return tcpOverflow; }

    public long tcpHoles() { return tcpHoles; }

    @Override public String toString() { return asMap().toString(); }
}
