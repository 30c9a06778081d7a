package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.Registrations;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TcpSegments.ascii;
import static io.pcapkit.nativeengine.proto.TestFrames.ETHERNET;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.cell;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** HTTP/1.x, one segment at a time; expected values are what tshark 4.0 prints with TCP desegmentation off. */
class HttpDecoderTest {
    /** pcapplusplus/three_http_streams.pcap frame 6: a GET with a query and a cookie, to port 80. */
    static final String REQUEST = """
            00907f3e02d0005043014dd40800450001ad36e440004006cd29ac108584628ba11dd55700503da9fa69fbf6ece480180006fba100000101
            080a07d6cc8e37e28408474554202f736572763f733d313931393030333926743d3133363139313631353726663d75732d70396833204854
            54502f312e310d0a557365722d4167656e743a204d6f7a696c6c612f352e3020284d6163696e746f73683b20496e74656c204d6163204f53
            20582031305f375f3329204170706c655765624b69742f3533342e35352e3320284b48544d4c2c206c696b65204765636b6f292056657273
            696f6e2f352e312e33205361666172692f3533342e35332e31300d0a526566657265723a20687474703a2f2f776562686f7374696e672e79
            61686f6f2e636f6d2f666f72776172642e68746d6c0d0a4163636570743a202a2f2a0d0a436f6f6b69653a20423d66646e756c716c386971
            63366c26623d3326733d70730d0a436f6e6e656374696f6e3a204b6565702d416c6976650d0a4163636570742d456e636f64696e673a2067
            7a69700d0a4163636570742d4c616e67756167653a20656e2c2a0d0a486f73743a2067656f2e7961686f6f2e636f6d0d0a0d0a
            """;

    /** pcapplusplus/three_http_streams.pcap frame 13: "200 OK", headers and a 43-byte GIF body. */
    static final String RESPONSE = """
            005043014dd400907f3e02d00800452001ed7db34000330692fa628ba11dac1085840050d557fbf6ece43da9fbe2801820869c5500000101
            080a37e2843407d6cc8e485454502f312e3120323030204f4b0d0a446174653a205475652c2032362046656220323031332032323a30323a
            333720474d540d0a5033503a20706f6c6963797265663d22687474703a2f2f696e666f2e7961686f6f2e636f6d2f7733632f7033702e786d
            6c222c2043503d2243414f2044535020434f52204355522041444d204445562054414920505341205053442049564169204956446920434f
            4e692054454c6f204f545069204f55522044454c692053414d69204f54526920554e5269205055426920494e4420504859204f4e4c20554e
            49205055522046494e20434f4d204e415620494e542044454d20434e542053544120504f4c2048454120505245204c4f4320474f56220d0a
            43616368652d436f6e74726f6c3a206e6f2d63616368652c206e6f2d73746f72652c20707269766174650d0a507261676d613a206e6f2d63
            616368650d0a436f6e74656e742d4c656e6774683a2034330d0a436f6e6e656374696f6e3a20636c6f73650d0a436f6e74656e742d547970
            653a20696d6167652f6769660d0a0d0a47494638396101000100800000ffffff00000021f90401000000002c000000000100010000020244
            01003b
            """;

    @Test void requestLineAndHeaders() {
        Frame f = decode(ETHERNET, REQUEST);
        TestFrames.assertChainStartsWith(f, "Ethernet:IPv4:TCP:HTTP");
        assertCells(f, "http.request=1", "http.request.method=GET",
                "http.request.uri=/serv?s=19190039&t=1361916157&f=us-p9h3", "http.request.uri.path=/serv",
                "http.request.uri.query=s=19190039&t=1361916157&f=us-p9h3",
                "http.request.uri.query.parameter=s=19190039,t=1361916157,f=us-p9h3",
                "http.request.version=HTTP/1.1", "http.host=geo.yahoo.com",
                "http.request.full_uri=http://geo.yahoo.com/serv?s=19190039&t=1361916157&f=us-p9h3",
                "http.referer=http://webhosting.yahoo.com/forward.html", "http.accept=*/*",
                "http.cookie=B=fdnulql8iqc6l&b=3&s=ps", "http.cookie_pair=B=fdnulql8iqc6l&b=3&s=ps",
                "http.connection=Keep-Alive", "http.accept_encoding=gzip", "http.accept_language=en,*",
                "http.user_agent=Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_3) AppleWebKit/534.55.3 (KHTML, like "
                        + "Gecko) Version/5.1.3 Safari/534.53.10",
                "http.response=");
        assertEquals(8, cell(f, "http.request.line").split("\\\\r\\\\n,").length);
    }

    @Test void statusLineAndHeaders() {
        Frame f = decode(ETHERNET, RESPONSE);
        assertEquals("Ethernet:IPv4:TCP:HTTP:Raw", f.protochain()); // the GIF body is data
        assertCells(f, "http.response=1", "http.response.version=HTTP/1.1", "http.response.code=200",
                "http.response.code.desc=OK", "http.response.phrase=OK", "http.content_type=image/gif",
                "http.content_length_header=43", "http.content_length=43",
                "http.cache_control=no-cache, no-store, private", "http.connection=close",
                "http.date=Tue, 26 Feb 2013 22:02:37 GMT", "http.request=");
    }

    @Test void aSegmentStartingMidBodyIsAContinuation() {
        Frame f = decode(ETHERNET, TestFrames.change(RESPONSE, 66, "78")); // "xTTP/1.1 200 OK": no status line
        assertEquals("Ethernet:IPv4:TCP:HTTP:Raw", f.protochain());
        assertCells(f, "http.response=", "http.response.code=", "http.content_type=");
    }

    @Test void pipelinedRequestsInOneSegmentAreEachDecoded() {
        Frame f = TcpSegments.decode(TcpSegments.toServer(80, ascii(
                "GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b HTTP/1.0\r\nHost: y\r\n\r\n")));
        assertCells(f, "http.request=1,1", "http.request.method=GET,HEAD", "http.request.uri=/a,/b",
                "http.request.version=HTTP/1.1,HTTP/1.0", "http.host=x,y",
                "http.request.full_uri=http://x/a,http://y/b");
    }

    @Test void aHeaderCutBySegmentEndIsTakenAsFarAsItGoes() {
        Frame f = TcpSegments.decode(TcpSegments.toServer(80, ascii("POST /f HTTP/1.1\r\nHost: h\r\nUser-Ag")));
        assertCells(f, "http.request.method=POST", "http.host=h", "http.request.line=Host: h\\r\\n,User-Ag");
        assertEquals(false, f.hasAnomalies());
    }

    @Test void contentFindsHttpOnAPortWithoutADecoder() {
        // loopback-gso.pcap has such a stream (port 41880); tshark's HTTP heuristic claims it the same way
        Frame f = TcpSegments.decode(TcpSegments.toServer(41880, ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n")));
        assertCells(f, "http.request.method=GET");
        Frame g = TcpSegments.decode(TcpSegments.toServer(41880, ascii("Get / HTTP/1.1\r\n\r\n")));
        assertEquals("Ethernet:IPv4:TCP:Raw", g.protochain()); // methods are case-sensitive
    }

    @Test void aStatusLineWithoutCodeGivesOnlyTheVersion() {
        Frame f = TcpSegments.decode(TcpSegments.toClient(80, ascii("HTTP/1.1 2x0 Odd\r\n\r\n")));
        assertCells(f, "http.response=1", "http.response.version=HTTP/1.1", "http.response.code=");
    }

    @Test void everyTcpApplicationIsKnownByName() {
        var r = Registrations.standard();
        for (String p : new String[] {"http", "http2", "tls", "ftp", "ftp-data"}) assertEquals(p,
                r.byProtocol(p).protocol().abbrev());
    }
}
