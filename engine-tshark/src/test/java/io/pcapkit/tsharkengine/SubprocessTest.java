package io.pcapkit.tsharkengine;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subprocess's life: tshark dying mid-file, tshark hanging, its stderr, a missing or too old binary, stdin input.
 * Most use a stand-in "tshark" (a shell script answering -v and -G fields, then replaying recorded 4.0.17 output
 * and misbehaving as told), so they need no tshark; the stdin and decode-as cases use the real one.
 */
class SubprocessTest {
    @TempDir Path tmp;

    @Test void tsharkDyingMidFileIsAnErrorAfterEveryFrameItWrote() throws IOException {
        Path fake = fakeTshark(cutAfterFrames(2), "echo 'tshark: simulated crash' >&2; kill -SEGV $$");
        List<Long> numbers = new ArrayList<>();
        IOException e;
        try (Engine engine = engine(fake); FrameSource s = engine.open(sample())) {
            e = assertThrows(IOException.class, () -> {
                for (Frame f; (f = s.next()) != null; ) numbers.add(f.number());
            });
        }
        assertEquals(List.of(1L, 2L), numbers, "frames written before the crash are all emitted");
        assertFalse(e instanceof CaptureFormatException, "tshark failing is not the capture's fault");
        assertTrue(e.getMessage().contains("killed (signal 11)") && e.getMessage().contains("after frame 2")
                && e.getMessage().contains("simulated crash"), e.getMessage());
    }

    @Test void aNonZeroExitWithCompleteOutputSaysSoWithStderr() throws IOException {
        Path fake = fakeTshark(recorded(), "echo 'tshark: something odd' >&2; exit 3");
        try (Engine engine = engine(fake); FrameSource s = engine.open(sample())) {
            assertNotNull(s.next());
            assertNotNull(s.next());
            assertNotNull(s.next());
            IOException e = assertThrows(IOException.class, s::next);
            assertTrue(e.getMessage().contains("exited with status 3") && e.getMessage().contains("something odd"),
                    e.getMessage());
        }
    }

    @Test void closeKillsATsharkThatIsStillRunning() throws IOException {
        Path fake = fakeTshark(cutAfterFrames(1), "exec sleep 600");
        Engine engine = engine(fake);
        FrameSource s = engine.open(sample());
        assertNotNull(s.next());
        long t0 = System.nanoTime();
        s.close();
        engine.close();
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "close does not wait for tshark to finish");
        assertEquals(0, TsharkProcess.live(), "no tshark left running");
    }

    @Test void closingTheEngineClosesItsSources() throws IOException {
        Path fake = fakeTshark(cutAfterFrames(1), "exec sleep 600");
        Engine engine = engine(fake);
        FrameSource s = engine.open(sample());
        assertNotNull(s.next());
        engine.close();
        assertEquals(0, TsharkProcess.live());
        assertThrows(IOException.class, s::next);
    }

    @Test void aMissingOrTooOldTsharkIsAClearErrorSayingHowToInstall() throws IOException {
        EngineException missing = assertThrows(EngineException.class, () -> engine(tmp.resolve("no-such-tshark")));
        assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("apt-get install tshark"),
                missing.getMessage());
        Path old = script("old-tshark", "echo 'TShark (Wireshark) 2.6.20 (Git v2.6.20)'");
        EngineException tooOld = assertThrows(EngineException.class, () -> engine(old));
        assertTrue(tooOld.getMessage().contains("2.6.20 ") && tooOld.getMessage().contains("too old"),
                tooOld.getMessage());
    }

    @Test void readsACaptureFromAStream() throws IOException {
        assumeRealTshark();
        try (Engine engine = new TsharkEngineProvider().create(EngineOptions.defaults());
             FrameSource s = engine.open(new ByteArrayInputStream(EngineContractTest.samplePcap()), "<stdin>")) {
            Frame f = s.next();
            assertEquals("192.0.2.1", f.field("ip.src").display());
            assertNotNull(s.next());
            assertNull(s.next());
            assertEquals("little", s.info().header().get("byteorder"));
        }
    }

    @Test void decodeAsReachesTsharkAndItsComplaintsReachTheUser() throws IOException {
        assumeRealTshark();
        Path file = Files.write(tmp.resolve("sample.pcap"), EngineContractTest.samplePcap());
        EngineOptions vxlan = EngineOptions.builder().decodeAs(List.of("udp.port==9,syslog")).build();
        try (Engine engine = new TsharkEngineProvider().create(vxlan); FrameSource s = engine.open(file)) {
            Frame f = s.next();
            assertTrue(f.protochain().endsWith(":SYSLOG"), f.protochain());
        }
        EngineOptions bad = EngineOptions.builder().decodeAs(List.of("udp.port==9,no-such-protocol")).build();
        try (Engine engine = new TsharkEngineProvider().create(bad); FrameSource s = engine.open(file)) {
            IOException e = assertThrows(IOException.class, s::next);
            assertTrue(e.getMessage().contains("no-such-protocol"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assumeRealTshark() {
        Corpus.assumeTshark();
    }

    private Engine engine(Path tshark) {
        return new TsharkEngineProvider().create(EngineOptions.builder().extra(TsharkBinary.OPTION, tshark.toString())
                .build());
    }

    private Path sample() throws IOException {
        return Files.write(tmp.resolve("sample.pcap"), EngineContractTest.samplePcap());
    }

    /** A stand-in tshark: -v and -G fields answered, else {@code output} on stdout, then {@code after}. */
    private Path fakeTshark(String output, String after) throws IOException {
        Path out = Files.writeString(tmp.resolve("out.json"), output);
        Path fields = tmp.resolve("fields.txt");
        try (InputStream in = getClass().getResourceAsStream("/tshark-4.0.17/fields-subset.txt")) {
            Files.write(fields, in.readAllBytes());
        }
        return script("tshark-" + System.nanoTime(), String.join("\n",
                "case \"$1\" in",
                "  -v) echo 'TShark (Wireshark) 4.0.17 (stand-in)'; exit 0;;",
                "  -G) cat '" + fields + "'; exit 0;;",
                "esac",
                "cat '" + out + "'",
                after));
    }

    private Path script(String name, String body) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static String recorded() throws IOException {
        try (InputStream in = SubprocessTest.class.getResourceAsStream("/tshark-4.0.17/tcp-handshake-nano.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The recorded output cut in the middle of frame {@code n + 1}, as a crashing tshark leaves it. */
    private static String cutAfterFrames(int n) throws IOException {
        String all = recorded();
        int at = 0;
        for (int i = 0; i <= n; i++) at = all.indexOf("\"_index\"", at + 1);
        return all.substring(0, at + 200);
    }
}
