package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * A PPP control protocol packet (RFC 1661 section 5: code, identifier, length, then data by code) as Wireshark
 * 4.0's {@code dissect_cp} shows it for LCP, IPCP (RFC 1332), IPV6CP (RFC 5072) and CCP (RFC 1962, without its
 * options): the header fields are the shared {@code ppp.code / ppp.identifier / ppp.length}, the configuration
 * options are walked by {@link PppOptions} with the protocol's own option table. Wireshark reads every code's data
 * the same way whatever the protocol, and so does this decoder.
 */
public final class PppControlDecoder implements LayerDecoder {
    public static final Protocol LCP = Protocols.define("LCP", "lcp", Level.LINK);
    public static final Protocol IPCP = Protocols.define("IPCP", "ipcp", Level.LINK);
    public static final Protocol IPV6CP = Protocols.define("IPv6CP", "ipv6cp", Level.LINK);
    public static final Protocol CCP = Protocols.define("CCP", "ccp", Level.LINK);

    static final FieldDef CODE = Fields.uint("ppp.code", "Code", 8);
    static final FieldDef IDENTIFIER = Fields.define("ppp.identifier", "Identifier", FieldType.UINT, Base.DEC_HEX, 8,
            0, null, "");
    static final FieldDef LENGTH = Fields.uint("ppp.length", "Length", 16);
    static final FieldDef DATA = Fields.bytes("ppp.data", "Data");
    static final FieldDef VENDOR_MAGIC = Fields.hex("ppp.magic_number", "Magic Number", 32);
    static final FieldDef VENDOR_OUI = Fields.uint("ppp.oui", "OUI", 24); // BASE_OUI: tshark -T fields prints decimal
    static final FieldDef VENDOR_KIND = Fields.define("ppp.kind", "Kind", FieldType.UINT, Base.DEC_HEX, 8, 0, null, "");
    static final FieldDef MAGIC_NUMBER = Fields.hex("lcp.magic_number", "Magic Number", 32);
    static final FieldDef LCP_DATA = Fields.bytes("lcp.data", "Data");
    static final FieldDef MESSAGE = Fields.string("lcp.message", "Message");
    static final FieldDef SECS_REMAINING = Fields.uint("lcp.secs_remaining", "Seconds Remaining", 32);
    static final FieldDef REJ_PROTO = Fields.hex("lcp.rej_proto", "Rejected Protocol", 16);

    static final int VENDOR_SPECIFIC = 0, CONF_REQ = 1, CONF_ACK = 2, CONF_NAK = 3, CONF_REJ = 4, PROT_REJ = 8,
            ECHO_REQ = 9, ECHO_REPLY = 10, DISC_REQ = 11, IDENTIFICATION = 12, TIME_REMAINING = 13;

    private final Protocol protocol;
    private final PppOptions options;

    /** The control protocol {@code protocol}, whose Configure packets carry {@code options}. */
    public PppControlDecoder(Protocol protocol, PppOptions options) {
        this.protocol = protocol;
        this.options = options;
    }

    /** LCP (PPP protocol 0xC021). */
    public static PppControlDecoder lcp() { return new PppControlDecoder(LCP, PppOptions.LCP); }

    /** IPCP (0x8021). */
    public static PppControlDecoder ipcp() { return new PppControlDecoder(IPCP, PppOptions.IPCP); }

    /** IPV6CP (0x8057). */
    public static PppControlDecoder ipv6cp() { return new PppControlDecoder(IPV6CP, PppOptions.IPV6CP); }

    /** CCP (0x80FD, RFC 1962), without its options (compression algorithms). */
    public static PppControlDecoder ccp() { return new PppControlDecoder(CCP, PppOptions.NONE); }

    @Override public Protocol protocol() { return protocol; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads the code and the length before it adds any field
        if (len < 4) return c.truncated(len, protocol.name() + " header needs 4 bytes, has " + len);
        int code = c.u8(off);
        int length = c.u16(off + 2);
        c.add(CODE, code, off, 1);
        c.add(IDENTIFIER, c.u8(off + 1), off + 1, 1);
        c.add(LENGTH, length, off + 2, 2);
        c.nextRaw(0);
        int body = length - 4; // the packet's own length decides, not the bytes the link handed over
        int at = off + 4;
        int have = len - 4;
        if (body <= 0) return Math.min(Math.max(length, 4), len);
        switch (code) {
            case VENDOR_SPECIFIC -> { // RFC 2153: magic number, OUI, kind, then the vendor's data
                if (have < 8) return cut(c, len);
                c.add(VENDOR_MAGIC, c.u32(at), at, 4);
                c.add(VENDOR_OUI, c.u24(at + 4), at + 4, 3);
                c.add(VENDOR_KIND, c.u8(at + 7), at + 7, 1);
                if (body > 8) {
                    if (have < body) return cut(c, len);
                    c.ref(DATA, at + 8, body - 8);
                }
            }
            case CONF_REQ, CONF_ACK, CONF_NAK, CONF_REJ -> {
                // Wireshark opens the options subtree over the whole length first: options cut short show none
                if (have < body) return cut(c, len);
                options.walk(c, at, body);
            }
            case PROT_REJ -> {
                if (have < 2) return cut(c, len);
                int rejected = c.u16(at);
                c.add(REJ_PROTO, rejected, at, 2);
                // the rejected packet follows, decoded as the protocol it was (Wireshark marks it in error)
                if (body > 2) {
                    c.next(Dispatch.PPP_PROTOCOL, rejected, body - 2);
                    return 6;
                }
            }
            case ECHO_REQ, ECHO_REPLY, DISC_REQ, IDENTIFICATION, TIME_REMAINING -> {
                if (have < 4) return cut(c, len);
                c.add(MAGIC_NUMBER, c.u32(at), at, 4);
                int rest = 4;
                if (code == TIME_REMAINING) {
                    if (have < 8) return cut(c, len);
                    c.add(SECS_REMAINING, c.u32(at + 4), at + 4, 4);
                    rest = 8;
                }
                if (body > rest) {
                    if (have < body) return cut(c, len);
                    c.ref(code < IDENTIFICATION ? LCP_DATA : MESSAGE, at + rest, body - rest);
                }
            }
            default -> { // Terminate-Request/Ack, Code-Reject, Reset-Request/Ack and the unknown ones
                if (have < body) return cut(c, len);
                c.ref(DATA, at, body);
            }
        }
        return Math.min(length, len);
    }

    private int cut(DecodeContext c, int len) {
        return c.truncated(len, protocol.name() + " packet cut short at " + len + " bytes");
    }
}
