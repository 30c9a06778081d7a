package io.pcapkit.reassembly.app;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 7541 Appendix C.3: requests without Huffman coding, the dynamic table carried from one to the next. */
class HpackTest {
    @Test void rfc7541AppendixC3() {
        Hpack h = new Hpack();
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                h.decode(HexFormat.of().parseHex("828684410f7777772e6578616d706c652e636f6d")));
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                        "cache-control: no-cache"),
                h.decode(HexFormat.of().parseHex("828684be58086e6f2d6361636865")));
    }

    @Test void huffmanStringsAreNamedNotGuessed() {
        // RFC 7541 C.4.1: the same first request with Huffman-coded :authority
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: <huffman 12 bytes>"),
                new Hpack().decode(HexFormat.of().parseHex("828684418cf1e3c2e5f23a6ba0ab90f4ff")));
    }

    @Test void garbageEndsTheBlockWithoutThrowing() {
        assertEquals(List.of("<undecodable header block at 0>"), new Hpack().decode(new byte[] {(byte) 0xFF}));
    }
}
