package io.pcapkit.libpcap;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The binding: libpcap's functions that pcapkit uses, as {@code java.lang.foreign} downcall handles, and the C
 * structures they take. Loaded once, when this class is first used: Debian's {@code libpcap.so.0.8} (the name its
 * runtime package installs), else {@code libpcap.so} or {@code libpcap.so.1}; the system property
 * {@code pcapkit.libpcap} names another file. When none loads, {@link #available()} is false and {@link #require()}
 * says why; nothing else in the process is affected.
 *
 * <p>The handles are {@code static final} so the JIT can inline them. Layouts are those of LP64 Linux (the
 * {@code struct timeval} in {@code pcap_pkthdr} is two 64-bit longs).
 */
@SuppressWarnings("restricted")   // binding a C library is what the restricted methods are for
public final class Libpcap {
    static final int PCAP_ERRBUF_SIZE = 256;
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_BREAK = -2;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
    static final int PCAP_ERROR_TSTAMP_PRECISION_NOTSUP = -12;
    static final int PCAP_TSTAMP_PRECISION_MICRO = 0;
    static final int PCAP_TSTAMP_PRECISION_NANO = 1;
    static final int PCAP_NETMASK_UNKNOWN = 0xffffffff;
    static final int PCAP_IF_LOOPBACK = 0x1;
    static final int PCAP_IF_UP = 0x2;
    static final int PCAP_IF_RUNNING = 0x4;

    /** struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; } */
    static final StructLayout PKTHDR = MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"),
            JAVA_LONG.withName("tv_usec"), JAVA_INT.withName("caplen"), JAVA_INT.withName("len"));
    static final long PKTHDR_SEC = 0, PKTHDR_FRAC = 8, PKTHDR_CAPLEN = 16, PKTHDR_LEN = 20;

    /** struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; } */
    static final StructLayout BPF_PROGRAM = MemoryLayout.structLayout(JAVA_INT.withName("bf_len"),
            MemoryLayout.paddingLayout(4), ADDRESS.withName("bf_insns"));

    /** struct pcap_stat { u_int ps_recv; u_int ps_drop; u_int ps_ifdrop; } */
    static final StructLayout PCAP_STAT = MemoryLayout.structLayout(JAVA_INT.withName("ps_recv"),
            JAVA_INT.withName("ps_drop"), JAVA_INT.withName("ps_ifdrop"));

    /** struct pcap_if { next; name; description; addresses; bpf_u_int32 flags; } */
    static final StructLayout PCAP_IF = MemoryLayout.structLayout(ADDRESS.withName("next"), ADDRESS.withName("name"),
            ADDRESS.withName("description"), ADDRESS.withName("addresses"), JAVA_INT.withName("flags"),
            MemoryLayout.paddingLayout(4));
    static final long IF_NEXT = 0, IF_NAME = 8, IF_DESCRIPTION = 16, IF_ADDRESSES = 24, IF_FLAGS = 32;

    /** struct pcap_addr { next; struct sockaddr *addr, *netmask, *broadaddr, *dstaddr; } */
    static final long ADDR_NEXT = 0, ADDR_ADDR = 8, ADDR_NETMASK = 16;

    /** A pointer to an unbounded region, for reading C strings and structures libpcap returns. */
    static final AddressLayout C_POINTER = ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE,
            ValueLayout.JAVA_BYTE));

    private static final String LIBRARY;
    private static final String LOAD_ERROR;

    static final MethodHandle LIB_VERSION;
    static final MethodHandle OPEN_OFFLINE;
    static final MethodHandle CREATE;
    static final MethodHandle SET_SNAPLEN;
    static final MethodHandle SET_PROMISC;
    static final MethodHandle SET_TIMEOUT;
    static final MethodHandle SET_IMMEDIATE;
    static final MethodHandle SET_TSTAMP_PRECISION;
    static final MethodHandle ACTIVATE;
    static final MethodHandle NEXT_EX;
    static final MethodHandle DATALINK;
    static final MethodHandle DATALINK_EXT;
    static final MethodHandle SNAPSHOT;
    static final MethodHandle GET_TSTAMP_PRECISION;
    static final MethodHandle COMPILE;
    static final MethodHandle SETFILTER;
    static final MethodHandle OFFLINE_FILTER;
    static final MethodHandle FREECODE;
    static final MethodHandle GETERR;
    static final MethodHandle STATUSTOSTR;
    static final MethodHandle FINDALLDEVS;
    static final MethodHandle FREEALLDEVS;
    static final MethodHandle STATS;
    static final MethodHandle BREAKLOOP;
    static final MethodHandle CLOSE;
    static final MethodHandle LOOKUPNET;
    static final MethodHandle DATALINK_VAL_TO_NAME;
    static final MethodHandle FOPEN_OFFLINE;
    static final MethodHandle FMEMOPEN;

    static {
        String library = null;
        String error = null;
        SymbolLookup lib = null;
        List<String> tried = new ArrayList<>();
        String override = System.getProperty("pcapkit.libpcap");
        List<String> names = override != null && !override.isBlank() ? List.of(override)
                : List.of("libpcap.so.0.8", "libpcap.so", "libpcap.so.1");
        for (String name : names) {
            try {
                lib = SymbolLookup.libraryLookup(name, Arena.global());
                library = name;
                break;
            } catch (IllegalArgumentException e) {
                tried.add(name);
            } catch (IllegalCallerException e) {
                // native access disabled for this module: no other name will do better
                tried.add(name + " (" + e.getMessage() + ")");
                break;
            }
        }
        MethodHandle[] h = new MethodHandle[29];
        if (lib == null) {
            error = "libpcap not found (tried " + String.join(", ", tried) + "; Debian: apt-get install libpcap0.8)";
        } else {
            try {
                Linker linker = Linker.nativeLinker();
                Binder b = new Binder(linker, lib);
                h[0] = b.fn("pcap_lib_version", FunctionDescriptor.of(C_POINTER));
                h[1] = b.fn("pcap_open_offline_with_tstamp_precision",
                        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
                h[3] = b.fn("pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
                h[4] = b.fn("pcap_set_snaplen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                h[5] = b.fn("pcap_set_promisc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                h[6] = b.fn("pcap_set_timeout", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                h[7] = b.fn("pcap_set_immediate_mode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                h[8] = b.fn("pcap_set_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
                h[9] = b.fn("pcap_activate", FunctionDescriptor.of(JAVA_INT, ADDRESS));
                h[10] = b.fn("pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
                h[11] = b.fn("pcap_datalink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
                h[12] = b.fn("pcap_datalink_ext", FunctionDescriptor.of(JAVA_INT, ADDRESS));
                h[13] = b.fn("pcap_snapshot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
                h[14] = b.fn("pcap_get_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS));
                h[15] = b.fn("pcap_compile",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
                h[16] = b.fn("pcap_setfilter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
                // Runs a few BPF instructions and returns: a critical call skips the thread-state transition,
                // which is most of the cost of a downcall this short.
                h[17] = b.fn("pcap_offline_filter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
                        Linker.Option.critical(false));
                h[18] = b.fn("pcap_freecode", FunctionDescriptor.ofVoid(ADDRESS));
                h[19] = b.fn("pcap_geterr", FunctionDescriptor.of(C_POINTER, ADDRESS));
                h[20] = b.fn("pcap_statustostr", FunctionDescriptor.of(C_POINTER, JAVA_INT));
                h[21] = b.fn("pcap_findalldevs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
                h[22] = b.fn("pcap_freealldevs", FunctionDescriptor.ofVoid(ADDRESS));
                h[23] = b.fn("pcap_stats", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
                h[24] = b.fn("pcap_breakloop", FunctionDescriptor.ofVoid(ADDRESS));
                h[25] = b.fn("pcap_close", FunctionDescriptor.ofVoid(ADDRESS));
                h[26] = b.fn("pcap_lookupnet", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
                h[27] = b.fn("pcap_datalink_val_to_name", FunctionDescriptor.of(C_POINTER, JAVA_INT));
                h[2] = b.fn("pcap_fopen_offline_with_tstamp_precision",
                        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
                // the C library's, to hand libpcap a file header held in memory
                h[28] = new Binder(linker, linker.defaultLookup()).fn("fmemopen",
                        FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
            } catch (IllegalCallerException e) {
                error = "libpcap cannot be called: native access is not enabled (java --enable-native-access="
                        + "ALL-UNNAMED): " + e.getMessage();
                java.util.Arrays.fill(h, null);
            } catch (RuntimeException e) {
                error = library + " lacks what pcapkit needs (libpcap 1.5 or later): " + e.getMessage();
                java.util.Arrays.fill(h, null);
            }
        }
        LIBRARY = library;
        LOAD_ERROR = error;
        LIB_VERSION = h[0];
        OPEN_OFFLINE = h[1];
        CREATE = h[3];
        SET_SNAPLEN = h[4];
        SET_PROMISC = h[5];
        SET_TIMEOUT = h[6];
        SET_IMMEDIATE = h[7];
        SET_TSTAMP_PRECISION = h[8];
        ACTIVATE = h[9];
        NEXT_EX = h[10];
        DATALINK = h[11];
        DATALINK_EXT = h[12];
        SNAPSHOT = h[13];
        GET_TSTAMP_PRECISION = h[14];
        COMPILE = h[15];
        SETFILTER = h[16];
        OFFLINE_FILTER = h[17];
        FREECODE = h[18];
        GETERR = h[19];
        STATUSTOSTR = h[20];
        FINDALLDEVS = h[21];
        FREEALLDEVS = h[22];
        STATS = h[23];
        BREAKLOOP = h[24];
        CLOSE = h[25];
        LOOKUPNET = h[26];
        DATALINK_VAL_TO_NAME = h[27];
        FOPEN_OFFLINE = h[2];
        FMEMOPEN = h[28];
    }

    private Libpcap() { }

    /** Looks symbols up and makes downcall handles, failing on the first missing one with its name. */
    private record Binder(Linker linker, SymbolLookup lib) {
        MethodHandle fn(String name, FunctionDescriptor d, Linker.Option... options) {
            MemorySegment addr = lib.find(name).orElseThrow(() -> new IllegalStateException("no symbol " + name));
            return linker.downcallHandle(addr, d, options);
        }
    }

    /** True when libpcap was loaded and every function pcapkit uses was found. */
    public static boolean available() { return LOAD_ERROR == null; }

    /** Why libpcap cannot be used, or null when it can. */
    public static String unavailableReason() { return LOAD_ERROR; }

    /** Throws a {@link PcapException} with the reason when libpcap cannot be used. */
    public static void require() throws PcapException {
        if (LOAD_ERROR != null) throw new PcapException(LOAD_ERROR);
    }

    /** The library name that was loaded (e.g. {@code libpcap.so.0.8}), or null. */
    public static String libraryName() { return LIBRARY; }

    /** libpcap's own version text, e.g. {@code "libpcap version 1.10.3 (with TPACKET_V3)"}. */
    public static String version() throws PcapException {
        require();
        try {
            return cString((MemorySegment) LIB_VERSION.invokeExact());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** One line for {@code pcapkit engines}: the version and library name, or why it is unavailable. */
    public static String status() {
        if (!available()) return "unavailable: " + LOAD_ERROR;
        try {
            return "available: " + version() + " (" + LIBRARY + ")";
        } catch (PcapException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    /** libpcap's name for a DLT_ value ({@code EN10MB}), or null when it has none. */
    static String datalinkName(int dlt) {
        try {
            MemorySegment s = (MemorySegment) DATALINK_VAL_TO_NAME.invokeExact(dlt);
            return s.equals(MemorySegment.NULL) ? null : cString(s);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libpcap's text for a status code (PCAP_ERROR_* / PCAP_WARNING_*). */
    static String statusText(int status) {
        try {
            return cString((MemorySegment) STATUSTOSTR.invokeExact(status));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A NUL-terminated string libpcap returned (an unbounded pointer), decoded as UTF-8; "" for NULL. */
    static String cString(MemorySegment s) {
        return s.equals(MemorySegment.NULL) ? "" : s.getString(0);
    }

    /**
     * A downcall threw: the binding passes only valid arguments, so this is a JVM-level failure (out of memory, a
     * bug); it is rethrown unchecked.
     */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /**
     * The LINKTYPE_ value a capture file records for a DLT_ value libpcap reports. They differ only where operating
     * systems disagreed on a DLT number (the published LINKTYPE registry lists them); every other value is the same.
     */
    static int linkTypeOf(int dlt) {
        return switch (dlt) {
            case 11 -> 100;   // ATM_RFC1483
            case 12 -> 101;   // RAW (Linux's DLT_RAW)
            case 15 -> 102;   // SLIP_BSDOS
            case 16 -> 103;   // PPP_BSDOS
            case 19 -> 106;   // ATM_CLIP
            default -> dlt;
        };
    }
}
