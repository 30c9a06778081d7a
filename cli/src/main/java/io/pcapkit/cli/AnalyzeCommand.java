package io.pcapkit.cli;

import io.pcapkit.reassembly.Reassembly;
import io.pcapkit.reassembly.app.AppMessage;
import io.pcapkit.reassembly.app.StreamAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import io.pcapkit.reassembly.ReassemblyOptions;
import picocli.CommandLine.Mixin;
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

    @Mixin ReassemblyLimits limits;

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
        // a PrintWriter keeps write errors to itself: checkError() (which flushes) tells a closed pipe (`| head`)
        StreamAnalyzer a = new StreamAnalyzer(maxBytes, (AppMessage m) -> {
            out.println(line(m));
            if (out.checkError()) throw new CaptureRun.OutputClosed();
        });
        Reassembly r;
        try {
            r = Reassembly.of(limits.apply(ReassemblyOptions.defaults().withIpv4(true).withIpv6(true).withTcp(true)))
                    .keep(false).onStream(a);
        } catch (PcapkitCommand.UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
        int code = CaptureRun.run(input, engine, List.of(r), err);
        ReassemblyLimits.report(r.counters(), err);
        out.flush();
        return code;
    }

    private static String line(AppMessage m) {
        return "stream " + m.stream() + " " + (m.server() ? "server" : "client") + " " + m.protocol() + " "
                + m.fields() + (m.body() == null ? "" : " body=" + m.body().length + " bytes");
    }
}
