package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * SCTP SACK (RFC 9260 §3.3.4) and NR-SACK (draft-tuexen-tsvwg-sctp-multipath): the cumulative TSN, window, gap
 * ack blocks with the TSNs they stand for (offsets from the cumulative TSN, as tshark adds them), the count of TSNs
 * they acknowledge, and the duplicate TSNs. The block counts come from the packet and are bounded by the chunk.
 */
final class SctpSacks {
    static final FieldDef NOUNCE = Fields.masked("sctp.sack_nounce_sum", "Nounce sum", 8, 0x01, Base.DEC);
    static final FieldDef NR_NOUNCE = Fields.masked("sctp.nr_sack_nounce_sum", "Nounce sum", 8, 0x01, Base.DEC);
    static final FieldDef[] SACK = names("sctp.sack_");
    static final FieldDef[] NR = names("sctp.nr_sack_");
    static final FieldDef NR_GAP_COUNT = Fields.uint("sctp.nr_sack_number_of_nr_gap_blocks", "Number of NR-Gap Blocks", 16);
    static final FieldDef NR_RESERVED = Fields.hex("sctp.nr_sack_reserved", "Reserved", 16);
    static final FieldDef NR_NR_START = Fields.uint("sctp.nr_sack_nr_gap_block_start", "Start", 16);
    static final FieldDef NR_NR_START_TSN = Fields.uint("sctp.nr_sack_nr_gap_block_start_tsn", "Start TSN", 32);
    static final FieldDef NR_NR_END = Fields.uint("sctp.nr_sack_nr_gap_block_end", "End", 16);
    static final FieldDef NR_NR_END_TSN = Fields.uint("sctp.nr_sack_nr_gap_block_end_tsn", "End TSN", 32);
    static final FieldDef NR_NR_ACKED = Fields.uint("sctp.nr_sack_number_of_tsns_nr_gap_acked",
            "Number of TSNs in NR-gap acknowledgement blocks (including duplicated TSNs)", 32);

    // indexes into SACK / NR
    static final int CUM = 0, RWND = 1, GAPS = 2, DUPS = 3, START = 4, START_TSN = 5, END = 6, END_TSN = 7, ACKED = 8,
            DUP = 9;

    private SctpSacks() { }

    /** The fields shared by SACK and NR-SACK, under {@code prefix}; SACK's cumulative TSN is its raw form. */
    private static FieldDef[] names(String prefix) {
        boolean sack = prefix.equals("sctp.sack_");
        return new FieldDef[] {
                Fields.uint(prefix + (sack ? "cumulative_tsn_ack_raw" : "cumulative_tsn_ack"), "Cumulative TSN ACK", 32),
                Fields.uint(prefix + "a_rwnd", "Advertised receiver window credit (a_rwnd)", 32),
                Fields.uint(prefix + "number_of_gap_blocks", "Number of gap acknowledgement blocks", 16),
                Fields.uint(prefix + "number_of_duplicated_tsns", "Number of duplicated TSNs", 16),
                Fields.uint(prefix + "gap_block_start", "Start", 16),
                Fields.uint(prefix + "gap_block_start_tsn", "Start TSN", 32),
                Fields.uint(prefix + "gap_block_end", "End", 16),
                Fields.uint(prefix + "gap_block_end_tsn", "End TSN", 32),
                Fields.uint(prefix + "number_of_tsns_gap_acked",
                        "Number of TSNs in gap acknowledgement blocks (including duplicated TSNs)", 32),
                Fields.uint(prefix + "duplicate_tsn", "Duplicate TSN", 32)};
    }

    static void sack(DecodeContext c, int d, int end) {
        if (d + 12 > end) return;
        long cum = c.u32(d);
        c.add(SACK[CUM], cum, d, 4);
        c.add(SACK[RWND], c.u32(d + 4), d + 4, 4);
        int gaps = c.u16(d + 8), dups = c.u16(d + 10);
        c.add(SACK[GAPS], gaps, d + 8, 2);
        c.add(SACK[DUPS], dups, d + 10, 2);
        int p = blocks(c, SACK, cum, d + 12, end, gaps);
        duplicates(c, SACK[DUP], p, end, dups);
    }

    static void nrSack(DecodeContext c, int d, int end) {
        if (d + 16 > end) return;
        long cum = c.u32(d);
        c.add(NR[CUM], cum, d, 4);
        c.add(NR[RWND], c.u32(d + 4), d + 4, 4);
        int gaps = c.u16(d + 8), nrGaps = c.u16(d + 10), dups = c.u16(d + 12);
        c.add(NR[GAPS], gaps, d + 8, 2);
        c.add(NR_GAP_COUNT, nrGaps, d + 10, 2);
        c.add(NR[DUPS], dups, d + 12, 2);
        c.add(NR_RESERVED, c.u16(d + 14), d + 14, 2);
        int p = blocks(c, NR, cum, d + 16, end, gaps);
        FieldDef[] nr = {null, null, null, null, NR_NR_START, NR_NR_START_TSN, NR_NR_END, NR_NR_END_TSN, NR_NR_ACKED};
        p = blocks(c, nr, cum, p, end, nrGaps);
        duplicates(c, NR[DUP], p, end, dups);
    }

    /** {@code count} gap blocks from {@code p}, then the number of TSNs they cover; returns where they end. */
    private static int blocks(DecodeContext c, FieldDef[] f, long cum, int p, int end, int count) {
        long acked = 0;
        int k = 0;
        for (; k < count && p + 4 <= end; k++, p += 4) {
            int start = c.u16(p), stop = c.u16(p + 2);
            c.add(f[START], start, p, 2);
            c.add(f[START_TSN], (cum + start) & 0xFFFFFFFFL, p, 2);
            c.add(f[END], stop, p + 2, 2);
            c.add(f[END_TSN], (cum + stop) & 0xFFFFFFFFL, p + 2, 2);
            if (stop >= start) acked += stop - start + 1;
        }
        if (k > 0) c.add(f[ACKED], acked, p, 0);
        return p;
    }

    private static void duplicates(DecodeContext c, FieldDef f, int p, int end, int count) {
        for (int k = 0; k < count && p + 4 <= end; k++, p += 4) c.add(f, c.u32(p), p, 4);
    }
}
