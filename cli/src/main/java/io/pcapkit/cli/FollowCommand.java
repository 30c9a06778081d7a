package io.pcapkit.cli;

import io.pcapkit.reassembly.Follow;
import io.pcapkit.reassembly.Reassembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import io.pcapkit.reassembly.ReassemblyOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit follow in.pcap --stream N [--format ascii|hex|raw]}: one TCP stream's bytes, numbered and laid out
 * as {@code tshark -qz follow,tcp,FORMAT,N} prints them (IP fragments reassembled first, as tshark does).
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = {"Print one TCP stream as tshark -qz follow,tcp,FORMAT,N does.",
                "Streams are numbered like tshark's tcp.stream; Node 0 is the side that sent the first packet."})
final class FollowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG)")
    String input;

    @Option(names = "--stream", required = true, paramLabel = "N",
            description = "tcp.stream number (from 0); repeatable, one document per stream as several -z do")
    List<Integer> streams;

    @Option(names = "--format", paramLabel = "MODE", description = "ascii (default), hex or raw")
    String format = "ascii";

    @Mixin ReassemblyLimits limits;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "decoding engine (default: native)")
    String engine;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Follow.Mode mode;
        try {
            mode = Follow.Mode.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("pcapkit: unknown follow format '" + format + "' (ascii, hex, raw)");
            return Cli.USAGE;
        }
        if (streams.stream().anyMatch(n -> n < 0)) {
            err.println("pcapkit: --stream needs a number of 0 or more");
            return Cli.USAGE;
        }
        String problem = CaptureRun.check(input, engine);
        if (problem != null) {
            err.println("pcapkit: " + problem);
            return Cli.USAGE;
        }
        Reassembly r;
        try {
            r = Reassembly.of(limits.apply(ReassemblyOptions.defaults().withIpv4(true).withIpv6(true).withTcp(true)))
                    .keep(false);
        } catch (PcapkitCommand.UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
        List<Follow> follows = new java.util.ArrayList<>();
        for (int n : streams) {
            Follow f = new Follow(n);
            follows.add(f);
            r.onStream(f);
        }
        int code = CaptureRun.run(input, engine, List.of(r), err);
        if (code == Cli.USAGE) return code;
        for (String note : r.notes()) err.println("pcapkit: " + note);
        ReassemblyLimits.report(r.counters(), err);
        PrintWriter out = spec.commandLine().getOut();
        for (Follow f : follows) f.print(mode, out);
        out.flush();
        return code;
    }
}
