package io.pcapkit.libpcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Packets from libpcap with the stops a command line asks for: a count, a duration, or {@link #stop()} from another
 * thread (a Ctrl-C hook). Reads a live interface or a file; {@link #pcapStream()} turns it into a PCAP byte stream any
 * engine can read, holding one packet at a time so memory stays flat however long the capture runs.
 */
public final class Capture implements AutoCloseable {
    /**
     * libpcap's read timeout. On Linux (TPACKET_V3) a wait with no traffic does not end with it, so the duration and
     * Ctrl-C end a waiting read with {@code pcap_breakloop}, never by polling.
     */
    static final int READ_TIMEOUT_MILLIS = 100;

    /**
     * What to capture live.
     *
     * @param device   interface name ({@code lo}, {@code eth0}, {@code any})
     * @param snaplen  bytes kept of each packet (at most {@link Pcap#MAX_SNAPLEN})
     * @param promisc  promiscuous mode
     * @param filter   BPF expression set on the handle (applied in the kernel), or null
     * @param count    stop after this many packets (negative: no limit)
     * @param duration stop after this many nanoseconds (0: no limit)
     */
    public record LiveOptions(String device, int snaplen, boolean promisc, String filter, long count, long duration) { }

    private final Pcap pcap;
    private final boolean live;
    private final long count;
    private final long deadline;
    private final Packet packet = new Packet();
    private volatile boolean stopped;
    private Thread timer;
    private long packets;

    private Capture(Pcap pcap, boolean live, long count, long duration) {
        this.pcap = pcap;
        this.live = live;
        this.count = count;
        this.deadline = duration > 0 ? System.nanoTime() + duration : Long.MAX_VALUE;
    }

    /** Opens a live capture; errors (no such interface, no permission, a bad filter) carry libpcap's text. */
    public static Capture live(LiveOptions o) throws PcapException {
        Pcap p = Pcap.openLive(o.device(), o.snaplen(), o.promisc(), READ_TIMEOUT_MILLIS);
        try {
            if (o.filter() != null) p.setFilter(o.filter(), true);
        } catch (PcapException e) {
            p.close();
            throw e;
        }
        Capture c = new Capture(p, true, o.count(), o.duration());
        if (o.duration() > 0) c.timer = Thread.ofPlatform().daemon().name("pcapkit-capture-timer").start(() -> {
            try {
                Thread.sleep(java.time.Duration.ofNanos(o.duration()));
                c.stop();
            } catch (InterruptedException e) {
                // the capture closed first
            }
        });
        return c;
    }

    /**
     * Opens a capture file through libpcap (PCAP, or PCAPNG with one link type), with an optional filter (libpcap
     * applies it as tcpdump {@code -r} does). {@code nano}: time stamps in nanoseconds; {@code count}: at most this
     * many packets (negative: no limit).
     */
    public static Capture file(Path file, String filter, boolean nano, long count) throws PcapException {
        Pcap p = Pcap.openOffline(file, nano);
        try {
            if (filter != null) p.setFilter(filter, false);
        } catch (PcapException e) {
            p.close();
            throw e;
        }
        return new Capture(p, false, count, 0);
    }

    /** The libpcap handle (link type, snaplen, time stamp precision). */
    public Pcap pcap() { return pcap; }

    /** Packets handed out so far. */
    public long packets() { return packets; }

    /**
     * The next packet (valid until the following call), or null when the capture is over: end of file, the count
     * reached, the duration passed, or {@link #stop()} called.
     */
    public Packet next() throws PcapException {
        while (!stopped && (count < 0 || packets < count)) {
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) return null;
            int r = pcap.next(packet);
            if (r == 1) {
                packets++;
                return packet;
            }
            if (r < 0 && !live) return null;
            // live: a timeout (r == 0) or a break (r < 0, set by stop()): look at the stop conditions again
        }
        return null;
    }

    /** Ends the capture from any thread: the next (or a waiting) {@link #next()} returns null. */
    public void stop() {
        stopped = true;
        pcap.breakLoop();
    }

    /** True once {@link #stop()} was called. */
    public boolean stopped() { return stopped; }

    /** libpcap's counters for a live capture, or null. */
    public Pcap.Stats stats() { return live ? pcap.stats() : null; }

    /**
     * The packets as a PCAP file: a global header (nanosecond magic when the handle stamps in nanoseconds, this
     * machine's byte order, the handle's snaplen and link type), then one record per packet as {@link #next()}
     * returns them. The stream ends when the capture does; closing it closes nothing (close the capture).
     */
    public InputStream pcapStream() {
        return new PcapStream();
    }

    private final class PcapStream extends InputStream {
        private ByteBuffer pending;
        private boolean ended;

        PcapStream() {
            pending = ByteBuffer.allocate(Math.max(pcap.snaplen(), 64 * 1024) + 16).order(ByteOrder.nativeOrder());
            PacketCopyWriter.pcapHeader(pending, pcap.nanosecond(), pcap.snaplen(), pcap.linkType());
            pending.flip();
        }

        /** Refills {@link #pending} with the next record; false at the end. */
        private boolean refill() throws IOException {
            if (ended) return false;
            Packet p = next();
            if (p == null) {
                ended = true;
                return false;
            }
            int caplen = p.capturedLength();
            if (pending.capacity() < caplen + 16) {
                pending = ByteBuffer.allocate(caplen + 16).order(ByteOrder.nativeOrder());
            }
            pending.clear();
            PacketCopyWriter.pcapRecord(pending, p);
            p.copyTo(pending.array(), 16);
            pending.position(16 + caplen).flip();
            return true;
        }

        @Override public int read() throws IOException {
            if (!pending.hasRemaining() && !refill()) return -1;
            return pending.get() & 0xFF;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!pending.hasRemaining() && !refill()) return -1;
            int n = Math.min(len, pending.remaining());
            pending.get(b, off, n);
            return n;
        }

        @Override public int available() { return pending.remaining(); }
    }

    @Override public void close() {
        if (timer != null) timer.interrupt();
        pcap.close();
    }
}
