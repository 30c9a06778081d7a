package io.pcapkit.cli;

import io.pcapkit.reassembly.Counters;
import io.pcapkit.reassembly.FlowTracer;
import io.pcapkit.reassembly.ReassemblyOptions;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * The memory bounds of the reassembly subcommands (a picocli mixin of reassemble, follow, analyze and trace), with
 * {@link ReassemblyOptions#defaults()} as defaults; where one bit is said on stderr in one line after the run.
 */
final class ReassemblyLimits {
    private static final ReassemblyOptions D = ReassemblyOptions.defaults();

    @Option(names = "--max-ip-buffers", paramLabel = "N", description = "IP datagrams reassembled at once; beyond it "
            + "the oldest is given up (default 4096)")
    int maxIpBuffers = D.maxIpBuffers();

    @Option(names = "--max-ip-bytes", paramLabel = "BYTES", description = "bytes held by those datagrams (default 64 MiB)")
    long maxIpBytes = D.maxIpBytes();

    @Option(names = "--max-tcp-held", paramLabel = "BYTES",
            description = "out-of-order TCP bytes held per direction; beyond it the gap is declared (default 4 MiB)")
    int maxTcpHeld = D.maxTcpHeldBytes();

    @Option(names = "--max-tcp-total", paramLabel = "BYTES",
            description = "out-of-order TCP bytes held over all connections (default 256 MiB)")
    long maxTcpTotal = D.maxTcpTotalBytes();

    @Option(names = "--max-tcp-connections", paramLabel = "N",
            description = "TCP connections tracked at once; beyond it the least recently active is closed (default 1048576)")
    int maxTcpConnections = D.maxTcpConnections();

    /** {@code base} with these bounds; a bound below 1 is a usage error. */
    ReassemblyOptions apply(ReassemblyOptions base) {
        if (maxIpBuffers < 1 || maxIpBytes < 1 || maxTcpHeld < 1 || maxTcpTotal < 1 || maxTcpConnections < 1) {
            throw new PcapkitCommand.UsageException("the --max-ip-* and --max-tcp-* bounds must be at least 1");
        }
        return base.withIpBounds(maxIpBuffers, maxIpBytes).withTcpBounds(maxTcpHeld, maxTcpTotal, maxTcpConnections);
    }

    /** Only {@code trace} keeps flows: the mixin for its bound. */
    static final class Flows {
        @Option(names = "--max-flows", paramLabel = "N",
                description = "flows traced; frames of flows beyond it are counted, not written (default 1048576)")
        int maxFlows = FlowTracer.DEFAULT_MAX_FLOWS;
    }

    /** One stderr line naming the bounds that bit, when any did. */
    static void report(Counters c, PrintWriter err) {
        List<String> hit = c.boundsHit();
        if (!hit.isEmpty()) err.println("pcapkit: bounds hit: " + String.join(", ", hit));
    }
}
