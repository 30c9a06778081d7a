package io.pcapkit.cli;

import io.pcapkit.formats.FieldsOptions;
import io.pcapkit.formats.Format;
import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Level;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code pcapkit [options] <input>}: the options, checked, then handed to an {@link Extract} run. */
// the subcommands are added by Cli (only when the command line may name one: see Cli.SUBCOMMANDS)
@Command(name = "pcapkit", mixinStandardHelpOptions = true, versionProvider = PcapkitCommand.Version.class,
        description = {"Streaming PCAP/PCAPNG extractor and dumper with pluggable decoding engines.",
                "Writes the capture as a document (tree, JSON, PLIST: a header block, then Frame 1, Frame 2, ... with "
                        + "their layers nested by protocol) or as tshark -T fields lines."},
        footer = {"",
                "The format is, in order: -f/-j/-p/-t; fields when -e is given; the extension of -o (.json, .plist, "
                        + ".txt); else tree, as the original pcapkit defaults to its tree view.",
                "With -v, frame lines go to stdout when the document goes to a file (-o, -F), to stderr otherwise.",
                "Exit status: 0 done; 1 damaged capture (every readable frame written) or output not writable; "
                        + "2 usage error (bad option, unknown engine, missing file); 70 internal error.",
                "Examples:",
                "  pcapkit capture.pcap                          tree view on stdout",
                "  pcapkit -j -o out capture.pcapng -a           JSON into out.json",
                "  pcapkit capture.pcap -e ip.src -e tcp.dstport -E header=y",
                "  pcapkit -v -L transport capture.pcap -o report.plist",
                "  pcapkit -i eth0 -c 100 --filter 'tcp port 80' -e ip.src -e tcp.dstport",
                "  pcapkit capture.pcapng --filter 'udp port 53' -f pcap -o dns.pcap"})
final class PcapkitCommand implements Callable<Integer> {
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<input>", description = "capture file (PCAP or PCAPNG); - reads standard input")
    String input;

    @Mixin CaptureOptions capture;

    @Mixin DecodeLimitOptions limits;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (atomically: a temporary file renamed when complete); default standard output. "
                    + "With -F, a folder")
    String output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "json, plist, tree or fields; pcap or pcapng copy the (filtered) records unchanged")
    String format;

    @Option(names = {"-j", "--json"}, description = "same as -f json") boolean json;

    @Option(names = {"-p", "--plist"}, description = "same as -f plist") boolean plist;

    @Option(names = {"-t", "--tree"}, description = "same as -f tree") boolean tree;

    @Option(names = {"-a", "--auto-extension"}, description = "append the format's extension to -o FILE when it lacks it")
    boolean autoExtension;

    @Option(names = {"-v", "--verbose"}, description = "one line per frame: 'Frame 1: Ethernet:IPv4:TCP'")
    boolean verbose;

    @Option(names = {"-F", "--files"}, description = "one file per frame ('Frame 1.json' ...) into the folder -o names, "
            + "plus the header block in 'Global Header.json'")
    boolean files;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME|KEY=VALUE",
            description = {"decoding engine (default: native; see 'pcapkit engines')",
                    "KEY=VALUE is a tshark -E setting of the fields format instead: header=y|n, separator=/t|/s|C, "
                            + "aggregator=C, occurrence=f|l|a|N, quote=d|s|n"})
    List<String> engineArgs = new ArrayList<>();

    @Option(names = {"-P", "--protocol"}, paramLabel = "NAME",
            description = "stop decoding after this protocol (e.g. IPv4, tcp)")
    String protocol;

    @Option(names = {"-L", "--layer"}, paramLabel = "LAYER",
            description = "decode no layer above this one: link, internet, transport, application")
    String layer;

    @Option(names = {"-e", "--field"}, paramLabel = "FIELD",
            description = "a column of the fields format (Wireshark name, repeatable; see 'pcapkit fields')")
    List<String> fields = new ArrayList<>();

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N frames")
    Long count;

    @Option(names = "--decode-as", paramLabel = "RULE",
            description = "decode a port or type as a protocol, e.g. udp.port==8472,vxlan (repeatable)")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "--no-output", description = "decode every frame to its last layer and write nothing (the pure decode figure)")
    boolean noOutput;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
            description = "decode (and render json/fields) on N threads; frames keep their order (default 1)")
    int workers = 1;

    @Option(names = "--tshark", paramLabel = "PATH", description = "the tshark binary of the tshark engine (-E tshark)")
    String tshark;

    PcapkitCommand(InputStream in, OutputStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() throws Exception {
        try {
            var copy = CopyRun.kind(format);
            if (copy != null) {
                capture.check(input);
                if (input == null && !capture.live()) throw new UsageException("no input file (see pcapkit --help)");
                if (!fields.isEmpty() || files || layer != null || protocol != null || !decodeAs.isEmpty()) {
                    throw new UsageException("-f " + format + " copies records unchanged: -e, -F, -L, -P and "
                            + "--decode-as do not apply");
                }
                if (count != null && count < 0) throw new UsageException("-c needs a count of 0 or more, not " + count);
                return CopyRun.run(copy, capture, input, output, count == null ? -1 : count, this.out, err);
            }
            int code = prepare().run();
            capture.report(err);
            return code;
        } catch (UsageException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        } catch (UncheckedIOException e) {
            if (CaptureOptions.pcapCause(e) == null) throw e;
            err.println("pcapkit: " + e.getCause().getMessage());
            return Cli.USAGE;
        } finally {
            capture.close();   // after the output is complete: a waiting Ctrl-C hook may then let the JVM exit
        }
    }

    /** Checks the options against each other and against the engine; every problem is one line, exit 2. */
    private Extract prepare() {
        capture.check(input);
        if (input == null && !capture.live()) throw new UsageException("no input file (see pcapkit --help)");
        Format fmt = format();
        String out = output;
        if (out != null && autoExtension && !files && !out.endsWith(fmt.extension())) out += fmt.extension();
        if (files && out == null) throw new UsageException("-F writes one file per frame and needs a folder: -o FOLDER");
        if (noOutput && (out != null || files)) throw new UsageException("--no-output writes nothing: drop -o/-F");
        if (workers < 1 || workers > 256) throw new UsageException("--workers needs 1 to 256 threads, not " + workers);

        String engineName = null;
        FieldsOptions fo = fmt == Format.FIELDS ? FieldsOptions.of(fields) : null;
        for (String a : engineArgs) {
            if (a.indexOf('=') > 0) {
                if (fo == null) throw new UsageException("-E " + a + " is a setting of the fields format (-e FIELD ...)");
                try {
                    fo = fo.with(a);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("-E " + e.getMessage());
                }
            } else if (engineName != null && !engineName.equalsIgnoreCase(a)) {
                throw new UsageException("two engines given: " + engineName + " and " + a);
            } else {
                engineName = a;
            }
        }
        if (engineName == null) engineName = Engines.DEFAULT;

        Level level = null;
        if (layer != null) {
            level = Level.parse(layer);
            if (level == null) throw new UsageException("unknown layer '" + layer + "' (link, internet, transport, application)");
        }
        if (count != null && count < 0) throw new UsageException("-c needs a count of 0 or more, not " + count);

        boolean stdin = capture.live() || input.equals("-");
        Path file = null;
        if (!stdin) {
            file = Path.of(input);
            if (!Files.exists(file)) throw new UsageException(input + ": no such file");
            if (Files.isDirectory(file)) throw new UsageException(input + ": is a directory");
            if (!Files.isReadable(file)) throw new UsageException(input + ": permission denied");
        }

        // the provider's probe and the engine both look for tshark here
        if (tshark != null) System.setProperty("pcapkit.tshark.path", tshark);
        Engines engines = Engines.discover();
        EngineProvider provider;
        try {
            provider = engines.require(engineName);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        Set<Capability> caps = provider.capabilities();
        need(provider, caps, stdin, Capability.STREAM_INPUT, capture.live()
                ? "read a live capture (it reads files only; the native engine reads streams)" : "read standard input");
        need(provider, caps, level != null, Capability.LAYER_STOP, "stop at a layer (-L)");
        need(provider, caps, protocol != null, Capability.PROTOCOL_STOP, "stop after a protocol (-P)");
        need(provider, caps, !decodeAs.isEmpty(), Capability.DECODE_AS, "apply --decode-as");
        need(provider, caps, workers > 1, Capability.PARALLEL, "decode on several threads (--workers)");
        EngineOptions.Builder ob = EngineOptions.builder().stopLevel(level).stopProtocol(protocol).decodeAs(decodeAs)
                .workers(workers);
        // with several workers, frames are also rendered where they are decoded when the format allows it
        if (workers > 1 && !noOutput && !files) ob.renderer(fmt.renderers(fo));
        // nothing here reads the fields of a frame that is not written, or that the workers rendered already
        boolean rendered = workers > 1 && !noOutput && !files && fmt.renderers(fo) != null;
        if (noOutput || rendered) ob.fieldsRead(false);
        // the fields format reads its -e columns and nothing else (-v lines print each frame's protocol chain)
        if (fmt == Format.FIELDS && !noOutput && !verbose) ob.fieldsNamed(fields);
        if (tshark != null) ob.extra("tshark.path", tshark);
        limits.apply(ob, provider.name());
        EngineOptions options = ob.build();

        provider = capture.engine(provider, capture.recordFilter());
        InputStream source = capture.live() ? capture.openLive(count == null ? -1 : count).pcapStream() : in;
        Extract x = new Extract(provider, options, stdin ? null : file, stdin ? source : null,
                capture.live() ? capture.device : input, fmt, fo, out, files,
                verbose, count == null ? Long.MAX_VALUE : count, this.out, err);
        x.noOutput = noOutput;
        if (fmt == Format.FIELDS) x.warnUnknownFields = new FieldColumns(fields)::unknownNames;
        return x;
    }

    private static void need(EngineProvider p, Set<Capability> caps, boolean asked, Capability c, String what) {
        if (asked && !caps.contains(c)) throw new UsageException("engine '" + p.name() + "' cannot " + what);
    }

    /** -f, -j, -p, -t (one of them), else fields when -e is given, else the -o extension, else tree. */
    private Format format() {
        Set<Format> asked = EnumSet.noneOf(Format.class);
        if (format != null) {
            Format f = Format.parse(format);
            if (f == null) throw new UsageException("unknown format '" + format + "' (json, plist, tree, fields)");
            asked.add(f);
        }
        if (json) asked.add(Format.JSON);
        if (plist) asked.add(Format.PLIST);
        if (tree) asked.add(Format.TREE);
        if (asked.size() > 1) {
            Set<String> names = new LinkedHashSet<>();
            for (Format f : asked) names.add(f.id());
            throw new UsageException("more than one format asked: " + String.join(", ", names));
        }
        Format fmt;
        if (!asked.isEmpty()) fmt = asked.iterator().next();
        else if (!fields.isEmpty()) fmt = Format.FIELDS;
        else if (output != null && !files && Format.ofFileName(output) != null) fmt = Format.ofFileName(output);
        else fmt = Format.TREE;
        if (fmt == Format.FIELDS && fields.isEmpty()) throw new UsageException("the fields format needs at least one -e FIELD");
        if (fmt != Format.FIELDS && !fields.isEmpty()) {
            throw new UsageException("-e FIELD selects columns of the fields format, not of " + fmt.id());
        }
        return fmt;
    }

    /** A problem with the command line or its inputs: one line on stderr, exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message, null, false, false); }
    }

    static final class Version implements IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"pcapkit " + Cli.version() + " (Java " + Runtime.version() + ")"};
        }
    }
}
