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

/**
 * The one set of helpers every decoder test uses: decode a frame's bytes through the standard registry and read
 * its cells as {@code tshark -T fields} prints them.
 */
final class TestFrames {
    /** Link types by their pcap numbers, for tests that read better with a name than a number. */
    static final int ETHERNET = 1, NULL = 0, RAW_IPV4 = 228, RAW_IPV6 = 229;

    private TestFrames() { }

    /** Hex digits to bytes; whitespace (text-block line breaks) is ignored. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
    }

    /** {@code hex} with the bytes at {@code off} replaced by {@code bytes} (hex). */
    static String change(String hex, int off, String bytes) {
        return hex.substring(0, 2 * off) + bytes + hex.substring(2 * off + bytes.length());
    }

    /**
     * {@code hex}, an Ethernet + IPv4 frame, with the IPv4 total length (and the UDP length, when UDP follows) set to
     * fit the bytes: for tests that grow or shrink a corpus frame's payload.
     */
    static String fitLengths(String hex) {
        String h = hex.replaceAll("\\s+", "");
        int n = h.length() / 2;
        h = change(h, 16, String.format("%04x", n - 14));
        int ihl = (Integer.parseInt(h.substring(28, 30), 16) & 0xF) * 4;
        if (Integer.parseInt(h.substring(46, 48), 16) == 17) h = change(h, 14 + ihl + 4, String.format("%04x", n - 14 - ihl));
        return h;
    }

    /** Decodes a frame captured whole. */
    static Frame decode(int linkType, String hex) {
        return decodeAt(linkType, hex, 0);
    }

    /** Decodes {@code bytes} as a frame that was {@code origLen} bytes long on the wire. */
    static Frame decode(int linkType, byte[] bytes, long origLen) {
        return decodeAt(linkType, bytes, origLen, 0);
    }

    /** Decodes a frame captured whole at {@code tsNanos} (for decoders that compare times with the frame's). */
    static Frame decodeAt(int linkType, String hex, long tsNanos) {
        byte[] b = hex(hex);
        return decodeAt(linkType, b, b.length, tsNanos);
    }

    private static Frame decodeAt(int linkType, byte[] bytes, long origLen, long tsNanos) {
        return new FrameDecoder(Registrations.standard(), null, null)
                .decode(new Frame(), 1, tsNanos, bytes.length, origLen, LinkType.valueOf(linkType), 0, bytes, 0);
    }

    /** The {@code tshark -T fields -E occurrence=a} cell of {@code field}: occurrences comma-joined, "" if none. */
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
