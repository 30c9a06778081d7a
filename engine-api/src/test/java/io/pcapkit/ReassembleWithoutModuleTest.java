package io.pcapkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** engine-api's tests run without the reassembly module: asking for it names the module (no file is opened). */
class ReassembleWithoutModuleTest {
    @Test void reassembleAndTraceNameTheMissingModule() {
        Extraction.Builder b = Pcapkit.extract(Path.of("never-opened.pcap"));
        IllegalStateException r = assertThrows(IllegalStateException.class,
                () -> b.reassemble(ReassemblyKind.IPV4, ReassemblyKind.TCP));
        assertTrue(r.getMessage().startsWith("reassemble(...) needs the pcapkit reassembly module (io.pcapkit:reassembly)"),
                r.getMessage());
        IllegalStateException t = assertThrows(IllegalStateException.class, () -> b.trace(TraceSpec.bidirectional()));
        assertTrue(t.getMessage().startsWith("trace(...) needs the pcapkit reassembly module"), t.getMessage());
    }
}
