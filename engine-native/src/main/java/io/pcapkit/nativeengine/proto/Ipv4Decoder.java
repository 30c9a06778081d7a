package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IPv4 (RFC 791), field for field as Wireshark 4.0's "ip" dissector shows it. Options are walked by
 * {@link Ipv4Options}. Fragments are not reassembled here: a datagram with MF set or a non-zero offset hands its
 * payload on as {@code Raw}, as tshark shows the fragments it has not (yet) reassembled.
 */
public final class Ipv4Decoder implements LayerDecoder {
    static final ValueNames CHECKSUM_STATUS_NAMES =
            ValueNames.of(0, "Bad", 1, "Good", 2, "Unverified", 3, "Not present", 4, "Illegal");

    static final FieldDef VERSION = Fields.uint("ip.version", "Version", 8);
    static final FieldDef HDR_LEN = Fields.uint("ip.hdr_len", "Header Length", 8);
    static final FieldDef DSFIELD = Fields.hex("ip.dsfield", "Differentiated Services Field", 8);
    static final FieldDef DSCP = Fields.masked("ip.dsfield.dscp", "Differentiated Services Codepoint", 8, 0xFC, Base.DEC);
    static final FieldDef ECN = Fields.masked("ip.dsfield.ecn", "Explicit Congestion Notification", 8, 0x03, Base.DEC);
    static final FieldDef LEN = Fields.uint("ip.len", "Total Length", 16);
    static final FieldDef ID = Fields.define("ip.id", "Identification", FieldType.UINT, Base.HEX_DEC, 16, 0, null, "");
    static final FieldDef FLAGS = Fields.masked("ip.flags", "Flags", 8, 0xE0, Base.HEX);
    static final FieldDef FLAG_RB = Fields.flag("ip.flags.rb", "Reserved bit", 8, 0x80);
    static final FieldDef FLAG_DF = Fields.flag("ip.flags.df", "Don't fragment", 8, 0x40);
    static final FieldDef FLAG_MF = Fields.flag("ip.flags.mf", "More fragments", 8, 0x20);
    static final FieldDef FRAG_OFFSET = Fields.masked("ip.frag_offset", "Fragment Offset", 16, 0x1FFF, Base.DEC);
    static final FieldDef TTL = Fields.uint("ip.ttl", "Time to Live", 8);
    static final FieldDef PROTO = Fields.uint("ip.proto", "Protocol", 8, IpProtocol.names());
    static final FieldDef CHECKSUM = Fields.hex("ip.checksum", "Header Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("ip.checksum.status", "Header checksum status", 8,
            CHECKSUM_STATUS_NAMES);
    static final FieldDef SRC = Fields.ipv4("ip.src", "Source Address");
    static final FieldDef DST = Fields.ipv4("ip.dst", "Destination Address");
    static final FieldDef ADDR = Fields.ipv4("ip.addr", "Source or Destination Address");
    // Wireshark's *_host fields are FT_STRING host names; pcapkit never resolves names (tshark -n prints the
    // address), so they are stored as the address itself: no String per packet.
    static final FieldDef SRC_HOST = Fields.ipv4("ip.src_host", "Source Host");
    static final FieldDef DST_HOST = Fields.ipv4("ip.dst_host", "Destination Host");
    static final FieldDef HOST = Fields.ipv4("ip.host", "Source or Destination Host");
    static final FieldDef CUR_RT = Fields.ipv4("ip.cur_rt", "Current Route");
    static final FieldDef CUR_RT_HOST = Fields.ipv4("ip.cur_rt_host", "Current Route Host");

    /** Wireshark does not verify the IPv4 header checksum by default: every header says "unverified". */
    static final int CHECKSUM_UNVERIFIED = 2;

    @Override public Protocol protocol() { return Protocols.IPV4; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 1) return c.truncated(0, "IPv4 header needs 20 bytes, has 0");
        int b0 = c.u8(off);
        int version = b0 >>> 4;
        if (version == 6) {
            // Wireshark's "ip" dissector passes a version-6 packet on to IPv6 (tshark's chain reads "ip:ipv6")
            c.next(Dispatch.IP_VERSION, 6, -1);
            return 0;
        }
        c.add(VERSION, version, off, 1);
        if (version != 4) {
            c.anomaly(Anomaly.Kind.BAD_VALUE, off, "bogus IPv4 version " + version);
            c.nextRaw(-1);
            return 1;
        }
        int hl = (b0 & 0x0F) * 4;
        c.add(HDR_LEN, hl, off, 1);
        if (hl < 20) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off, "bogus IPv4 header length " + hl + ", must be at least 20");
            c.nextRaw(-1);
            return 1;
        }
        if (len < 2) return cut(c, len);
        int tos = c.u8(off + 1);
        c.out().beginGroup(DSFIELD, tos, off + 1, 1);
        c.out().addMasked(DSCP, tos, off + 1, 1);
        c.out().addMasked(ECN, tos, off + 1, 1);
        c.out().endGroup();
        if (len < 4) return cut(c, len);
        int total = c.u16(off + 2);
        boolean inError = afterIcmp(c);
        long reported = c.reportedLength(off, len);
        if (total < hl) {
            if (total != 0) {
                c.add(LEN, total, off + 2, 2);
                c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "bogus IPv4 total length " + total
                        + ", less than the header length " + hl);
                c.nextRaw(-1);
                return Math.min(hl, len);
            }
            // zero: TCP segmentation offload left the length out; Wireshark (and we) take the frame's length
            total = (int) Math.min(reported, 0xFFFF);
        } else if (total > reported && !inError) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "IPv4 total length " + total + " exceeds the packet ("
                    + reported + " bytes)");
        }
        c.add(LEN, total, off + 2, 2);
        if (len < 6) return cut(c, len);
        c.add(ID, c.u16(off + 4), off + 4, 2);
        if (len < 8) return cut(c, len);
        int fo = c.u16(off + 6);
        int fb = fo >>> 8;
        c.out().beginGroup(FLAGS, fb >>> 5, off + 6, 1);
        c.out().addMasked(FLAG_RB, fb, off + 6, 1);
        c.out().addMasked(FLAG_DF, fb, off + 6, 1);
        c.out().addMasked(FLAG_MF, fb, off + 6, 1);
        c.out().endGroup();
        c.out().addMasked(FRAG_OFFSET, fo, off + 6, 2);
        if (len < 10) return cut(c, len);
        int ttl = c.u8(off + 8);
        int proto = c.u8(off + 9);
        c.add(TTL, ttl, off + 8, 1);
        c.add(PROTO, proto, off + 9, 1);
        if (len < 12) return cut(c, len);
        c.add(CHECKSUM, c.u16(off + 10), off + 10, 2);
        c.add(CHECKSUM_STATUS, CHECKSUM_UNVERIFIED, off + 10, 0);
        if (len < 16) return cut(c, len);
        addAddress(c, SRC, SRC_HOST, off + 12);
        if (len < 20) return cut(c, len);
        int optEnd = Math.min(hl, len);
        // a live loose/strict source route names the final destination; the header's is the current hop
        int dstOff = hl > 20 ? Ipv4Options.sourceRouteDestination(c, off + 20, optEnd - 20) : -1;
        if (dstOff < 0) {
            addAddress(c, DST, DST_HOST, off + 16);
        } else {
            c.add(CUR_RT, c.u32(off + 16), off + 16, 4);
            c.add(CUR_RT_HOST, c.u32(off + 16), off + 16, 4);
        }
        if (hl > 20) Ipv4Options.decode(c, off + 20, optEnd - 20, ttl);
        if (len < hl) return c.truncated(len, "IPv4 header of " + hl + " bytes cut short at " + len);
        c.ipVersion = 4;
        int payload = Math.min(total, len) - hl;
        if ((fo & 0x3FFF) != 0) c.nextRaw(payload);
        else c.next(Dispatch.IP_PROTO, proto, payload);
        return hl;
    }

    /** The address plus its hidden companions, in Wireshark's order: ip.src/dst, ip.addr, ip.*_host, ip.host. */
    static void addAddress(DecodeContext c, FieldDef which, FieldDef whichHost, int at) {
        long a = c.u32(at);
        c.add(which, a, at, 4);
        c.add(ADDR, a, at, 4);
        c.add(whichHost, a, at, 4);
        c.add(HOST, a, at, 4);
    }

    /**
     * Whether this header is the invoking packet quoted by an ICMP/ICMPv6 error (Wireshark's in_error_pkt): there a
     * total length beyond the captured bytes is the rule, not an anomaly.
     */
    static boolean afterIcmp(DecodeContext c) {
        int prev = c.out().currentLayer() - 1;
        if (prev < 0) return false;
        Frame f = c.out().frame();
        Protocol p = f.protocolAt(prev);
        return p == Protocols.ICMP || p == Protocols.ICMPV6;
    }

    private static int cut(DecodeContext c, int len) {
        return c.truncated(len, "IPv4 header needs 20 bytes, has " + len);
    }
}
