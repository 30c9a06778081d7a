package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.ETHERNET;
import static io.pcapkit.nativeengine.proto.TestFrames.RAW_IPV4;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ICMP for IPv4 on corpus frames (and a few built for a case the corpus lacks, named as such), every expected
 * value as {@code tshark -n -T fields -E occurrence=a} (Wireshark 4.0) printed it for the same bytes. The quoted
 * datagram of an error is decoded as the next layers, so its fields join the outer ones comma-separated.
 */
class IcmpDecoderTest {
    @Test void redirectQuotesAnEchoRequest() {
        // pcapplusplus/IcmpPackets.pcap frame 2 (tshark -x)
        Frame f = decode(ETHERNET, """
                002078e15a8000107b8143e3080045000038623d0000ff01d81e0a0263630a02
                0a020501383e0a0263624500003c3a0000001f01fcb30a020a020a0347070800
                1a5c02003100
                """);
        assertCells(f,
                "icmp.type=5,8",
                "icmp.code=1,0",
                "icmp.checksum=0x383e,0x1a5c",
                "icmp.checksum.status=1,2",
                "icmp.redir_gw=10.2.99.98",
                "icmp.ident=512",
                "icmp.seq=12544",
                "ip.src=10.2.99.99,10.2.10.2",
                "ip.dst=10.2.10.2,10.3.71.7",
                "ip.len=56,60");
        assertEquals("Ethernet:IPv4:ICMP:IPv4:ICMP", f.protochain());
    }

    @Test void timeExceededWithAnMplsExtension() {
        // pcapplusplus/IcmpPackets.pcap frame 5 (tshark -x)
        Frame f = decode(ETHERNET, """
                c20966b00000c20d66d700000800450000a805fa0000fc01a1580a0002010a00
                01020b00ac2d000000004500001c00e50000021100d90a000102ac100002c01d
                82a5000806070000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000000
                0000000000000000000020007df40008010100016101
                """);
        assertCells(f,
                "icmp.type=11",
                "icmp.unused=00000000",
                "ip.src=10.0.2.1,10.0.1.2",
                "udp.srcport=49181",
                "icmp.ext.version=2",
                "icmp.ext.res=0x0000",
                "icmp.ext.checksum=0x7df4",
                "icmp.ext.checksum.status=1",
                "icmp.ext.length=8",
                "icmp.ext.class=1",
                "icmp.ext.ctype=1",
                "icmp.mpls.label=22",
                "icmp.mpls.exp=0",
                "icmp.mpls.s=1",
                "icmp.mpls.ttl=1");
        assertEquals("Ethernet:IPv4:ICMP:IPv4:UDP", f.protochain());
    }

    @Test void echoRequestWithData() {
        // pcapplusplus/IcmpPackets.pcap frame 9 (tshark -x)
        Frame f = TestFrames.decodeAt(ETHERNET, """
                021a11f0c83b60334b13c55808004500005426ef0000400157f9c0a82b090808
                08080800bbb3d73b000051a7d67d000451e408090a0b0c0d0e0f101112131415
                161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435
                3637
                """, 1369953917283187000L); // the frame's time: its echo data starts with a time stamp
        assertCells(f,
                "icmp.type=8",
                "icmp.checksum.status=1",
                "icmp.ident=55099",
                "icmp.ident_le=15319",
                "icmp.seq=0",
                "icmp.seq_le=0",
                "data.len=48");
        assertEquals("Ethernet:IPv4:ICMP:Raw", f.protochain());
        assertFalse(f.hasAnomalies());
    }

    @Test void timestampReply() {
        // pcapplusplus/IcmpPackets.pcap frame 8 (tshark -x)
        Frame f = decode(ETHERNET, """
                00112f368cda00a0d1be97dd0800450000280f3b00008001a97cc0a80067c0a8
                00660e00e3193930000000f62463622df600622df600000000000000
                """);
        assertCells(f,
                "icmp.type=14",
                "icmp.ident=14640",
                "icmp.seq=0",
                "icmp.originate_timestamp=16131171",
                "icmp.receive_timestamp=1647179264",
                "icmp.transmit_timestamp=1647179264");
    }

    @Test void routerAdvertisement() {
        // pcapplusplus/IcmpPackets.pcap frame 4 (tshark -x)
        Frame f = decode(ETHERNET, """
                ffffffffffff000b45b3f7fc080045000024a58100000101b1c60e505442ffff
                ffff090093610102000a0e5054420000000000000000000000000000
                """);
        assertCells(f,
                "icmp.type=9",
                "icmp.num_addrs=1",
                "icmp.addr_entry_size=2",
                "icmp.lifetime=10",
                "icmp.router_address=14.80.84.66",
                "icmp.pref_level=0");
    }

    @Test void extendedEchoRequestByAddress() {
        // tcpdump/icmp-rfc8335.pcap frame 3 (tshark -x)
        Frame f = decode(ETHERNET, """
                560004a34c83fe0004a34c830800450000343974000036018709ccc21780951c
                4aed2a002711f72500012000f8e5000c030300010400951c4aed65933a770000
                17bd
                """);
        assertCells(f,
                "icmp.type=42",
                "icmp.ident=63269",
                "icmp.ext.echo.seq=0",
                "icmp.ext.echo.req.res=0x00",
                "icmp.ext.echo.req.local=1",
                "icmp.ext.checksum.status=0",
                "icmp.ext.class=3,58",
                "icmp.ext.ctype=3,119",
                "icmp.int_ident.afi=1",
                "icmp.int_ident.addr_length=4",
                "icmp.int_ident.reserved=00",
                "icmp.int_ident.ipv4=149.28.74.237",
                "icmp.ext.length=12,26003",
                "icmp.ext.data=000017bd");
    }

    @Test void extendedEchoReply() {
        // tcpdump/icmp-rfc8335.pcap frame 6 (tshark -x)
        Frame f = decode(ETHERNET, """
                560004a34c83fe0004a34c83080045000034f75c4000f501ca1fccc21780951c
                4aed2b00b4ce002a2a072000d819000c0301667870302e300000658362970002
                2de3
                """);
        assertCells(f,
                "icmp.type=43",
                "icmp.ext.echo.seq=42",
                "icmp.ext.echo.rsp.state=0",
                "icmp.ext.echo.rsp.res=0x00",
                "icmp.ext.echo.rsp.active=1",
                "icmp.ext.echo.rsp.ipv4=1",
                "icmp.ext.echo.rsp.ipv6=1");
    }

    @Test void fragmentationNeededCarriesTheMtu() {
        // built for this test, tshark-checked, frame 1 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                4500005012340000400154770a0000010a0000020304f6f90000057845000034
                12340000401154830a0000010a00000200350035002000000000000000000000
                00000000000000000000000000000000
                """);
        assertCells(f,
                "icmp.type=3",
                "icmp.code=4",
                "icmp.unused=0000",
                "icmp.mtu=1400",
                "ip.proto=1,17",
                "udp.srcport=53");
    }

    @Test void rfc4884LengthOfTheQuotedDatagram() {
        // built for this test, tshark-checked, frame 2 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                4500005c123400004001546b0a0000010a0000020b00f46d0008000045000034
                12340000401154830a0000010a00000200350035002000000000000000000000
                00000000000000000000000000000000000000000000000000000000
                """);
        assertCells(f,
                "icmp.type=11",
                "icmp.unused=00,0000",
                "icmp.length=8",
                "icmp.length.original_datagram=32");
    }

    @Test void parameterProblemPointer() {
        // built for this test, tshark-checked, frame 3 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                4500005012340000400154770a0000010a0000020c00df751400000045000034
                12340000401154830a0000010a00000200350035002000000000000000000000
                00000000000000000000000000000000
                """);
        assertCells(f,
                "icmp.type=12",
                "icmp.pointer=20",
                "icmp.unused=000000");
    }

    // ---------------------------------------------------------------- malformed

    @Test void badChecksumIsReportedInTheStatus() {
        // zeek/ip-bogus-header-len.pcap frame 1 (tshark -x)
        Frame f = decode(ETHERNET, """
                000000000002000000000001080045030000252c00000001000176b590c288ff
                7374617465ff000000ff000000000000000000000000000000000000
                """);
        assertCells(f,
                "icmp.type=97",
                "icmp.code=116",
                "icmp.checksum=0x65ff",
                "icmp.checksum.status=0");
    }

    /** Built for this test: an echo reply cut after the identifier. */
    @Test void echoCutShort() {
        // built for this test, tshark-checked, frame 14 (tshark -x)
        Frame f = decode(RAW_IPV4, """
                4500001a12340000400154ad0a0000010a0000020000edcb1234
                """);
        assertCells(f,
                "icmp.type=0",
                "icmp.ident=4660",
                "icmp.ident_le=13330",
                "icmp.seq=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Built for this test: an ICMP header of 3 bytes. */
    @Test void headerShorterThanFourBytes() {
        Frame f = decode(RAW_IPV4, "45000017123400004001000000000000000000000800f7");
        assertCells(f, "icmp.type=8", "icmp.code=0", "icmp.checksum=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
