package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * GENEVE (RFC 8926, UDP 6081) as Wireshark 4.0 shows it: version, options length (in bytes), flags, protocol type,
 * VNI, reserved, then the options (class, type, flags, length, data; at most {@link DecodeContext#MAX_OPTIONS}).
 * The payload is an Ethernet frame for protocol type 0x6558 and otherwise looked up as an EtherType. Options of a
 * version other than 0 are shown as bytes only, as Wireshark does.
 */
public final class GeneveDecoder implements LayerDecoder {
    public static final Protocol GENEVE = Protocols.define("GENEVE", "geneve", Level.APPLICATION);

    static final FieldDef VERSION = Fields.uint("geneve.version", "Version", 8);
    static final FieldDef FLAGS = Fields.hex("geneve.flags", "Flags", 8);
    static final FieldDef FLAG_OAM = Fields.flag("geneve.flags.oam", "Operations, Administration and Management Frame",
            8, 0x80);
    static final FieldDef FLAG_CRITICAL = Fields.flag("geneve.flags.critical", "Critical Options Present", 8, 0x40);
    static final FieldDef FLAG_RESERVED = Fields.flag("geneve.flags.reserved", "Reserved", 8, 0x3F);
    static final FieldDef PROTO_TYPE = Fields.hex("geneve.proto_type", "Protocol Type", 16);
    static final FieldDef VNI = Fields.define("geneve.vni", "Virtual Network Identifier (VNI)",
            io.pcapkit.model.FieldType.UINT, Base.HEX_DEC, 24, 0, null, "");
    static final FieldDef RESERVED = Fields.hex("geneve.reserved", "Reserved", 8);
    static final FieldDef OPTIONS = Fields.bytes("geneve.options", "Options");
    static final FieldDef OPTION = Fields.bytes("geneve.option", "Option");
    static final FieldDef OPTION_CLASS = Fields.hex("geneve.option.class", "Class", 16);
    static final FieldDef OPTION_TYPE = Fields.hex("geneve.option.type", "Type", 8);
    static final FieldDef OPTION_CRITICAL = Fields.flag("geneve.option.type.critical", "Critical Option", 8, 0x80);
    static final FieldDef OPTION_FLAGS = Fields.hex("geneve.option.flags", "Flags", 8);
    static final FieldDef OPTION_FLAGS_RESERVED = Fields.flag("geneve.option.flags.reserved", "Reserved", 8, 0xE0);
    /** Wireshark uses one field for the header's options length and each option's length, both in bytes. */
    static final FieldDef LENGTH = Fields.uint("geneve.option.length", "Length", 8);
    static final FieldDef OPTION_DATA = Fields.bytes("geneve.option.unknown.data", "Unknown Option Data");

    static final int HEADER = 8;
    private static final int TRANSPARENT_ETHERNET = 0x6558, LINKTYPE_ETHERNET = 1;

    @Override public Protocol protocol() { return GENEVE; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < HEADER) return c.truncated(len, "GENEVE header needs 8 bytes, has " + len);
        int b0 = c.u8(off), version = b0 >> 6, optLen = (b0 & 0x3F) * 4;
        c.add(VERSION, version, off, 1);
        c.add(LENGTH, optLen, off, 1);
        int flags = c.u8(off + 1);
        c.add(FLAGS, flags, off + 1, 1);
        c.out().addMasked(FLAG_OAM, flags, off + 1, 1);
        c.out().addMasked(FLAG_CRITICAL, flags, off + 1, 1);
        c.out().addMasked(FLAG_RESERVED, flags, off + 1, 1);
        int proto = c.u16(off + 2);
        c.add(PROTO_TYPE, proto, off + 2, 2);
        c.add(VNI, c.u24(off + 4), off + 4, 3);
        c.add(RESERVED, c.u8(off + 7), off + 7, 1);
        if (version != 0) c.anomaly(Anomaly.Kind.BAD_VALUE, off, "unknown GENEVE version " + version);
        if (optLen > 0) {
            if (HEADER + optLen > len) return c.truncated(len, "GENEVE options of " + optLen + " bytes cut short");
            c.ref(OPTIONS, off + HEADER, optLen);
            if (version == 0) options(c, off + HEADER, optLen);
        }
        if (proto == TRANSPARENT_ETHERNET) c.next(Dispatch.LINK_TYPE, LINKTYPE_ETHERNET, -1);
        else c.next(Dispatch.ETHERTYPE, proto, -1);
        return HEADER + optLen;
    }

    private static void options(DecodeContext c, int at, int left) {
        for (int n = 0; left > 0; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at, "more than " + c.maxOptions() + " GENEVE options");
                return;
            }
            if (left < 4) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at, "GENEVE option header cut short");
                return;
            }
            int flags = c.u8(at + 3), olen = 4 + (flags & 0x1F) * 4;
            if (olen > left) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at + 3, "GENEVE option of " + olen + " bytes goes past the "
                        + left + " left");
                return;
            }
            c.ref(OPTION, at, olen);
            c.add(OPTION_CLASS, c.u16(at), at, 2);
            int type = c.u8(at + 2);
            c.add(OPTION_TYPE, type, at + 2, 1);
            c.out().addMasked(OPTION_CRITICAL, type, at + 2, 1);
            c.add(OPTION_FLAGS, flags & 0xE0, at + 3, 1); // the low 5 bits are the length, shown apart
            c.out().addMasked(OPTION_FLAGS_RESERVED, flags, at + 3, 1);
            c.add(LENGTH, olen, at + 3, 1);
            if (olen > 4) c.ref(OPTION_DATA, at + 4, olen - 4);
            at += olen;
            left -= olen;
        }
    }
}
