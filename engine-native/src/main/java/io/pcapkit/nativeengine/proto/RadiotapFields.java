package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The fields of the radiotap namespace (radiotap.org's "defined fields"): the alignment and size of each, which
 * the iterator in {@link RadiotapDecoder} needs even for fields it does not show, and the {@code radiotap.*}
 * fields Wireshark 4.0 shows for TSFT, Flags, Rate, Channel, FHSS, signal / noise / attenuation / power, Antenna,
 * Lock quality, RX and TX flags, data retries, XChannel, MCS, VHT, HE (its data words), A-MPDU status, timestamp
 * and 0-length PSDU. HE-MU and L-SIG are stepped over with their sizes and not shown. All values are little-endian.
 */
final class RadiotapFields {
    /** Alignment and size per field index (radiotap.org); size 0: not defined, the walk stops there. */
    private static final int[] ALIGN = {8, 1, 1, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 4, 1, 4, 2, 8, 2, 2, 0, 1, 2};
    private static final int[] SIZE = {8, 1, 1, 4, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 8, 3, 8, 12, 12, 12, 12, 0, 1, 4};

    static final FieldDef MACTIME = Fields.uint("radiotap.mactime", "MAC timestamp", 64);
    static final FieldDef FLAGS = Fields.hex("radiotap.flags", "Flags", 8);
    static final FieldDef[] FLAG_BITS = bits("radiotap.flags.", 8, "cfp", "preamble", "wep", "frag", "fcs", "datapad",
            "badfcs", "shortgi");
    static final FieldDef DATARATE = Fields.dbl("radiotap.datarate", "Data rate (Mb/s)");
    static final FieldDef CHANNEL_FREQ = Fields.uint("radiotap.channel.freq", "Channel frequency", 32);
    static final FieldDef CHANNEL_FLAGS = Fields.hex("radiotap.channel.flags", "Channel flags", 16);
    static final FieldDef[] CHANNEL_BITS = bits("radiotap.channel.flags.", 16, "700mhz", "800mhz", "900mhz", null,
            "turbo", "cck", "ofdm", "2ghz", "5ghz", "passive", "dynamic", "gfsk", "gsm", "sturbo", "half", "quarter");
    static final FieldDef FHSS_HOPSET = Fields.uint("radiotap.fhss.hopset", "FHSS Hop Set", 8);
    static final FieldDef FHSS_PATTERN = Fields.uint("radiotap.fhss.pattern", "FHSS Pattern", 8);
    static final FieldDef DBM_ANTSIGNAL = int8("radiotap.dbm_antsignal", "Antenna signal");
    static final FieldDef DBM_ANTNOISE = int8("radiotap.dbm_antnoise", "Antenna noise");
    static final FieldDef QUALITY = Fields.uint("radiotap.quality", "Signal Quality", 16);
    static final FieldDef TXATTENUATION = Fields.uint("radiotap.txattenuation", "Transmit attenuation", 16);
    static final FieldDef DB_TXATTENUATION = Fields.uint("radiotap.db_txattenuation", "Transmit attenuation (dB)", 16);
    static final FieldDef TXPOWER = int8("radiotap.txpower", "Transmit power");
    static final FieldDef ANTENNA = Fields.uint("radiotap.antenna", "Antenna", 32);
    static final FieldDef DB_ANTSIGNAL = Fields.uint("radiotap.db_antsignal", "SSI Signal (dB)", 8);
    static final FieldDef DB_ANTNOISE = Fields.uint("radiotap.db_antnoise", "SSI Noise (dB)", 8);
    static final FieldDef RXFLAGS = Fields.hex("radiotap.rxflags", "RX flags", 16);
    static final FieldDef RXFLAGS_BADPLCP = Fields.flag("radiotap.rxflags.badplcp", "Bad PLCP", 24, 0x2);
    static final FieldDef TXFLAGS = Fields.hex("radiotap.txflags", "TX flags", 16);
    // Wireshark 4.0 names the TX flag bits radiotap.rxflags.*
    static final FieldDef[] TXFLAG_BITS = bits("radiotap.rxflags.", 24, "fail", "cts", "rts", "noack", "noseqno", "order");
    static final FieldDef DATA_RETRIES = Fields.uint("radiotap.data_retries", "Data retries", 8);
    static final FieldDef XCHANNEL_FLAGS = Fields.hex("radiotap.xchannel.flags", "Channel type", 32);
    static final FieldDef[] XCHANNEL_BITS = bits("radiotap.xchannel.flags.", 24, null, null, null, null, "turbo",
            "cck", "ofdm", "2ghz", "5ghz", null, "dynamic", "gfsk", "gsm", "sturbo", "half", "quarter", "ht20",
            "ht40u", "ht40d");
    static final FieldDef XCHANNEL_PASSIVE = Fields.flag("radiotap.channel.xtype.passive", "Passive", 24, 0x200);
    static final FieldDef XCHANNEL_FREQ = Fields.uint("radiotap.xchannel.freq", "Channel frequency", 32);
    static final FieldDef XCHANNEL_CHANNEL = Fields.uint("radiotap.xchannel.channel", "Channel number", 32);
    static final FieldDef AMPDU = Fields.group("radiotap.ampdu", "A-MPDU status");
    static final FieldDef AMPDU_REFERENCE = Fields.uint("radiotap.ampdu.reference", "A-MPDU reference number", 32);
    static final FieldDef AMPDU_FLAGS = Fields.hex("radiotap.ampdu.flags", "A-MPDU flags", 16);
    static final FieldDef[] AMPDU_BITS = bits("radiotap.ampdu.flags.", 16, "report_zerolen", "is_zerolen",
            "lastknown", "last", "delim_crc_error", null, "eof", "eof_known");
    static final FieldDef AMPDU_DELIM_CRC = Fields.hex("radiotap.ampdu.delim_crc", "A-MPDU subframe delimiter CRC", 8);
    static final FieldDef TIMESTAMP = Fields.group("radiotap.timestamp", "timestamp information");
    static final FieldDef TIMESTAMP_TS = Fields.uint("radiotap.timestamp.ts", "timestamp", 64);
    static final FieldDef TIMESTAMP_ACCURACY = Fields.uint("radiotap.timestamp.accuracy", "accuracy", 16);
    static final FieldDef TIMESTAMP_UNIT = Fields.masked("radiotap.timestamp.unit", "unit", 8, 0x0F, Base.DEC);
    static final FieldDef TIMESTAMP_POSITION = Fields.masked("radiotap.timestamp.samplingpos", "sampling position", 8,
            0xF0, Base.DEC);
    static final FieldDef TIMESTAMP_32BIT = Fields.flag("radiotap.timestamp.flags.32bit", "32-bit counter", 8, 0x1);
    static final FieldDef TIMESTAMP_HAS_ACCURACY = Fields.flag("radiotap.timestamp.flags.accuracy", "accuracy field",
            8, 0x2);
    static final FieldDef ZERO_LEN_PSDU_TYPE = Fields.hex("radiotap.0_len_psdu.type", "Type of PSDU", 8);

    private static final int FLAG_FCS = 0x10, FLAG_DATAPAD = 0x20, AMPDU_DELIM_CRC_KNOWN = 0x20;
    private static final int TSFT = 0, FLAGS_IDX = 1, RATE = 2, CHANNEL = 3, FHSS = 4, DBM_SIGNAL = 5, DBM_NOISE = 6,
            LOCK_QUALITY = 7, TX_ATT = 8, DB_TX_ATT = 9, DBM_TX_POWER = 10, ANTENNA_IDX = 11, DB_SIGNAL = 12,
            DB_NOISE = 13, RX_FLAGS = 14, TX_FLAGS = 15, DATA_RETRIES_IDX = 17, XCHANNEL = 18, MCS = 19, AMPDU_IDX = 20,
            VHT = 21, TIMESTAMP_IDX = 22, HE = 23, ZERO_LEN_PSDU = 26;

    private RadiotapFields() { }

    /** Size in bytes of field {@code index}, 0 when radiotap.org defines none there. */
    static int size(int index) { return index < SIZE.length ? SIZE[index] : 0; }

    static int align(int index) { return ALIGN[index]; }

    /** Adds the fields of field {@code index}, whose bytes start at frame offset {@code at}. */
    static void decode(DecodeContext c, int index, int at) {
        switch (index) {
            case TSFT -> c.add(MACTIME, c.u32le(at) | (c.u32le(at + 4) << 32), at, 8);
            case FLAGS_IDX -> {
                int f = c.u8(at);
                c.add(FLAGS, f, at, 1);
                addBits(c, FLAG_BITS, f, at, 1);
                if ((f & FLAG_FCS) != 0) c.radioFlags |= DecodeContext.RADIO_FCS;
                if ((f & FLAG_DATAPAD) != 0) c.radioFlags |= DecodeContext.RADIO_DATAPAD;
            }
            case RATE -> c.out().addObject(DATARATE, c.u8(at) / 2.0, at, 1); // in 500 kb/s units
            case CHANNEL -> {
                c.add(CHANNEL_FREQ, c.u16le(at), at, 2);
                int f = c.u16le(at + 2);
                c.add(CHANNEL_FLAGS, f, at + 2, 2);
                addBits(c, CHANNEL_BITS, f, at + 2, 2);
            }
            case FHSS -> {
                c.add(FHSS_HOPSET, c.u8(at), at, 1);
                c.add(FHSS_PATTERN, c.u8(at + 1), at + 1, 1);
            }
            case DBM_SIGNAL -> c.add(DBM_ANTSIGNAL, (byte) c.u8(at), at, 1);
            case DBM_NOISE -> c.add(DBM_ANTNOISE, (byte) c.u8(at), at, 1);
            case LOCK_QUALITY -> c.add(QUALITY, c.u16le(at), at, 2);
            case TX_ATT -> c.add(TXATTENUATION, c.u16le(at), at, 2);
            case DB_TX_ATT -> c.add(DB_TXATTENUATION, c.u16le(at), at, 2);
            case DBM_TX_POWER -> c.add(TXPOWER, (byte) c.u8(at), at, 1);
            case ANTENNA_IDX -> c.add(ANTENNA, c.u8(at), at, 1);
            case DB_SIGNAL -> c.add(DB_ANTSIGNAL, c.u8(at), at, 1);
            case DB_NOISE -> c.add(DB_ANTNOISE, c.u8(at), at, 1);
            case RX_FLAGS -> {
                int f = c.u16le(at);
                c.add(RXFLAGS, f, at, 2);
                c.out().addMasked(RXFLAGS_BADPLCP, f, at, 2);
            }
            case TX_FLAGS -> {
                int f = c.u16le(at);
                c.add(TXFLAGS, f, at, 2);
                addBits(c, TXFLAG_BITS, f, at, 2);
            }
            case DATA_RETRIES_IDX -> c.add(DATA_RETRIES, c.u8(at), at, 1);
            case XCHANNEL -> {
                long f = c.u32le(at);
                c.add(XCHANNEL_FLAGS, f, at, 4);
                addBits(c, XCHANNEL_BITS, f, at, 4);
                c.out().addMasked(XCHANNEL_PASSIVE, f, at, 4);
                c.add(XCHANNEL_FREQ, c.u16le(at + 4), at + 4, 2);
                c.add(XCHANNEL_CHANNEL, c.u8(at + 6), at + 6, 1);
            }
            case MCS -> RadiotapMcs.decode(c, at);
            case VHT -> RadiotapVht.decode(c, at);
            case HE -> RadiotapHe.decode(c, at);
            case AMPDU_IDX -> {
                c.out().beginGroup(AMPDU, at, 8);
                c.add(AMPDU_REFERENCE, c.u32le(at), at, 4);
                int f = c.u16le(at + 4);
                c.add(AMPDU_FLAGS, f, at + 4, 2);
                addBits(c, AMPDU_BITS, f, at + 4, 2);
                if ((f & AMPDU_DELIM_CRC_KNOWN) != 0) c.add(AMPDU_DELIM_CRC, c.u8(at + 6), at + 6, 1);
                c.out().endGroup();
            }
            case TIMESTAMP_IDX -> {
                c.out().beginGroup(TIMESTAMP, at, 12);
                c.add(TIMESTAMP_TS, c.u32le(at) | (c.u32le(at + 4) << 32), at, 8);
                int flags = c.u8(at + 11);
                if ((flags & 0x2) != 0) c.add(TIMESTAMP_ACCURACY, c.u16le(at + 8), at + 8, 2);
                int unit = c.u8(at + 10);
                c.out().addMasked(TIMESTAMP_UNIT, unit, at + 10, 1);
                c.out().addMasked(TIMESTAMP_POSITION, unit, at + 10, 1);
                c.out().addMasked(TIMESTAMP_32BIT, flags, at + 11, 1);
                c.out().addMasked(TIMESTAMP_HAS_ACCURACY, flags, at + 11, 1);
                c.out().endGroup();
            }
            case ZERO_LEN_PSDU -> {
                c.add(ZERO_LEN_PSDU_TYPE, c.u8(at), at, 1);
                c.radioFlags |= DecodeContext.RADIO_NO_PSDU;
            }
            default -> { } // defined, stepped over, not shown (HE-MU, L-SIG, RTS retries)
        }
    }

    static void addBits(DecodeContext c, FieldDef[] bits, long value, int at, int len) {
        for (FieldDef b : bits) if (b != null) c.out().addMasked(b, value, at, len);
    }

    /** Flags named in bit order from bit 0 (null: a bit without a field). */
    static FieldDef[] bits(String prefix, int width, String... names) {
        FieldDef[] out = new FieldDef[names.length];
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) out[i] = Fields.flag(prefix + names[i], names[i], width, 1L << i);
        }
        return out;
    }

    static FieldDef int8(String name, String label) {
        return Fields.define(name, label, FieldType.INT, Base.DEC, 8, 0, null, "");
    }
}
