package io.pcapkit.model;

import io.pcapkit.spi.RenderBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link FieldBytes}' byte-level writers against the JDK's own text of the same values. */
class FieldBytesTest {
    @Test void hexIsTheJdksLowerCaseHexForEveryByteValueOffsetAndLength() {
        byte[] all = new byte[600];
        for (int i = 0; i < all.length; i++) all[i] = (byte) (i * 167 + 13);   // every byte value, in no order
        for (int v = 0; v < 256; v++) all[v] = (byte) v;
        for (int off = 0; off < 5; off++) {
            for (int len = 0; len <= all.length - off; len += len < 40 ? 1 : 97) {
                RenderBuffer out = new RenderBuffer(4);
                out.write('>');
                FieldBytes.hex(out, all, off, len);
                String expected = ">" + HexFormat.of().formatHex(all, off, off + len);
                assertEquals(expected, new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII),
                        "offset " + off + ", length " + len);
            }
        }
    }

    @Test void hexIntoAnArrayReturnsTheIndexAfterTheDigits() {
        byte[] b = new byte[10];
        assertEquals(9, FieldBytes.hex(b, 1, new byte[] {(byte) 0xAB, 0x00, 0x7F, (byte) 0xF0}, 0, 4));
        assertEquals("ab007ff0", new String(b, 1, 8, StandardCharsets.US_ASCII));
    }
}
