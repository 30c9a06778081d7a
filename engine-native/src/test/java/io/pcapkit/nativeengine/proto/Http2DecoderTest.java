package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.DecodeAs;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.Registrations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/2 and HPACK. The h2c capture is decoded frame after frame with one decoder, as a capture is: its later
 * HEADERS frames refer to dynamic-table entries earlier frames of the connection made. Expected values are tshark
 * 4.0's (desegmentation off).
 */
class Http2DecoderTest {
    /** scapy/http2_h2c.pcap, all ten frames: an HTTP/1.1 "Upgrade: h2c" request on port 80, 101, then HTTP/2. */
    static final String[] H2C = {
            """
            8a7d409e521b927639bec1810800450000e68c70400040069c6e0a0900028ba27b86e2b60050a36a318ca4311629801800e5120c00000101
            080a44e55f6cd4bcf11b474554202f726f626f74732e74787420485454502f312e310d0a486f73743a206e6768747470322e6f72670d0a55
            7365722d4167656e743a206375726c2f372e36312e300d0a4163636570743a202a2f2a0d0a436f6e6e656374696f6e3a2055706772616465
            2c2048545450322d53657474696e67730d0a557067726164653a206832630d0a48545450322d53657474696e67733a2041414d414141426b
            414152414141414141414941414141410d0a0d0a
            """,
            """
            927639bec1818a7d409e521b080045200096dbad4000350658618ba27b860a0900020050e2b6a4311629a36a323e801800eb2c4300000101
            080ad4bcf25644e55f6c485454502f312e312031303120537769746368696e672050726f746f636f6c730d0a436f6e6e656374696f6e3a20
            557067726164650d0a557067726164653a206832630d0a0d0a000012040000000000000300000064000400100000000100002000
            """,
            """
            8a7d409e521b927639bec18108004500004c8c72400040069d060a0900028ba27b86e2b60050a36a323ea431168b801800e5117200000101
            080a44e561c5d4bcf256505249202a20485454502f322e300d0a0d0a534d0d0a0d0a
            """,
            """
            8a7d409e521b927639bec18108004500004f8c73400040069d020a0900028ba27b86e2b60050a36a3256a431168b801800e5117500000101
            080a44e561c5d4bcf256000012040000000000000300000064000440000000000200000000
            """,
            """
            8a7d409e521b927639bec18108004500003d8c74400040069d130a0900028ba27b86e2b60050a36a3271a431168b801800e5116300000101
            080a44e561c5d4bcf256000000040100000000
            """,
            """
            927639bec1818a7d409e521b080045200148dbae4000350657ae8ba27b860a0900020050e2b6a431168ba36a323e801800eb4d8b00000101
            080ad4bcf25844e55f6c0000c4010400000001886196dd6d5f4a044a436cca08017940bb71905c682a62d1bf5f87497ca58ae819aa6c96df
            697e9403ca681fa50400bca059b8db3704253168df0f138bfe5b1ca11c7209664bfcff52848fd24a8f0f0d023632408ff2b4632752d522d3
            947216c5ac4a7f8602e0009c69bf7686aa69d29afcff7c8712954d3a535f9f408bf2b4b60e92ac7ad263d48f89dd0e8c1ab6e4c5934f408c
            f2b794216aec3a4a4498f57f8a0fda949e42c11d07275f4090f2b10f524b52564faacab1eb498f523f85a8e8a8d2cb00003e000100000001
            557365722d6167656e743a202a0a446973616c6c6f773a200a0a536974656d61703a202f2f6e6768747470322e6f72672f736974656d6170
            2e786d6c200a
            """,
            """
            8a7d409e521b927639bec1810800450000418c75400040069d0e0a0900028ba27b86e2b60050a36a327aa431168b801800e5116700000101
            080a44e561c5d4bcf2560000040800000000003fff0001
            """,
            """
            8a7d409e521b927639bec1810800450000658c76400040069ce90a0900028ba27b86e2b60050a36a3287a431179f801800ed118b00000101
            080a44e561c5d4bcf2580000280105000000033fe11f820488627b691d485d3e53864188aa69d29ac4b9ec9b7a8825b650c3abb815c15303
            2a2f2a
            """,
            """
            927639bec1818a7d409e521b08004520003ddbb04000350658b78ba27b860a0900020050e2b6a431179fa36a3271801800eb7ec300000101
            080ad4bcf4ab44e561c5000000040100000000
            """,
            """
            927639bec1818a7d409e521b08004520008edbb24000350658648ba27b860a0900020050e2b6a43117a8a36a32b8801800eb9db800000101
            080ad4bcf4af44e561c500003f0104000000038d6196dd6d5f4a044a436cca08017940bb71905c684a62d1bf5f92497ca58ae819aafb5093
            8ec415305a99567b0f0d01397f068602e0005f75dfc5c4c3c2c10000090001000000036e6f7420666f756e64
            """};

    private static Frame[] h2c() {
        byte[][] raw = new byte[H2C.length][];
        for (int i = 0; i < raw.length; i++) raw[i] = hex(H2C[i]);
        return TcpSegments.decodeAll(Registrations.standard(), raw);
    }

    @Test void anUpgradedConnectionIsDecodedAsTsharkDoes() {
        Frame[] f = h2c();
        assertEquals("Ethernet:IPv4:TCP:HTTP", f[0].protochain());
        // the request's HTTP2-Settings header, base64url, shown with HTTP/2's setting fields
        assertCells(f[0], "http.upgrade=h2c", "http2.settings.id=3,4,2", "http2.settings.initial_window_size=1073741824");
        // 101, then the server's SETTINGS in the same segment, claimed by content after the switch
        assertEquals("Ethernet:IPv4:TCP:HTTP:HTTP2", f[1].protochain());
        assertCells(f[1], "http.response.code=101", "http2.type=4", "http2.length=18", "http2.streamid=0",
                "http2.settings.id=3,4,1", "http2.settings.header_table_size=8192", "http2.flags=0x00",
                "http2.flags.ack.settings=0", "http2.flags.unused_settings=0x00", "http2.r=0x00000000");
        // port 80 again, but the connection is known to speak HTTP/2 now
        assertCells(f[2], "http2.magic=PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n", "http2.stream=1");
        assertCells(f[4], "http2.type=4", "http2.flags=0x01", "http2.flags.ack.settings=1");
        assertCells(f[6], "http2.type=8", "http2.window_update.window_size_increment=1073676289");
    }

    @Test void headersAreHpackDecodedWithTheConnectionsDynamicTable() {
        Frame[] f = h2c();
        assertCells(f[5], "http2.type=1,0", "http2.flags.end_stream=0,1", "http2.flags.eh=1",
                "http2.header.count=13", "http2.header.length=398",
                "http2.header.name=:status,date,content-type,last-modified,etag,accept-ranges,content-length,"
                        + "x-backend-header-rtt,server,via,x-frame-options,x-xss-protection,x-content-type-options",
                "http2.header.index=8,33,31,44,34,18,28,54,60", "http2.headers.status=200",
                "http2.headers.content_length=62", "http2.data.data="
                        + "557365722d6167656e743a202a0a446973616c6c6f773a200a0a536974656d61703a202f2f6e6768747470322e"
                        + "6f72672f736974656d61702e786d6c200a");
        assertCells(f[7], "http2.streamid=3", "http2.header_table_size_update.header_table_size=4096",
                "http2.header.name=:method,:path,:scheme,:authority,user-agent,accept",
                "http2.header.value=GET,/humans.txt,http,nghttp2.org,curl/7.61.0,*/*",
                "http2.header.count=7", "http2.header.length=136",
                "http2.request.full_uri=http://nghttp2.org/humans.txt");
        // the second response reuses what the first added: indexes above the 61 static entries
        assertCells(f[9], "http2.header.index=13,33,31,28,69,69,68,67,66,65",
                "http2.header.value=404,Sun, 12 Aug 2018 17:30:42 GMT,text/plain; charset=utf-8,9,0.001977,"
                        + "nghttpx,2 nghttpx,SAMEORIGIN,1; mode=block,nosniff",
                "http2.header.repr=Indexed Header Field,"
                        + "Literal Header Field with Incremental Indexing - Indexed Name,"
                        + "Literal Header Field with Incremental Indexing - Indexed Name,"
                        + "Literal Header Field without Indexing - Indexed Name,"
                        + "Literal Header Field with Incremental Indexing - Indexed Name,"
                        + "Indexed Header Field,Indexed Header Field,Indexed Header Field,Indexed Header Field,"
                        + "Indexed Header Field");
        for (Frame x : f) assertFalse(x.hasAnomalies(), x::protochain);
    }

    /** A HEADERS frame (END_HEADERS, END_STREAM) on stream {@code sid} carrying {@code block}. */
    private static byte[] headers(int sid, String block) {
        byte[] b = hex(block);
        byte[] fr = new byte[9 + b.length];
        fr[0] = (byte) (b.length >>> 16); fr[1] = (byte) (b.length >>> 8); fr[2] = (byte) b.length;
        fr[3] = 1; fr[4] = 5; fr[8] = (byte) sid;
        System.arraycopy(b, 0, fr, 9, b.length);
        return fr;
    }

    private static DecoderRegistry grpcPort() {
        DecoderRegistry r = Registrations.standard();
        DecodeAs.apply(r, List.of("tcp.port==50051,http2")); // the --decode-as of wireshark_samples/grpc.pcap
        return r;
    }

    @Test void rfc7541RequestExamplesWithHuffmanCoding() {
        // RFC 7541 C.4.1 to C.4.3: three requests of one connection, each using what the previous ones indexed
        Frame[] f = TcpSegments.decodeAll(grpcPort(),
                TcpSegments.toServer(50051, headers(1, "828684418cf1e3c2e5f23a6ba0ab90f4ff")),
                TcpSegments.toServer(50051, headers(3, "828684be5886a8eb10649cbf")),
                TcpSegments.toServer(50051, headers(5, "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf")));
        assertCells(f[0], "http2.header.name=:method,:scheme,:path,:authority",
                "http2.header.value=GET,http,/,www.example.com", "http2.header.index=2,6,4,1");
        assertCells(f[1], "http2.header.name=:method,:scheme,:path,:authority,cache-control",
                "http2.header.value=GET,http,/,www.example.com,no-cache", "http2.header.index=2,6,4,62,24");
        assertCells(f[2], "http2.header.name=:method,:scheme,:path,:authority,custom-key",
                "http2.header.value=GET,https,/index.html,www.example.com,custom-value",
                "http2.header.index=2,7,5,63", "http2.request.full_uri=https://www.example.com/index.html");
    }

    @Test void anHpackIndexPastTheTablesIsAnAnomaly() {
        // 0xff 0x40: indexed field 127 + 64 = 191, with 61 static and no dynamic entries
        Frame f = TcpSegments.decodeAll(grpcPort(), TcpSegments.toServer(50051, headers(1, "82ff40")))[0];
        assertCells(f, "http2.header.name=:method", "http2.header.count=1");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }

    @Test void aBadHuffmanStringIsAnAnomaly() {
        // a new-name literal whose name is 4 bytes of ones: 30 of them spell EOS, which RFC 7541 5.2 forbids
        Frame f = TcpSegments.decodeAll(grpcPort(), TcpSegments.toServer(50051, headers(1, "4084ffffffff0161")))[0];
        assertCells(f, "http2.header.name=", "http2.header.count=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }

    @Test void aFrameCutBySegmentEndKeepsItsHeader() {
        Frame f = TcpSegments.decodeAll(grpcPort(),
                TcpSegments.toServer(50051, hex("000010 00 01 00000001 6869")))[0]; // DATA of 16 bytes, 2 present
        assertCells(f, "http2.length=16", "http2.type=0", "http2.streamid=1", "http2.data.data=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void aPrefaceOnAnUnknownPortIsLeftAloneAsTsharkDoes() {
        // tshark 4.0 has no HTTP/2 heuristic: wireshark_samples/grpc.pcap is data without --decode-as
        Frame f = TcpSegments.decodeAll(Registrations.standard(),
                TcpSegments.toServer(50051, TcpSegments.ascii(Http2Decoder.PREFACE)))[0];
        assertEquals("Ethernet:IPv4:TCP:Raw", f.protochain());
    }

    @Test void everyFrameTypeHasItsFields() {
        Frame f = TcpSegments.decodeAll(grpcPort(), TcpSegments.toServer(50051, hex(
                "000005 02 00 00000003 80000001 0f"          // PRIORITY: exclusive on 1, weight 15
                        + "000004 03 00 00000003 00000008"   // RST_STREAM CANCEL
                        + "000008 06 01 00000000 0102030405060708" // PING ACK
                        + "00000a 07 00 00000000 00000005 00000000 6262" // GOAWAY, last 5, debug "bb"
                        + "000004 05 04 00000001 00000002"   // PUSH_PROMISE of stream 2, empty block
                        + "00000e 0a 00 00000000 0003 612e62 68323d223a34343322" // ALTSVC a.b h2=":443"
                        + "00000d 0c 00 00000000 000b 68747470733a2f2f612e62" // ORIGIN https://a.b
                        + "000003 63 00 00000000 aabbcc")))[0]; // unknown type 0x63
        assertCells(f, "http2.type=2,3,6,7,5,10,12,99", "http2.exclusive=1", "http2.stream_dependency=1",
                "http2.headers.weight=15", "http2.headers.weight_real=16", "http2.rst_stream.error=8",
                "http2.pong=0102030405060708", "http2.goaway.last_stream_id=5", "http2.goaway.error=0",
                "http2.goaway.addata=6262", "http2.push_promise.promised_stream_id=2", "http2.unknown=aabbcc",
                "http2.altsvc.origin=a.b", "http2.altsvc.field_value=h2=\":443\"",
                "http2.origin.origin=https://a.b");
    }
}
