package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The radiotap VHT field (802.11ac: known mask, flags, bandwidth, MCS/NSS of up to four users, coding, group id,
 * partial AID) as Wireshark 4.0 shows it, with each user's data rate when guard interval and bandwidth are known
 * and the MCS is valid for that bandwidth and stream count.
 */
final class RadiotapVht {
    static final FieldDef VHT = Fields.group("radiotap.vht", "VHT information");
    /** Wireshark declares the 16-bit mask 8 bits wide and shows its second octet. */
    static final FieldDef KNOWN = Fields.hex("radiotap.vht.known", "Known VHT information", 8);
    static final FieldDef[] HAVE = {Fields.flag("radiotap.vht.have_stbc", "STBC", 16, 0x1),
            Fields.flag("radiotap.vht.have_txop_ps", "TXOP_PS_NOT_ALLOWED", 16, 0x2),
            Fields.flag("radiotap.vht.have_gi", "Guard interval", 16, 0x4),
            Fields.flag("radiotap.vht.have_sgi_nsym_da", "SGI Nsym disambiguation", 16, 0x8),
            Fields.flag("radiotap.vht.ldpc_extra", "LDPC extra OFDM symbol", 16, 0x10),
            Fields.flag("radiotap.vht.have_beamformed", "Beamformed", 16, 0x20),
            Fields.flag("radiotap.mcs.have_gid", "Group Id", 16, 0x80),
            Fields.flag("radiotap.mcs.have_paid", "Partial AID", 16, 0x100)};
    static final FieldDef STBC = Fields.flag("radiotap.vht.stbc", "STBC", 8, 0x01);
    static final FieldDef TXOP_PS = Fields.flag("radiotap.vht.txop_ps", "TXOP_PS_NOT_ALLOWED", 8, 0x02);
    static final FieldDef GI = Fields.masked("radiotap.vht.gi", "Guard interval", 8, 0x04, Base.DEC);
    static final FieldDef SGI_NSYM_DA = Fields.flag("radiotap.vht.sgi_nsym_da", "SGI Nsym disambiguation", 8, 0x08);
    static final FieldDef BEAMFORMED = Fields.flag("radiotap.vht.beamformed", "Beamformed", 8, 0x20);
    static final FieldDef BW = Fields.uint("radiotap.vht.bw", "Bandwidth", 8);
    static final FieldDef USER = Fields.group("radiotap.vht.user", "User");
    static final FieldDef[] NSTS = perUser("radiotap.vht.nsts.", "Space-time streams", 0);
    static final FieldDef[] MCS = perUser("radiotap.vht.mcs.", "MCS index", 0xF0);
    static final FieldDef[] NSS = perUser("radiotap.vht.nss.", "Spatial streams", 0x0F);
    static final FieldDef[] CODING = new FieldDef[4];
    static final FieldDef[] DATARATE = new FieldDef[4];
    /** Wireshark's mark on a rate computed for an MCS / bandwidth / streams combination that does not exist. */
    static final FieldDef DATARATE_INVALID = Fields.group("radiotap.vht.datarate.invalid", "Invalid data rate");
    static final FieldDef GID = Fields.uint("radiotap.vht.gid", "Group Id", 8);
    static final FieldDef PAID = Fields.uint("radiotap.vht.paid", "Partial AID", 16);

    static {
        for (int i = 0; i < 4; i++) {
            CODING[i] = Fields.masked("radiotap.vht.coding." + i, "Coding", 8, 1L << i, Base.DEC);
            DATARATE[i] = Fields.dbl("radiotap.vht.datarate." + i, "Data rate (Mb/s)");
        }
    }

    private static final int HAVE_STBC = 0x1, HAVE_TXOP_PS = 0x2, HAVE_GI = 0x4, HAVE_SGI_NSYM_DA = 0x8,
            HAVE_LDPC_EXTRA = 0x10, HAVE_BEAMFORMED = 0x20, HAVE_BW = 0x40, HAVE_GID = 0x80, HAVE_PAID = 0x100;
    /** Data subcarriers at 20, 40, 80 and 160 MHz. */
    private static final int[] SUBCARRIERS = {52, 108, 234, 468};
    /** Coded bits per subcarrier times the coding rate, MCS 0..9 (BPSK 1/2 … 256-QAM 5/6). */
    private static final double[] BITS = {0.5, 1, 1.5, 2, 3, 4, 4.5, 5, 6, 20.0 / 3};
    private static final int MAX_NSS = 8, MAX_MCS = 9;

    private RadiotapVht() { }

    static void decode(DecodeContext c, int at) {
        int known = c.u16le(at), flags = c.u8(at + 2), bw = c.u8(at + 3) & 0x1F;
        c.out().beginGroup(VHT, at, 12);
        c.add(KNOWN, c.u8(at + 1), at, 2);
        RadiotapFields.addBits(c, HAVE, known, at, 2);
        if ((known & HAVE_STBC) != 0) c.out().addMasked(STBC, flags, at + 2, 1);
        if ((known & HAVE_TXOP_PS) != 0) c.out().addMasked(TXOP_PS, flags, at + 2, 1);
        if ((known & HAVE_GI) != 0) c.out().addMasked(GI, flags, at + 2, 1);
        if ((known & HAVE_SGI_NSYM_DA) != 0) c.out().addMasked(SGI_NSYM_DA, flags, at + 2, 1);
        if ((known & HAVE_LDPC_EXTRA) != 0) c.add(HAVE[4], (flags & 0x10) != 0 ? 1 : 0, at + 2, 1);
        if ((known & HAVE_BEAMFORMED) != 0) c.out().addMasked(BEAMFORMED, flags, at + 2, 1);
        if ((known & HAVE_BW) != 0) c.add(BW, bw, at + 3, 1);
        int width = width(bw);
        boolean shortGi = (flags & 0x04) != 0;
        for (int i = 0; i < 4; i++) {
            int mn = c.u8(at + 4 + i), nss = mn & 0x0F, mcs = mn >> 4;
            if (nss == 0) continue;
            c.out().beginGroup(USER, at + 4 + i, 1);
            if ((known & HAVE_STBC) != 0) c.add(NSTS[i], (flags & 0x01) != 0 ? 2 * nss : nss, at + 4 + i, 1);
            c.out().addMasked(MCS[i], mn, at + 4 + i, 1);
            c.out().addMasked(NSS[i], mn, at + 4 + i, 1);
            c.out().addMasked(CODING[i], c.u8(at + 8), at + 8, 1);
            if ((known & HAVE_GI) != 0 && (known & HAVE_BW) != 0 && width >= 0 && mcs <= MAX_MCS && nss <= MAX_NSS) {
                c.out().addObject(DATARATE[i], rate(mcs, width, shortGi, nss), at + 4 + i, 1);
                if (!valid(mcs, width, nss)) c.out().addRef(DATARATE_INVALID, at + 4 + i, 1);
            }
            c.out().endGroup();
        }
        if ((known & HAVE_GID) != 0) c.add(GID, c.u8(at + 9), at + 9, 1);
        if ((known & HAVE_PAID) != 0) c.add(PAID, c.u16le(at + 10), at + 10, 2);
        c.out().endGroup();
    }

    /**
     * Channel width index (0: 20 MHz … 3: 160 MHz) of a radiotap VHT bandwidth code, -1 when undefined: 0 is 20,
     * 1 40, 4 80 and 11 160 MHz; the other codes name a part of a wider channel (2-3 and 7-10, 18-25 a 20 MHz
     * part, 5-6 and 14-17 a 40 MHz part, 12-13 an 80 MHz part).
     */
    static int width(int bw) {
        return bw < WIDTHS.length ? WIDTHS[bw] : -1;
    }

    private static final int[] WIDTHS = {0, 1, 0, 0, 2, 1, 1, 0, 0, 0, 0, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0};

    /** 802.11-2016 21.5: the MCS / bandwidth / stream combinations that do not exist. */
    static boolean valid(int mcs, int width, int nss) {
        if (width == 0 && mcs == 9) return nss == 3 || nss == 6;
        if (width == 2) return !(mcs == 6 && (nss == 3 || nss == 7)) && !(mcs == 9 && nss == 6);
        if (width == 3) return !(mcs == 9 && nss == 3);
        return true;
    }

    /** Wireshark's table holds one stream's rate rounded to 0.1 Mb/s, multiplied by the streams in float. */
    static double rate(int mcs, int width, boolean shortGi, int nss) {
        double exact = SUBCARRIERS[width] * BITS[mcs] / (shortGi ? 3.6 : 4.0);
        float oneStream = (float) (Math.round(exact * 10) / 10.0);
        return oneStream * nss;
    }

    private static FieldDef[] perUser(String prefix, String label, long mask) {
        FieldDef[] out = new FieldDef[4];
        for (int i = 0; i < 4; i++) {
            out[i] = mask == 0 ? Fields.uint(prefix + i, label, 8) : Fields.masked(prefix + i, label, 8, mask, Base.DEC);
        }
        return out;
    }
}
