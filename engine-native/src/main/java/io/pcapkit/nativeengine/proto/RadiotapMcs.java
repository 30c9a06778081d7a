package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The radiotap MCS field (802.11n: known mask, flags, MCS index) as Wireshark 4.0 shows it, with the data rate it
 * derives when bandwidth, guard interval and index are all known (MCS 0..31, the equal-modulation rates).
 */
final class RadiotapMcs {
    static final FieldDef MCS = Fields.group("radiotap.mcs", "MCS information");
    static final FieldDef KNOWN = Fields.hex("radiotap.mcs.known", "Known MCS information", 8);
    static final FieldDef[] HAVE = RadiotapFields.bits("radiotap.mcs.have_", 8, "bw", "index", "gi", "format", "fec",
            "stbc", "ness");
    static final FieldDef NESS_BIT1 = Fields.masked("radiotap.mcs.ness_bit1", "Number of extension spatial streams bit 1",
            8, 0x80, Base.DEC);
    static final FieldDef BW = Fields.masked("radiotap.mcs.bw", "Bandwidth", 8, 0x03, Base.DEC);
    static final FieldDef GI = Fields.masked("radiotap.mcs.gi", "Guard interval", 8, 0x04, Base.DEC);
    static final FieldDef FORMAT = Fields.masked("radiotap.mcs.format", "HT format", 8, 0x08, Base.DEC);
    static final FieldDef FEC = Fields.masked("radiotap.mcs.fec", "FEC type", 8, 0x10, Base.DEC);
    static final FieldDef STBC = Fields.masked("radiotap.mcs.stbc", "STBC streams", 8, 0x60, Base.DEC);
    static final FieldDef NESS_BIT0 = Fields.masked("radiotap.mcs.ness_bit0", "Number of extension spatial streams bit 0",
            8, 0x80, Base.DEC);
    static final FieldDef INDEX = Fields.uint("radiotap.mcs.index", "MCS index", 8);

    private static final int HAVE_BW = 0x01, HAVE_INDEX = 0x02, HAVE_GI = 0x04, HAVE_FORMAT = 0x08, HAVE_FEC = 0x10,
            HAVE_STBC = 0x20, HAVE_NESS = 0x40;
    private static final int BW_40 = 1;
    /**
     * Data bits per OFDM symbol on a 20 MHz channel (52 data subcarriers) for every HT MCS (802.11-2016 19.5):
     * 0..31 are 1-4 streams of one modulation, 32 the 40 MHz duplicate BPSK, 33..76 the unequal modulations.
     */
    private static final int[] DBPS_20 = dbps();
    private static final int MAX_MCS = 76;

    private RadiotapMcs() { }

    static void decode(DecodeContext c, int at) {
        int known = c.u8(at), flags = c.u8(at + 1), mcs = c.u8(at + 2);
        c.out().beginGroup(MCS, at, 3);
        c.add(KNOWN, known, at, 1);
        RadiotapFields.addBits(c, HAVE, known, at, 1);
        if ((known & HAVE_NESS) != 0) c.out().addMasked(NESS_BIT1, known, at, 1);
        if ((known & HAVE_BW) != 0) c.out().addMasked(BW, flags, at + 1, 1);
        if ((known & HAVE_GI) != 0) c.out().addMasked(GI, flags, at + 1, 1);
        if ((known & HAVE_FORMAT) != 0) c.out().addMasked(FORMAT, flags, at + 1, 1);
        if ((known & HAVE_FEC) != 0) c.out().addMasked(FEC, flags, at + 1, 1);
        if ((known & HAVE_STBC) != 0) c.out().addMasked(STBC, flags, at + 1, 1);
        if ((known & HAVE_NESS) != 0) c.out().addMasked(NESS_BIT0, flags, at + 1, 1);
        if ((known & HAVE_INDEX) != 0) c.add(INDEX, mcs, at + 2, 1);
        c.out().endGroup();
        int needed = HAVE_BW | HAVE_GI | HAVE_INDEX;
        if ((known & needed) == needed && mcs <= MAX_MCS) {
            c.out().addObject(RadiotapFields.DATARATE, rate(mcs, (flags & 0x03) == BW_40, (flags & 0x04) != 0), at, 3);
        }
    }

    /** Mb/s: data bits per symbol (scaled from 52 to 108 data subcarriers at 40 MHz) over the symbol time. */
    static double rate(int mcs, boolean bw40, boolean shortGi) {
        double bits = DBPS_20[mcs] * (bw40 ? 108.0 / 52.0 : 1.0);
        return (float) (bits / (shortGi ? 3.6 : 4.0));
    }

    private static int[] dbps() {
        int[] perStream = {26, 52, 78, 104, 156, 208, 234, 260}; // MCS 0..7: BPSK 1/2 … 64-QAM 5/6
        int[] d = new int[MAX_MCS + 1];
        for (int m = 0; m < 32; m++) d[m] = perStream[m & 7] * ((m >> 3) + 1);
        d[32] = 12;
        // unequal modulation: coded bits per subcarrier of each stream (2 QPSK, 4 16-QAM, 6 64-QAM), rate 1/2
        // for the first half of each group and 3/4 for the second
        String[] groups = {"42 62 64", "422 442 622 642 644 662 664", "4222 4422 4442 6222 6422 6442 6444 6622 6642 6644 6662 6664"};
        int m = 33;
        for (String g : groups) {
            String[] streams = g.split(" ");
            for (int rate = 0; rate < 2; rate++) {
                for (String st : streams) {
                    int bits = 0;
                    for (char ch : st.toCharArray()) bits += ch - '0';
                    d[m++] = rate == 0 ? 52 * bits / 2 : 52 * bits * 3 / 4;
                }
            }
        }
        return d;
    }
}
