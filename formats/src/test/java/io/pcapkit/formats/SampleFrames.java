package io.pcapkit.formats;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Level;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;

import java.util.HexFormat;

/**
 * Frames built by hand with {@link FrameBuilder}, as a decoder would build them, for the dumper tests. The fields
 * carry their Wireshark 4.0 names and widths; the UDP frame's values were read with
 * {@code tshark -n -r samples/loopback.pcap -Y frame.number==25 -T fields -e ...}.
 */
final class SampleFrames {
    static final FieldDef ETH_DST = Fields.mac("eth.dst", "Destination");
    static final FieldDef ETH_SRC = Fields.mac("eth.src", "Source");
    static final FieldDef ETH_TYPE = Fields.hex("eth.type", "Type", 16, ValueNames.of(0x0800, "IPv4", 0x86DD, "IPv6"));
    static final FieldDef IP_VERSION = Fields.masked("ip.version", "Version", 8, 0xF0, Base.DEC);
    static final FieldDef IP_HDR_LEN = Fields.masked("ip.hdr_len", "Header Length", 8, 0x0F, Base.DEC);
    static final FieldDef IP_LEN = Fields.uint("ip.len", "Total Length", 16);
    static final FieldDef IP_ID = Fields.hex("ip.id", "Identification", 16);
    static final FieldDef IP_FLAGS = Fields.masked("ip.flags", "Flags", 8, 0xE0, Base.HEX);
    static final FieldDef IP_FLAGS_RB = Fields.flag("ip.flags.rb", "Reserved bit", 8, 0x80);
    static final FieldDef IP_FLAGS_DF = Fields.flag("ip.flags.df", "Don't fragment", 8, 0x40);
    static final FieldDef IP_FLAGS_MF = Fields.flag("ip.flags.mf", "More fragments", 8, 0x20);
    static final FieldDef IP_TTL = Fields.uint("ip.ttl", "Time to Live", 8);
    static final FieldDef IP_PROTO = Fields.uint("ip.proto", "Protocol", 8, ValueNames.of(1, "ICMP", 6, "TCP", 17, "UDP"));
    static final FieldDef IP_CHECKSUM = Fields.hex("ip.checksum", "Header Checksum", 16);
    static final FieldDef IP_SRC = Fields.ipv4("ip.src", "Source Address");
    static final FieldDef IP_DST = Fields.ipv4("ip.dst", "Destination Address");
    static final FieldDef UDP_SRCPORT = Fields.uint("udp.srcport", "Source Port", 16);
    static final FieldDef UDP_DSTPORT = Fields.uint("udp.dstport", "Destination Port", 16);
    static final FieldDef UDP_LENGTH = Fields.uint("udp.length", "Length", 16);
    static final FieldDef UDP_CHECKSUM = Fields.hex("udp.checksum", "Checksum", 16);
    static final FieldDef DATA = Fields.bytes("data.data", "Data");
    static final FieldDef DATA_LEN = Fields.uint("data.len", "Length", 32);

    // a made-up protocol with repeated options, for the duplicate-key rules
    static final Protocol OPTS = Protocols.define("OptTest", "opttest", Level.TRANSPORT);
    static final FieldDef OPTIONS = Fields.group("opttest.options", "Options");
    static final FieldDef NOP = Fields.group("opttest.options.nop", "No-Operation (NOP)");
    static final FieldDef KIND = Fields.uint("opttest.option_kind", "Kind", 8, ValueNames.of(1, "No-Operation (NOP)"));
    static final FieldDef TEXT = Fields.string("opttest.text", "Text");

    /** Frame 25 of samples/loopback.pcap: 127.0.0.1:48294 → 127.0.0.1:15353 UDP, "pcapkit udp ping". */
    static final byte[] UDP_FRAME = HexFormat.of().parseHex("000000000000" + "000000000000" + "0800"
            + "4500002c37174000401105a87f0000017f000001"
            + "bca63bf90018fe2b"
            + "706361706b6974207564702070696e67");

    private SampleFrames() { }

    static Frame udp(Frame f) {
        byte[] d = UDP_FRAME;
        FrameBuilder b = new FrameBuilder();
        b.reset(f, 25, 1_795_687_523_357_173_000L, d.length, d.length, LinkType.ETHERNET, 0, d, 0);
        b.beginLayer(Protocols.ETHERNET, 0);
        b.add(ETH_DST, 0, 0, 6);
        b.add(ETH_SRC, 0, 6, 6);
        b.add(ETH_TYPE, 0x0800, 12, 2);
        b.endLayer(14);
        b.beginLayer(Protocols.IPV4, 14);
        b.addMasked(IP_VERSION, 0x45, 14, 1);
        b.add(IP_HDR_LEN, 20, 14, 1);   // Wireshark shows the nibble times 4
        b.add(IP_LEN, 44, 16, 2);
        b.add(IP_ID, 0x3717, 18, 2);
        b.beginGroup(IP_FLAGS, 0x02, 20, 1);
        b.addMasked(IP_FLAGS_RB, 0x40, 20, 1);
        b.addMasked(IP_FLAGS_DF, 0x40, 20, 1);
        b.addMasked(IP_FLAGS_MF, 0x40, 20, 1);
        b.endGroup();
        b.add(IP_TTL, 64, 22, 1);
        b.add(IP_PROTO, 17, 23, 1);
        b.add(IP_CHECKSUM, 0x05a8, 24, 2);
        b.add(IP_SRC, 0x7f000001L, 26, 4);
        b.add(IP_DST, 0x7f000001L, 30, 4);
        b.endLayer(20);
        b.beginLayer(Protocols.UDP, 34);
        b.add(UDP_SRCPORT, 48294, 34, 2);
        b.add(UDP_DSTPORT, 15353, 36, 2);
        b.add(UDP_LENGTH, 24, 38, 2);
        b.add(UDP_CHECKSUM, 0xfe2b, 40, 2);
        b.endLayer(8);
        b.beginLayer(Protocols.RAW, 42);
        b.addRef(DATA, 42, 16);
        b.add(DATA_LEN, 16, 42, 0);
        b.endLayer(16);
        return b.finish();
    }

    /** A frame whose one layer repeats an option and a field, holds a control character, and is damaged. */
    static Frame options(Frame f) {
        byte[] d = {1, 1, 0};
        FrameBuilder b = new FrameBuilder();
        b.reset(f, 2, 1_000_000_000L, 3, 60, LinkType.valueOf(147), 1, d, 0);
        b.beginLayer(OPTS, 0);
        b.beginGroup(OPTIONS, 0, 2);
        b.beginGroup(NOP, 0, 1);
        b.add(KIND, 1, 0, 1);
        b.endGroup();
        b.beginGroup(NOP, 1, 1);
        b.add(KIND, 1, 1, 1);
        b.endGroup();
        b.endGroup();
        b.addObject(TEXT, "a\r\nb", 2, 1);
        b.addObject(TEXT, "second", 2, 1);
        b.anomaly(Anomaly.Kind.TRUNCATED, 2, "option runs past the captured bytes");
        b.endLayer(3);
        return b.finish();
    }
}
