package io.pcapkit.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static io.pcapkit.libpcap.Libpcap.rethrow;

/**
 * A compiled BPF program ({@code struct bpf_program}), owned until {@link #close()} frees it. {@link #matches} runs it
 * over a packet with {@code pcap_offline_filter}: the same code the kernel or libpcap would run on a capture.
 */
public final class BpfProgram implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment program;
    private final String expression;
    private boolean freed;

    private BpfProgram(Arena arena, MemorySegment program, String expression) {
        this.arena = arena;
        this.program = program;
        this.expression = expression;
    }

    static BpfProgram compile(Pcap pcap, String expression, int netmask) throws PcapException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment seg = arena.allocate(Libpcap.BPF_PROGRAM);
            int r = (int) Libpcap.COMPILE.invokeExact(pcap.live(), seg, arena.allocateFrom(expression), 1, netmask);
            if (r != 0) throw new PcapException("filter '" + expression + "': " + pcap.lastError());
            return new BpfProgram(arena, seg, expression);
        } catch (Throwable t) {
            arena.close();
            if (t instanceof PcapException e) throw e;
            throw rethrow(t);
        }
    }

    /** The expression it was compiled from. */
    public String expression() { return expression; }

    MemorySegment segment() { return program; }

    /**
     * Runs the program over one packet. {@code header} is a {@code pcap_pkthdr} whose caplen/len describe
     * {@code data}; true when the filter keeps the packet.
     */
    public boolean matches(MemorySegment header, MemorySegment data) {
        try {
            return (int) Libpcap.OFFLINE_FILTER.invokeExact(program, header, data) != 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override public synchronized void close() {
        if (freed) return;
        freed = true;
        try {
            Libpcap.FREECODE.invokeExact(program);
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            arena.close();
        }
    }
}
