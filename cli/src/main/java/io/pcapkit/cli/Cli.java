package io.pcapkit.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one {@code pcapkit} command line against given streams, so tests run it in-process. Exit codes:
 * {@value #OK} success; {@value #DAMAGED} the capture is damaged (every readable frame was written) or the
 * output could not be written; {@value #USAGE} a usage error (bad option, unknown engine, missing file);
 * {@value #INTERNAL} an internal error (a bug: one line on stderr, the stack trace only with
 * {@code PCAPKIT_DEBUG=1}).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int DAMAGED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 70;

    private Cli() { }

    /** Parses {@code args} and runs the command; never throws, never calls {@code System.exit}. */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cmd = new CommandLine(new PcapkitCommand(in, out, err));
        if (mayNameSubcommand(args)) {
            for (Map.Entry<String, Supplier<Object>> s : SUBCOMMANDS.entrySet()) cmd.addSubcommand(s.getKey(), s.getValue().get());
        }
        cmd.setOut(outWriter);
        cmd.setErr(errWriter);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // `-f fields` names a format, not the `fields` subcommand
        cmd.setAllowSubcommandsAsOptionParameters(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            errWriter.println("pcapkit: " + ex.getMessage() + " (see pcapkit --help)");
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            errWriter.println("pcapkit: internal error: " + ex);
            if ("1".equals(System.getenv("PCAPKIT_DEBUG"))) ex.printStackTrace(err);
            return INTERNAL;
        });
        int code = cmd.execute(args);
        outWriter.flush();
        try {
            out.flush();
        } catch (IOException e) {
            // stdout closed by the reader (`| head`): nothing left to tell anyone
        }
        return code;
    }

    /**
     * The subcommands in the order help lists them. Each one's picocli model costs start-up time (annotations read
     * through reflection: some 50 ms for all of them), so they are added only when the command line may name one.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("engines", EnginesCommand::new);
        SUBCOMMANDS.put("fields", FieldsCommand::new);
        SUBCOMMANDS.put("follow", FollowCommand::new);
        SUBCOMMANDS.put("reassemble", ReassembleCommand::new);
        SUBCOMMANDS.put("trace", TraceCommand::new);
        SUBCOMMANDS.put("analyze", AnalyzeCommand::new);
        SUBCOMMANDS.put("interfaces", InterfacesCommand::new);
        SUBCOMMANDS.put("compare", CompareCommand::new);
    }

    /**
     * False only when no subcommand can be meant: no argument is a subcommand's name (except as the value of
     * {@code -f}/{@code --format}: {@code -f fields} names a format) and none asks for help, which lists the
     * subcommands. A file really named like a subcommand is read as before: picocli then sees the subcommand,
     * exactly as when they were always added.
     */
    static boolean mayNameSubcommand(String[] args) {
        if (args.length == 0) return true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) return false;
            if (SUBCOMMANDS.containsKey(a) && !(i > 0 && (args[i - 1].equals("-f") || args[i - 1].equals("--format")))) {
                return true;
            }
            if (a.equals("-h") || a.equals("--help")) return true;
        }
        return false;
    }

    /** The version from the build ({@code version.properties}). */
    static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
