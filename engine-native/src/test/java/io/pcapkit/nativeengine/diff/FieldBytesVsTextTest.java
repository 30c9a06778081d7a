package io.pcapkit.nativeengine.diff;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fields output writes values straight to bytes ({@link FieldColumns#renderRow}); the character path
 * ({@link FieldColumns#load} then {@link FieldColumns#appendRow}) is the one the tshark comparisons check. Both must
 * give the same text for every declared field on every frame of the corpus, so the byte path inherits that
 * agreement with tshark.
 */
class FieldBytesVsTextTest {
    @Test void bytePathPrintsWhatTheTextPathPrints() throws IOException {
        Corpus.assumePresent();
        long frames = 0, cells = 0;
        try (Engine engine = Engines.discover().require("native").create(EngineOptions.defaults())) {
            for (Path capture : Corpus.captures()) {
                List<String> names = columns(engine, capture);
                FieldColumns text = new FieldColumns(names, ',');
                FieldColumns bytes = new FieldColumns(names, ',');
                RenderBuffer out = new RenderBuffer();
                StringBuilder row = new StringBuilder();
                try (FrameSource src = engine.open(capture)) {
                    for (Frame f; (f = next(src)) != null; ) {
                        text.load(f);
                        row.setLength(0);
                        text.appendRow(row, '\t');
                        bytes.renderRow(f, out.reset(), '\t');
                        String got = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
                        assertEquals(row.toString(), got, capture + " frame " + f.number());
                        frames++;
                        for (int c = 0; c < text.size(); c++) if (!text.cell(c).isEmpty()) cells++;
                    }
                }
            }
        }
        System.out.printf("byte path = text path: %d frames, %d non-empty cells%n", frames, cells);
        assertTrue(frames > 5_000 && cells > 300_000, frames + " frames, " + cells + " cells");
    }

    /** The frame's own columns, then every field the native engine declared once the capture was decoded. */
    private static List<String> columns(Engine engine, Path capture) throws IOException {
        try (FrameSource src = engine.open(capture)) {
            while (next(src) != null) { }
        }
        List<String> names = new ArrayList<>(List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
                "frame.interface_id", "frame.time_relative", "frame.time_delta", "frame.protocols"));
        for (FieldDef d : Fields.all()) names.add(d.name());
        return names;
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
