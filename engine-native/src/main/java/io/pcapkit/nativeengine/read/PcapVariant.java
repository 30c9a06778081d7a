package io.pcapkit.nativeengine.read;

import java.io.IOException;

/**
 * Record-header layouts of PCAP files that share a magic number. Patched libpcaps of 1999 (Alexey Kuznetzov's
 * "ss" patches, Red Hat 6.1, SuSE 6.3) and Nokia IPSO wrote longer record headers, some under the standard magic;
 * nothing in the file header says which. We choose the way wiretap 4.0 (tshark 4.0) does, so that both frame a
 * damaged file alike: each candidate layout reads up to the first three records; the first record whose common
 * 16 bytes look wrong ends that candidate's trial, and the number of things wrong with that one record is its
 * "figure of merit" (a header cut short, or data cut short, counts 1; a clean end of file counts 0). The first
 * candidate with nothing wrong wins, else the first with the lowest figure. Wiretap 4.0 does not look at the fields
 * the longer layouts add, nor past the first wrong record (later versions do both, and choose differently for a
 * file whose second record is damaged). The records are only peeked at in the input buffer: nothing is consumed.
 */
enum PcapVariant {
    PCAP(16, "standard"),
    SS990417(24, "modified (ss990417)"),
    SS991029(24, "modified (ss991029)"),
    SS990915(28, "modified (ss990915)"),
    NOKIA(20, "Nokia");

    static final PcapVariant[] STANDARD_MAGIC = {PCAP, SS990417, NOKIA};
    static final PcapVariant[] MODIFIED_MAGIC = {SS991029, SS990915};

    /** Records tried per candidate, as tshark does. */
    private static final int RECORDS_TRIED = 3;
    /** Wiretap's largest record for most link types: a captured length above it suggests the wrong layout. */
    static final long MAX_CAPLEN = 262_144;
    /** Wiretap's largest record for D-Bus (link type 231), whose messages may reach 128 MiB. */
    static final long MAX_CAPLEN_DBUS = 128L * 1024 * 1024;
    /** An original length above this suggests the wrong layout. */
    private static final long PLAUSIBLE_ORIGLEN = 128L * 1024 * 1024;

    final int headerLength;
    final String description;

    PcapVariant(int headerLength, String description) {
        this.headerLength = headerLength;
        this.description = description;
    }

    /**
     * The layout tshark 4.0 reads the records at {@code in.pos} with. {@code swapped}: the captured and original
     * lengths are stored the other way round (versions before 2.3, and 543); {@code maybeSwapped}: version 2.3,
     * where a captured length over the original one means they are swapped. Both apply while trying, as in wiretap.
     */
    static PcapVariant choose(ByteInput in, boolean big, long snaplen, boolean swapped, boolean maybeSwapped,
                              long maxCapLen, PcapVariant[] candidates) throws IOException {
        PcapVariant best = candidates[0];
        int bestMerit = Integer.MAX_VALUE;
        for (PcapVariant v : candidates) {
            int m = v.merit(in, big, snaplen, swapped, maybeSwapped, maxCapLen);
            if (m == 0) return v;
            if (m < bestMerit) {
                best = v;
                bestMerit = m;
            }
        }
        return best;
    }

    /** What is wrong with the first wrong record of the first three read with this layout (0: none). */
    private int merit(ByteInput in, boolean big, long snaplen, boolean swapped, boolean maybeSwapped,
                      long maxCapLen) throws IOException {
        int at = 0; // relative to in.pos
        for (int r = 0; r < RECORDS_TRIED; r++) {
            if (!in.fill(at + headerLength)) {
                return in.buffered() > at ? 1 : 0; // a partial header, or a clean end (assumed this layout)
            }
            int p = in.pos + at;
            long frac = in.u32(p + 4, big);
            long capLen = in.u32(p + 8, big);
            long origLen = in.u32(p + 12, big);
            if (swapped || (maybeSwapped && capLen > origLen)) {
                long t = capLen;
                capLen = origLen;
                origLen = t;
            }
            int m = 0;
            if (frac >= 1_000_000) m++; // these layouts all have microsecond time stamps
            if (capLen > maxCapLen) m++;
            if (origLen > PLAUSIBLE_ORIGLEN) m++;
            if (capLen > snaplen) m++;
            if (capLen > origLen) m++;
            if (m != 0) return m;
            at += headerLength + (int) capLen;
            if (!in.fill(at)) return 1; // the data cut short
        }
        return 0;
    }
}
