package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * ARP (RFC 826) and RARP (RFC 903), which share one packet format and Wireshark 4.0's "arp" dissector and fields.
 * Addresses are shown as MAC / IPv4 when the sizes are 6 / 4 and the types say so, as raw bytes otherwise.
 * ATM ARP (hardware type 19) has a different layout and is left undecoded.
 */
public final class ArpDecoder implements LayerDecoder {
    static final FieldDef HW_TYPE = Fields.uint("arp.hw.type", "Hardware type", 16);
    static final FieldDef PROTO_TYPE = Fields.hex("arp.proto.type", "Protocol type", 16);
    static final FieldDef HW_SIZE = Fields.uint("arp.hw.size", "Hardware size", 8);
    static final FieldDef PROTO_SIZE = Fields.uint("arp.proto.size", "Protocol size", 8);
    static final FieldDef OPCODE = Fields.uint("arp.opcode", "Opcode", 16);
    static final FieldDef IS_GRATUITOUS = Fields.flag("arp.isgratuitous", "Is gratuitous", 0, 0);
    static final FieldDef IS_PROBE = Fields.flag("arp.isprobe", "Is probe", 0, 0);
    static final FieldDef IS_ANNOUNCEMENT = Fields.flag("arp.isannouncement", "Is announcement", 0, 0);
    static final FieldDef SRC_HW_MAC = Fields.mac("arp.src.hw_mac", "Sender MAC address");
    static final FieldDef SRC_HW = Fields.bytes("arp.src.hw", "Sender hardware address");
    static final FieldDef SRC_PROTO_IPV4 = Fields.ipv4("arp.src.proto_ipv4", "Sender IP address");
    static final FieldDef SRC_PROTO = Fields.bytes("arp.src.proto", "Sender protocol address");
    static final FieldDef DST_HW_MAC = Fields.mac("arp.dst.hw_mac", "Target MAC address");
    static final FieldDef DST_HW = Fields.bytes("arp.dst.hw", "Target hardware address");
    static final FieldDef DST_PROTO_IPV4 = Fields.ipv4("arp.dst.proto_ipv4", "Target IP address");
    static final FieldDef DST_PROTO = Fields.bytes("arp.dst.proto", "Target protocol address");
    static final FieldDef DRARP_ERROR = Fields.uint("arp.dst.drarp_error_status", "DRARP error status", 16);

    private static final int HEADER = 8;
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_IEEE802 = 6;
    private static final int ARPHRD_ATM2225 = 19;
    private static final int ETHERTYPE_IP = 0x0800;
    private static final int AX25_P_IP = 0xCC;
    private static final int REQUEST = 1;
    private static final int REPLY = 2;
    private static final int DRARP_ERROR_OP = 7;

    private final Protocol protocol;

    /** {@code protocol}: ARP or RARP, by the EtherType this instance is registered under. */
    public ArpDecoder(Protocol protocol) { this.protocol = protocol; }

    @Override public Protocol protocol() { return protocol; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(0); // bytes after the packet are the link layer's padding, not a payload
        if (len < 2) return c.truncated(len, "ARP header needs 8 bytes, has " + len);
        int hrd = c.u16(off);
        if (hrd == ARPHRD_ATM2225) return 0; // Wireshark hands these to its ATM ARP dissector
        c.add(HW_TYPE, hrd, off, 2);
        if (len < 4) return c.truncated(len, "ARP header needs 8 bytes, has " + len);
        int pro = c.u16(off + 2);
        c.add(PROTO_TYPE, pro, off + 2, 2);
        if (len < 5) return c.truncated(len, "ARP header needs 8 bytes, has " + len);
        int hln = c.u8(off + 4);
        c.add(HW_SIZE, hln, off + 4, 1);
        if (len < 6) return c.truncated(len, "ARP header needs 8 bytes, has " + len);
        int pln = c.u8(off + 5);
        c.add(PROTO_SIZE, pln, off + 5, 1);
        if (len < HEADER) return c.truncated(len, "ARP header needs 8 bytes, has " + len);
        int op = c.u16(off + 6);
        c.add(OPCODE, op, off + 6, 2);

        int total = HEADER + 2 * hln + 2 * pln;
        long reported = c.reportedLength(off, len);
        if (total > reported) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4,
                    "addresses need " + total + " bytes, the frame has " + reported);
            return c.truncated(len, "ARP packet of " + total + " bytes in " + reported);
        }
        int sha = off + HEADER, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
        boolean requestOrReply = op == REQUEST || op == REPLY;
        if (len < total && requestOrReply) {
            // Wireshark compares the whole sender and target addresses before showing any of them
            return c.truncated(len, "ARP packet of " + total + " bytes, " + len + " captured");
        }
        boolean ether = (hrd == ARPHRD_ETHER || hrd == ARPHRD_IEEE802) && hln == 6;
        boolean ipv4 = (pro == ETHERTYPE_IP || pro == AX25_P_IP) && pln == 4;
        int end = off + Math.min(len, total); // Wireshark cuts the packet to its own length first
        // Wireshark compares 6 bytes of target hardware address and 4 of sender protocol address whatever the sizes
        if (requestOrReply && equal(c, spa, tpa, pln)) {
            c.add(IS_GRATUITOUS, 1, off, 0);
            if (op == REQUEST && zeros(c, tha, 6, end)) c.add(IS_ANNOUNCEMENT, 1, off, 0);
        } else if (op == REQUEST && zeros(c, tha, 6, end) && zeros(c, spa, 4, end)) {
            c.add(IS_PROBE, 1, off, 0);
        }
        // each address is shown only when captured whole, and nothing after the first that is not
        if (hln != 0 && !address(c, ether ? SRC_HW_MAC : SRC_HW, sha, hln, end)) return cut(c, len, total);
        if (pln != 0 && !address(c, ipv4 ? SRC_PROTO_IPV4 : SRC_PROTO, spa, pln, end)) return cut(c, len, total);
        if (hln != 0 && !address(c, ether ? DST_HW_MAC : DST_HW, tha, hln, end)) return cut(c, len, total);
        if (pln != 0) {
            if (op == DRARP_ERROR_OP) {
                if (tpa + 1 > end) return cut(c, len, total);
                c.add(DRARP_ERROR, c.u8(tpa), tpa, 1);
            } else if (!address(c, ipv4 ? DST_PROTO_IPV4 : DST_PROTO, tpa, pln, end)) {
                return cut(c, len, total);
            }
        }
        return total;
    }

    /** Adds one address if it was captured whole; a MAC / IPv4 field is only chosen for sizes 6 / 4. */
    private static boolean address(DecodeContext c, FieldDef f, int at, int size, int end) {
        if (at + size > end) return false;
        if (f == SRC_HW_MAC || f == DST_HW_MAC) c.add(f, c.u48(at), at, size);
        else if (f == SRC_PROTO_IPV4 || f == DST_PROTO_IPV4) c.add(f, c.u32(at), at, size);
        else c.ref(f, at, size);
        return true;
    }

    private static int cut(DecodeContext c, int len, int total) {
        return c.truncated(len, "ARP packet of " + total + " bytes, " + len + " captured");
    }

    private static boolean equal(DecodeContext c, int a, int b, int n) {
        for (int i = 0; i < n; i++) if (c.u8(a + i) != c.u8(b + i)) return false;
        return true;
    }

    /** True when {@code n} bytes at {@code at} are captured (before {@code end}) and all zero. */
    private static boolean zeros(DecodeContext c, int at, int n, int end) {
        if (at + n > end) return false;
        for (int i = 0; i < n; i++) if (c.u8(at + i) != 0) return false;
        return true;
    }
}
