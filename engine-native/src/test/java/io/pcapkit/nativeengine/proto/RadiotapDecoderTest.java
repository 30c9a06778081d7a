package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are tshark 4.0's {@code -T fields} output for the same bytes. */
class RadiotapDecoderTest {
    static final int RADIOTAP = 127;

    /**
     * tcpdump/ieee802.11_exthdr.pcap frame 1: an 89-byte radiotap header with two present words (the second in the
     * radiotap namespace with undefined bits, which ends the walk), FCS at end, then a probe request.
     */
    static final String EXTHDR_PROBE = """
            000059006f480080f70177100000000068d698000000000010026c09a000eaaa01000000000002006c09a000031b68d69800000000
            0001000140334080aa009fff019cffaa000000000000000000000000000000000000000040000000ffffffffffff90a4dec04611ff
            ffffffffff100000046f6d7573010802040b160c12182432043048606c0301012d1ace111bffff0000000000000000000001000000
            0000000000000007ae1c88""";
    /** tcpdump/ieee802.11_exthdr.pcap frame 25: an MCS field (MCS 2, 20 MHz, long GI) before a Null function frame. */
    static final String EXTHDR_MCS = """
            00005d006b480880fb01771000000000a9c9cb000000000010006c098004eaaa0100000007000200000700026c098004031ba9c9cb
            00000000001d000140354080aa009fff019cff7900000000000000000000000000000000000000004801300090a4dec0460a90a4dec04
            61190a4dec0460ad001ad7f46ff""";
    /** tcpdump/ieee802.11_exthdr.pcap frame 3: TX flags, TX power and data retries, no Flags field (so no FCS). */
    static final String EXTHDR_TX = """
            0000530045840280777f761000000000ddd998000000000002aa1b000000000000026c09a000031bfc060000000000000000000000
            000043364380aa009fff019cffe10000000000000000000000000000000050003a0190a4dec0461190a4dec0460a90a4dec0460ac0
            6f00000000000000006400010400046f6d7573010882848b960c1218240301012a010432043048606c2d1a0c001bffff0000000000
            000000000001000000000000000000003d1601001100000000000000000000000000000000000000dd180050f2020101000003a400
            0027a4000042435e0062322f00""";
    /** packetnet/80211_plus_radiotap_header.pcap frame 1: a 20-byte header (signal in dBm and dB, quality), a CTS. */
    static final String PACKETNET_CTS = "00001400ee18000010048509a000ac9c1d000010c400d10e001f334528a007dea2f5";

    @Test void extendedBitmapsAndFcs() {
        Frame f = decode(RADIOTAP, EXTHDR_PROBE);
        assertEquals("Radiotap:802.11:802.11_Mgmt", f.protochain());
        assertEquals(89, f.layer(0).length());
        assertCells(f, "radiotap.version=0", "radiotap.length=89", "radiotap.present=1",
                "radiotap.present.word=0x8000486f,0x107701f7", "radiotap.present.tsft=1", "radiotap.present.ext=1,0",
                "radiotap.present.rtap_ns=0,0", "radiotap.mactime=10016360", "radiotap.flags=0x10",
                "radiotap.flags.fcs=1", "radiotap.datarate=1", "radiotap.channel.freq=2412",
                "radiotap.channel.flags=0x00a0", "radiotap.channel.flags.cck=1", "radiotap.dbm_antsignal=-22",
                "radiotap.dbm_antnoise=-86", "radiotap.antenna=1", "radiotap.rxflags=0x0000",
                "radiotap.rxflags.badplcp=0",
                // the FCS at the end belongs to 802.11
                "wlan.fc.type_subtype=0x0004", "wlan.fcs=0x881cae07", "wlan.fcs.status=2", "wlan.ssid=6f6d7573");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void mcsGivesTheDataRate() {
        Frame f = decode(RADIOTAP, EXTHDR_MCS);
        assertCells(f, "radiotap.length=93", "radiotap.mcs=1", "radiotap.mcs.known=0x07", "radiotap.mcs.have_bw=1",
                "radiotap.mcs.have_fec=0", "radiotap.mcs.bw=0", "radiotap.mcs.gi=0", "radiotap.mcs.index=2",
                "radiotap.mcs.fec=", "radiotap.mcs.ness_bit1=", "radiotap.datarate=19.5", "wlan.fc.type_subtype=0x0024");
    }

    @Test void txFieldsAndNoFcs() {
        Frame f = decode(RADIOTAP, EXTHDR_TX);
        assertCells(f, "radiotap.present.word=0x80028445,0x10767f77", "radiotap.mactime=10017245",
                "radiotap.datarate=1", "radiotap.dbm_antnoise=-86", "radiotap.txflags=0x0000", "radiotap.rxflags.fail=0",
                "radiotap.rxflags.noack=0", "radiotap.txpower=27", "radiotap.data_retries=0", "radiotap.flags=",
                "wlan.fc.type_subtype=0x0005", "wlan.fcs=", "wlan.fixed.beacon=100");
    }

    @Test void signalQualityAndControlFrame() {
        Frame f = decode(RADIOTAP, PACKETNET_CTS);
        assertEquals("Radiotap:802.11", f.protochain());
        assertCells(f, "radiotap.length=20", "radiotap.present.word=0x000018ee", "radiotap.datarate=2",
                "radiotap.channel.freq=2437", "radiotap.dbm_antsignal=-84", "radiotap.dbm_antnoise=-100",
                "radiotap.db_antsignal=16", "radiotap.antenna=0", "radiotap.quality=29", "wlan.fc.type_subtype=0x001c",
                "wlan.duration=3793", "wlan.ra=00:1f:33:45:28:a0", "wlan.fcs=0xf5a2de07");
    }

    /** Malformed: a header length below the 8 fixed bytes. */
    @Test void lengthBelowEight() {
        byte[] b = hex(PACKETNET_CTS);
        b[2] = 4;
        Frame f = decode(RADIOTAP, b, b.length);
        assertEquals("Radiotap:Raw", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
    }

    /** Malformed: the header says 89 bytes, the capture holds 40. */
    @Test void headerCutShort() {
        byte[] b = Arrays.copyOf(hex(EXTHDR_PROBE), 40);
        Frame f = decode(RADIOTAP, b, 170);
        assertEquals("Radiotap", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }

    /** Malformed: the length is cut to 10, so the second present word lies past it. */
    @Test void bitmapsPastTheLength() {
        byte[] b = hex(EXTHDR_PROBE);
        b[2] = 10;
        Frame f = decode(RADIOTAP, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertCells(f, "radiotap.present.word=0x8000486f", "radiotap.mactime=");
    }

    /** Malformed: the length 24 holds the bitmaps and TSFT but not the fields after it. */
    @Test void fieldsPastTheLength() {
        byte[] b = hex(EXTHDR_PROBE);
        b[2] = 24;
        Frame f = decode(RADIOTAP, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertCells(f, "radiotap.mactime=10016360", "radiotap.flags=");
    }
}
