package io.pcapkit.cli;

import io.pcapkit.spi.Engines;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcapkit compare} through the command line: usage errors, and native against tshark on the sample. */
class CompareCommandTest {
    private static final Path SAMPLE = CliRun.sample("loopback.pcap");

    @Test void needsTwoEnginesAndAFile() {
        CliRun one = CliRun.of("compare", "-E", "native", SAMPLE.toString());
        assertEquals(Cli.USAGE, one.code());
        assertTrue(one.err().contains("two different engines"), one.err());
        CliRun stdin = CliRun.of("compare", "-E", "native", "-E", "tshark", "-");
        assertEquals(Cli.USAGE, stdin.code());
        CliRun unknown = CliRun.of("compare", "-E", "native", "-E", "no-such-engine", SAMPLE.toString());
        assertEquals(Cli.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown engine 'no-such-engine'"), unknown.err());
    }

    @Test void nativeAgainstTsharkOnTheSample() {
        CliRun.assume(Engines.discover().find("tshark") != null
                && Engines.discover().find("tshark").probe().available(), "tshark is not installed");
        CliRun.assume(CliRun.nativeReaderProblem() == null, String.valueOf(CliRun.nativeReaderProblem()));
        CliRun text = CliRun.of("compare", "-E", "native", "-E", "tshark", SAMPLE.toString(),
                "--fields", CliRun.root().resolve("engine-tshark/src/test/resources/compare-fields/core.txt").toString());
        assertEquals(Cli.OK, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("native vs tshark: 36 frames compared, 0 only in native, 0 only in tshark"),
                text.out());
        assertTrue(text.out().contains("every compared field agrees"), text.out());

        CliRun json = CliRun.of("compare", "-E", "native", "-E", "tshark", SAMPLE.toString(), "--json", "-c", "5");
        assertTrue(json.out().contains("\"engines\" : [ \"native\", \"tshark\" ]"), json.out());
        assertTrue(json.out().contains("\"frames\" : 5"), json.out());
        assertTrue(json.code() == Cli.OK || json.code() == Cli.DAMAGED, json.err());
    }
}
