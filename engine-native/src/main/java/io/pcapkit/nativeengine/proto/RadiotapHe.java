package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The radiotap HE field (802.11ax: six 16-bit data words) as far as Wireshark 4.0 shows it the same way for every
 * PPDU format: the six words, and the "known" bits and fixed sub-fields of data1 and data2. The sub-fields of data3
 * to data6, whose meaning depends on the PPDU format and on the known bits, are left to the words themselves.
 */
final class RadiotapHe {
    static final FieldDef[] DATA = new FieldDef[6];
    static final FieldDef PPDU_FORMAT = Fields.masked("radiotap.he.data_1.ppdu_format", "PPDU Format", 16, 0x0003,
            Base.HEX);
    static final FieldDef[] DATA1_BITS = RadiotapFields.bits("radiotap.he.data_1.", 16, null, null, "bss_color_known",
            "beam_change_known", "ul_dl_known", "data_mcs_known", "data_dcm_known", "coding_known",
            "ldpc_extra_symbol_segment_known", "stbc_known", "spatial_reuse_1_known", "spatial_reuse_2_known",
            "spatial_reuse_3_known", "spatial_reuse_4_known", "data_bw_ru_allocation_known", "doppler_known");
    static final FieldDef[] DATA2_BITS = RadiotapFields.bits("radiotap.he.data_2.", 16, "pri_sec_80_mhz_known",
            "gi_known", "num_ltf_symbols_known", "pre_fec_padding_factor_known", "txbf_known",
            "pe_disambiguity_known", "txop_known", "midamble_periodicity_known", null, null, null, null, null, null,
            "ru_allocation_offseti_known", "pri_sec_80_mhz");
    static final FieldDef RU_ALLOCATION_OFFSET = Fields.masked("radiotap.he.data_2.ru_allocation_offset",
            "RU allocation offset", 16, 0x3F00, Base.HEX);

    static {
        for (int i = 0; i < 6; i++) DATA[i] = Fields.hex("radiotap.he.data_" + (i + 1), "data" + (i + 1), 16);
    }

    private RadiotapHe() { }

    static void decode(DecodeContext c, int at) {
        for (int i = 0; i < 6; i++) {
            int w = c.u16le(at + 2 * i);
            c.add(DATA[i], w, at + 2 * i, 2);
            if (i == 0) {
                c.out().addMasked(PPDU_FORMAT, w, at, 2);
                RadiotapFields.addBits(c, DATA1_BITS, w, at, 2);
            } else if (i == 1) {
                RadiotapFields.addBits(c, DATA2_BITS, w, at + 2, 2);
                c.out().addMasked(RU_ALLOCATION_OFFSET, w, at + 2, 2);
            }
        }
    }
}
