package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-built frames of the wireless and encapsulation tests (protocols the corpus lacks or holds few variants
 * of: MPLS, VXLAN, GENEVE, IGMPv1/v3, 802.11 data and control frames, radiotap fields) written to a temporary pcap per link type and
 * compared with live tshark, field by field: every cell must agree.
 */
class SyntheticFramesVsTsharkTest {
    static final List<String> ENCAPSULATION_FIELDS = List.of(("mpls.label mpls.exp mpls.bottom mpls.ttl "
            + "pweth.cw.sequence_number pwach.ver pwach.res pwach.channel_type vxlan.flags vxlan.flag_g vxlan.flag_i "
            + "vxlan.flag_d vxlan.flag_a vxlan.flags_reserved vxlan.gbp vxlan.vni vxlan.reserved8 geneve.version "
            + "geneve.flags geneve.flags.oam geneve.flags.critical geneve.flags.reserved geneve.proto_type geneve.vni "
            + "geneve.reserved geneve.options geneve.option geneve.option.class geneve.option.type "
            + "geneve.option.type.critical geneve.option.flags geneve.option.flags.reserved geneve.option.length "
            + "geneve.option.unknown.data igmp.version igmp.type igmp.max_resp igmp.max_resp.exp igmp.max_resp.mant "
            + "igmp.reserved igmp.checksum igmp.checksum.status igmp.maddr igmp.s igmp.qrv igmp.qqic igmp.num_src "
            + "igmp.saddr igmp.num_grp_recs igmp.record_type igmp.aux_data_len eth.src eth.dst ip.src ip.dst ipv6.src "
            + "udp.srcport udp.dstport").split(" "));
    static final List<String> WLAN_FIELDS = List.of(("wlan.fc.type_subtype wlan.fc wlan.flags wlan.fc.ds "
            + "wlan.fc.protected wlan.duration wlan.aid wlan.ra wlan.ta wlan.da wlan.sa wlan.bssid wlan.staa wlan.addr "
            + "wlan.frag wlan.seq wlan.qos wlan.qos.tid wlan.qos.priority wlan.qos.eosp wlan.qos.bit4 wlan.qos.ack "
            + "wlan.qos.amsdupresent wlan.qos.buf_state_indicated wlan.qos.txop_dur_req wlan.htc wlan.wep.iv "
            + "wlan.wep.key wlan.wep.icv wlan.ccmp.extiv wlan.fixed.auth.alg wlan.fixed.auth_seq "
            + "wlan.fixed.status_code wlan.fixed.capabilities wlan.fixed.listen_ival wlan.tag.number wlan.tag.length "
            + "wlan.ssid wlan.rsn.version wlan.rsn.gcs wlan.rsn.pcs.count wlan.rsn.pcs wlan.rsn.akms.count "
            + "wlan.rsn.akms wlan.rsn.capabilities llc.dsap llc.type ip.src data.data").split(" "));

    static final List<String> RADIOTAP_FIELDS = List.of(("radiotap.length radiotap.present.word radiotap.present.ext "
            + "radiotap.present.vendor_ns radiotap.mactime radiotap.flags radiotap.datarate radiotap.channel.freq "
            + "radiotap.channel.flags radiotap.fhss.hopset radiotap.fhss.pattern radiotap.dbm_antsignal "
            + "radiotap.dbm_antnoise radiotap.quality radiotap.txattenuation radiotap.db_txattenuation radiotap.txpower "
            + "radiotap.antenna radiotap.db_antsignal radiotap.db_antnoise radiotap.rxflags radiotap.txflags "
            + "radiotap.data_retries radiotap.xchannel.flags radiotap.xchannel.freq radiotap.xchannel.channel "
            + "radiotap.mcs.known radiotap.mcs.bw radiotap.mcs.gi radiotap.mcs.index radiotap.ampdu.reference "
            + "radiotap.ampdu.flags radiotap.ampdu.delim_crc radiotap.vht.known radiotap.vht.bw radiotap.vht.gi "
            + "radiotap.vht.nsts.0 radiotap.vht.mcs.0 radiotap.vht.nss.0 radiotap.vht.coding.0 radiotap.vht.datarate.0 "
            + "radiotap.vht.datarate.1 radiotap.vht.gid radiotap.vht.paid radiotap.timestamp.ts "
            + "radiotap.timestamp.accuracy radiotap.timestamp.unit radiotap.0_len_psdu.type radiotap.vendor_oui "
            + "radiotap.vendor_subns radiotap.vendor_data_len radiotap.he.data_1 radiotap.he.data_1.ppdu_format "
            + "radiotap.he.data_2 radiotap.he.data_3 radiotap.he.data_6 wlan.fc.type_subtype wlan.fcs wlan.tag.number "
            + "wlan.country_info.code ip.src").split(" "));

    @TempDir Path dir;

    @Test void encapsulationsAgree() throws IOException {
        compare(1, ENCAPSULATION_FIELDS, MplsDecoderTest.IPV4, MplsDecoderTest.TWO_LABELS_IPV6,
                MplsDecoderTest.PW_NO_CW, MplsDecoderTest.PW_CW, MplsDecoderTest.PW_ACH, VxlanDecoderTest.VXLAN,
                VxlanDecoderTest.VXLAN_GBP, GeneveDecoderTest.ETHERNET_WITH_OPTION, GeneveDecoderTest.IPV4,
                IgmpDecoderTest.V3_QUERY_SOURCES, IgmpDecoderTest.V3_REPORT, IgmpDecoderTest.V1_QUERY);
    }

    @Test void wlanFramesAgree() throws IOException {
        compare(105, WLAN_FIELDS, WlanDecoderTest.DATA_TO_DS, WlanDecoderTest.DATA_FROM_DS, WlanDecoderTest.QOS_WDS_HTC,
                WlanDecoderTest.CCMP, WlanDecoderTest.WEP, WlanDecoderTest.PS_POLL, WlanDecoderTest.AUTH,
                WlanDecoderTest.ASSOC_REQ);
    }

    @Test void radiotapHeadersAgree() throws IOException {
        compare(127, RADIOTAP_FIELDS, RadiotapDecoderTest.ALL_BASIC_FIELDS, RadiotapDecoderTest.XCHANNEL_MCS_AMPDU,
                RadiotapDecoderTest.ZERO_LENGTH_PSDU, RadiotapDecoderTest.VENDOR_NAMESPACE, RadiotapDecoderTest.VHT,
                RadiotapDecoderTest.HE);
    }

    private void compare(int linkType, List<String> fields, String... frames) throws IOException {
        Corpus.assumeTshark();
        Path pcap = dir.resolve("frames-" + linkType + ".pcap");
        Files.write(pcap, pcap(linkType, frames));
        List<String[]> theirs = Tshark.fields(pcap, fields).rows();
        assertEquals(frames.length, theirs.size(), "tshark frames");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            Frame f = TestFrames.decode(linkType, frames[i]);
            FieldColumns cols = new FieldColumns(fields);
            cols.load(f);
            String[] t = theirs.get(i);
            for (int k = 0; k < fields.size(); k++) {
                String tv = k < t.length ? t[k] : "", ov = cols.cell(k).toString();
                if (!tv.equals(ov)) differences.add("frame " + (i + 1) + " " + fields.get(k) + ": tshark='" + tv
                        + "' native='" + ov + "'");
            }
        }
        assertEquals(List.of(), differences);
    }

    /** A little-endian microsecond pcap holding {@code frames} (hex) one second apart. */
    static byte[] pcap(int linkType, String... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        out.writeBytes(h.array());
        for (int i = 0; i < frames.length; i++) {
            byte[] b = TestFrames.hex(frames[i]);
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(1000 + i).putInt(0).putInt(b.length).putInt(b.length);
            out.writeBytes(r.array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
