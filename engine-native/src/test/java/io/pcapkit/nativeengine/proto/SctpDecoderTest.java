package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.decode.DecodeAs;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.pcapkit.nativeengine.proto.Built.ascii;
import static io.pcapkit.nativeengine.proto.Built.be;
import static io.pcapkit.nativeengine.proto.Built.cat;
import static io.pcapkit.nativeengine.proto.Built.seq;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCTP. The corpus holds no SCTP capture: every frame here is built from the RFC 9260 layouts (and RFC 4895, 5061,
 * 6525, 3758, 8260, 4820 for the extension chunks), and the values asserted are tshark 4.0's for those bytes;
 * {@link #everyChunkAgreesWithTshark} writes them to a pcap and compares every sctp field with live tshark.
 */
class SctpDecoderTest {
    static final String A4 = "c0000201", A6 = "20010db8000000000000000000000abc";
    /** An INIT with IPv4, IPv6, cookie preservative, hostname, supported address types and the extension params. */
    static final String INIT = Built.ipv4(132, sctp(5000, 36412, chunk(1, 0, cat("11223344", be(65536, 4), "000a",
            "000a", be(1000, 4), param(5, A4), param(6, A6), param(9, be(5000, 4)), param(11, ascii("host.example") + "00"),
            param(12, "00050006000b"), param(0x8000, ""), param(0xc000, ""), param(0x8008, "c18082"),
            param(0x8002, seq(0, 32)), param(0x8003, "c180"), param(0x8004, "00010003"), param(0xc006, be(0x1020, 4))))));
    /** A DATA chunk carrying a whole message with payload protocol identifier 46. */
    static final String DATA = Built.ipv4(132, sctp(5001, 2905, chunk(0, 3, cat(be(2, 4), "0001", "0001", be(46, 4),
            ascii("0123456789")))));

    @Test void init() {
        Frame f = decode(TestFrames.ETHERNET, INIT);
        assertEquals("Ethernet:IPv4:SCTP", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "sctp.srcport=5000", "sctp.dstport=36412", "sctp.port=5000,36412",
                "sctp.verification_tag=0x12345678", "sctp.checksum=0x00000000", "sctp.checksum.status=2",
                "sctp.assoc_index=65535", "sctp.chunk_type=1", "sctp.chunk_flags=0x00", "sctp.chunk_length=164",
                "sctp.init_initiate_tag=0x11223344", "sctp.initiate_tag=0x11223344", "sctp.init_credit=65536",
                "sctp.init_nr_out_streams=10", "sctp.init_initial_tsn=1000",
                "sctp.parameter_type=0x0005,0x0006,0x0009,0x000b,0x000c,0x8000,0xc000,0x8008,0x8002,0x8003,0x8004,0xc006",
                "sctp.parameter_ipv4_address=192.0.2.1", "sctp.parameter_ipv6_address=2001:db8::abc",
                "sctp.parameter_hostname=host.example", "sctp.parameter_supported_address_type=5,6,11",
                "sctp.supported_chunk_type=193,128,130", "sctp.chunk_type_to_auth=193,128", "sctp.hmac_id=1,3",
                "sctp.parameter_padding=000000,0000,00,0000");
    }

    @Test void dataPayloadGoesToTheNextLayer() {
        Frame f = decode(TestFrames.ETHERNET, DATA);
        assertEquals("Ethernet:IPv4:SCTP:Raw", f.protochain());
        assertCells(f, "sctp.data_tsn_raw=2", "sctp.data_sid=0x0001", "sctp.data_ssn=1",
                "sctp.data_payload_proto_id=46", "sctp.data_b_bit=1", "sctp.data_e_bit=1", "sctp.chunk_padding=0000",
                "data.data=30313233343536373839");
    }

    @Test void decodeAsByPortAndByPayloadProtocol() {
        DecoderRegistry byPort = Registrations.standard();
        DecodeAs.apply(byPort, List.of("sctp.port==2905,eth"));
        assertTrue(decodeWith(byPort, DATA).protochain().startsWith("Ethernet:IPv4:SCTP:Ethernet"));
        DecoderRegistry byPpi = Registrations.standard();
        DecodeAs.apply(byPpi, List.of("sctp.ppi==46,eth", "sctp.port==2905,ipv6"));
        assertTrue(decodeWith(byPpi, DATA).protochain().startsWith("Ethernet:IPv4:SCTP:Ethernet"), "ppi before port");
    }

    /** Malformed: the chunk says 40 bytes, the packet holds 20; its header is shown and the anomaly named. */
    @Test void chunkLongerThanThePacket() {
        String frame = Built.ipv4(132, sctp(5000, 5001, cat("07000028", be(777, 4), seq(0, 12))));
        Frame f = decode(TestFrames.ETHERNET, frame);
        assertCells(f, "sctp.chunk_type=7", "sctp.chunk_length=40", "sctp.shutdown_cumulative_tsn_ack=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Every chunk type, parameter and error cause, against live tshark on every sctp field pcapkit declares. */
    @Test void everyChunkAgreesWithTshark() throws IOException {
        List<String> frames = List.of(INIT, DATA,
                frame(chunk(2, 0, cat("55667788", be(65536, 4), "00050005", be(2000, 4), param(7, seq(0, 20)),
                        param(8, param(0x9999, "616263"))))),
                frame(chunk(3, 1, cat(be(1000, 4), be(5000, 4), "00020002", "00020003", "00050009", be(990, 4), be(991, 4)))),
                frame(chunk(4, 0, param(1, seq(0, 12))), chunk(5, 0, param(1, seq(0, 12)))),
                frame(chunk(6, 1, cat(param(1, "00070000"), param(2, cat(be(2, 4), "00070009")), param(3, be(1234, 4)),
                        param(4, ""), param(5, param(5, A4)), param(6, chunk(250, 0, "7879")), param(7, ""),
                        param(8, param(0x9999, "71")), param(9, be(42, 4)), param(10, ""), param(11, param(5, A4)),
                        param(12, ascii("bye")), param(13, ascii("bad")), param(0xa0, param(5, A4)),
                        param(0x105, "0007"), param(0x777, "3f")))),
                frame(chunk(7, 0, be(777, 4)), chunk(8, 0, ""), chunk(14, 1, ""), chunk(11, 0, ""),
                        chunk(10, 0, seq(0, 16))),
                frame(chunk(9, 0, param(1, "00030000")), chunk(12, 0, be(55, 4)), chunk(13, 0, be(56, 4))),
                frame(chunk(15, 0, cat("00010001", seq(0, 20)))),
                frame(chunk(16, 0, cat(be(500, 4), be(4000, 4), "0001000100010000", "00020003", "00050006", be(499, 4)))),
                frame(chunk(64, 3, cat(be(300, 4), "00010000", be(7, 4), be(46, 4), ascii("idata"))),
                        chunk(64, 1, cat(be(301, 4), "00010000", be(7, 4), be(3, 4), ascii("frag")))),
                frame(chunk(193, 0, cat(be(9, 4), param(5, A4), param(0xc001, cat(be(1, 4), param(5, A4))),
                        param(0xc002, cat(be(2, 4), param(6, A6))), param(0xc004, cat(be(3, 4), param(5, A4))))),
                        chunk(128, 0, cat(be(9, 4), param(0xc005, be(1, 4)),
                                param(0xc003, cat(be(2, 4), param(0xa1, param(5, A4))))))),
                frame(chunk(130, 0, cat(param(13, cat(be(1, 4), be(2, 4), be(3, 4), "00040005")),
                        param(14, cat(be(6, 4), "00070008")))), chunk(130, 0, cat(param(15, be(9, 4)),
                        param(16, cat(be(10, 4), be(1, 4), be(100, 4), be(200, 4))), param(17, cat(be(11, 4), "00030000")),
                        param(18, cat(be(12, 4), "00040000"))))),
                frame(chunk(132, 0, "0000000000000000"), chunk(192, 0, cat(be(100, 4), "0001000200030004")),
                        chunk(194, 0, cat(be(200, 4), "00010001", be(5, 4), "00020000", be(6, 4)))),
                frame(chunk(129, 7, cat(be(1000, 4), be(2000, 4), "00140000", "00".repeat(20))), chunk(99, 0, ascii("unk")),
                        chunk(0xc7, 0, ascii("unk2"))));
        List<String> fields = Fields.all().stream().map(FieldDef::name).filter(n -> n.startsWith("sctp.")).toList();
        TsharkOracle.assertAgrees(frames, fields);
    }

    private static Frame decodeWith(DecoderRegistry r, String hex) {
        byte[] b = TestFrames.hex(hex);
        return new FrameDecoder(r, null, null).decode(new Frame(), 1, 0, b.length, b.length, LinkType.valueOf(1), 0, b, 0);
    }

    private static String frame(String... chunks) { return Built.ipv4(132, sctp(5000, 5001, cat(chunks))); }

    /** The common header (verification tag 0x12345678, checksum left 0) and the chunks. */
    static String sctp(int src, int dst, String chunks) {
        return cat(be(src, 2), be(dst, 2), "12345678", "00000000", chunks);
    }

    /** A chunk: type, flags, length (without padding), value, zero padding to 4 bytes. */
    static String chunk(int type, int flags, String value) {
        return Built.padTo(cat(be(type, 1), be(flags, 1), be(4 + value.length() / 2, 2), value), 4);
    }

    /** A parameter or error cause: type, length, value, zero padding to 4 bytes. */
    static String param(int type, String value) {
        return Built.padTo(cat(be(type, 2), be(4 + value.length() / 2, 2), value), 4);
    }
}
