package io.pcapkit.cli;

import io.pcapkit.compare.Comparison;
import io.pcapkit.compare.ComparisonReport;
import io.pcapkit.compare.ReportJson;
import io.pcapkit.compare.ReportText;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit compare -E native -E tshark in.pcap}: one capture decoded by several engines in lockstep and
 * compared field by field with the first. Exit status 0 when every compared field agrees (at least
 * {@code --threshold} %), 1 when one does not, a frame is missing on one side or an engine failed, 2 on a usage
 * error.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Decode one capture with several engines and compare them field by field.",
                "The first engine is the reference; each other engine is compared with it. A cell is a (frame, field) "
                        + "that at least one engine fills; only fields both engines produce are compared, the others "
                        + "are listed."},
        footer = {"", "Exit status: 0 every compared field agrees (at least --threshold %); 1 a field disagrees, a frame "
                + "is missing on one side or an engine failed; 2 usage error.",
                "Examples:",
                "  pcapkit compare -E native -E tshark capture.pcap",
                "  pcapkit compare -E native -E tshark capture.pcap --threshold 99.5 --json > report.json",
                "  pcapkit compare -E native -E tshark capture.pcap --fields ../shared/tools/fields-basic.txt"})
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG)")
    String input;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "an engine to compare (two or more; the first "
            + "is the reference)")
    List<String> engines = new ArrayList<>();

    @Option(names = "--json", description = "write the report as JSON") boolean json;

    @Option(names = "--threshold", paramLabel = "PCT", description = "lowest agreement a compared field may have "
            + "(default: ${DEFAULT-VALUE}, every cell)", defaultValue = "100")
    double threshold;

    @Option(names = "--examples", paramLabel = "N", description = "differences shown per field (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int examples;

    @Option(names = {"-e", "--field"}, paramLabel = "FIELD", description = "compare only this field (repeatable)")
    List<String> fields = new ArrayList<>();

    @Option(names = "--fields", paramLabel = "FILE", description = "compare only the fields named in FILE "
            + "(whitespace-separated)")
    Path fieldsFile;

    @Option(names = "--all", description = "list every compared field, not only those that differ") boolean all;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N frames") Long count;

    @Option(names = "--decode-as", paramLabel = "RULE", description = "passed to every engine (repeatable)")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "--tshark", paramLabel = "PATH", description = "the tshark binary of the tshark engine")
    String tshark;

    @Option(names = {"-O", "--engine-option"}, paramLabel = "KEY=VALUE",
            description = "an engine setting, e.g. tshark.args='-o tcp.desegment_tcp_streams:FALSE' (repeatable)")
    List<String> engineOptions = new ArrayList<>();

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (PcapkitCommand.UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
    }

    private int run(PrintWriter err) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String e : engines) names.add(e.toLowerCase(java.util.Locale.ROOT));
        if (names.size() < 2) throw new PcapkitCommand.UsageException("compare needs two different engines: -E A -E B");
        if (input.equals("-")) throw new PcapkitCommand.UsageException("compare reads a file: every engine reads it");
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) throw new PcapkitCommand.UsageException(input + ": no such file");
        if (examples < 0 || threshold < 0 || threshold > 100) {
            throw new PcapkitCommand.UsageException("--examples needs 0 or more, --threshold 0 to 100");
        }
        Set<String> only = new HashSet<>(fields);
        if (fieldsFile != null) {
            if (!Files.isReadable(fieldsFile)) throw new PcapkitCommand.UsageException(fieldsFile + ": cannot read");
            for (String w : Files.readString(fieldsFile).trim().split("\\s+")) if (!w.isEmpty()) only.add(w);
        }

        if (tshark != null) System.setProperty("pcapkit.tshark.path", tshark);
        EngineOptions.Builder ob = EngineOptions.builder().decodeAs(decodeAs);
        if (tshark != null) ob.extra("tshark.path", tshark);
        for (String kv : engineOptions) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new PcapkitCommand.UsageException("-O needs KEY=VALUE, not " + kv);
            ob.extra(kv.substring(0, eq), kv.substring(eq + 1));
        }
        EngineOptions options = ob.build();

        Engines found = Engines.discover();
        List<Engine> created = new ArrayList<>();
        List<FrameSource> sources = new ArrayList<>();
        try {
            // every engine is created before any frame is read: engines declare their fields on creation
            List<String> labels = new ArrayList<>();
            for (String n : engines) {
                if (labels.contains(n.toLowerCase(java.util.Locale.ROOT))) continue;
                EngineProvider p;
                try {
                    p = found.require(n);
                } catch (EngineException e) {
                    throw new PcapkitCommand.UsageException(e.getMessage());
                }
                try {
                    created.add(p.create(options));
                } catch (EngineException e) {
                    throw new PcapkitCommand.UsageException(e.getMessage());
                }
                labels.add(n.toLowerCase(java.util.Locale.ROOT));
            }
            List<Comparison.Input> inputs = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                FrameSource s;
                try {
                    s = created.get(i).open(file);
                } catch (IOException e) {
                    err.println("pcapkit: " + created.get(i).name() + ": " + e.getMessage());
                    return Cli.DAMAGED;
                }
                sources.add(s);
                inputs.add(new Comparison.Input(labels.get(i), s));
            }
            Comparison.Settings settings = Comparison.Settings.defaults().withExamples(examples)
                    .withMaxFrames(count == null ? Long.MAX_VALUE : count)
                    .withFields(only.isEmpty() ? null : only::contains);
            ComparisonReport report = Comparison.run(input, inputs, settings);
            PrintWriter w = spec.commandLine().getOut();
            if (json) ReportJson.write(report, w, threshold);
            else ReportText.write(report, w, threshold, all);
            return report.passes(threshold) ? Cli.OK : Cli.DAMAGED;
        } finally {
            for (FrameSource s : sources) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing after the report: nothing to add
                }
            }
            for (Engine e : created) e.close();
        }
    }
}
