package io.pcapkit.cli;

import io.pcapkit.libpcap.BpfFilter;
import io.pcapkit.libpcap.Capture;
import io.pcapkit.libpcap.Libpcap;
import io.pcapkit.libpcap.Pcap;
import io.pcapkit.libpcap.PcapException;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.EngineProvider;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The libpcap options of the main command (a picocli mixin): live capture from an interface and BPF filters, and what
 * a run needs around them: the opened capture and filter, the Ctrl-C hook, the closing statistics line.
 */
final class CaptureOptions implements AutoCloseable {
    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE",
            description = "capture live from this interface instead of reading a file (see 'pcapkit interfaces'); "
                    + "Ctrl-C, -c or --duration ends it and the output is completed")
    String device;

    @Option(names = "--snaplen", paramLabel = "BYTES", description = "live capture: bytes kept of each packet "
            + "(default ${DEFAULT-VALUE})", defaultValue = "262144")
    int snaplen;

    @Option(names = "--promisc", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "live capture: promiscuous mode (default on; --no-promisc turns it off)")
    boolean promisc;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "live capture: stop after this long: 30 (seconds), 30s, 500ms, 5m, 1h")
    String duration;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "BPF filter in tcpdump syntax, e.g. 'tcp port 80': frames that do not match are skipped "
                    + "before decoding and keep their frame numbers; live, the kernel applies it")
    String filter;

    private Capture capture;
    private BpfFilter bpf;
    private Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    boolean live() { return device != null; }

    /** Checks the options that need no file; called before anything is opened. */
    void check(String input) {
        if (device != null && input != null) {
            throw new PcapkitCommand.UsageException("give a capture file or -i INTERFACE, not both");
        }
        if (device == null && (duration != null || snaplen != Pcap.MAX_SNAPLEN)) {
            throw new PcapkitCommand.UsageException("--duration and --snaplen apply to a live capture (-i IFACE)");
        }
        if (snaplen < 1 || snaplen > Pcap.MAX_SNAPLEN) {
            throw new PcapkitCommand.UsageException("--snaplen must be 1.." + Pcap.MAX_SNAPLEN + ", not " + snaplen);
        }
        if (duration != null) durationNanos();
        if ((device != null || filter != null) && !Libpcap.available()) {
            throw new PcapkitCommand.UsageException((device != null ? "-i" : "--filter") + " needs libpcap: "
                    + Libpcap.unavailableReason());
        }
    }

    /** --duration in nanoseconds (0 when not given). */
    long durationNanos() {
        if (duration == null) return 0;
        String d = duration.trim().toLowerCase(Locale.ROOT);
        long unit = 1_000_000_000L;
        String number = d;
        for (String[] u : new String[][] {{"ms", "1000000"}, {"s", "1000000000"}, {"m", "60000000000"},
                {"h", "3600000000000"}}) {
            if (d.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                number = d.substring(0, d.length() - u[0].length());
                break;
            }
        }
        try {
            double v = Double.parseDouble(number);
            if (!(v > 0) || v * unit > Long.MAX_VALUE / 2.0) throw new NumberFormatException();
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new PcapkitCommand.UsageException("--duration needs a positive time such as 30, 30s, 500ms, 5m, "
                    + "not '" + duration + "'");
        }
    }

    /**
     * Opens the live capture (-i) with the filter set in the kernel, stopping after {@code count} packets
     * (negative: no limit), and arms Ctrl-C to end it cleanly. Errors are one line with libpcap's text.
     */
    Capture openLive(long count) {
        try {
            capture = Capture.live(new Capture.LiveOptions(device, snaplen, promisc, filter, count, durationNanos()));
        } catch (PcapException e) {
            throw new PcapkitCommand.UsageException(e.getMessage());
        }
        armInterrupt(capture);
        return capture;
    }

    /**
     * The filter for an engine reading a file or stdin, or null without --filter. The engine gets it as its record
     * filter when it has {@link Capability#RECORD_FILTER}; otherwise {@link FilteringProvider} filters the raw bytes
     * of its decoded frames.
     */
    BpfFilter recordFilter() {
        if (filter == null || live()) return null;
        try {
            bpf = BpfFilter.of(filter, -1);
        } catch (PcapException e) {
            throw new PcapkitCommand.UsageException(e.getMessage());
        }
        return bpf;
    }

    /** The provider to run: {@code p} itself, or {@code p} behind a filter when --filter applies to a file. */
    EngineProvider engine(EngineProvider p, BpfFilter f) {
        if (f == null) return p;
        boolean own = p.capabilities().contains(Capability.RECORD_FILTER);
        if (!own && !p.capabilities().contains(Capability.RAW_BYTES)) {
            throw new PcapkitCommand.UsageException("engine '" + p.name() + "' cannot apply --filter: it neither "
                    + "filters records nor hands out frame bytes");
        }
        return new FilteringProvider(p, f, !own);
    }

    /**
     * Ctrl-C (or a TERM) ends a live capture like -c or --duration do: the hook stops the capture and waits until
     * the run has completed and flushed its output, then the JVM exits (status 130 after Ctrl-C).
     */
    void armInterrupt(Capture c) {
        OutputTarget.completeOnInterrupt = true;
        hook = new Thread(() -> {
            c.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pcapkit-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A libpcap error that surfaced inside an engine (a filter that does not compile for a later link type). */
    static PcapException pcapCause(UncheckedIOException e) {
        return e.getCause() instanceof PcapException p ? p : null;
    }

    /** After the run: libpcap's counters of a live capture on stderr, in tcpdump's words. */
    void report(PrintStream err) {
        if (capture == null) return;
        Pcap.Stats s = capture.stats();
        String line = "pcapkit: " + device + ": " + capture.packets() + " packets captured";
        if (s != null) {
            line += ", " + s.received() + " received by filter, " + s.dropped() + " dropped by kernel";
            if (s.interfaceDropped() > 0) line += ", " + s.interfaceDropped() + " dropped by interface";
        }
        err.println(line);
    }

    /** Closes the capture and the filter, then lets a waiting Ctrl-C hook finish. */
    @Override public void close() {
        try {
            if (capture != null) capture.close();
            if (bpf != null) bpf.close();
        } finally {
            finished.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down (Ctrl-C): the hook is running and now returns
                }
            }
        }
    }
}
