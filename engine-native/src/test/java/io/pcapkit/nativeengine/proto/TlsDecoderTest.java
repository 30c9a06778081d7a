package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.ETHERNET;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS records and handshakes, one segment at a time; expected values are tshark 4.0's (desegmentation off). */
class TlsDecoderTest {
    /** pcapplusplus/example2.pcap frame 58: a TLS 1.2 ClientHello to www.google.com:443 (ALPN spdy/3.1 …). */
    static final String CLIENT_HELLO = """
            30469a23fbfa6cf049b2de6e0800450000ee6475400080068f690a000001adc24e68d79a01bb807df4a646529f2850184114c41900001603
            0100c1010000bd03039d9986dbe89f16b7234fcbe50ff3101363f1f6f1c4fda75a56d423a1b8db1974000020c02bc02fc00ac009c013c014
            c007c011003300320039002f0035000a000500040100007400000013001100000e7777772e676f6f676c652e636f6dff01000100000a0008
            0006001700180019000b0002010000230000337400000010001b001908737064792f332e3106737064792f3308687474702f312e31000500
            050100000000000d0012001004010501020104030503020304020202
            """;

    /** pcapplusplus/example2.pcap frame 66: ClientKeyExchange, ChangeCipherSpec, encrypted Finished in one segment. */
    static final String KEY_EXCHANGE = """
            30469a23fbfa6cf049b2de6e0800450000a66479400080068fad0a000001adc24e68d79a01bb807df56c4652acdc5018404ff59d00001603
            030046100000424104e227ac9230c26fca613ce8bae0546889d2a3c53b726a8fdce5889ff909b2ad170980b0d83161429787f46112577aab
            b4e0ba8a7ec3fb830591f350288288ff2014030300010116030300280000000000000000fd9c1bf91b0bc6b5ddd8a8a37ddf98c97a78a015
            ce3b70daec33395729a52bff
            """;

    /** pcapplusplus/example2.pcap frame 79: one Application Data record. */
    static final String APP_DATA = """
            6cf049b2de6e30469a23fbfa0800450000619dc300002e06e8a8adc24e680a00000101bbd79a4652add2807df5ea501801587beb00001703
            03003400000000000000019a6e203bc45a73f64f89b89ce37e654de077b9a9fbb07916847cf70af278813735ed6a3b65da98bbe42379a8
            """;

    @Test void clientHelloAndItsExtensions() {
        Frame f = decode(ETHERNET, CLIENT_HELLO);
        assertEquals("Ethernet:IPv4:TCP:TLS", f.protochain());
        assertCells(f, "tls.record.content_type=22", "tls.record.version=0x0301", "tls.record.length=193",
                "tls.handshake.type=1", "tls.handshake.length=189", "tls.handshake.version=0x0303",
                "tls.handshake.session_id_length=0", "tls.handshake.cipher_suites_length=32",
                "tls.handshake.ciphersuite=0xc02b,0xc02f,0xc00a,0xc009,0xc013,0xc014,0xc007,0xc011,0x0033,0x0032,"
                        + "0x0039,0x002f,0x0035,0x000a,0x0005,0x0004",
                "tls.handshake.comp_method=0", "tls.handshake.extensions_length=116",
                "tls.handshake.extension.type=0,65281,10,11,35,13172,16,5,13",
                "tls.handshake.extension.len=19,1,8,2,0,0,27,5,18",
                "tls.handshake.extensions_server_name=www.google.com",
                "tls.handshake.extensions_server_name_list_len=17", "tls.handshake.extensions_server_name_len=14",
                "tls.handshake.extensions_alpn_str=spdy/3.1,spdy/3,http/1.1",
                "tls.handshake.extensions_alpn_str_len=8,6,8",
                "tls.handshake.extensions_supported_group=0x0017,0x0018,0x0019",
                "tls.handshake.extensions_ec_point_format=0",
                "tls.handshake.sig_hash_alg=0x0401,0x0501,0x0201,0x0403,0x0503,0x0203,0x0402,0x0202",
                "tls.handshake.sig_hash_hash=4,5,2,4,5,2,4,2", "tls.handshake.sig_hash_sig=1,1,1,3,3,3,2,2",
                "tls.handshake.extensions_reneg_info_len=0", "tls.handshake.extensions_status_request_type=1",
                "tls.handshake.random=9d9986dbe89f16b7234fcbe50ff3101363f1f6f1c4fda75a56d423a1b8db1974",
                "tls.handshake.random_bytes=e89f16b7234fcbe50ff3101363f1f6f1c4fda75a56d423a1b8db1974");
        assertFalse(f.hasAnomalies());
    }

    @Test void afterChangeCipherSpecTheHandshakeIsEncrypted() {
        Frame f = decode(ETHERNET, KEY_EXCHANGE);
        assertCells(f, "tls.record.content_type=22,20,22", "tls.record.length=70,1,40", "tls.handshake.type=16",
                "tls.handshake.length=66", "tls.handshake=1,1", "tls.change_cipher_spec=1");
    }

    @Test void applicationDataIsOpaque() {
        Frame f = decode(ETHERNET, APP_DATA);
        assertCells(f, "tls.record.content_type=23", "tls.record.length=52", "tls.handshake.type=");
        assertEquals(104, TestFrames.cell(f, "tls.app_data").length());
    }

    @Test void aRecordCutByTheCaptureIsNotShownAndSaysSo() {
        byte[] whole = hex(CLIENT_HELLO);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
        Frame f = decode(ETHERNET, cut, whole.length);
        assertCells(f, "tls.record.content_type=", "tls.handshake.type=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void aRecordGoingOnInTheNextSegmentIsNormal() {
        // the segment ends inside the record: the stream's normal shape, nothing shown, nothing wrong
        Frame f = TcpSegments.decode(TcpSegments.toServer(443, hex("1603010200 0100")));
        assertCells(f, "tls.record.content_type=");
        assertFalse(f.hasAnomalies());
    }

    @Test void aHelloTooShortForItsFieldsIsNamed() {
        // a Handshake record holding a ClientHello of 10 bytes: version and random need 34
        Frame f = TcpSegments.decode(TcpSegments.toServer(443, hex("160303000e 0100000a 0303 0102030405060708")));
        assertCells(f, "tls.handshake.type=1", "tls.handshake.length=10", "tls.handshake.version=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void tlsIsFoundByContentOnAnUnregisteredPort() {
        // pcapplusplus/pcapng-example.pcapng carries TLS on MySQL's 3306; the record header gives it away
        Frame f = TcpSegments.decode(TcpSegments.toServer(3306, hex("1503030002 0228")));
        assertCells(f, "tls.record.content_type=21", "tls.alert_message.level=2", "tls.alert_message.desc=40");
        Frame g = TcpSegments.decode(TcpSegments.toServer(3306, hex("1503090002 0228"))); // version 3.9: not TLS
        assertEquals("Ethernet:IPv4:TCP:Raw", g.protochain());
    }
}
