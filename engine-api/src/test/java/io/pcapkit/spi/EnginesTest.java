package io.pcapkit.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnginesTest {
    @TempDir Path tmp;

    /** A provider that loads fine. */
    public static final class GoodProvider implements EngineProvider {
        @Override public String name() { return "good"; }
        @Override public List<String> aliases() { return List.of("fine"); }
        @Override public String description() { return "test engine"; }
        @Override public Availability probe() { return Availability.ok("1.0"); }
        @Override public Set<Capability> capabilities() { return EnumSet.of(Capability.PCAP); }
        @Override public Engine create(EngineOptions options) { throw new UnsupportedOperationException(); }
    }

    /** A provider whose constructor fails, as one with a missing library might. */
    public static final class ExplodingProvider extends Object implements EngineProvider {
        public ExplodingProvider() { throw new IllegalStateException("boom"); }
        @Override public String name() { return "exploding"; }
        @Override public String description() { return ""; }
        @Override public Availability probe() { return Availability.ok(""); }
        @Override public Set<Capability> capabilities() { return Set.of(); }
        @Override public Engine create(EngineOptions options) { return null; }
    }

    /** A provider that is present but cannot run here. */
    public static final class AbsentProvider implements EngineProvider {
        @Override public String name() { return "absent"; }
        @Override public String description() { return ""; }
        @Override public Availability probe() { return Availability.unavailable("absent-tool not found on PATH"); }
        @Override public Set<Capability> capabilities() { return Set.of(); }
        @Override public Engine create(EngineOptions options) { return null; }
    }

    private Engines discoverWith(String... providerLines) throws IOException {
        Path services = tmp.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve(EngineProvider.class.getName()), List.of(providerLines));
        URLClassLoader cl = new URLClassLoader(new URL[]{tmp.toUri().toURL()}, getClass().getClassLoader());
        return Engines.discover(cl);
    }

    @Test void oneBrokenProviderDoesNotHideTheOthers() throws IOException {
        Engines e = discoverWith("io.pcapkit.spi.NoSuchProviderClass", ExplodingProvider.class.getName(),
                GoodProvider.class.getName(), AbsentProvider.class.getName());
        assertEquals(List.of("good", "absent"), e.providers().stream().map(EngineProvider::name).toList());
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("NoSuchProviderClass"), e.problems().get(0));
    }

    @Test void namesAndAliasesAreCaseInsensitive() throws IOException {
        Engines e = discoverWith(GoodProvider.class.getName());
        assertNotNull(e.find("GOOD"));
        assertSame(e.find("good"), e.find("Fine"));
    }

    @Test void unknownAndUnavailableEnginesAreErrorsListingTheAvailableOnes() throws IOException {
        Engines e = discoverWith(GoodProvider.class.getName(), AbsentProvider.class.getName());
        EngineException unknown = assertThrows(EngineException.class, () -> e.require("pyshark"));
        assertEquals("unknown engine 'pyshark'; available: good", unknown.getMessage());
        EngineException absent = assertThrows(EngineException.class, () -> e.require("absent"));
        assertEquals("engine 'absent' is not available: absent-tool not found on PATH; available: good",
                absent.getMessage());
    }

    @Test void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder().workers(0).build());
        EngineOptions o = EngineOptions.builder().extra("tshark.path", "/opt/t").build();
        assertEquals("/opt/t", o.extra("tshark.path", "tshark"));
        assertEquals("x", o.extra("missing", "x"));
    }

}
