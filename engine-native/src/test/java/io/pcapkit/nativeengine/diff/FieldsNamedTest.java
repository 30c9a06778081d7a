package io.pcapkit.nativeengine.diff;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldDemand;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Level;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.LayerDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.Engines;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RenderBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Told which fields its caller reads ({@link EngineOptions#fieldsNamed()}), the engine skips application protocols
 * that can only be followed by more of them. On every frame of the corpus the fields it is told of must read exactly
 * as with everything decoded: every declared field of the link, internet and transport levels.
 */
class FieldsNamedTest {
    private static final List<String> RECORD = List.of("frame.number", "frame.time_epoch", "frame.len",
            "frame.cap_len", "frame.interface_id", "frame.time_relative", "frame.time_delta");

    @Test void namedFieldsReadAsWithEverythingDecoded() throws IOException {
        Corpus.assumePresent();
        List<String> names = belowApplication();
        assertEquals(Level.TRANSPORT, FieldDemand.highestLevel(names));
        long frames = 0, cells = 0, spared = 0;
        EngineOptions named = EngineOptions.builder().fieldsNamed(names).build();
        try (Engine all = Engines.discover().require("native").create(EngineOptions.defaults());
             Engine some = Engines.discover().require("native").create(named)) {
            for (Path capture : Corpus.captures()) {
                FieldColumns full = new FieldColumns(names, ',');
                FieldColumns part = new FieldColumns(names, ',');
                RenderBuffer a = new RenderBuffer(), b = new RenderBuffer();
                try (FrameSource x = all.open(capture); FrameSource y = some.open(capture)) {
                    for (Frame f, g; (f = next(x)) != null; ) {
                        g = next(y);
                        assertTrue(g != null && g.number() == f.number(), capture + " frame " + f.number());
                        full.renderRow(f, a.reset(), '\t');
                        part.renderRow(g, b.reset(), '\t');
                        assertEquals(text(a), text(b), capture + " frame " + f.number());
                        if (g.layerCount() < f.layerCount() || !g.protochain().equals(f.protochain())) spared++;
                        frames++;
                        cells += a.length();
                    }
                }
            }
        }
        System.out.printf("fields named = everything decoded: %d frames (%d with application layers spared), "
                + "%d fields, %d bytes of rows%n", frames, spared, names.size(), cells);
        assertTrue(frames > 5_000 && spared > 1_000, frames + " frames, " + spared + " spared");
    }

    /** What makes skipping safe: after a layer whose decoder says so, only application layers ever follow. */
    @Test void applicationOnlyDecodersAreFollowedByApplicationLayersOnly() throws IOException {
        Corpus.assumePresent();
        DecoderRegistry registry = Registrations.standard();
        long checked = 0;
        try (Engine all = Engines.discover().require("native").create(EngineOptions.defaults())) {
            for (Path capture : Corpus.captures()) {
                try (FrameSource x = all.open(capture)) {
                    for (Frame f; (f = next(x)) != null; ) {
                        for (int l = 0; l < f.layerCount(); l++) {
                            LayerDecoder d = registry.byProtocol(f.protocolAt(l).name());
                            if (d == null || !d.applicationOnly()) continue;
                            checked++;
                            for (int k = l + 1; k < f.layerCount(); k++) {
                                assertEquals(Level.APPLICATION, f.protocolAt(k).level(),
                                        capture + " frame " + f.number() + ": " + f.protochain());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1_000, checked + " layers checked");
    }

    @Test void namesOutsideTheLowerLevelsAskForEverything() {
        Registrations.standard();   // defines every native protocol
        assertEquals(Level.LINK, FieldDemand.highestLevel(List.of("frame.len", "eth.src")));
        assertEquals(Level.TRANSPORT, FieldDemand.highestLevel(List.of("ip.src", "tcp.srcport", "udp.dstport")));
        assertEquals(Level.INTERNET, FieldDemand.highestLevel(List.of("ipv6.fraghdr.nxt", "gre.proto")));
        assertEquals(Level.APPLICATION, FieldDemand.highestLevel(List.of("ip.src", "dns.qry.name")));
        assertNull(FieldDemand.highestLevel(List.of("ip.src", "frame.protocols")));
        assertNull(FieldDemand.highestLevel(List.of("ip.src", "_ws.expert")));
    }

    /** The frame's own columns and every declared field below the application level. */
    private static List<String> belowApplication() {
        Registrations.standard();
        List<String> names = new ArrayList<>(RECORD);
        for (FieldDef d : Fields.all()) {
            Level l = FieldDemand.highestLevel(List.of(d.name()));
            if (l != null && l != Level.APPLICATION) names.add(d.name());
        }
        return names;
    }

    private static String text(RenderBuffer r) {
        return new String(r.array(), 0, r.length(), StandardCharsets.UTF_8);
    }

    /** The next frame; a damaged capture ends at its damage (its readable frames were compared). */
    private static Frame next(FrameSource src) {
        try {
            return src.next();
        } catch (IOException e) {
            return null;
        }
    }
}
