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
 * The IEEE 802.11 MAC header (LINKTYPE 105, and after a radio header) as Wireshark 4.0's "wlan" shows it: frame
 * control, duration, the addresses with the roles Wireshark derives from frame type and To/From DS (receiver,
 * transmitter, destination, source, BSS Id, station), sequence control, QoS and HT control, the security header of
 * protected frames ({@link WlanSecurity}) and the FCS when the radio header says there is one. The frame body is
 * looked up by {@code (type << 4) | subtype} in {@link Dispatch#WLAN_SUBTYPE}: management bodies, LLC for data.
 */
public final class WlanDecoder implements LayerDecoder {
    public static final Protocol WLAN = Protocols.define("802.11", "wlan", Level.LINK);

    static final FieldDef TYPE_SUBTYPE = Fields.hex("wlan.fc.type_subtype", "Type/Subtype", 16);
    static final FieldDef FC = Fields.hex("wlan.fc", "Frame Control Field", 16);
    static final FieldDef VERSION = Fields.masked("wlan.fc.version", "Version", 8, 0x03, Base.DEC);
    static final FieldDef TYPE = Fields.masked("wlan.fc.type", "Type", 8, 0x0C, Base.DEC);
    static final FieldDef SUBTYPE = Fields.masked("wlan.fc.subtype", "Subtype", 8, 0xF0, Base.DEC);
    static final FieldDef FLAGS = Fields.hex("wlan.flags", "Flags", 8);
    static final FieldDef DS = Fields.masked("wlan.fc.ds", "DS status", 8, 0x03, Base.HEX);
    static final FieldDef[] FLAG_BITS = RadiotapFields.bits("wlan.fc.", 8, "tods", "fromds", "frag", "retry", "pwrmgt",
            "moredata", "protected", "order");
    static final FieldDef DURATION = Fields.masked("wlan.duration", "Duration", 16, 0x7FFF, Base.DEC);
    static final FieldDef RA = Fields.mac("wlan.ra", "Receiver address");
    static final FieldDef TA = Fields.mac("wlan.ta", "Transmitter address");
    static final FieldDef DA = Fields.mac("wlan.da", "Destination address");
    static final FieldDef SA = Fields.mac("wlan.sa", "Source address");
    static final FieldDef BSSID = Fields.mac("wlan.bssid", "BSS Id");
    static final FieldDef STAA = Fields.mac("wlan.staa", "STA address");
    static final FieldDef ADDR = Fields.mac("wlan.addr", "Hardware address");
    static final FieldDef FRAG = Fields.masked("wlan.frag", "Fragment number", 16, 0x000F, Base.DEC);
    static final FieldDef SEQ = Fields.masked("wlan.seq", "Sequence number", 16, 0xFFF0, Base.DEC);
    static final FieldDef AID = Fields.masked("wlan.aid", "Association ID", 16, 0x3FFF, Base.DEC);
    static final FieldDef HTC = Fields.hex("wlan.htc", "HT Control (+HTC)", 32);
    static final FieldDef FCS = Fields.hex("wlan.fcs", "Frame check sequence", 32);
    static final FieldDef FCS_STATUS = Fields.uint("wlan.fcs.status", "FCS Status", 8);

    static final int MGMT = 0, CONTROL = 1, DATA = 2, EXTENSION = 3;
    private static final int FLAG_TODS = 0x01, FLAG_FROMDS = 0x02, FLAG_PROTECTED = 0x40, FLAG_ORDER = 0x80;
    private static final int CTL_BAR = 8, CTL_BA = 9, CTL_PS_POLL = 10, CTL_RTS = 11, CTL_CF_END = 14,
            CTL_CF_END_ACK = 15, CTL_BF_POLL = 4, CTL_NDPA = 5;
    private static final int LLC_SNAP = 0xAAAA, QOS_AMSDU = 0x80;
    /** Wireshark does not check the FCS by default: "unverified". */
    private static final int FCS_UNVERIFIED = 2;

    @Override public Protocol protocol() { return WLAN; }

    @Override public int decode(DecodeContext c, int off, int len) {
        int fcsLen = (c.radioFlags & DecodeContext.RADIO_FCS) != 0 ? 4 : 0;
        if (fcsLen > 0 && len < fcsLen + 2) return c.truncated(len, "802.11 frame shorter than its FCS");
        int end = off + len - fcsLen; // the FCS is not part of any header or body
        if (len - fcsLen < 2) return c.truncated(len, "802.11 frame control needs 2 bytes, has " + len);
        int fc0 = c.u8(off), flags = c.u8(off + 1);
        int version = fc0 & 0x03, type = (fc0 >> 2) & 0x03, subtype = fc0 >> 4;
        if (version != 0) {
            // Wireshark shows only the version of a frame it cannot read, the rest is data
            c.out().addMasked(VERSION, fc0, off, 1);
            addFcs(c, end, fcsLen);
            c.anomaly(Anomaly.Kind.BAD_VALUE, off, "unknown 802.11 protocol version " + version);
            c.nextRaw(end - off - 2);
            return Math.min(2, end - off);
        }
        c.add(TYPE_SUBTYPE, (type << 4) | subtype, off, 1);
        c.add(FC, (fc0 << 8) | flags, off, 2);
        c.out().addMasked(VERSION, fc0, off, 1);
        c.out().addMasked(TYPE, fc0, off, 1);
        c.out().addMasked(SUBTYPE, fc0, off, 1);
        c.add(FLAGS, flags, off + 1, 1);
        c.out().addMasked(DS, flags, off + 1, 1);
        RadiotapFields.addBits(c, FLAG_BITS, flags, off + 1, 1);
        addFcs(c, end, fcsLen);
        int hdr = switch (type) {
            case MGMT -> management(c, off, end, flags);
            case CONTROL -> control(c, off, end, subtype);
            case DATA -> data(c, off, end, subtype, flags);
            default -> extension(c, off, end);
        };
        if (hdr < 0) return c.truncated(end - off, "802.11 header cut short");
        if ((c.radioFlags & DecodeContext.RADIO_DATAPAD) != 0) hdr = (hdr + 3) & ~3;
        int body = Math.max(0, end - off - hdr);
        if (type == CONTROL || type == EXTENSION || type == DATA && (subtype & 0x04) != 0) {
            // control frames end with the header; null data frames carry nothing Wireshark looks at
            c.nextRaw(type == EXTENSION ? body : 0);
            return Math.min(hdr, end - off);
        }
        if ((flags & FLAG_PROTECTED) != 0) return WlanSecurity.decode(c, off, hdr, end);
        if (type == DATA && (subtype & 0x08) != 0 && (c.u8(off + ((flags & 3) == 3 ? 30 : 24)) & QOS_AMSDU) != 0) {
            // an A-MSDU: subframes with their own addresses, not one LLC PDU; not decoded further
            c.nextRaw(body);
            return hdr;
        }
        if (type == DATA && body >= 4 && c.u16(off + hdr) == 0 && c.u16(off + hdr + 2) == LLC_SNAP) {
            // some drivers pad the header with two zero bytes before the LLC; Wireshark skips them
            hdr += 2;
            body -= 2;
        }
        c.next(Dispatch.WLAN_SUBTYPE, (type << 4) | subtype, body);
        return hdr;
    }

    private static void addFcs(DecodeContext c, int end, int fcsLen) {
        if (fcsLen == 0) return;
        c.add(FCS, c.u32le(end), end, 4);
        c.add(FCS_STATUS, FCS_UNVERIFIED, end, 4);
    }

    /** Duration, RA/DA, TA/SA, BSS Id, sequence: the 24-byte management header (+4 with HT control). */
    private static int management(DecodeContext c, int off, int end, int flags) {
        if (!duration(c, off, end) || off + 24 > end) return -1;
        addr(c, RA, off + 4, DA);
        addr(c, TA, off + 10, SA);
        addr(c, BSSID, off + 16, null);
        sequence(c, off + 22);
        if ((flags & FLAG_ORDER) == 0) return 24;
        if (off + 28 > end) return -1;
        c.add(HTC, c.u32le(off + 24), off + 24, 4);
        return 28;
    }

    private static int control(DecodeContext c, int off, int end, int subtype) {
        boolean cfEnd = subtype == CTL_CF_END || subtype == CTL_CF_END_ACK;
        boolean hasTa = subtype == CTL_RTS || subtype == CTL_PS_POLL || subtype == CTL_BAR || subtype == CTL_BA
                || subtype == CTL_BF_POLL || subtype == CTL_NDPA;
        int hdr = hasTa || cfEnd ? 16 : 10;
        if (off + hdr > end) return -1;
        // a PS-Poll carries the association id where other frames carry the duration, and its BSS Id receives it
        c.out().addMasked(subtype == CTL_PS_POLL ? AID : DURATION, c.u16le(off + 2), off + 2, 2);
        addr(c, RA, off + 4, subtype == CTL_PS_POLL ? BSSID : null);
        if (cfEnd) addr(c, BSSID, off + 10, null);
        else if (hasTa) addr(c, TA, off + 10, null);
        return hdr;
    }

    private static int data(DecodeContext c, int off, int end, int subtype, int flags) {
        if (!duration(c, off, end) || off + 24 > end) return -1;
        int ds = flags & (FLAG_TODS | FLAG_FROMDS);
        int a1 = off + 4, a2 = off + 10, a3 = off + 16;
        int hdr = ds == 3 ? 30 : 24;
        if (hdr > end - off) return -1;
        c.add(RA, c.u48(a1), a1, 6);
        c.add(TA, c.u48(a2), a2, 6);
        switch (ds) {
            case 0 -> { c.add(DA, c.u48(a1), a1, 6); c.add(SA, c.u48(a2), a2, 6); c.add(BSSID, c.u48(a3), a3, 6); }
            case FLAG_TODS -> {
                c.add(DA, c.u48(a3), a3, 6); c.add(SA, c.u48(a2), a2, 6); c.add(BSSID, c.u48(a1), a1, 6);
                c.add(STAA, c.u48(a2), a2, 6);
            }
            case FLAG_FROMDS -> {
                c.add(DA, c.u48(a1), a1, 6); c.add(SA, c.u48(a3), a3, 6); c.add(BSSID, c.u48(a2), a2, 6);
                c.add(STAA, c.u48(a1), a1, 6);
            }
            default -> { c.add(DA, c.u48(a3), a3, 6); c.add(SA, c.u48(off + 24), off + 24, 6); }
        }
        c.add(ADDR, c.u48(a1), a1, 6);
        c.add(ADDR, c.u48(a2), a2, 6);
        if (ds == 3) c.add(ADDR, c.u48(off + 24), off + 24, 6); // Wireshark lists the fourth before the third
        c.add(ADDR, c.u48(a3), a3, 6);
        sequence(c, off + 22);
        if ((subtype & 0x08) != 0) {
            if (hdr + 2 > end - off) return -1;
            WlanQos.decode(c, off + hdr, subtype, flags);
            hdr += 2;
            if ((flags & FLAG_ORDER) != 0) {
                if (hdr + 4 > end - off) return -1;
                c.add(HTC, c.u32le(off + hdr), off + hdr, 4);
                hdr += 4;
            }
        }
        return hdr;
    }

    /** Extension frames (type 3): Wireshark shows the receiver, the rest is data. */
    private static int extension(DecodeContext c, int off, int end) {
        if (!duration(c, off, end) || off + 10 > end) return -1;
        addr(c, RA, off + 4, null);
        return 10;
    }

    private static boolean duration(DecodeContext c, int off, int end) {
        if (off + 4 > end) return false;
        c.out().addMasked(DURATION, c.u16le(off + 2), off + 2, 2);
        return true;
    }

    /** An address under its role(s), and once more as the generic wlan.addr. */
    private static void addr(DecodeContext c, FieldDef role, int at, FieldDef alsoRole) {
        long mac = c.u48(at);
        c.add(role, mac, at, 6);
        if (alsoRole != null) c.add(alsoRole, mac, at, 6);
        c.add(ADDR, mac, at, 6);
    }

    private static void sequence(DecodeContext c, int at) {
        int sc = c.u16le(at);
        c.out().addMasked(FRAG, sc, at, 2);
        c.out().addMasked(SEQ, sc, at, 2);
    }
}
