package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.EtherType;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IEEE 802.2 LLC and its SNAP extension, as Wireshark 4.0's "llc" dissector shows them (SNAP has no protocol of
 * its own there: {@code llc.oui} and the PID fields belong to "llc"). Information frames without SNAP are looked
 * up by DSAP in {@link Dispatch#LLC_SAP}; SNAP with an EtherType OUI goes to {@link Dispatch#ETHERTYPE}.
 *
 * <p>Wireshark declares {@code llc.control.ftype} twice, 8 bits wide for U frames and 16 for I and S frames; one
 * name holds one declaration here, the U-frame one, so an I or S frame prints that field with 2 hex digits instead
 * of 4. U frames (UI, XID, TEST) are by far the common case.
 */
public final class LlcDecoder implements LayerDecoder {
    static final FieldDef DSAP = Fields.hex("llc.dsap", "DSAP", 8);
    static final FieldDef DSAP_SAP = Fields.masked("llc.dsap.sap", "SAP", 8, 0xFE, Base.DEC);
    static final FieldDef DSAP_IG = Fields.flag("llc.dsap.ig", "IG Bit", 8, 0x01);
    static final FieldDef SSAP = Fields.hex("llc.ssap", "SSAP", 8);
    static final FieldDef SSAP_SAP = Fields.masked("llc.ssap.sap", "SAP", 8, 0xFE, Base.DEC);
    static final FieldDef SSAP_CR = Fields.flag("llc.ssap.cr", "CR Bit", 8, 0x01);
    static final FieldDef CONTROL = Fields.hex("llc.control", "Control", 16);
    static final FieldDef N_R = Fields.masked("llc.control.n_r", "N(R)", 16, 0xFE00, Base.DEC);
    static final FieldDef N_S = Fields.masked("llc.control.n_s", "N(S)", 16, 0x00FE, Base.DEC);
    static final FieldDef P = Fields.flag("llc.control.p", "Poll", 8, 0x10);
    static final FieldDef F = Fields.flag("llc.control.f", "Final", 8, 0x10);
    static final FieldDef S_FTYPE =
            Fields.masked("llc.control.s_ftype", "Supervisory frame type", 16, 0x000C, Base.HEX);
    static final FieldDef U_CMD = Fields.masked("llc.control.u_modifier_cmd", "Command", 8, 0xEC, Base.HEX);
    static final FieldDef U_RESP = Fields.masked("llc.control.u_modifier_resp", "Response", 8, 0xEC, Base.HEX);
    static final FieldDef FTYPE = Fields.masked("llc.control.ftype", "Frame type", 8, 0x03, Base.HEX);
    static final FieldDef TYPE = Fields.hex("llc.type", "Type", 16, EtherType.names());
    static final FieldDef OUI = Fields.uint("llc.oui", "Organization Code", 24);
    static final FieldDef PID = Fields.hex("llc.pid", "Protocol ID", 16);
    static final FieldDef CISCO_PID = Fields.hex("llc.cisco_pid", "PID", 16);

    private static final int SAP_SNAP = 0xAA;
    private static final int OUI_ENCAP_ETHER = 0x000000;
    private static final int OUI_CISCO = 0x00000C;
    private static final int OUI_CISCO_90 = 0x0000F8;
    private static final int OUI_APPLE_ATALK = 0x080007;

    @Override public Protocol protocol() { return Protocols.LLC; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 1) return c.truncated(len, "LLC header needs 3 bytes, has " + len);
        int dsap = c.u8(off);
        c.add(DSAP, dsap, off, 1);
        c.out().addMasked(DSAP_SAP, dsap, off, 1);
        c.out().addMasked(DSAP_IG, dsap, off, 1);
        if (len < 2) return c.truncated(len, "LLC header needs 3 bytes, has " + len);
        int ssap = c.u8(off + 1);
        c.add(SSAP, ssap, off + 1, 1);
        c.out().addMasked(SSAP_SAP, ssap, off + 1, 1);
        c.out().addMasked(SSAP_CR, ssap, off + 1, 1);
        if (len < 3) return c.truncated(len, "LLC header needs 3 bytes, has " + len);
        boolean response = (ssap & 0x01) != 0;
        int first = c.u8(off + 2);
        int control;
        int ctlLen;
        if ((first & 0x03) == 0x03) { // U frame: one octet even in extended mode
            control = first;
            ctlLen = 1;
            c.add(CONTROL, control, off + 2, 1);
            if ((control & 0x10) != 0) c.add(response ? F : P, 1, off + 2, 1);
            c.out().addMasked(response ? U_RESP : U_CMD, control, off + 2, 1);
            c.out().addMasked(FTYPE, control, off + 2, 1);
        } else { // I and S frames: LLC type 2 always uses the 2-octet (extended) control field, little-endian
            if (len < 4) return c.truncated(len, "LLC I/S frame needs a 2-byte control field");
            control = c.u16le(off + 2);
            ctlLen = 2;
            c.add(CONTROL, control, off + 2, 2);
            c.out().addMasked(N_R, control, off + 2, 2);
            if ((control & 0x01) == 0) c.out().addMasked(N_S, control, off + 2, 2);
            if ((control & 0x0100) != 0) c.add(response ? F : P, 1, off + 2, 2);
            if ((control & 0x01) == 0) c.add(FTYPE, 0, off + 2, 2);
            else {
                c.out().addMasked(S_FTYPE, control, off + 2, 2);
                c.add(FTYPE, control & 0x03, off + 2, 2);
            }
        }
        int hdr = 2 + ctlLen;
        // I frames and UI frames carry data for the layer above; other U and S frames do not
        boolean information = (control & 0x01) == 0 || (control & 0xEF) == 0x03;
        if (dsap == SAP_SNAP && ssap == SAP_SNAP) return snap(c, off + hdr, len - hdr, hdr, information);
        if (information) c.next(Dispatch.LLC_SAP, dsap, -1);
        else c.nextRaw(-1);
        return hdr;
    }

    /** The SNAP header after the control field: OUI and protocol ID, the PID's meaning set by the OUI. */
    private static int snap(DecodeContext c, int at, int left, int hdr, boolean information) {
        // Wireshark reads the OUI and the PID before showing either
        if (left < 5) return c.truncated(hdr + Math.max(left, 0), "SNAP header needs 5 bytes, has " + left);
        int oui = c.u24(at);
        c.add(OUI, oui, at, 3);
        int pid = c.u16(at + 3);
        switch (oui) {
            case OUI_ENCAP_ETHER, OUI_CISCO_90, OUI_APPLE_ATALK -> {
                if (information) {
                    c.add(TYPE, pid, at + 3, 2);
                    if (pid > EthernetDecoder.IEEE_802_3_MAX_LEN) c.next(Dispatch.ETHERTYPE, pid, -1);
                    else c.nextRaw(-1);
                } else {
                    c.nextRaw(-1);
                }
            }
            case OUI_CISCO -> {
                c.add(CISCO_PID, pid, at + 3, 2);
                c.nextRaw(-1);
            }
            default -> {
                c.add(PID, pid, at + 3, 2);
                c.nextRaw(-1);
            }
        }
        return hdr + 5;
    }
}
