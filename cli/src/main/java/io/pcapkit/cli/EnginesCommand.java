package io.pcapkit.cli;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pcapkit engines}: every engine found, whether it can run here, what it can do, and what failed to load. */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "List the decoding engines found on the class path, their availability and capabilities.")
final class EnginesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tshark", paramLabel = "PATH", description = "the tshark binary to probe for the tshark engine")
    String tshark;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (tshark != null) System.setProperty("pcapkit.tshark.path", tshark);
        Engines engines = Engines.discover();
        for (EngineProvider p : engines.providers()) {
            StringBuilder head = new StringBuilder(p.name());
            if (p.name().equalsIgnoreCase(Engines.DEFAULT)) head.append(" (default)");
            if (!p.aliases().isEmpty()) head.append("  aliases: ").append(String.join(", ", p.aliases()));
            out.println(head);
            out.println("  " + p.description());
            out.println("  " + availability(p));
            List<String> caps = new ArrayList<>();
            for (Capability c : Capability.values()) {
                if (p.capabilities().contains(c)) caps.add(c.name().toLowerCase(Locale.ROOT));
            }
            out.println("  capabilities: " + (caps.isEmpty() ? "none" : String.join(", ", caps)));
        }
        if (engines.providers().isEmpty()) out.println("no engines found");
        // live capture (-i) and --filter work with every engine through libpcap
        out.println("libpcap (live capture, --filter): " + io.pcapkit.libpcap.Libpcap.status());
        for (String problem : engines.problems()) out.println("problem: " + problem);
        out.flush();
        return Cli.OK;
    }

    /** One line: "available: DETAIL" or "unavailable: REASON"; a probe that throws is unavailable. */
    static String availability(EngineProvider p) {
        try {
            Availability a = p.probe();
            return (a.available() ? "available: " : "unavailable: ") + a.detail();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: probe failed: " + e;
        }
    }
}
