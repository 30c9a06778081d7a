package io.pcapkit.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole output of {@code pcapkit} on the bundled sample (samples/loopback.pcap, recorded by
 * samples/record-loopback.sh) against the golden files in cli/src/test/resources/golden. A change in any decoder
 * or dumper that changes the output fails here; when the change is intended, regenerate with
 * {@code mvn -q test -pl cli -Dtest=GoldenOutputTest -Dgolden.update=true} and review the diff. Never by hand.
 *
 * <p>Each golden file says how it was made: the TREE file in leading {@code #} lines, the PLIST file in an XML
 * comment after its declaration, JSON (which has no comments) in the folder's README.md.
 */
class GoldenOutputTest {
    private static final String REGENERATE = "mvn -q test -pl cli -Dtest=GoldenOutputTest -Dgolden.update=true";

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({
            "loopback.pcap,   json,  loopback.json",
            "loopback.pcap,   plist, loopback.plist",
            "loopback.pcap,   tree,  loopback.txt",
            "loopback.pcapng, json,  loopback.pcapng.json",
    })
    void outputMatchesGolden(String sample, String format, String golden) throws IOException {
        String problem = CliRun.nativeReaderProblem();
        CliRun.assume(problem == null, String.valueOf(problem));
        Path input = CliRun.sample(sample);
        // the document never names the input file, so the checkout's place does not show in it
        CliRun r = CliRun.of("-f", format, input.toString());
        assertEquals(0, r.code(), r.err());
        String command = "pcapkit -f " + format + " samples/" + sample;
        Path file = CliRun.root().resolve("cli/src/test/resources/golden").resolve(golden);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, withProvenance(format, command, r.out()), StandardCharsets.UTF_8);
            System.out.println("golden file written: " + file);
            return;
        }
        assertTrue(Files.isRegularFile(file), file + " is missing; make it with: " + REGENERATE);
        String expected = withoutProvenance(format, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(expected, r.out(), command + " differs from " + golden + "; if intended: " + REGENERATE);
    }

    private static String withProvenance(String format, String command, String output) {
        String how = "golden output of `" + command + "` (native engine); regenerate with `" + REGENERATE + "`";
        return switch (format) {
            case "tree" -> "# " + how + "\n# the lines starting with '# ' are not part of the output\n" + output;
            case "plist" -> {
                int eol = output.indexOf('\n') + 1;
                yield output.substring(0, eol) + "<!-- " + how + " -->\n" + output.substring(eol);
            }
            default -> output;
        };
    }

    private static String withoutProvenance(String format, String golden) {
        return switch (format) {
            case "tree" -> {
                String s = golden;
                while (s.startsWith("# ")) s = s.substring(s.indexOf('\n') + 1);
                yield s;
            }
            case "plist" -> golden.replaceFirst("(?m)^<!-- golden output of .* -->\n", "");
            default -> golden;
        };
    }
}
