package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.change;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TCP headers and options. Expected cells are what tshark 4.0 prints with {@code -n -T fields} for the same bytes
 * (SACK edges with {@code -o tcp.relative_sequence_numbers:FALSE}); the malformed frames are corpus frames with the
 * named bytes changed, fed to tshark the same way.
 */
class TcpDecoderTest {
    /** zeek/tcp/handshake-reorder.pcap frame 2: SYN with MSS, NOP, WS, NOP, NOP, TS, SACK_PERM, EOL, EOL. */
    static final String SYN = "0010db88d2efc8bcc896d2a0080045000040df8e400040066dd38d8ee405c096bb2be9d00050fe21323a"
            + "00000000b002ffff3bc00000020405b4010303040101080a164add200000000004020000";
    /** Offset of the TCP header in {@link #SYN}. */
    static final int T = 34;

    @Test void synWithOptions() {
        Frame f = decode(1, SYN);
        assertEquals("Ethernet:IPv4:TCP", f.protochain());
        assertEquals(44, f.layer(2).length());
        assertFalse(f.hasAnomalies());
        assertCells(f, "tcp.srcport=59856", "tcp.dstport=80", "tcp.port=59856,80", "tcp.seq_raw=4263588410",
                "tcp.ack_raw=0", "tcp.hdr_len=44", "tcp.flags=0x0002", "tcp.flags.res=0", "tcp.flags.ae=0",
                "tcp.flags.cwr=0", "tcp.flags.ece=0", "tcp.flags.urg=0", "tcp.flags.ack=0", "tcp.flags.push=0",
                "tcp.flags.reset=0", "tcp.flags.syn=1", "tcp.flags.fin=0", "tcp.flags.str=··········S·",
                "tcp.window_size_value=65535", "tcp.checksum=0x3bc0", "tcp.checksum.status=2",
                "tcp.urgent_pointer=0", "tcp.len=0", "tcp.payload=",
                "tcp.options=020405b4010303040101080a164add200000000004020000",
                "tcp.option_kind=2,1,3,1,1,8,4,0,0", "tcp.option_len=4,3,10,2", "tcp.options.nop=01,01,01",
                "tcp.options.eol=00,00", "tcp.options.mss=020405b4", "tcp.options.mss_val=1460",
                "tcp.options.wscale=030304", "tcp.options.wscale.shift=4", "tcp.options.wscale.multiplier=16",
                "tcp.options.sack_perm=0402", "tcp.options.timestamp=080a164add2000000000",
                "tcp.options.timestamp.tsval=374005024", "tcp.options.timestamp.tsecr=0");
    }

    @Test void sackWithDuplicateBlock() {
        // pcapplusplus/example2.pcap frame 34: one SACK block below the ACK number, so tshark flags it as D-SACK
        Frame f = decode(1, "6cf049b2de6e30469a23fbfa080045000034e8b740002506d16817157a8e0a0000010050d799801f45fe"
                + "3a3dcb3f8010004b2f5100000101050a3a3dcb3e3a3dcb3f");
        assertCells(f, "tcp.ack_raw=977128255", "tcp.flags.str=·······A····", "tcp.option_kind=1,1,5",
                "tcp.option_len=10", "tcp.options.sack=050a3a3dcb3e3a3dcb3f", "tcp.options.sack_le=977128254",
                "tcp.options.sack_re=977128255", "tcp.options.sack.count=1", "tcp.options.sack.dsack_le=977128254",
                "tcp.options.sack.dsack_re=977128255");
    }

    @Test void sackWithoutAWholeBlockEndsTheSegment() {
        // the frame above with the SACK length changed from 10 to 6: a left edge alone. tshark counts no block,
        // takes it for D-SACK, reads past the option for its right edge and gives up on the segment there
        Frame f = decode(1, change("6cf049b2de6e30469a23fbfa080045000034e8b740002506d16817157a8e0a0000010050d7998"
                + "01f45fe3a3dcb3f8010004b2f5100000101050a3a3dcb3e3a3dcb3f", 57, "06"));
        assertCells(f, "tcp.option_kind=1,1,5", "tcp.option_len=6", "tcp.options.sack=05063a3dcb3e",
                "tcp.options.sack_le=977128254", "tcp.options.sack_re=", "tcp.options.sack.count=0",
                "tcp.options.sack.dsack_le=977128254", "tcp.options.sack.dsack_re=", "tcp.len=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void fastOpenCookieInExperimentalOption() {
        // tcpdump/tfo-5c1fa7f9ae91.pcap frame 3: SYN/ACK carrying a TFO cookie under experiment id 0xF989
        Frame f = decode(1, "1c7ee54ca1ccb0750c00000208004500003400020000ff06a3aa030303030909090932fe32f7f08733f5"
                + "0d05af658012057810b20000fe0af9890909090900000101");
        assertCells(f, "tcp.flags=0x0012", "tcp.flags.str=·······A··S·", "tcp.option_kind=254,1,1",
                "tcp.option_len=10", "tcp.options.experimental=fe0af989090909090000",
                "tcp.options.experimental.exid=0xf989", "tcp.options.tfo.cookie=090909090000",
                "tcp.options.tfo.request=");
    }

    @Test void accurateEcnSynAndCounters() {
        // tcpdump/accecn_handshake.pcap frame 1: SYN with AE, CWR and ECE set
        Frame syn = decode(1, "18fd740745cd000c29f7801208004500003c0000400040061a4f1f8592f842e42b0c40310050741d4a2d"
                + "00000000a1c2ffff209c0000020405b4010303060402080a06af3c1500000000");
        assertCells(syn, "tcp.flags=0x01c2", "tcp.flags.ae=1", "tcp.flags.cwr=1", "tcp.flags.ece=1",
                "tcp.flags.str=···ACE····S·", "tcp.option_kind=2,1,3,4,8", "tcp.option_len=4,3,2,10");
        // frame 2: SYN/ACK whose experimental option 0xACC0 carries the three byte counters
        Frame synAck = decode(1, "000c29f7801218fd740745cd080045000048000040003606244342e42b0c1f8592f800504031b128b3"
                + "93741d4a2ed092fe8822a80000020405b40402080aa5e4dec406af3c15fe0dacc0000001000000000000030307");
        assertCells(synAck, "tcp.flags.str=····C··A··S·", "tcp.option_kind=2,4,8,254,3",
                "tcp.option_len=4,2,10,13,3", "tcp.options.experimental=fe0dacc0000001000000000000",
                "tcp.options.experimental.exid=0xacc0", "tcp.options.acc_ecn.ee0b=1", "tcp.options.acc_ecn.eceb=0",
                "tcp.options.acc_ecn.ee1b=0", "tcp.options.wscale.multiplier=128");
    }

    @Test void multipathCapableAndDss() {
        // tcpdump/mptcp-v1.pcap frame 1 (Linux SLL): MP_CAPABLE v1 on the SYN
        Frame capable = decode(113, "000000010006323287aa04020000080045000040ad7f4000400676370a0001010a000201821a2714"
                + "81fbb5fd00000000b002ffff17340000020405b40402080a1baf9ea100000000010303081e040101");
        assertEquals("SLL:IPv4:TCP", capable.protochain());
        assertCells(capable, "tcp.option_kind=2,4,8,1,3,30", "tcp.option_len=4,2,10,3,4",
                "mptcp=Multipath Transmission Control Protocol: Multipath Capable", "tcp.options.mptcp.subtype=0",
                "tcp.options.mptcp.version=1", "tcp.options.mptcp.flags=0x01",
                "tcp.options.mptcp.checksumreq.flags=0", "tcp.options.mptcp.extensibility.flag=0",
                "tcp.options.mptcp.nomoresubflows.flag=0", "tcp.options.mptcp.sha256.flag=1",
                "tcp.options.mptcp.sha1.flag=", "tcp.options.mptcp.reserved.flag=0x00");
        // frame 16: DSS with 8-byte data ACK and mapping, DATA_FIN; too short for tshark to show a checksum
        Frame dss = decode(113, "000000010006323287aa04020000080045000050ad8b40004006761b0a0001010a000201821a271481fb"
                + "de1a2f2c2b6ef0110143174400000101080a1baf9ea1c337c5931e1a201fa28e87fddd1d50f2c8072fb90edad86a0000"
                + "000000010101");
        assertCells(dss, "tcp.flags.str=·······A···F", "tcp.option_kind=1,1,8,30,1,1", "tcp.option_len=10,26",
                "mptcp=Multipath Transmission Control Protocol: Data Sequence Signal",
                "tcp.options.mptcp.subtype=2", "tcp.options.mptcp.flags=0x1f",
                "tcp.options.mptcp.rawdataack=11713449205243400434",
                "tcp.options.mptcp.rawdataseqno=14413541604287240298", "tcp.options.mptcp.subflowseqno=0",
                "tcp.options.mptcp.datalvllen=1", "tcp.options.mptcp.checksum=", "tcp.options.mptcp.datafin.flag=1",
                "tcp.options.mptcp.dseqn8.flag=1", "tcp.options.mptcp.dseqnpresent.flag=1",
                "tcp.options.mptcp.dataack8.flag=1", "tcp.options.mptcp.dataackpresent.flag=1");
    }

    @Test void segmentCutShortBySnaplen() {
        // pcapplusplus/pcapng-example.pcapng frame 61 (Linux SLL): 128 of 1444 bytes captured; tcp.len counts the
        // segment on the wire, tcp.payload what was captured
        byte[] b = hex("000400010006003048dd0053f67f080045000594c6bb40004006746682d9fa0d82d9fa81ec3e177081524a3902"
                + "ba943880180470ffc800000101080a0402383303f9c7bf35180400e1c85202a7514b02110011009e040500e2c85202e1"
                + "c8520234010000000000009e050400e2c8520240000000000000009e1a070003c85202");
        Frame f = decode(113, b, 1444);
        assertEquals("SLL:IPv4:TCP:Raw", f.protochain());
        assertCells(f, "tcp.hdr_len=32", "tcp.len=1376", "tcp.flags.str=·······AP···",
                "tcp.payload=35180400e1c85202a7514b02110011009e040500e2c85202e1c8520234010000000000009e050400e2c852"
                        + "0240000000000000009e1a070003c85202",
                "tcp.options.timestamp.tsval=67254323", "tcp.options.timestamp.tsecr=66701247");
    }

    @Test void resetWithDataShowsItsText() {
        // tcpdump/tcp_rst_data-trunc.pcap frame 1: RST carrying a reason, 1 of its 112 bytes not captured
        byte[] b = hex("002170676f5000907f3e02d008004520006220334000f3064ee3c7cc1f59ac1085290050ce8b6063e721736f19"
                + "8950141699847100004249472d49503a205b3078313163353637323a333034355d207b706565727d2054435020525354"
                + "2066726f6d2072656d6f7465207379737465");
        Frame f = decode(1, b, 112);
        assertEquals("Ethernet:IPv4:TCP", f.protochain());
        assertCells(f, "tcp.flags.str=·······A·R··", "tcp.len=58", "tcp.payload=",
                "tcp.reset_cause=BIG-IP: [0x11c5672:3045] {peer} TCP RST from remote syste");
    }

    // ------------------------------------------------------------------ malformed: SYN above with bytes changed

    @Test void dataOffsetBelowFive() {
        Frame f = decode(1, change(SYN, T + 12, "40"));
        assertCells(f, "tcp.srcport=59856", "tcp.seq_raw=4263588410", "tcp.hdr_len=16", "tcp.len=28",
                "tcp.ack_raw=", "tcp.flags=", "tcp.options=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
        assertEquals("Ethernet:IPv4:TCP:Raw", f.protochain());
    }

    @Test void optionLengthZeroEndsTheWalk() {
        Frame f = decode(1, change(SYN, T + 26, "00")); // the window scale option's length
        assertCells(f, "tcp.options=020405b4010300040101080a164add200000000004020000", "tcp.option_kind=2,1",
                "tcp.option_len=4", "tcp.options.mss_val=1460", "tcp.options.wscale=", "tcp.len=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertEquals("Ethernet:IPv4:TCP", f.protochain());
    }

    @Test void optionLengthPastTheHeaderEndsTheWalk() {
        Frame f = decode(1, change(SYN, T + 31, "20")); // the time stamp option says 32 bytes, 14 are left
        assertCells(f, "tcp.option_kind=2,1,3,1,1", "tcp.option_len=4,3", "tcp.options.timestamp=",
                "tcp.options.wscale.shift=4", "tcp.len=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void headerCutShortByTheCapture() {
        byte[] b = Arrays.copyOf(hex(SYN), T + 10);
        Frame f = decode(1, b, 78);
        assertCells(f, "tcp.srcport=59856", "tcp.dstport=80", "tcp.port=59856,80", "tcp.seq_raw=", "tcp.hdr_len=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    @Test void optionsCutShortByTheCapture() {
        // 14 of 24 option bytes: the time stamp option shows the 4 bytes there are, its kind and length, no values
        byte[] b = Arrays.copyOf(hex(SYN), T + 34);
        Frame f = decode(1, b, 78);
        assertCells(f, "tcp.len=0", "tcp.options=020405b4010303040101080a164a", "tcp.option_kind=2,1,3,1,1,8",
                "tcp.option_len=4,3,10", "tcp.options.timestamp=080a164a", "tcp.options.timestamp.tsval=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertEquals("Ethernet:IPv4:TCP", f.protochain());
    }

    @Test void headerLongerThanTheIpPayload() {
        // pcapplusplus/tcp-malformed.pcap frame 1: data offset 7 (28 bytes) in a 20-byte IP payload. tshark prints
        // tcp.options as "<MISSING>" here; we leave the empty option list empty.
        Frame f = decode(1, "00005e0001026c277936301c0800450000280958400080063f3aac132a4a57f083f0c20761b657445"
                + "05b4da490b970100891bbe7e00a000000000000");
        assertCells(f, "tcp.hdr_len=28", "tcp.len=", "tcp.flags.str=·······A····", "tcp.urgent_pointer=57354",
                "tcp.option_kind=", "tcp.payload=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    @Test void everyFlagSet() {
        assertEquals("RRRACEUAPRSF", TcpDecoder.flagString(0xFFF));
        assertEquals("···A········", TcpDecoder.flagString(0x100));
    }
}
