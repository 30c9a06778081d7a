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
 * PPP over Ethernet (RFC 2516): the session stage (EtherType 0x8864, Wireshark's "pppoes", whose payload is PPP)
 * and the discovery stage (0x8863, "pppoed", whose payload is tags, walked by {@link PppoeTags}), as Wireshark 4.0
 * shows them. Both share the 6-byte header and its {@code pppoe.*} fields.
 *
 * <p>Wireshark hands each stage the rest of the Ethernet frame and never gives what follows the payload back to
 * Ethernet: a padded PPPoE frame has no {@code eth.padding}. So neither stage limits what it hands on here (the
 * dispatcher would make the rest an Ethernet trailer): the discovery stage keeps every byte as its own, and the
 * session stage's PPP decoder ends its PDU where the payload length says ({@link PppDecoder#inSession}).
 */
public final class PppoeDecoder implements LayerDecoder {
    public static final Protocol PPPOES = Protocols.define("PPPoES", "pppoes", Level.LINK);
    public static final Protocol PPPOED = Protocols.define("PPPoED", "pppoed", Level.LINK);

    static final ValueNames CODE_NAMES = ValueNames.of(0x00, "Session Data", 0x07, "Active Discovery Offer (PADO)",
            0x09, "Active Discovery Initiation (PADI)", 0x0a, "Active Discovery Session-Grant (PADG)",
            0x0b, "Active Discovery Session-Credit Resp.(PADC)", 0x0c, "Active Discovery Quality (PADQ)",
            0x19, "Active Discovery Request (PADR)", 0x65, "Active Discovery Session-confirmation (PADS)",
            0xa7, "Active Discovery Terminate (PADT)", 0xd3, "Active Discovery Message (PADM)",
            0xd4, "Active Discovery Network (PADN)");

    static final FieldDef VERSION = Fields.masked("pppoe.version", "Version", 8, 0xF0, Base.DEC);
    static final FieldDef TYPE = Fields.masked("pppoe.type", "Type", 8, 0x0F, Base.DEC);
    static final FieldDef CODE = Fields.hex("pppoe.code", "Code", 8, CODE_NAMES);
    static final FieldDef SESSION_ID = Fields.hex("pppoe.session_id", "Session ID", 16);
    static final FieldDef PAYLOAD_LENGTH = Fields.uint("pppoe.payload_length", "Payload Length", 16);
    static final FieldDef SESSION_TAGS = Fields.group("pppoes.tags", "PPPoE Tags");
    static final FieldDef SESSION_FCN = Fields.uint("pppoes.tags.credits.fcn", "FCN", 16);
    static final FieldDef SESSION_BCN = Fields.uint("pppoes.tags.credits.bcn", "BCN", 16);

    static final int HEADER = 6;
    /** The Credits tag (RFC 5578) that may open a session payload; no PPP protocol number has this value. */
    static final int TAG_CREDITS = 0x0106;
    static final int CREDITS_TAG_LEN = 8;
    /** Wireshark's check for a bad session payload length spares LCP and IPCP packets (often padded). */
    private static final int PPP_LCP = 0xC021, PPP_IPCP = 0x8021;

    private final boolean discovery;

    /** {@code discovery}: the discovery stage (0x8863) rather than the session stage (0x8864). */
    public PppoeDecoder(boolean discovery) { this.discovery = discovery; }

    @Override public Protocol protocol() { return discovery ? PPPOED : PPPOES; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads the payload length before it adds any field
        if (len < HEADER) return c.truncated(len, "PPPoE header needs 6 bytes, has " + len);
        int b0 = c.u8(off);
        c.out().addMasked(VERSION, b0, off, 1);
        c.out().addMasked(TYPE, b0, off, 1);
        c.add(CODE, c.u8(off + 1), off + 1, 1);
        c.add(SESSION_ID, c.u16(off + 2), off + 2, 2);
        int plen = c.u16(off + 4);
        c.add(PAYLOAD_LENGTH, plen, off + 4, 2);
        int actual = c.reportedLength(off, len) - HEADER;
        if (discovery) {
            if (plen > actual) badLength(c, off, plen, actual);
            if (plen > 0) PppoeTags.decode(c, off + HEADER, plen, len - HEADER);
            c.nextRaw(0);
            return len;
        }
        // Wireshark looks for a Credits tag first: fewer than 2 payload bytes end the session layer here
        if (len < HEADER + 2) return c.truncated(len, "PPPoE session payload needs 2 bytes, has " + (len - HEADER));
        int first = c.u16(off + HEADER);
        boolean credits = first == TAG_CREDITS;
        if (credits && !creditsTag(c, off + HEADER, len - HEADER)) return len;
        if (plen > actual) {
            badLength(c, off, plen, actual);
        } else if (actual + HEADER > 46 && plen != actual && plen + 4 != actual && first != PPP_LCP
                && first != PPP_IPCP) {
            // Wireshark's heuristic: a frame above the Ethernet minimum carries no padding, so the lengths should
            // agree (or differ by an FCS)
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "possible bad payload length " + plen + " != " + actual);
        }
        c.nextDecoder(credits ? PppDecoder.AFTER_CREDITS : PppDecoder.IN_SESSION, -1);
        return credits ? HEADER + CREDITS_TAG_LEN : HEADER;
    }

    /** The session stage's Credits tag; false when it is cut short (nothing follows). */
    private static boolean creditsTag(DecodeContext c, int at, int have) {
        if (have < 4) {
            c.truncated(have, "PPPoE Credits tag cut short");
            return false;
        }
        int tagLen = c.u16(at + 2);
        c.out().beginGroup(SESSION_TAGS, at, CREDITS_TAG_LEN);
        if (tagLen == 4 && have >= 8) {
            c.add(SESSION_FCN, c.u16(at + 4), at + 4, 2);
            c.add(SESSION_BCN, c.u16(at + 6), at + 6, 2);
        } else if (tagLen != 4 && have >= 4 + tagLen) {
            c.ref(PppoeTags.CREDITS, at + 4, tagLen);
        } else {
            c.out().endGroup();
            c.truncated(have, "PPPoE Credits tag of " + tagLen + " bytes cut short at " + (have - 4));
            return false;
        }
        c.out().endGroup();
        if (have < CREDITS_TAG_LEN) {
            c.truncated(have, "PPPoE session payload ends inside its Credits tag");
            return false;
        }
        return true;
    }

    private static void badLength(DecodeContext c, int off, int plen, int actual) {
        c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "payload length " + plen + " goes past the end of the frame ("
                + Math.max(actual, 0) + " bytes)");
    }
}
