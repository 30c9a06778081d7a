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
    long tcpHolesUnlisted;
    long flowsUntraced;
    long framesUntraced;

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
        m.put("tcp.holes_unlisted", tcpHolesUnlisted);
        m.put("flows.untraced", flowsUntraced);
        m.put("flows.untraced_frames", framesUntraced);
        return m;
    }

    public long ipEvicted() { return ipEvicted; }

    public long ipTimeouts() { return ipTimeouts; }

    public long tcpOverflow() { return tcpOverflow; }

    public long tcpHoles() { return tcpHoles; }

    public long tcpEvicted() { return tcpEvicted; }

    /** Holes counted but not listed in their stream's {@link TcpStream#holes} (beyond its bound). */
    public long tcpHolesUnlisted() { return tcpHolesUnlisted; }

    /** Flows a {@link FlowTracer} did not trace because it already tracked its maximum. */
    public long flowsUntraced() { return flowsUntraced; }

    /** Frames of those flows. */
    public long framesUntraced() { return framesUntraced; }

    /**
     * The counters that say a bound bit (evictions, overflows, unlisted holes, untraced flows) and are not zero, as
     * {@code name=value} words for the one line a command prints; empty when no bound bit.
     */
    public java.util.List<String> boundsHit() {
        java.util.List<String> hit = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> e : asMap().entrySet()) {
            String k = e.getKey();
            boolean bound = k.equals("ip.evicted_by_bounds") || k.equals("ip.fragments_rejected")
                    || k.equals("tcp.buffer_overflows") || k.equals("tcp.connections_evicted")
                    || k.equals("tcp.holes_unlisted") || k.startsWith("flows.");
            if (bound && e.getValue() > 0) hit.add(k + "=" + e.getValue());
        }
        return hit;
    }

    @Override public String toString() { return asMap().toString(); }
}
