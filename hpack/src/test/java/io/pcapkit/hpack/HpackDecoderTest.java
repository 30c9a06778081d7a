package io.pcapkit.hpack;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoder against RFC 7541 Appendix C's examples (their bytes, header lists and table sizes). */
class HpackDecoderTest {
    private static final class Collect implements HeaderHandler {
        final List<String> headers = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<HeaderHandler.Representation> how = new ArrayList<>();

        @Override public void header(String name, String value, Representation r, long index, int start, int end) {
            headers.add(name + ": " + value);
            how.add(r);
        }

        @Override public void error(int at, String why) { errors.add(at + " " + why); }
    }

    private static Collect decode(HpackTable t, String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        Collect c = new Collect();
        boolean ok = HpackDecoder.decode(Octets.of(b), 0, b.length, t, c);
        assertEquals(c.errors.isEmpty(), ok);
        return c;
    }

    @Test void c4RequestsWithHuffmanShareOneDynamicTable() {
        HpackTable t = new HpackTable();
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                decode(t, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff").headers);
        assertEquals(57, t.size());
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                "cache-control: no-cache"), decode(t, "8286 84be 5886 a8eb 1064 9cbf").headers);
        Collect c3 = decode(t, "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf");
        assertEquals(List.of(":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com",
                "custom-key: custom-value"), c3.headers);
        assertEquals(HeaderHandler.Representation.INCREMENTAL_INDEXING, c3.how.get(4));
        assertEquals(3, t.dynamicCount());
        assertEquals(164, t.size());
        assertEquals("custom-key", t.name(HpackTable.STATIC_COUNT + 1));
    }

    @Test void c6ResponsesEvictFromA256ByteTable() {
        HpackTable t = new HpackTable();
        t.setMaxSize(256);
        assertEquals(List.of(":status: 302", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:21 GMT",
                "location: https://www.example.com"), decode(t, "4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4"
                + " 44a8 2005 9504 0b81 66e0 82a6 2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3").headers);
        assertEquals(222, t.size());
        assertEquals(List.of(":status: 307", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:21 GMT",
                "location: https://www.example.com"), decode(t, "4883 640e ffc1 c0bf").headers);
        assertEquals(222, t.size());
        assertEquals(List.of(":status: 200", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:22 GMT",
                "location: https://www.example.com", "content-encoding: gzip",
                "set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"),
                decode(t, "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab 77ad 94e7"
                        + " 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0"
                        + " 03ed 4ee5 b106 3d50 07").headers);
        assertEquals(215, t.size());
        assertEquals(3, t.dynamicCount());
    }

    @Test void badBlocksStopWithTheirPlace() {
        // an index past static (61) + empty dynamic table: 0xBE = indexed 62
        Collect c = decode(new HpackTable(), "82be");
        assertEquals(List.of(":method: GET"), c.headers);
        assertEquals(List.of("1 HPACK index 62 outside the tables (61 static + 0 dynamic entries)"), c.errors);
        // C.4.1 with its last byte cut: the 12-byte Huffman :authority (from offset 5) runs past the block
        assertEquals(List.of("5 HPACK value literal cut short or bad Huffman code"),
                decode(new HpackTable(), "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4").errors);
        // Huffman EOS (30 ones) inside a string is an error (RFC 7541 5.2)
        assertFalse(decode(new HpackTable(), "0001 84ff ffff ff").errors.isEmpty());
    }

    @Test void announcedTableSizesAreClampedToTheCap() {
        HpackTable t = new HpackTable();
        // a size update announcing 31 + 0x61 + (0x7f << 7) + (0x3f << 14) = 1 MiB, clamped to 64 KiB
        Collect c = decode(t, "3fe1ff3f");
        assertTrue(c.errors.isEmpty());
        String big = "x".repeat(40_000);
        t.add("a", big);
        t.add("b", big);
        assertTrue(t.size() <= HpackTable.MAX_SIZE, "table held " + t.size());
        assertEquals(1, t.dynamicCount());
    }
}
