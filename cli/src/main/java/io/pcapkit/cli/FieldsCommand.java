package io.pcapkit.cli;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pcapkit fields}: every protocol and field pcapkit knows, in the columns of {@code tshark -G fields}
 * ({@code P  name  abbrev}; {@code F  label  name  type  parent  base  mask  description}), so tools written for
 * tshark's list read ours. Decoders declare their fields when their engine is created, so the engine is created
 * first.
 */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "List every protocol and field, in the columns of tshark -G fields.")
final class FieldsCommand implements Callable<Integer> {
    /** The frame fields the fields format knows beside decoded ones (see FieldColumns), as tshark declares them. */
    private static final List<String> FRAME_FIELDS = List.of(
            "F\tFrame Number\tframe.number\tFT_UINT32\tframe\tBASE_DEC\t0x0\t",
            "F\tEpoch Time\tframe.time_epoch\tFT_RELATIVE_TIME\tframe\t\t0x0\tEpoch time when this frame was captured",
            "F\tTime delta from previous captured frame\tframe.time_delta\tFT_RELATIVE_TIME\tframe\t\t0x0\t",
            "F\tTime since reference or first frame\tframe.time_relative\tFT_RELATIVE_TIME\tframe\t\t0x0\t"
                    + "Time relative to time reference or first frame",
            "F\tFrame length on the wire\tframe.len\tFT_UINT32\tframe\tBASE_DEC\t0x0\t",
            "F\tFrame length stored into the capture file\tframe.cap_len\tFT_UINT32\tframe\tBASE_DEC\t0x0\t",
            "F\tInterface id\tframe.interface_id\tFT_UINT32\tframe\tBASE_DEC\t0x0\t",
            "F\tProtocols in frame\tframe.protocols\tFT_STRING\tframe\t\t0x0\tProtocols carried by this frame");

    @Spec CommandSpec spec;

    @Option(names = {"-E", "--engine"}, paramLabel = "NAME", description = "engine whose decoders to load (default: native)")
    String engine = Engines.DEFAULT;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EngineProvider p = Engines.discover().require(engine);
            try (Engine e = p.create(EngineOptions.defaults())) {
                // created only so that its decoders declare their fields
                e.name();
            }
        } catch (EngineException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.USAGE;
        }
        List<Protocol> protocols = Protocols.all();
        out.println("P\tFrame\tframe");
        for (Protocol p : protocols) out.println("P\t" + p.name() + "\t" + p.abbrev());
        for (String f : FRAME_FIELDS) out.println(f);
        for (FieldDef d : Fields.all()) out.println(line(d, protocols));
        out.flush();
        return Cli.OK;
    }

    static String line(FieldDef d, List<Protocol> protocols) {
        return "F\t" + d.label() + "\t" + d.name() + "\t" + type(d) + "\t" + parent(d, protocols) + "\t" + base(d)
                + "\t0x" + Long.toHexString(d.mask()) + "\t" + d.description();
    }

    /** The protocol with the longest abbreviation prefixing the name ({@code ipv6.fraghdr} for ipv6.fraghdr.nxt). */
    static String parent(FieldDef d, List<Protocol> protocols) {
        String best = d.protocolAbbrev();
        for (Protocol p : protocols) {
            String a = p.abbrev();
            if (a.length() > best.length() && d.name().startsWith(a + ".")) best = a;
        }
        return best;
    }

    static String type(FieldDef d) {
        int bits = Math.max(8, (d.bits() + 7) / 8 * 8);
        return switch (d.type()) {
            case UINT -> "FT_UINT" + bits;
            case INT -> "FT_INT" + bits;
            case BOOL -> "FT_BOOLEAN";
            case MAC -> "FT_ETHER";
            case IPV4 -> "FT_IPv4";
            case IPV6 -> "FT_IPv6";
            case BYTES -> "FT_BYTES";
            case STRING -> "FT_STRING";
            case DOUBLE -> "FT_DOUBLE";
            case TIME -> "FT_ABSOLUTE_TIME";
            case GROUP -> "FT_NONE";
        };
    }

    /** tshark's base column: BASE_* for integers, the width for flags, empty otherwise. */
    static String base(FieldDef d) {
        return switch (d.type()) {
            case UINT, INT -> switch (d.base()) {
                case HEX -> "BASE_HEX";
                case OCT -> "BASE_OCT";
                case DEC_HEX -> "BASE_DEC_HEX";
                case HEX_DEC -> "BASE_HEX_DEC";
                default -> "BASE_DEC";
            };
            case BOOL -> Integer.toString(d.bits());
            default -> "";
        };
    }
}
