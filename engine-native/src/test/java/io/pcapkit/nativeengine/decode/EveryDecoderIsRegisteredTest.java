package io.pcapkit.nativeengine.decode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * CONTRIBUTING.md's promise: a decoder file without its line in {@link Registrations} fails the build. Every
 * concrete {@link LayerDecoder} in the proto package must be reachable from the standard registry.
 */
class EveryDecoderIsRegisteredTest {
    @Test void everyDecoderClassHasARegistryLine() throws IOException, URISyntaxException {
        Path proto = Path.of(LayerDecoder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/pcapkit/nativeengine/proto");
        Set<String> decoderClasses = new HashSet<>();
        try (Stream<Path> files = Files.list(proto)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                String cls = "io.pcapkit.nativeengine.proto." + name.substring(0, name.length() - 6);
                try {
                    Class<?> c = Class.forName(cls);
                    if (LayerDecoder.class.isAssignableFrom(c) && !c.isInterface()
                            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                        decoderClasses.add(c.getName());
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertFalse(decoderClasses.isEmpty());
        Set<String> registered = new HashSet<>();
        for (LayerDecoder d : Registrations.standard().decoders()) registered.add(d.getClass().getName());
        registered.add("io.pcapkit.nativeengine.proto.RawDecoder"); // the dispatcher's own fallback
        Set<String> missing = new HashSet<>(decoderClasses);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "decoders without a line in Registrations");
    }

    @Test void aKeyCannotBeTakenTwiceWithoutAnOverride() {
        DecoderRegistry r = Registrations.standard();
        LayerDecoder eth = r.lookup(Dispatch.LINK_TYPE, 1);
        assertThrows(IllegalStateException.class, () -> r.register(Dispatch.LINK_TYPE, 1, eth));
        r.override(Dispatch.LINK_TYPE, 1, null);
        assertEquals(null, r.lookup(Dispatch.LINK_TYPE, 1));
    }

    @Test void decodeAsAcceptsTsharkSyntax() {
        DecoderRegistry r = Registrations.standard();
        LayerDecoder eth = r.lookup(Dispatch.LINK_TYPE, 1);
        DecodeAs.apply(r, List.of("link_type==147,eth", "udp.port=4789-4790:Ethernet"));
        assertEquals(eth, r.lookup(Dispatch.LINK_TYPE, 147));
        assertEquals(eth, r.lookup(Dispatch.UDP_PORT, 4790));
        assertThrows(io.pcapkit.spi.EngineException.class, () -> DecodeAs.apply(r, List.of("tcp.port==80,nosuchproto")));
        assertThrows(io.pcapkit.spi.EngineException.class, () -> DecodeAs.apply(r, List.of("tcp.port==99999,eth")));
        assertThrows(io.pcapkit.spi.EngineException.class, () -> DecodeAs.apply(r, List.of("nonsense")));
    }
}
