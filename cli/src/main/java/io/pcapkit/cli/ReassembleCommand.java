package io.pcapkit.cli;

import io.pcapkit.reassembly.Datagram;
import io.pcapkit.reassembly.Reassembly;
import io.pcapkit.reassembly.ReassemblyOptions;
import io.pcapkit.reassembly.StreamListener;
import io.pcapkit.reassembly.TcpChunk;
import io.pcapkit.reassembly.TcpStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit reassemble --ipv4 --ipv6 --tcp -o DIR in.pcap}: reassembled IP datagrams and each TCP direction's
 * byte stream as files, plus {@code index.json} describing every one (status, key, frames, holes, conflicts) and
 * the counters (where the bounds bit).
 */
@Command(name = "reassemble", mixinStandardHelpOptions = true,
        description = {"Reassemble IP datagrams and TCP streams into files, with an index.json.",
                "Without --ipv4/--ipv6/--tcp, all three."})
final class ReassembleCommand implements Callable<Integer> {
    private static final int MAX_OPEN = 200;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG)") String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "folder for the files")
    Path dir;

    @Option(names = "--ipv4", description = "reassemble IPv4 fragments") boolean ipv4;

    @Option(names = "--ipv6", description = "reassemble IPv6 fragments") boolean ipv6;

    @Option(names = "--tcp", description = "reassemble TCP streams") boolean tcp;

    @Option(names = "--strict", description = "TCP gaps leave the stream PARTIAL, no marker text inserted")
    boolean strict;

    @Option(names = "--ip-timeout", paramLabel = "SECONDS", description = "give a datagram up after this long (capture time, default 60)")
    double ipTimeout = 60;

    @Option(names = "--last-wins", description = "overlapping IP fragments: the last copy wins (default: the first)")
    boolean lastWins;

    @Mixin ReassemblyLimits limits;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "decoding engine (default: native)")
    String engine;

    private final LinkedHashMap<String, OutputStream> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Stream files written so far (a set: index.json asks for each of possibly millions of streams). */
    private final java.util.Set<String> created = new java.util.HashSet<>();

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = CaptureRun.check(input, engine);
        if (problem != null) {
            err.println("pcapkit: " + problem);
            return Cli.USAGE;
        }
        if (!ipv4 && !ipv6 && !tcp) ipv4 = ipv6 = tcp = true;
        ReassemblyOptions o;
        try {
            o = limits.apply(ReassemblyOptions.defaults().withIpv4(ipv4).withIpv6(ipv6).withTcp(tcp)
                    .withStrictTcp(strict).withIpTimeoutSeconds(ipTimeout).withLastWins(lastWins));
        } catch (PcapkitCommand.UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
        Files.createDirectories(dir);
        StringBuilder dgrams = new StringBuilder();
        int[] n = {0};
        Reassembly r = Reassembly.of(o).keep(true).onDatagram(d -> {
            String file = String.format("ipv%d_%06d_frame%d.bin", d.key().version(), n[0]++, d.lastFrame());
            byte[] b = d.bytes();
            try {
                Files.write(dir.resolve(file), b == null ? d.payload() : b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dgrams.append(dgrams.isEmpty() ? "\n" : ",\n").append("    {\"status\": ").append(Json.str(d.status().name()))
                    .append(", \"key\": ").append(Json.str(d.key().toString()))
                    .append(", \"length\": ").append(d.payload().length)
                    .append(", \"file\": ").append(Json.str(file))
                    .append(", \"with_header\": ").append(b != null)
                    .append(", \"overlap_bytes\": ").append(d.overlapBytes())
                    .append(", \"conflict_bytes\": ").append(d.conflictBytes())
                    .append(", \"holes\": ").append(holes(d.holes()))
                    .append(", \"frames\": ").append(Json.longs(d.frames())).append('}');
        });
        if (tcp) r.onStream(new StreamListener() {
            @Override public void chunk(TcpStream s, TcpChunk c) {
                try {
                    append(streamFile(s, c.server()), c.data());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        int code;
        try {
            code = CaptureRun.run(input, engine, List.of(r), err);
        } catch (UncheckedIOException e) {
            err.println("pcapkit: " + dir + ": " + e.getCause().getMessage());
            return Cli.DAMAGED;
        } finally {
            for (OutputStream out : open.values()) out.close();
            open.clear();
        }
        for (String note : r.notes()) err.println("pcapkit: " + note);
        ReassemblyLimits.report(r.counters(), err);
        StringBuilder json = new StringBuilder("{\n  \"capture\": ").append(Json.str(input));
        json.append(",\n  \"datagrams\": [").append(dgrams).append(dgrams.isEmpty() ? "]" : "\n  ]");
        json.append(",\n  \"tcp_streams\": [");
        boolean first = true;
        if (tcp) {
            for (TcpStream s : r.streams()) {
                json.append(first ? "\n" : ",\n").append("    {\"stream\": ").append(s.index())
                        .append(", \"client\": ").append(Json.str(s.client().toString()))
                        .append(", \"server\": ").append(Json.str(s.server().toString()))
                        .append(", \"status\": ").append(Json.str(s.status().name()))
                        .append(", \"packets\": ").append(s.packets())
                        .append(", \"first_frame\": ").append(s.firstFrame())
                        .append(", \"last_frame\": ").append(s.lastFrame())
                        .append(", \"client_bytes\": ").append(s.bytes(false))
                        .append(", \"server_bytes\": ").append(s.bytes(true))
                        .append(", \"client_file\": ").append(fileOrNull(s, false))
                        .append(", \"server_file\": ").append(fileOrNull(s, true))
                        .append(", \"client_holes\": ").append(seqHoles(s.holes(false)))
                        .append(", \"server_holes\": ").append(seqHoles(s.holes(true)))
                        .append(", \"conflict_bytes\": ").append(s.conflictBytes())
                        .append(", \"closed\": ").append(Json.str(String.valueOf(s.closeReason()))).append('}');
                first = false;
            }
        }
        json.append(first ? "]" : "\n  ]").append(",\n  \"counters\": {");
        first = true;
        for (Map.Entry<String, Long> e : r.counters().asMap().entrySet()) {
            json.append(first ? "" : ", ").append(Json.str(e.getKey())).append(": ").append(e.getValue());
            first = false;
        }
        json.append("}\n}\n");
        Files.writeString(dir.resolve("index.json"), json);
        return code;
    }

    private static String streamName(TcpStream s, boolean server) {
        return String.format("tcp_%05d_%s.bin", s.index(), server ? "server" : "client");
    }

    private String streamFile(TcpStream s, boolean server) { return streamName(s, server); }

    private String fileOrNull(TcpStream s, boolean server) {
        String f = streamName(s, server);
        return created.contains(f) ? Json.str(f) : "null";
    }

    private void append(String name, byte[] data) throws IOException {
        OutputStream out = open.get(name);
        if (out == null) {
            if (open.size() >= MAX_OPEN) {
                String eldest = open.keySet().iterator().next();
                open.remove(eldest).close();
            }
            boolean again = created.contains(name);
            if (!again) created.add(name);
            out = new BufferedOutputStream(again ? Files.newOutputStream(dir.resolve(name), StandardOpenOption.APPEND)
                    : Files.newOutputStream(dir.resolve(name)), 1 << 14);
            open.put(name, out);
        }
        out.write(data);
    }

    private static String holes(List<int[]> h) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < h.size(); i++) sb.append(i > 0 ? ", " : "").append('[').append(h.get(i)[0]).append(", ")
                .append(h.get(i)[1]).append(']');
        return sb.append(']').toString();
    }

    private static String seqHoles(List<long[]> h) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < h.size(); i++) sb.append(i > 0 ? ", " : "").append("{\"seq\": ").append(h.get(i)[0])
                .append(", \"length\": ").append(h.get(i)[1]).append('}');
        return sb.append(']').toString();
    }
}
