package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * BOOTP / DHCP (RFC 951, RFC 2131) on UDP ports 67 and 68, with tshark 4.0's {@code dhcp.*} fields: the fixed
 * 236-byte header, the magic cookie, then the options ({@link DhcpOptions}). Like tshark, a hardware address of
 * type Ethernet and length 6 is a MAC address, anything else bytes; a seconds field that only makes sense read
 * little-endian (a common client bug) is read so and flagged with {@code dhcp.secs_le}.
 */
public final class DhcpDecoder implements LayerDecoder {
    public static final Protocol DHCP = Protocols.define("DHCP", "dhcp", Level.APPLICATION);

    static final FieldDef TYPE = Fields.uint("dhcp.type", "Message type", 8,
            ValueNames.of(1, "Boot Request", 2, "Boot Reply"));
    static final FieldDef HW_TYPE = Fields.hex("dhcp.hw.type", "Hardware type", 8);
    static final FieldDef HW_LEN = Fields.uint("dhcp.hw.len", "Hardware address length", 8);
    static final FieldDef HOPS = Fields.uint("dhcp.hops", "Hops", 8);
    static final FieldDef ID = Fields.hex("dhcp.id", "Transaction ID", 32);
    static final FieldDef SECS = Fields.uint("dhcp.secs", "Seconds elapsed", 16);
    static final FieldDef SECS_LE = Fields.group("dhcp.secs_le", "Seconds elapsed appears to be encoded as little-endian");
    static final FieldDef FLAGS = Fields.hex("dhcp.flags", "Bootp flags", 16);
    static final FieldDef FLAGS_BC = Fields.flag("dhcp.flags.bc", "Broadcast flag", 16, 0x8000);
    static final FieldDef FLAGS_RESERVED = Fields.masked("dhcp.flags.reserved", "Reserved flags", 16, 0x7FFF, Base.HEX);
    static final FieldDef IP_CLIENT = Fields.ipv4("dhcp.ip.client", "Client IP address");
    static final FieldDef IP_YOUR = Fields.ipv4("dhcp.ip.your", "Your (client) IP address");
    static final FieldDef IP_SERVER = Fields.ipv4("dhcp.ip.server", "Next server IP address");
    static final FieldDef IP_RELAY = Fields.ipv4("dhcp.ip.relay", "Relay agent IP address");
    static final FieldDef HW_MAC = Fields.mac("dhcp.hw.mac_addr", "Client MAC address");
    static final FieldDef HW_ADDR = Fields.bytes("dhcp.hw.addr", "Client hardware address");
    static final FieldDef HW_PADDING = Fields.bytes("dhcp.hw.addr_padding", "Client hardware address padding");
    static final FieldDef SERVER = Fields.string("dhcp.server", "Server host name");
    static final FieldDef FILE = Fields.string("dhcp.file", "Boot file name");
    static final FieldDef COOKIE = Fields.ipv4("dhcp.cookie", "Magic cookie");
    static final FieldDef BOOTP = Fields.flag("dhcp.bootp", "Frame is BOOTP", 8, 0);
    static final FieldDef ADDRESS_NOT_GIVEN = Fields.group("dhcp.client_address_not_given", "Client address not given");

    /** ciaddr, yiaddr, siaddr, giaddr in their order. */
    private static final FieldDef[] ADDRESSES = {IP_CLIENT, IP_YOUR, IP_SERVER, IP_RELAY};

    /** op … file: RFC 2131 figure 1. */
    static final int FIXED = 236;
    static final long MAGIC = 0x63825363L;
    static final int HTYPE_ETHERNET = 1, HTYPE_IEEE802 = 6;

    @Override public Protocol protocol() { return DHCP; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(0);
        int end = off + len;
        // tshark shows the header field by field as far as the captured bytes go (captures cut at 96 bytes are common)
        if (len < 1) return c.truncated(len, "DHCP header cut short");
        c.add(TYPE, c.u8(off), off, 1);
        if (len < 4) return c.truncated(len, "DHCP header cut short");
        int htype = c.u8(off + 1), hlen = c.u8(off + 2);
        c.add(HW_TYPE, htype, off + 1, 1);
        c.add(HW_LEN, hlen, off + 2, 1);
        c.add(HOPS, c.u8(off + 3), off + 3, 1);
        if (len < 8) return c.truncated(len, "DHCP header cut short");
        c.add(ID, c.u32(off + 4), off + 4, 4);
        if (len < 10) return c.truncated(len, "DHCP header cut short");
        int secs = c.u16(off + 8);
        if (secs > 0xFF && (secs & 0xFF) == 0) {
            c.add(SECS, c.u16le(off + 8), off + 8, 2);
            c.out().addObject(SECS_LE, null, off + 8, 2);
        } else {
            c.add(SECS, secs, off + 8, 2);
        }
        if (len < 12) return c.truncated(len, "DHCP header cut short");
        int flags = c.u16(off + 10);
        c.out().beginGroup(FLAGS, flags, off + 10, 2);
        c.add(FLAGS_BC, flags >> 15, off + 10, 2);
        c.add(FLAGS_RESERVED, flags & 0x7FFF, off + 10, 2);
        c.out().endGroup();
        for (int k = 0; k < 4; k++) {
            int at = off + 12 + 4 * k;
            if (at + 4 > end) return c.truncated(len, "DHCP header cut short");
            c.add(ADDRESSES[k], c.u32(at), at, 4);
        }
        if (!hardwareAddress(c, off + 28, end, htype, hlen)) return c.truncated(len, "DHCP header cut short");
        // sname and file may be overloaded with options (option 52); tshark shows them as strings all the same
        if (off + 108 > end) return c.truncated(len, "DHCP header cut short");
        c.out().addObject(SERVER, zeroTerminated(c, off + 44, 64), off + 44, 64);
        if (off + FIXED > end) return c.truncated(len, "DHCP header cut short");
        c.out().addObject(FILE, zeroTerminated(c, off + 108, 128), off + 108, 128);
        int at = off + FIXED;
        if (at + 4 > end) return c.truncated(len, "DHCP magic cookie cut short");
        long cookie = c.u32(at);
        if (cookie != MAGIC) {
            // RFC 951 BOOTP with a vendor area of its own: not DHCP options
            c.add(BOOTP, 1, at, 0);
            c.anomaly(Anomaly.Kind.BAD_VALUE, at, "no DHCP magic cookie: a BOOTP vendor area");
            return len;
        }
        c.add(COOKIE, cookie, at, 4);
        if (!DhcpOptions.hasMessageType(c, at + 4, end)) c.add(BOOTP, 1, at, 0);
        DhcpOptions.decode(c, at + 4, end);
        return len;
    }

    /** chaddr: false when the capture ends inside it. */
    private static boolean hardwareAddress(DecodeContext c, int at, int end, int htype, int hlen) {
        if (hlen == 0 || hlen > 16) {
            c.out().addObject(ADDRESS_NOT_GIVEN, null, at, 16);
            return at + 16 <= end;
        }
        if (at + hlen > end) return false;
        if ((htype == HTYPE_ETHERNET || htype == HTYPE_IEEE802) && hlen == 6) c.add(HW_MAC, c.u48(at), at, 6);
        else c.ref(HW_ADDR, at, hlen);
        if (hlen < 16) {
            if (at + 16 > end) return false;
            c.ref(HW_PADDING, at + hlen, 16 - hlen);
        }
        return true;
    }

    /** A fixed-size text field up to its first zero byte, as ASCII (bytes above 0x7F become U+FFFD). */
    static String zeroTerminated(DecodeContext c, int at, int max) {
        int n = 0;
        while (n < max && c.u8(at + n) != 0) n++;
        return DnsNames.ascii(c, at, n);
    }
}
