package io.pcapkit.cli;

import io.pcapkit.ReassemblyKind;
import io.pcapkit.reassembly.Reassembly;
import io.pcapkit.reassembly.app.AppMessage;
import io.pcapkit.reassembly.app.StreamAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit analyze in.pcap}: application messages over the reassembled TCP streams (HTTP/1.x with bodies
 * de-chunked and decompressed, HTTP/2 frames and headers, TLS handshakes, DNS over TCP, FTP control), recognised
 * by content; one line each: stream, side, protocol, fields.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Application messages over reassembled TCP streams (HTTP/1.x, HTTP/2, TLS, DNS, FTP).")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG)") String input;

    @Option(names = "--max-bytes", paramLabel = "BYTES", description = "bytes analysed per direction (default 16 MiB)")
    int maxBytes = 16 << 20;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "decoding engine (default: native)")
    String engine;

    @Override public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String problem = CaptureRun.check(input, engine);
        if (problem != null) {
            err.println("pcapkit: " + problem);
            return Cli.USAGE;
        }
        StreamAnalyzer a = new StreamAnalyzer(maxBytes, (AppMessage m) -> out.println(line(m)));
        Reassembly r = Reassembly.of(ReassemblyKind.IPV4, ReassemblyKind.IPV6, ReassemblyKind.TCP).keep(false)
                .onStream(a);
        int code = CaptureRun.run(input, engine, List.of(r), err);
        out.flush();
        return code;
    }

    private static String line(AppMessage m) {
        return "stream " + m.stream() + " " + (m.server() ? "server" : "client") + " " + m.protocol() + " "
                + m.fields() + (m.body() == null ? "" : " body=" + m.body().length + " bytes");
    }
}
