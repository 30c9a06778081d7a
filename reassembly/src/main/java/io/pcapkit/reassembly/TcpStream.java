package io.pcapkit.reassembly;

import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection: both directions, numbered like tshark's {@code tcp.stream} (in order of first appearance; a
 * new SYN with another initial sequence number on the same ports starts a new one). The bytes themselves go to
 * the {@link Reassembly}'s listeners as {@link TcpChunk}s; this object keeps the facts.
 */
public final class TcpStream {
    public enum Status { COMPLETE, PARTIAL }

    final int index;
    final FlowKey key;
    final Endpoint client;
    final Endpoint server;
    final Direction[] dir = {new Direction(), new Direction()};
    long packets;
    long firstFrame, lastFrame;
    long firstNanos, lastNanos;
    boolean closed;
    String closeReason;

    /** Per-direction state: next expected sequence number and the out-of-order segments waiting. */
    static final class Direction {
        long next;                  // next expected sequence number (32 bits)
        long written;               // bytes delivered by in-order segments (tshark's bytes_written)
        long bytes;                 // bytes delivered in all
        boolean baseSet;
        long baseSeq;
        final ArrayList<Held> held = new ArrayList<>();
        int heldBytes;
        final List<long[]> holes = new ArrayList<>();
        long conflictBytes;
        long overlapBytes;
        boolean syn, fin, rst;
        // the last bytes delivered, to tell a retransmission that differs (ring indexed by sequence number)
        byte[] tail;
        long tailEnd;               // sequence number one past the last byte in the ring
        long tailLen;
    }

    record Held(long seq, byte[] data, long frame, long ack, long nanos) { }

    TcpStream(int index, FlowKey key, Endpoint client, Endpoint server) {
        this.index = index;
        this.key = key;
        this.client = client;
        this.server = server;
    }

    /** tshark's tcp.stream number. */
    public int index() { return index; }

    public FlowKey key() { return key; }

    /** Source of the first packet seen (tshark's follow "Node 0"). */
    public Endpoint client() { return client; }

    public Endpoint server() { return server; }

    public long packets() { return packets; }

    public long firstFrame() { return firstFrame; }

    public long lastFrame() { return lastFrame; }

    public long firstNanos() { return firstNanos; }

    public long lastNanos() { return lastNanos; }

    /** Bytes delivered client→server ({@code server=false}) or server→client, gap markers included. */
    public long bytes(boolean fromServer) { return dir[fromServer ? 1 : 0].bytes; }

    /** Gaps of one direction: {sequence number, length} each. */
    public List<long[]> holes(boolean fromServer) { return List.copyOf(dir[fromServer ? 1 : 0].holes); }

    /** Retransmitted bytes that differed from those delivered first (first copy wins). */
    public long conflictBytes() { return dir[0].conflictBytes + dir[1].conflictBytes; }

    /** Bytes that arrived more than once. */
    public long overlapBytes() { return dir[0].overlapBytes + dir[1].overlapBytes; }

    public boolean sawSyn(boolean fromServer) { return dir[fromServer ? 1 : 0].syn; }

    public boolean sawFin(boolean fromServer) { return dir[fromServer ? 1 : 0].fin; }

    public boolean sawRst() { return dir[0].rst || dir[1].rst; }

    /** COMPLETE when no direction has a gap, else PARTIAL. */
    public Status status() {
        return dir[0].holes.isEmpty() && dir[1].holes.isEmpty() ? Status.COMPLETE : Status.PARTIAL;
    }

    /** Why it was closed: "end of capture", "port reused", "idle", "evicted by bounds". */
    public String closeReason() { return closeReason; }

    @Override public String toString() { return "tcp.stream " + index + " " + client + " -> " + server; }
}
