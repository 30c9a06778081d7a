package io.pcapkit.reassembly.app;

import io.pcapkit.hpack.HpackTable;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The analysis' header lists through the shared HPACK decoder (RFC 7541 Appendix C examples). */
class HpackTest {
    @Test void rfc7541AppendixC3() {
        HpackTable t = new HpackTable();
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                Http2.headers(t, HexFormat.of().parseHex("828684410f7777772e6578616d706c652e636f6d")));
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                        "cache-control: no-cache"),
                Http2.headers(t, HexFormat.of().parseHex("828684be58086e6f2d6361636865")));
    }

    @Test void huffmanStringsAreDecoded() {
        // RFC 7541 C.4.1: the same first request with Huffman-coded :authority
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                Http2.headers(new HpackTable(), HexFormat.of().parseHex("828684418cf1e3c2e5f23a6ba0ab90f4ff")));
    }

    @Test void garbageEndsTheBlockWithoutThrowing() {
        assertEquals(List.of("<HPACK integer cut short at 0>"), Http2.headers(new HpackTable(), new byte[] {(byte) 0xFF}));
    }
}
