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

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes. The LINKTYPE 105 frames are
 * hand-built (addresses 02:00:00:00:00:0N as address N) and were written to a pcap and read back by tshark.
 */
class WlanDecoderTest {
    static final int WLAN = 105, RADIOTAP = 127;

    /** packetnet/80211_plus_radiotap_header.pcap frame 3: a beacon with SSID, rates, DS, TIM, Country, ERP … tags. */
    static final String BEACON = """
            00001400ee18000010028509a000ac9c1700001080000000ffffffffffff001f334528a0001f334528a0e02b81510ee6b901000064
            00210500074e455447454152010882848b960c1218240301060504020300000706555320010b1b2001002a010032043048606cdd18
            0050f2020101020003a4000027a4000042435e0062322f00dd0900037f0101003fff7fdd1a00037f0301000000001f334528a0061f
            334528a064002c013f08feb188aa""";
    /** Data, To DS: BSS Id is address 1, source address 2, destination address 3; LLC/SNAP and IPv4 follow. */
    static final String DATA_TO_DS = """
            08012c000200000000010200000000020200000000032000aaaa030000000800450000140001000040ff0000c0a80001c0a80002""";
    /** Data, From DS: BSS Id is address 2, source address 3. */
    static final String DATA_FROM_DS = """
            08022c000200000000010200000000020200000000033000aaaa030000000800450000140001000040ff0000c0a80001c0a80002""";
    /** QoS data with To and From DS (four addresses), +HTC: QoS control 0x0007, HT control 0x0000000c. */
    static final String QOS_WDS_HTC = """
            88832c00020000000001020000000002020000000003600002000000000407000c000000aaaa030000000800450000140001000040ff
            0000c0a80001c0a80002""";
    /** Protected QoS data with a CCMP header (packet number 1); the payload stays opaque. */
    static final String CCMP = """
            88412c00020000000001020000000002020000000003700000000100002000000000deadbeefdeadbeefdeadbeefdeadbeef""";
    /** Protected data with a WEP IV 0x010203 and ICV 0x11223344. */
    static final String WEP = "08412c00020000000001020000000002020000000003800001020300deadbeefdeadbeef11223344";
    /** PS-Poll: the association id where the duration would be, BSS Id = receiver. */
    static final String PS_POLL = "a40001c0020000000001020000000002";
    /** Authentication: open system, sequence 1, status 0. */
    static final String AUTH = "b0002c00020000000001020000000002020000000003c000000001000000";
    /** Association request: SSID "test", rates, RSN (CCMP group and pairwise, PSK). */
    static final String ASSOC_REQ = """
            00002c00020000000001020000000002020000000003d00031040a00000474657374010482848b9630140100000fac040100000fac04
            0100000fac020c00""";

    @Test void beaconTags() {
        Frame f = decode(RADIOTAP, BEACON);
        assertEquals("Radiotap:802.11:802.11_Mgmt", f.protochain());
        assertCells(f, "wlan.fc.type_subtype=0x0008", "wlan.fc=0x8000", "wlan.ra=ff:ff:ff:ff:ff:ff",
                "wlan.sa=00:1f:33:45:28:a0", "wlan.bssid=00:1f:33:45:28:a0",
                "wlan.addr=ff:ff:ff:ff:ff:ff,00:1f:33:45:28:a0,00:1f:33:45:28:a0", "wlan.seq=702", "wlan.frag=0",
                "wlan.fcs=0xaa88b1fe", "wlan.fixed.all=1", "wlan.fixed.timestamp=1897940275585",
                "wlan.fixed.beacon=100", "wlan.fixed.capabilities=0x0521", "wlan.fixed.capabilities.ess=1",
                "wlan.fixed.capabilities.reserved1=0", "wlan.tagged.all=1",
                "wlan.tag.number=0,1,3,5,7,32,42,50,221,221,221", "wlan.tag.length=7,8,1,4,6,1,1,4,24,9,26",
                "wlan.ssid=4e455447454152", "wlan.supported_rates=0x82,0x84,0x8b,0x96,0x0c,0x12,0x18,0x24",
                "wlan.ds.current_channel=6", "wlan.tim.dtim_period=3", "wlan.tim.bmapctl.offset=0x00",
                "wlan.tim.partial_virtual_bitmap=00", "wlan.country_info.code=US",
                "wlan.country_info.environment=32", "wlan.country_info.fnm.fcn=1", "wlan.country_info.fnm.mtpl=27",
                "wlan.powercon.local=0", "wlan.erp_info=0x00", "wlan.tag.oui=20722,895,895",
                "wlan.tag.vendor.oui.type=2,1,3");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void dataAddressesFollowTheDsBits() {
        Frame f = decode(WLAN, DATA_TO_DS);
        assertEquals("802.11:LLC:IPv4", f.protochain());
        assertCells(f, "wlan.fc.type_subtype=0x0020", "wlan.fc.tods=1", "wlan.ra=02:00:00:00:00:01",
                "wlan.ta=02:00:00:00:00:02", "wlan.da=02:00:00:00:00:03", "wlan.sa=02:00:00:00:00:02",
                "wlan.bssid=02:00:00:00:00:01", "wlan.staa=02:00:00:00:00:02", "wlan.seq=2", "llc.type=0x0800",
                "ip.src=192.168.0.1");
        Frame g = decode(WLAN, DATA_FROM_DS);
        assertCells(g, "wlan.da=02:00:00:00:00:01", "wlan.sa=02:00:00:00:00:03", "wlan.bssid=02:00:00:00:00:02",
                "wlan.staa=02:00:00:00:00:01");
    }

    @Test void fourAddressesQosAndHtControl() {
        Frame f = decode(WLAN, QOS_WDS_HTC);
        assertEquals("802.11:LLC:IPv4", f.protochain());
        assertCells(f, "wlan.fc.type_subtype=0x0028", "wlan.flags=0x83", "wlan.da=02:00:00:00:00:03",
                "wlan.sa=02:00:00:00:00:04", "wlan.bssid=", "wlan.staa=",
                "wlan.addr=02:00:00:00:00:01,02:00:00:00:00:02,02:00:00:00:00:04,02:00:00:00:00:03",
                "wlan.qos=0x0007", "wlan.qos.tid=7", "wlan.qos.priority=7", "wlan.qos.eosp=0", "wlan.qos.bit4=",
                "wlan.qos.ack=0x0000", "wlan.qos.amsdupresent=0", "wlan.qos.buf_state_indicated=0",
                "wlan.htc=0x0000000c");
    }

    @Test void protectedFramesStayOpaque() {
        Frame f = decode(WLAN, CCMP);
        assertEquals("802.11:Raw", f.protochain());
        assertCells(f, "wlan.fc.protected=1", "wlan.ccmp.extiv=0x000000000001", "wlan.wep.key=0",
                "wlan.qos.txop_dur_req=0", "data.data=deadbeefdeadbeefdeadbeefdeadbeef", "llc.dsap=");
        Frame g = decode(WLAN, WEP);
        assertCells(g, "wlan.wep.iv=0x010203", "wlan.wep.key=0", "wlan.wep.icv=0x11223344",
                "data.data=deadbeefdeadbeef");
    }

    @Test void controlAndManagementBodies() {
        assertCells(decode(WLAN, PS_POLL), "wlan.fc.type_subtype=0x001a", "wlan.aid=1", "wlan.duration=",
                "wlan.ra=02:00:00:00:00:01", "wlan.bssid=02:00:00:00:00:01", "wlan.ta=02:00:00:00:00:02",
                "wlan.addr=02:00:00:00:00:01,02:00:00:00:00:02");
        assertCells(decode(WLAN, AUTH), "wlan.fixed.auth.alg=0", "wlan.fixed.auth_seq=0x0001",
                "wlan.fixed.status_code=0x0000", "wlan.tagged.all=");
        assertCells(decode(WLAN, ASSOC_REQ), "wlan.fixed.capabilities=0x0431", "wlan.fixed.listen_ival=0x000a",
                "wlan.ssid=74657374", "wlan.tag.number=0,1,48", "wlan.rsn.version=1", "wlan.rsn.gcs=1027076",
                "wlan.rsn.gcs.type=4", "wlan.rsn.pcs.count=1", "wlan.rsn.pcs=1027076", "wlan.rsn.akms=1027074",
                "wlan.rsn.capabilities=0x000c", "wlan.rsn.capabilities.ptksa_replay_counter=0x0003");
    }

    /** Malformed: a data frame cut inside its third address. */
    @Test void headerCutShort() {
        byte[] b = Arrays.copyOf(hex(DATA_TO_DS), 20);
        Frame f = decode(WLAN, b, 52);
        assertEquals("802.11", f.protochain());
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "wlan.fc.type_subtype=0x0020", "wlan.duration=44", "wlan.seq=");
    }

    /** Malformed: the RSN tag's length raised past the end of the body; the tags before it stay. */
    @Test void tagLengthPastTheEnd() {
        byte[] b = hex(ASSOC_REQ);
        b[41] = 0x30; // RSN length 20 -> 48
        Frame f = decode(WLAN, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_LENGTH));
        assertCells(f, "wlan.ssid=74657374", "wlan.tag.number=0,1,48", "wlan.tag.length=4,4,48", "wlan.rsn.version=");
    }

    /** Malformed: a protected frame too short for its IV. */
    @Test void protectedFrameWithoutIv() {
        byte[] b = Arrays.copyOf(hex(WEP), 26);
        Frame f = decode(WLAN, b, 40);
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "wlan.fc.protected=1", "wlan.wep.iv=");
    }

    /** Malformed: protocol version 3 (packetnet/80211_plus_radiotap_header.pcap has such frames): version only. */
    @Test void unknownVersion() {
        byte[] b = hex(DATA_TO_DS);
        b[0] = 0x0B;
        Frame f = decode(WLAN, b, b.length);
        assertEquals("802.11:Raw", f.protochain());
        assertCells(f, "wlan.fc.version=3", "wlan.fc.type_subtype=", "wlan.ra=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_VALUE));
    }
}
