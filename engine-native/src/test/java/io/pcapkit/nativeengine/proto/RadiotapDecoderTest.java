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

    /**
     * Hand-built (the radiotap.org field layouts; checked with tshark): every field from TSFT to data retries at
     * its alignment (FHSS, lock quality, TX attenuation, dB noise …), FCS at end, then a beacon.
     */
    static final String ALL_BASIC_FIELDS = """
            00002a00ffff030015cd5b0700000000106c3c1440010102d8a14d0003000400fd021e0502003f00010380000000
            ffffffffffff0200000000020200000000021000010203040506070864001104000001068c129824b0480301060504000100000706
            444520010d142001032a0104dd070050f20201010011223344""";
    /** Hand-built: XChannel (5745 MHz, channel 149), MCS 15 at 40 MHz with short GI, A-MPDU with delimiter CRC. */
    static final String XCHANNEL_MCS_AMPDU = """
            0000200002001c0000000000c0000300711695147f750f0092100000ff005a0008012c00020000000001020000000002020000000003
            2000aaaa030000000800450000140001000040ff0000c0a80001c0a80002""";
    /** Hand-built: a timestamp field and a 0-length PSDU: no 802.11 frame follows. */
    static final String ZERO_LENGTH_PSDU = """
            00001d000000480407050300000000009f860100000000000c0021030108012c000200000000010200000000020200000000032000
            aaaa030000000800450000140001000040ff0000c0a80001c0a80002""";
    /** Hand-built: three present words: radiotap (TSFT), a vendor namespace (4 bytes skipped), radiotap again. */
    static final String VENDOR_NAMESPACE = """
            00002400010000c0010000a0200800002a00000000000000001122070400aabbccdddf0908012c000200000000010200000000020200
            000000032000aaaa030000000800450000140001000040ff0000c0a80001c0a80002""";
    /** Hand-built: a VHT field, two users, 80 MHz, short GI, group id 5, partial AID 300. */
    static final String VHT = """
            0000140000002000ff013f04923100000f052c0108012c000200000000010200000000020200000000032000aaaa03000000080045
            0000140001000040ff0000c0a80001c0a80002""";

    /** Hand-built: an HE field (PPDU format 1, nothing known in data1/data2, data3 to data6 all ones). */
    static final String HE = """
            000014000000800001000000ffffffffffffffff08012c000200000000010200000000020200000000032000aaaa030000000800450000
            140001000040ff0000c0a80001c0a80002""";

    @Test void everyBasicFieldAligned() {
        Frame f = decode(RADIOTAP, ALL_BASIC_FIELDS);
        assertEquals("Radiotap:802.11:802.11_Mgmt", f.protochain());
        assertCells(f, "radiotap.length=42", "radiotap.present.word=0x0003ffff", "radiotap.fhss.hopset=1",
                "radiotap.quality=77", "radiotap.txattenuation=3", "radiotap.db_txattenuation=4", "radiotap.txpower=-3",
                "radiotap.db_antnoise=5", "radiotap.antenna=2", "radiotap.dbm_antsignal=-40",
                "wlan.fc.type_subtype=0x0008", "wlan.fcs=0x44332211");
    }

    @Test void xchannelMcsAmpduVht() {
        assertCells(decode(RADIOTAP, XCHANNEL_MCS_AMPDU), "radiotap.xchannel.freq=5745",
                "radiotap.xchannel.channel=149", "radiotap.xchannel.flags=0x000300c0", "radiotap.xchannel.flags.ht40u=1",
                "radiotap.mcs.index=15", "radiotap.datarate=300", "radiotap.ampdu.reference=4242",
                "radiotap.ampdu.delim_crc=0x5a", "ip.src=192.168.0.1");
        assertCells(decode(RADIOTAP, VHT), "radiotap.vht.known=0x01", "radiotap.vht.bw=4", "radiotap.vht.nsts.0=4",
                "radiotap.vht.mcs.0=9", "radiotap.vht.nss.0=2", "radiotap.vht.datarate.0=866.6",
                "radiotap.vht.datarate.1=130", "radiotap.vht.gid=5", "radiotap.vht.paid=300");
    }

    @Test void heDataWords() {
        Frame f = decode(RADIOTAP, HE);
        assertEquals("Radiotap:802.11:LLC:IPv4", f.protochain());
        assertCells(f, "radiotap.he.data_1=0x0001", "radiotap.he.data_1.ppdu_format=0x0001",
                "radiotap.he.data_1.doppler_known=0", "radiotap.he.data_2=0x0000",
                "radiotap.he.data_2.ru_allocation_offset=0x0000", "radiotap.he.data_3=0xffff", "radiotap.he.data_6=0xffff");
    }

    @Test void zeroLengthPsduEndsTheFrame() {
        Frame f = decode(RADIOTAP, ZERO_LENGTH_PSDU);
        assertEquals("Radiotap", f.protochain());
        assertCells(f, "radiotap.timestamp.ts=99999", "radiotap.timestamp.accuracy=12", "radiotap.0_len_psdu.type=0x01",
                "radiotap.mcs.index=3");
    }

    @Test void vendorNamespaceIsSkipped() {
        Frame f = decode(RADIOTAP, VENDOR_NAMESPACE);
        assertEquals("Radiotap:802.11:LLC:IPv4", f.protochain());
        assertCells(f, "radiotap.present.word=0xc0000001,0xa0000001,0x00000820", "radiotap.mactime=42",
                "radiotap.vendor_oui=4386", "radiotap.vendor_data_len=4", "radiotap.antenna=9",
                "radiotap.dbm_antsignal=-33");
    }

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
