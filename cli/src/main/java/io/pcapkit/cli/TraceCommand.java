package io.pcapkit.cli;

import io.pcapkit.formats.Dumper;
import io.pcapkit.formats.Format;
import io.pcapkit.formats.PcapWriter;
import io.pcapkit.formats.PcapngWriter;
import io.pcapkit.model.Frame;
import io.pcapkit.reassembly.Flow;
import io.pcapkit.reassembly.FlowTracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit trace -o DIR in.pcap}: one capture file per flow (TCP connections as tcp.stream numbers them, UDP
 * conversations), bidirectional unless {@code --unidirectional}, plus {@code index.json} (flow key, frame numbers,
 * file). PCAP files are closed and reopened for appending so any number of flows stays under the open-file limit.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Write one capture file per TCP/UDP flow into a folder, with an index.json.")
final class TraceCommand implements Callable<Integer> {
    /** Open files at once; PCAP/PCAPNG flows beyond it are closed and reopened, documents cannot be. */
    private static final int MAX_OPEN = 200;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG)") String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "folder for the flow files")
    Path dir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pcap (default), pcapng, json, plist, tree")
    String format = "pcap";

    @Option(names = "--unidirectional", description = "one flow per direction (the original pcapkit's trace)")
    boolean unidirectional;

    @Option(names = "--byte-order", paramLabel = "little|big", description = "PCAP/PCAPNG byte order (default little)")
    String byteOrder = "little";

    @Option(names = "--nanosecond", description = "PCAP with nanosecond time stamps (magic a1b23c4d)")
    boolean nanosecond;

    @Mixin ReassemblyLimits limits;

    @Mixin ReassemblyLimits.Flows flowLimit;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "decoding engine (default: native)")
    String engine;

    private Format fmt;
    private ByteOrder order;
    private final LinkedHashMap<Integer, Dumper> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, OutputStream> streams = new HashMap<>();
    private final Map<Integer, Path> files = new HashMap<>();
    private final Map<Integer, Integer> linkTypes = new HashMap<>();

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        fmt = Format.parse(format);
        if (fmt == null || fmt == Format.FIELDS) {
            err.println("pcapkit: trace writes pcap, pcapng, json, plist or tree, not '" + format + "'");
            return Cli.USAGE;
        }
        switch (byteOrder.toLowerCase(Locale.ROOT)) {
            case "little", "le" -> order = ByteOrder.LITTLE_ENDIAN;
            case "big", "be" -> order = ByteOrder.BIG_ENDIAN;
            default -> {
                err.println("pcapkit: --byte-order is little or big, not '" + byteOrder + "'");
                return Cli.USAGE;
            }
        }
        String problem = CaptureRun.check(input, engine);
        if (problem != null) {
            err.println("pcapkit: " + problem);
            return Cli.USAGE;
        }
        io.pcapkit.reassembly.ReassemblyOptions bounds;
        try {
            bounds = limits.apply(io.pcapkit.reassembly.ReassemblyOptions.defaults());
            if (flowLimit.maxFlows < 1) throw new PcapkitCommand.UsageException("--max-flows must be at least 1");
        } catch (PcapkitCommand.UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
        Files.createDirectories(dir);
        FlowTracer tracer = new FlowTracer(unidirectional, new FlowTracer.Sink() {
            @Override public void frame(Flow flow, Frame frame) {
                try {
                    write(flow, frame);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, bounds, flowLimit.maxFlows);
        int code;
        try {
            code = CaptureRun.run(input, engine, List.of(tracer), err);
        } catch (UncheckedIOException e) {
            err.println("pcapkit: " + dir + ": " + e.getCause().getMessage());
            return Cli.DAMAGED;
        } finally {
            for (Integer k : List.copyOf(open.keySet())) close(k);
        }
        StringBuilder json = new StringBuilder("{\n  \"capture\": ").append(Json.str(input))
                .append(",\n  \"bidirectional\": ").append(!unidirectional).append(",\n  \"flows\": [");
        List<Flow> flows = tracer.flows();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"flow\": ").append(f.index())
                    .append(", \"protocol\": ").append(Json.str(f.protocol() == 6 ? "tcp" : "udp"));
            if (f.tcpStream() >= 0) json.append(", \"tcp_stream\": ").append(f.tcpStream());
            json.append(", \"source\": ").append(Json.str(f.source().toString()))
                    .append(", \"destination\": ").append(Json.str(f.destination().toString()))
                    .append(", \"file\": ").append(Json.str(files.get(f.index()).getFileName().toString()))
                    .append(", \"frames\": ").append(Json.longs(f.frames())).append('}');
        }
        json.append(flows.isEmpty() ? "]" : "\n  ]").append(",\n  \"untraced_flows\": ")
                .append(tracer.counters().flowsUntraced()).append(", \"untraced_frames\": ")
                .append(tracer.counters().framesUntraced()).append("\n}\n");
        ReassemblyLimits.report(tracer.counters(), err);
        Files.writeString(dir.resolve("index.json"), json);
        err.flush();
        return code;
    }

    private void write(Flow flow, Frame frame) throws IOException {
        int k = flow.index();
        Dumper d = open.get(k);
        if (d == null) {
            Path file = files.get(k);
            boolean again = file != null;
            if (!again) {
                file = dir.resolve(String.format("%05d_%s%s", k, flow.label(), fmt.extension()));
                files.put(k, file);
            }
            if (open.size() >= MAX_OPEN) {
                if (fmt != Format.PCAP && fmt != Format.PCAPNG) {
                    throw new IOException("more than " + MAX_OPEN + " flows open at once: documents cannot be "
                            + "reopened; write -f pcap or pcapng");
                }
                close(open.keySet().iterator().next());
            }
            OutputStream out = new BufferedOutputStream(again
                    ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                    : Files.newOutputStream(file), 1 << 14);
            streams.put(k, out);
            d = switch (fmt) {
                case PCAP -> again
                        ? PcapWriter.appending(out, order, nanosecond, io.pcapkit.model.LinkType.valueOf(linkTypes.get(k)))
                        : new PcapWriter(out, order, nanosecond);
                case PCAPNG -> new PcapngWriter(out, order);
                default -> fmt.open(out, null);
            };
            open.put(k, d);
            linkTypes.putIfAbsent(k, frame.linkType().code());
        }
        d.frame(frame);
    }

    private void close(int k) throws IOException {
        Dumper d = open.remove(k);
        if (d == null) return;
        d.close();
        streams.remove(k).close();
    }
}
