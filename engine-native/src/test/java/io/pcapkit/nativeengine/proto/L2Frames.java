package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decodes a frame's bytes through the standard registry; checks cells as {@code tshark -T fields} prints them. */
final class L2Frames {
    private L2Frames() { }

    /** Hex digits to bytes; whitespace (text-block line breaks) is ignored. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    /** Decodes a frame captured whole. */
    static Frame decode(int linkType, String hex) {
        byte[] b = hex(hex);
        return decode(linkType, b, b.length);
    }

    /** Decodes {@code bytes} as a frame that was {@code origLen} bytes long on the wire. */
    static Frame decode(int linkType, byte[] bytes, long origLen) {
        return new FrameDecoder(Registrations.standard(), null, null)
                .decode(new Frame(), 1, 0, bytes.length, origLen, LinkType.valueOf(linkType), 0, bytes, 0);
    }

    /** The tshark {@code -T fields} cell of {@code field}: every occurrence, comma-joined, empty when absent. */
    static String cell(Frame f, String field) {
        FieldColumns columns = new FieldColumns(List.of(field));
        columns.load(f);
        return columns.cell(0).toString();
    }

    /** Checks {@code "name=value"} pairs, values as tshark 4.0 printed them for the same frame. */
    static void assertCells(Frame f, String... expected) {
        for (String e : expected) {
            int eq = e.indexOf('=');
            String name = e.substring(0, eq);
            assertEquals(e.substring(eq + 1), cell(f, name), name);
        }
    }

    static void assertChainStartsWith(Frame f, String prefix) {
        assertTrue(f.protochain().startsWith(prefix), () -> "chain " + f.protochain() + " should start with " + prefix);
    }

    static boolean hasAnomaly(Frame f, Anomaly.Kind kind) {
        return f.anomalies().stream().anyMatch(a -> a.kind() == kind);
    }
}
