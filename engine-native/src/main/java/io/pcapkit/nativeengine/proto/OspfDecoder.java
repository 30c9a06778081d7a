package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * OSPF version 2 (RFC 2328) and version 3 (RFC 5340) over IP protocol 89, as Wireshark 4.0's "ospf" dissector
 * shows them: the common header (with version 2's authentication: null, simple password, cryptographic with its
 * digest after the packet), then Hello, Database Description, LS Request, LS Update and LS Acknowledgment. LSAs
 * are in {@link OspfLsa} (version 2) and {@link Ospf3Lsa} (version 3); version 2's link-local signalling block
 * (RFC 5613) in {@link OspfLls}. Every list is bounded by the packet length and by explicit caps.
 */
public final class OspfDecoder implements LayerDecoder {
    public static final Protocol OSPF = Protocols.define("OSPF", "ospf", Level.LINK);

    static final ValueNames MESSAGES = ValueNames.of(1, "Hello Packet", 2, "DB Description", 3, "LS Request",
            4, "LS Update", 5, "LS Acknowledge");
    static final FieldDef HEADER = Fields.group("ospf.header", "OSPF Header");
    static final FieldDef VERSION = Fields.uint("ospf.version", "Version", 8);
    static final FieldDef MSG = Fields.uint("ospf.msg", "Message Type", 8, MESSAGES);
    static final FieldDef[] MSG_FLAGS = {null, present("ospf.msg.hello", "Hello"),
            present("ospf.msg.dbdesc", "Database Description"), present("ospf.msg.lsreq", "Link State Adv Request"),
            present("ospf.msg.lsupdate", "Link State Adv Update"),
            present("ospf.msg.lsack", "Link State Adv Acknowledgement")};
    static final FieldDef PACKET_LENGTH = Fields.uint("ospf.packet_length", "Packet Length", 16);
    static final FieldDef SRCROUTER = Fields.ipv4("ospf.srcrouter", "Source OSPF Router");
    static final FieldDef AREA_ID = Fields.ipv4("ospf.area_id", "Area ID");
    static final FieldDef CHECKSUM = Fields.hex("ospf.checksum", "Checksum", 16);
    static final FieldDef AUTH_TYPE = Fields.uint("ospf.auth.type", "Auth Type", 16,
            ValueNames.of(0, "Null", 1, "Simple password", 2, "Cryptographic"));
    static final FieldDef AUTH_NONE = Fields.bytes("ospf.auth.none", "Auth Data (none)");
    static final FieldDef AUTH_SIMPLE = Fields.string("ospf.auth.simple", "Auth Data (Simple)");
    static final FieldDef CRYPT_KEY_ID = Fields.uint("ospf.auth.crypt.key_id", "Auth Crypt Key id", 8);
    static final FieldDef CRYPT_DATA_LENGTH = Fields.uint("ospf.auth.crypt.data_length", "Auth Crypt Data Length", 8);
    static final FieldDef CRYPT_SEQ = Fields.uint("ospf.auth.crypt.seq_nbr", "Auth Crypt Sequence Number", 32);
    static final FieldDef CRYPT_DATA = Fields.bytes("ospf.auth.crypt.data", "Auth Crypt Data");
    static final FieldDef AUTH_UNKNOWN = Fields.bytes("ospf.auth.unknown", "Auth Unknown");
    static final FieldDef INSTANCE_ID = Fields.uint("ospf.instance_id", "Instance ID", 8);
    static final FieldDef RESERVED = Fields.bytes("ospf.reserved", "Reserved");
    static final FieldDef HELLO = Fields.group("ospf.hello", "OSPF Hello Packet");
    static final FieldDef NETWORK_MASK = Fields.ipv4("ospf.hello.network_mask", "Network Mask");
    static final FieldDef INTERFACE_ID = Fields.uint("ospf.hello.interface_id", "Interface ID", 32);
    static final FieldDef HELLO_INTERVAL = Fields.uint("ospf.hello.hello_interval", "Hello Interval [sec]", 32);
    static final FieldDef ROUTER_PRIORITY = Fields.uint("ospf.hello.router_priority", "Router Priority", 8);
    static final FieldDef DEAD_INTERVAL =
            Fields.uint("ospf.hello.router_dead_interval", "Router Dead Interval [sec]", 32);
    static final FieldDef DR = Fields.ipv4("ospf.hello.designated_router", "Designated Router");
    static final FieldDef BDR = Fields.ipv4("ospf.hello.backup_designated_router", "Backup Designated Router");
    static final FieldDef NEIGHBOR = Fields.ipv4("ospf.hello.active_neighbor", "Active Neighbor");
    static final FieldDef INTERFACE_MTU = Fields.uint("ospf.db.interface_mtu", "Interface MTU", 16);
    static final FieldDef DBD = Fields.hex("ospf.dbd", "DB Description", 8);
    static final FieldDef DBD_R = Fields.flag("ospf.dbd.r", "(R) OOBResync", 8, 0x08);
    static final FieldDef DBD_I = Fields.flag("ospf.dbd.i", "(I) Init", 8, 0x04);
    static final FieldDef DBD_M = Fields.flag("ospf.dbd.m", "(M) More", 8, 0x02);
    static final FieldDef DBD_MS = Fields.flag("ospf.dbd.ms", "(MS) Master", 8, 0x01);
    static final FieldDef DD_SEQUENCE = Fields.uint("ospf.db.dd_sequence", "DD Sequence", 32);
    static final FieldDef NUMBER_OF_LSAS = Fields.uint("ospf.ls.number_of_lsas", "Number of LSAs", 32);
    static final FieldDef LINK_STATE_ID = Fields.ipv4("ospf.link_state_id", "Link State ID");
    static final FieldDef ADVROUTER = Fields.ipv4("ospf.advrouter", "Advertising Router");

    static final int HELLO_MSG = 1, DB_DESC = 2, LS_REQUEST = 3, LS_UPDATE = 4, LS_ACK = 5;
    static final int AUTH_NULL = 0, AUTH_SIMPLE_PASSWORD = 1, AUTH_CRYPTOGRAPHIC = 2;
    /** The L bit of version 2's options: a link-local signalling block follows the packet (RFC 5613). */
    static final int OPTION_L = 0x10;

    static FieldDef present(String name, String label) {
        return Fields.define(name, label, FieldType.BOOL, Base.NONE, 0, 0, null, "");
    }

    @Override public Protocol protocol() { return OSPF; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 2) return c.truncated(len, "OSPF header cut short at " + len + " bytes");
        int version = c.u8(off);
        int hl = version == 3 ? 16 : 24;
        if (len < hl) return c.truncated(len, "OSPF header needs " + hl + " bytes, has " + len);
        int type = c.u8(off + 1);
        int length = c.u16(off + 2);
        c.out().beginGroup(HEADER, off, hl);
        c.add(VERSION, version, off, 1);
        c.add(MSG, type, off + 1, 1);
        if (type >= HELLO_MSG && type <= LS_ACK) c.add(MSG_FLAGS[type], 1, off + 1, 1);
        c.add(PACKET_LENGTH, length, off + 2, 2);
        c.add(SRCROUTER, c.u32(off + 4), off + 4, 4);
        c.add(AREA_ID, c.u32(off + 8), off + 8, 4);
        c.add(CHECKSUM, c.u16(off + 12), off + 12, 2);
        int crypt = 0;
        if (version == 3) {
            c.add(INSTANCE_ID, c.u8(off + 14), off + 14, 1);
            c.ref(RESERVED, off + 15, 1);
        } else {
            crypt = auth(c, off, len, length);
        }
        c.out().endGroup();
        c.nextRaw(0);
        if (length < hl) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 2, "OSPF packet length " + length + " below its header");
            return len;
        }
        int end = off + Math.min(length, len);
        if (length > len) c.anomaly(Anomaly.Kind.TRUNCATED, off + 2, "OSPF packet of " + length + " bytes cut short");
        int at = off + hl;
        int options = switch (type) {
            case HELLO_MSG -> hello(c, at, end, version);
            case DB_DESC -> dbDescription(c, at, end, version);
            case LS_REQUEST -> { lsRequest(c, at, end, version); yield 0; }
            case LS_UPDATE -> { lsUpdate(c, at, end, version); yield 0; }
            case LS_ACK -> { headers(c, at, end, version); yield 0; }
            default -> 0;
        };
        if (version == 2 && (options & OPTION_L) != 0) OspfLls.decode(c, end + crypt, off + len);
        return len;
    }

    /** Version 2's authentication fields; returns how many digest bytes follow the packet. */
    private static int auth(DecodeContext c, int off, int len, int length) {
        int type = c.u16(off + 14);
        c.add(AUTH_TYPE, type, off + 14, 2);
        int a = off + 16;
        switch (type) {
            case AUTH_NULL -> c.ref(AUTH_NONE, a, 8);
            case AUTH_SIMPLE_PASSWORD -> {
                int n = 0;
                while (n < 8 && c.u8(a + n) != 0) n++; // shown up to its first NUL
                c.ref(AUTH_SIMPLE, a, n);
            }
            case AUTH_CRYPTOGRAPHIC -> {
                int dl = c.u8(a + 3);
                c.add(CRYPT_KEY_ID, c.u8(a + 2), a + 2, 1);
                c.add(CRYPT_DATA_LENGTH, dl, a + 3, 1);
                c.add(CRYPT_SEQ, c.u32(a + 4), a + 4, 4);
                // the digest follows the packet (RFC 2328 D.4.3)
                if (length + dl <= len) c.ref(CRYPT_DATA, off + length, dl);
                else c.anomaly(Anomaly.Kind.TRUNCATED, off + length, "OSPF authentication digest cut short");
                return dl;
            }
            default -> c.ref(AUTH_UNKNOWN, a, 8);
        }
        return 0;
    }

    /** Hello (RFC 2328 A.3.2, RFC 5340 A.3.2); returns the options. */
    private static int hello(DecodeContext c, int at, int end, int version) {
        if (end - at < 20) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF hello cut short");
            return 0;
        }
        c.out().beginGroup(HELLO, at, end - at);
        int options;
        if (version == 3) {
            c.add(INTERFACE_ID, c.u32(at), at, 4);
            c.add(ROUTER_PRIORITY, c.u8(at + 4), at + 4, 1);
            options = OspfOptions.v3(c, at + 5);
            c.add(HELLO_INTERVAL, c.u16(at + 8), at + 8, 2);
            c.add(DEAD_INTERVAL, c.u16(at + 10), at + 10, 2);
            at += 12;
        } else {
            c.add(NETWORK_MASK, c.u32(at), at, 4);
            c.add(HELLO_INTERVAL, c.u16(at + 4), at + 4, 2);
            options = OspfOptions.v2(c, at + 6);
            c.add(ROUTER_PRIORITY, c.u8(at + 7), at + 7, 1);
            c.add(DEAD_INTERVAL, c.u32(at + 8), at + 8, 4);
            at += 12;
        }
        c.add(DR, c.u32(at), at, 4);
        c.add(BDR, c.u32(at + 4), at + 4, 4);
        // neighbors fill the rest: bounded by the packet length
        for (at += 8; end - at >= 4; at += 4) c.add(NEIGHBOR, c.u32(at), at, 4);
        c.out().endGroup();
        return options;
    }

    /** Database Description: its fixed part, then LSA headers; returns the options. */
    private static int dbDescription(DecodeContext c, int at, int end, int version) {
        int fixed = version == 3 ? 12 : 8;
        if (end - at < fixed) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF database description cut short");
            return 0;
        }
        int options;
        if (version == 3) {
            c.ref(RESERVED, at, 1);
            options = OspfOptions.v3(c, at + 1);
            c.add(INTERFACE_MTU, c.u16(at + 4), at + 4, 2);
            c.ref(RESERVED, at + 6, 1);
            at += 7;
        } else {
            c.add(INTERFACE_MTU, c.u16(at), at, 2);
            options = OspfOptions.v2(c, at + 2);
            at += 3;
        }
        int flags = c.u8(at);
        c.out().beginGroup(DBD, flags, at, 1);
        c.out().addMasked(DBD_R, flags, at, 1);
        c.out().addMasked(DBD_I, flags, at, 1);
        c.out().addMasked(DBD_M, flags, at, 1);
        c.out().addMasked(DBD_MS, flags, at, 1);
        c.out().endGroup();
        c.add(DD_SEQUENCE, c.u32(at + 1), at + 1, 4);
        headers(c, at + 5, end, version);
        return options;
    }

    /** LS Request entries: type, link state id, advertising router, 12 bytes each. */
    private static void lsRequest(DecodeContext c, int at, int end, int version) {
        for (; end - at >= 12; at += 12) {
            if (version == 3) {
                c.ref(RESERVED, at, 2);
                Ospf3Lsa.type(c, at + 2);
            } else {
                c.add(OspfLsa.TYPE, c.u32(at), at, 4);
            }
            c.add(LINK_STATE_ID, c.u32(at + 4), at + 4, 4);
            c.add(ADVROUTER, c.u32(at + 8), at + 8, 4);
        }
    }

    /** LS Update: the count, then that many LSAs (each at least a header, so the count is bounded by the bytes). */
    private static void lsUpdate(DecodeContext c, int at, int end, int version) {
        if (end - at < 4) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF LS update cut short");
            return;
        }
        long count = c.u32(at);
        c.add(NUMBER_OF_LSAS, count, at, 4);
        at += 4;
        for (long i = 0; i < count && at < end; i++) {
            int next = version == 3 ? Ospf3Lsa.decode(c, at, end, true) : OspfLsa.decode(c, at, end, true);
            if (next <= at) return;
            at = next;
        }
    }

    /** LSA headers only (Database Description, LS Acknowledgment). */
    private static void headers(DecodeContext c, int at, int end, int version) {
        while (end - at >= OspfLsa.HEADER) {
            at = version == 3 ? Ospf3Lsa.decode(c, at, end, false) : OspfLsa.decode(c, at, end, false);
        }
    }
}
