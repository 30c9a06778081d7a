package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * DHCPv6 (RFC 8415) on UDP ports 546 and 547, with tshark 4.0's {@code dhcpv6.*} fields: a client/server message is
 * its type, transaction ID and options; a relay message (Relay-forw, Relay-reply) its type, hop count, link and peer
 * addresses and options, one of which (Relay Message, 9) holds the relayed message, decoded the same way. Nesting is
 * bounded by {@link #MAX_RELAY_DEPTH} (RFC 8415's HOP_COUNT_LIMIT). Options are in {@link Dhcpv6Options}.
 */
public final class Dhcpv6Decoder implements LayerDecoder {
    public static final Protocol DHCPV6 = Protocols.define("DHCPv6", "dhcpv6", Level.APPLICATION);

    static final ValueNames MESSAGE_TYPES = ValueNames.of(1, "Solicit", 2, "Advertise", 3, "Request", 4, "Confirm",
            5, "Renew", 6, "Rebind", 7, "Reply", 8, "Release", 9, "Decline", 10, "Reconfigure",
            11, "Information-request", 12, "Relay-forw", 13, "Relay-reply", 14, "Leasequery",
            15, "Leasequery-reply", 16, "Leasequery-done", 17, "Leasequery-data", 18, "Reconfigure-request",
            19, "Reconfigure-reply");

    static final FieldDef MSGTYPE = Fields.uint("dhcpv6.msgtype", "Message type", 8, MESSAGE_TYPES);
    static final FieldDef HOPCOUNT = Fields.uint("dhcpv6.hopcount", "Hopcount", 8);
    static final FieldDef XID = Fields.hex("dhcpv6.xid", "Transaction ID", 24);
    static final FieldDef LINKADDR = Fields.ipv6("dhcpv6.linkaddr", "Link address");
    static final FieldDef PEERADDR = Fields.ipv6("dhcpv6.peeraddr", "Peer address");

    static final int RELAY_FORW = 12, RELAY_REPL = 13;
    /** RFC 8415 section 7.6 HOP_COUNT_LIMIT: no valid message nests deeper. */
    static final int MAX_RELAY_DEPTH = 32;

    @Override public Protocol protocol() { return DHCPV6; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(0);
        message(c, off, off + len, 0);
        return len;
    }

    /** One message from {@code at} to {@code end}; {@code depth} relay messages enclose it. */
    static void message(DecodeContext c, int at, int end, int depth) {
        if (at >= end) {
            c.truncated(0, "DHCPv6 message cut short");
            return;
        }
        int type = c.u8(at);
        c.add(MSGTYPE, type, at, 1);
        if (type == RELAY_FORW || type == RELAY_REPL) {
            if (at + 34 > end) {
                c.truncated(end - at, "DHCPv6 relay header needs 34 bytes, has " + (end - at));
                return;
            }
            c.add(HOPCOUNT, c.u8(at + 1), at + 1, 1);
            c.ref(LINKADDR, at + 2, 16);
            c.ref(PEERADDR, at + 18, 16);
            Dhcpv6Options.decode(c, at + 34, end, type, depth);
        } else {
            if (at + 4 > end) {
                c.truncated(end - at, "DHCPv6 header needs 4 bytes, has " + (end - at));
                return;
            }
            c.add(XID, c.u24(at + 1), at + 1, 3);
            Dhcpv6Options.decode(c, at + 4, end, type, depth);
        }
    }

    /** A Relay Message option's contents: the relayed message, unless the nesting is already too deep. */
    static void relayed(DecodeContext c, int at, int end, int depth) {
        if (depth + 1 > MAX_RELAY_DEPTH) {
            c.anomaly(Anomaly.Kind.LIMIT, at, "DHCPv6 relay messages nested deeper than " + MAX_RELAY_DEPTH);
            return;
        }
        message(c, at, end, depth + 1);
    }
}
