package io.pcapkit.libpcap;

import io.pcapkit.spi.RecordFilter;

import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;

/**
 * A BPF filter (tcpdump syntax) as an engine {@link RecordFilter}: the expression is compiled once per link type as
 * for a capture file ({@link Pcap#openCompiler}), and each record is run through {@code pcap_offline_filter}. The record's bytes are
 * copied into one reused off-heap buffer (BPF reads native memory); nothing is allocated per record.
 *
 * <p>Compiled as tcpdump compiles for a file: optimised, netmask 0. One instance serves one reading thread.
 * An expression that does not compile for a link type met mid-stream makes {@link #accept} throw an
 * {@link UncheckedIOException} wrapping the {@link PcapException}; {@link #prepare} checks link types up front.
 */
public final class BpfFilter implements RecordFilter, AutoCloseable {
    private static final int LINKTYPE_NULL = 0;
    private final String expression;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment header = arena.allocate(Libpcap.PKTHDR);
    private final Map<Integer, BpfProgram> programs = new HashMap<>();
    private Arena bufferArena = Arena.ofShared();
    private MemorySegment buffer;
    private int lastLinkType = Integer.MIN_VALUE;
    private BpfProgram last;
    private boolean closed;

    private BpfFilter(String expression) {
        this.expression = expression;
        this.buffer = bufferArena.allocate(64 * 1024, 16);
    }

    /**
     * A filter for {@code expression}, compiled now for {@code firstLinkType} (a LINKTYPE_ value) so that libpcap's
     * message comes before any record; negative: compiled when the first record's link type is known (an expression
     * can be valid for one link type only: {@code wlan host …}).
     */
    public static BpfFilter of(String expression, int firstLinkType) throws PcapException {
        Libpcap.require();
        if (expression == null || expression.isBlank()) throw new PcapException("empty filter expression");
        BpfFilter f = new BpfFilter(expression);
        try {
            if (firstLinkType >= 0) f.prepare(firstLinkType);
        } catch (PcapException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** The expression. */
    public String expression() { return expression; }

    /** Compiles the expression for {@code linkType} now (a LINKTYPE_ value), so an error comes before any record. */
    public void prepare(int linkType) throws PcapException {
        program(linkType);
    }

    private BpfProgram program(int linkType) throws PcapException {
        if (linkType == lastLinkType) return last;
        BpfProgram p = programs.get(linkType);
        if (p == null) {
            if (closed) throw new IllegalStateException("filter '" + expression + "' is closed");
            try (Pcap dead = Pcap.openCompiler(linkType)) {
                try {
                    p = dead.compile(expression, 0);
                } catch (PcapException e) {
                    String name = dead.linkTypeName();
                    throw new PcapException(e.getMessage() + " (link type " + name + ")");
                }
            }
            programs.put(linkType, p);
        }
        lastLinkType = linkType;
        last = p;
        return p;
    }

    @Override public boolean accept(int linkType, byte[] data, int offset, int capturedLength, int originalLength) {
        BpfProgram p;
        try {
            p = program(linkType);
        } catch (PcapException e) {
            throw new UncheckedIOException(e);
        }
        if (capturedLength > buffer.byteSize()) grow(capturedLength);
        MemorySegment.copy(data, offset, buffer, ValueLayout.JAVA_BYTE, 0, capturedLength);
        if (linkType == LINKTYPE_NULL && capturedLength >= 4) hostOrderFamily();
        header.set(ValueLayout.JAVA_INT, Libpcap.PKTHDR_CAPLEN, capturedLength);
        header.set(ValueLayout.JAVA_INT, Libpcap.PKTHDR_LEN, originalLength);
        return p.matches(header, buffer);
    }

    /** A larger buffer in an arena of its own, so the smaller one is freed at once. */
    private void grow(int needed) {
        Arena next = Arena.ofShared();
        buffer = next.allocate(Math.max(needed, buffer.byteSize() * 2), 16);
        bufferArena.close();
        bufferArena = next;
    }

    /**
     * NULL's 4-byte address family is in the byte order of the machine that captured, and libpcap compiles the
     * family for this machine's order, swapping it for a file of the other order. The filter does not see the file's
     * byte order, so it puts a family that reads as swapped (low half zero) into this machine's order in its copy.
     */
    private void hostOrderFamily() {
        int family = buffer.get(ValueLayout.JAVA_INT, 0);
        if (family != 0 && (family & 0xFFFF) == 0) buffer.set(ValueLayout.JAVA_INT, 0, Integer.reverseBytes(family));
    }

    /** Frees every compiled program and the buffer. */
    @Override public void close() {
        if (closed) return;
        closed = true;
        for (BpfProgram p : programs.values()) p.close();
        programs.clear();
        last = null;
        lastLinkType = Integer.MIN_VALUE;
        arena.close();
        bufferArena.close();
    }
}
