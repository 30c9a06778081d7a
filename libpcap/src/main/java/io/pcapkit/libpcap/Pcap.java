package io.pcapkit.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

import static io.pcapkit.libpcap.Libpcap.rethrow;

/**
 * One libpcap handle ({@code pcap_t}): a capture file, a live interface, or a "dead" handle that only compiles
 * filters for a link type. Every failure is a {@link PcapException} carrying libpcap's text. {@link #next} is called by
 * one thread; {@link #breakLoop()} may be called from any thread (a Ctrl-C hook) and is safe after {@link #close()}.
 */
public final class Pcap implements AutoCloseable {
    /** Largest snapshot length libpcap accepts for most link types (its MAXIMUM_SNAPLEN). */
    public static final int MAX_SNAPLEN = 262144;

    private final Arena arena = Arena.ofShared();
    private final String source;
    private final MemorySegment headerOut;
    private final MemorySegment dataOut;
    private volatile MemorySegment handle;
    private Arena keepAlive;

    private Pcap(MemorySegment handle, String source) {
        this.handle = handle;
        this.source = source;
        this.headerOut = arena.allocate(Libpcap.C_POINTER);
        this.dataOut = arena.allocate(Libpcap.C_POINTER);
    }

    /**
     * Opens a capture file (PCAP, or PCAPNG with one link type) as libpcap reads it. {@code nano}: time stamps in
     * nanoseconds, else microseconds (libpcap scales the file's own resolution).
     */
    public static Pcap openOffline(Path file, boolean nano) throws PcapException {
        Libpcap.require();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(Libpcap.PCAP_ERRBUF_SIZE);
            MemorySegment p = (MemorySegment) Libpcap.OPEN_OFFLINE.invokeExact(a.allocateFrom(file.toString()),
                    nano ? Libpcap.PCAP_TSTAMP_PRECISION_NANO : Libpcap.PCAP_TSTAMP_PRECISION_MICRO, err);
            if (p.equals(MemorySegment.NULL)) throw new PcapException(file + ": " + err.getString(0));
            return new Pcap(p, file.toString());
        } catch (PcapException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * A handle that compiles filters exactly as for a capture file of {@code linkType} (a LINKTYPE_ value) written
     * on this machine: libpcap reads a PCAP file header held in memory. Not {@code pcap_open_dead}: libpcap compiles
     * some expressions differently for files (on NULL/loopback link types {@code ip6} matches every BSD's AF_INET6
     * value in a file, only this system's on a dead or live handle), and tcpdump {@code -r} compiles for a file.
     */
    public static Pcap openCompiler(int linkType) throws PcapException {
        Libpcap.require();
        Arena header = Arena.ofShared();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment file = header.allocate(24);
            java.nio.ByteBuffer b = file.asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
            PacketCopyWriter.pcapHeader(b, false, MAX_SNAPLEN, linkType);
            MemorySegment fp = (MemorySegment) Libpcap.FMEMOPEN.invokeExact(file, 24L, a.allocateFrom("r"));
            if (fp.equals(MemorySegment.NULL)) throw new PcapException("cannot compile filters: fmemopen failed");
            MemorySegment err = a.allocate(Libpcap.PCAP_ERRBUF_SIZE);
            MemorySegment p = (MemorySegment) Libpcap.FOPEN_OFFLINE.invokeExact(fp,
                    Libpcap.PCAP_TSTAMP_PRECISION_MICRO, err);
            if (p.equals(MemorySegment.NULL)) {
                throw new PcapException("link type " + linkType + ": " + err.getString(0));
            }
            Pcap pcap = new Pcap(p, "link type " + linkType);
            pcap.keepAlive = header;   // libpcap's FILE reads this memory until pcap_close
            header = null;
            return pcap;
        } catch (PcapException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            if (header != null) header.close();
        }
    }

    /**
     * Opens and activates a live capture on {@code device}. {@code timeoutMillis} bounds how long {@link #next} waits
     * when no packet comes (so a caller can check its own stop conditions); packets are delivered as they arrive
     * (immediate mode) with nanosecond time stamps where the system offers them.
     */
    public static Pcap openLive(String device, int snaplen, boolean promisc, int timeoutMillis) throws PcapException {
        Libpcap.require();
        MemorySegment p;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment err = a.allocate(Libpcap.PCAP_ERRBUF_SIZE);
            p = (MemorySegment) Libpcap.CREATE.invokeExact(a.allocateFrom(device), err);
            if (p.equals(MemorySegment.NULL)) throw new PcapException("interface '" + device + "': " + err.getString(0));
        } catch (PcapException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
        Pcap pcap = new Pcap(p, device);
        try {
            pcap.check((int) Libpcap.SET_SNAPLEN.invokeExact(p, snaplen), "snaplen " + snaplen);
            pcap.check((int) Libpcap.SET_PROMISC.invokeExact(p, promisc ? 1 : 0), "promiscuous mode");
            pcap.check((int) Libpcap.SET_TIMEOUT.invokeExact(p, timeoutMillis), "timeout");
            pcap.check((int) Libpcap.SET_IMMEDIATE.invokeExact(p, 1), "immediate mode");
            // microseconds when the kernel cannot stamp in nanoseconds: not an error
            int ignored = (int) Libpcap.SET_TSTAMP_PRECISION.invokeExact(p, Libpcap.PCAP_TSTAMP_PRECISION_NANO);
            int status = (int) Libpcap.ACTIVATE.invokeExact(p);
            if (status < 0) {
                String detail = pcap.lastError();
                String text = Libpcap.statusText(status);
                String msg = "interface '" + device + "': " + text;
                if (!detail.isEmpty() && !detail.equals(text)) msg += " (" + detail + ")";
                throw new PcapException(msg, status);
            }
            return pcap;
        } catch (Throwable t) {
            pcap.close();
            if (t instanceof PcapException e) throw e;
            throw rethrow(t);
        }
    }

    private void check(int status, String what) throws PcapException {
        if (status != 0) {
            throw new PcapException(source + ": cannot set " + what + ": " + Libpcap.statusText(status), status);
        }
    }

    /** What this handle reads: the file name or the interface. */
    public String source() { return source; }

    /** The LINKTYPE_ value a capture file records for this handle's packets (with any FCS bits libpcap keeps). */
    public int linkType() {
        try {
            int dlt = (int) Libpcap.DATALINK.invokeExact(live());
            // the extension holds only the high bits (FCS length); small negatives are error codes
            int ext = (int) Libpcap.DATALINK_EXT.invokeExact(live());
            return Libpcap.linkTypeOf(dlt) | (ext < 0 && ext > -100 ? 0 : ext & 0xFFFF0000);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libpcap's name of this handle's link type ({@code EN10MB}, {@code LINUX_SLL} …). */
    public String linkTypeName() {
        try {
            int dlt = (int) Libpcap.DATALINK.invokeExact(live());
            String n = Libpcap.datalinkName(dlt);
            return n != null ? n : "DLT " + dlt;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The snapshot length: the file's (as libpcap adjusted it) or the one the live capture uses. */
    public int snaplen() {
        try {
            return (int) Libpcap.SNAPSHOT.invokeExact(live());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** True when {@link Packet#fraction()} is in nanoseconds. */
    public boolean nanosecond() {
        try {
            return (int) Libpcap.GET_TSTAMP_PRECISION.invokeExact(live()) == Libpcap.PCAP_TSTAMP_PRECISION_NANO;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Compiles a filter expression (tcpdump syntax) for this handle's link type. {@code netmask}: the network's
     * mask for {@code ip broadcast} (0 when unknown, as tcpdump uses for files).
     */
    public BpfProgram compile(String expression, int netmask) throws PcapException {
        return BpfProgram.compile(this, expression, netmask);
    }

    /**
     * Sets a filter on the handle: the kernel applies it on a live capture, libpcap on a file. A live handle gets its
     * interface's netmask (for {@code ip broadcast}); a file gets 0, as tcpdump does.
     */
    public void setFilter(String expression, boolean live) throws PcapException {
        try (BpfProgram prog = compile(expression, live ? netmask(source) : 0)) {
            int r = (int) Libpcap.SETFILTER.invokeExact(live(), prog.segment());
            if (r != 0) throw new PcapException("filter '" + expression + "': " + lastError());
        } catch (PcapException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The IPv4 netmask of a device, or 0 when it has none (lo without IPv4, any, an unknown name). */
    private static int netmask(String device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment net = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment mask = a.allocate(ValueLayout.JAVA_INT);
            int r = (int) Libpcap.LOOKUPNET.invokeExact(a.allocateFrom(device), net, mask,
                    a.allocate(Libpcap.PCAP_ERRBUF_SIZE));
            return r == 0 ? mask.get(ValueLayout.JAVA_INT, 0) : 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Reads the next packet into {@code p}: 1 a packet, 0 the live timeout passed with none, -1 the end of the file
     * or {@link #breakLoop()} was called. A read error is a {@link PcapException} with libpcap's text.
     */
    public int next(Packet p) throws PcapException {
        int r;
        try {
            r = (int) Libpcap.NEXT_EX.invokeExact(live(), headerOut, dataOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (r == 1) {
            p.header = headerOut.get(Libpcap.C_POINTER, 0);
            p.data = dataOut.get(Libpcap.C_POINTER, 0);
            return 1;
        }
        if (r == 0) return 0;
        if (r == Libpcap.PCAP_ERROR_BREAK) return -1;
        throw new PcapException(source + ": " + lastError(), r);
    }

    /** Counters of a live capture, or null where libpcap keeps none (files). */
    public Stats stats() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Libpcap.PCAP_STAT);
            int r;
            synchronized (this) {
                if (handle == null) return null;
                r = (int) Libpcap.STATS.invokeExact(handle, s);
            }
            if (r != 0) return null;
            return new Stats(Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, 0)),
                    Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, 4)),
                    Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, 8)));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pcap_stat: packets received (after the filter), dropped for lack of buffer space, dropped by the interface. */
    public record Stats(long received, long dropped, long interfaceDropped) { }

    /** Makes a {@link #next} in progress (or the next one) return -1. Any thread; a no-op once closed. */
    public synchronized void breakLoop() {
        if (handle == null) return;
        try {
            Libpcap.BREAKLOOP.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libpcap's text for the last error on this handle. */
    String lastError() {
        try {
            return Libpcap.cString((MemorySegment) Libpcap.GETERR.invokeExact(live()));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    MemorySegment live() {
        MemorySegment h = handle;
        if (h == null) throw new IllegalStateException(source + ": libpcap handle is closed");
        return h;
    }

    @Override public synchronized void close() {
        if (handle == null) return;
        try {
            Libpcap.CLOSE.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            handle = null;
            arena.close();
            if (keepAlive != null) keepAlive.close();
        }
    }
}
