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

/** Test helpers of the internet-layer decoders: decode bytes through the standard registry, read tshark-style cells. */
final class InternetFrames {
    static final int ETHERNET = 1, NULL = 0, RAW_IPV4 = 228, RAW_IPV6 = 229;

    private InternetFrames() { }

    /** Decodes a frame captured whole; the hex may hold white space (text-block lines). */
    static Frame decode(int linkType, String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
        return decode(linkType, b, b.length);
    }

    /** Decodes {@code bytes} as a frame that was {@code origLen} bytes long on the wire. */
    static Frame decode(int linkType, byte[] b, long origLen) {
        return decodeAt(linkType, b, origLen, 0);
    }

    /** Decodes a frame captured whole at {@code tsNanos} (for decoders that compare times with the frame's). */
    static Frame decodeAt(int linkType, String hex, long tsNanos) {
        byte[] b = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
        return decodeAt(linkType, b, b.length, tsNanos);
    }

    private static Frame decodeAt(int linkType, byte[] b, long origLen, long tsNanos) {
        return new FrameDecoder(Registrations.standard(), null, null)
                .decode(new Frame(), 1, tsNanos, b.length, origLen, LinkType.valueOf(linkType), 0, b, 0);
    }

    /** The {@code tshark -T fields -E occurrence=a} cell of {@code field}: occurrences comma-joined, "" if none. */
    static String cell(Frame f, String field) {
        FieldColumns columns = new FieldColumns(List.of(field));
        columns.load(f);
        return columns.cell(0).toString();
    }

    /** Checks {@code "name=value"} pairs against the values tshark 4.0 printed for the same bytes. */
    static void assertCells(Frame f, String... expected) {
        for (String e : expected) {
            int eq = e.indexOf('=');
            assertEquals(e.substring(eq + 1), cell(f, e.substring(0, eq)), e.substring(0, eq));
        }
    }

    static boolean hasAnomaly(Frame f, Anomaly.Kind kind) {
        return f.anomalies().stream().anyMatch(a -> a.kind() == kind);
    }
}
