package io.pcapkit.nativeengine.read;

import java.io.IOException;

/**
 * Record-header layouts of PCAP files that share a magic number. Patched libpcaps of 1999 (Alexey Kuznetzov's
 * "ss" patches, Red Hat 6.1, SuSE 6.3) and Nokia IPSO wrote longer record headers, some under the standard magic;
 * nothing in the file header says which. Like tshark, we read up to the first three records with each candidate
 * layout, count what looks wrong ("figure of merit"), and take the first layout with nothing wrong, else the least
 * wrong. The records are only peeked at in the input buffer: nothing is consumed.
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
    /** A captured length above this suggests the wrong layout (tshark's usual maximum snapshot length). */
    private static final long PLAUSIBLE_CAPLEN = 262_144;
    /** An original length above this suggests the wrong layout. */
    private static final long PLAUSIBLE_ORIGLEN = 128L * 1024 * 1024;

    final int headerLength;
    final String description;

    PcapVariant(int headerLength, String description) {
        this.headerLength = headerLength;
        this.description = description;
    }

    static PcapVariant choose(ByteInput in, boolean big, long snaplen, PcapVariant[] candidates) throws IOException {
        PcapVariant best = candidates[0];
        int bestMerit = Integer.MAX_VALUE;
        for (PcapVariant v : candidates) {
            int m = v.merit(in, big, snaplen);
            if (m == 0) return v;
            if (m < bestMerit) {
                best = v;
                bestMerit = m;
            }
        }
        return best;
    }

    /** How many things look wrong when the first records are read with this layout (0: nothing). */
    private int merit(ByteInput in, boolean big, long snaplen) throws IOException {
        int m = 0;
        int at = 0; // relative to in.pos
        for (int r = 0; r < RECORDS_TRIED; r++) {
            if (!in.fill(at + 4)) {
                if (in.buffered() > at) m++; // a partial header, not a clean end
                break;
            }
            if (!in.fill(at + 8)) return m + 1;
            int p = in.pos + at;
            if (in.u32(p + 4, big) >= 1_000_000) m++; // these layouts all have microsecond time stamps
            if (!in.fill(at + 12)) return m + 1;
            p = in.pos + at;
            long capLen = in.u32(p + 8, big);
            boolean capLenOk = capLen <= PLAUSIBLE_CAPLEN;
            if (!capLenOk) m++;
            if (capLen > snaplen) m++;
            if (!in.fill(at + 16)) return m + 1;
            p = in.pos + at;
            long origLen = in.u32(p + 12, big);
            if (origLen > PLAUSIBLE_ORIGLEN) m++;
            if (capLen > origLen) m++;
            if (!in.fill(at + headerLength)) return m + 1;
            p = in.pos + at;
            m += extraFieldsMerit(in, p + 16, big);
            if (!capLenOk) break;
            if (!in.fill(at + headerLength + (int) capLen)) return m + 1;
            at += headerLength + (int) capLen;
        }
        return m;
    }

    /** Checks of the fields the longer layouts add after the common 16 bytes at {@code p}. */
    private int extraFieldsMerit(ByteInput in, int p, boolean big) {
        int m = 0;
        switch (this) {
            case SS990417, SS991029, SS990915 -> {
                if (in.u32(p, big) > 10_000) m++; // interface index: no 1999 box had that many
                int protocol = in.u16(p + 4, big);
                boolean plausible = protocol >= 0x0600 || protocol == 0x0060 || protocol == 0x0200
                        || protocol == 0x0400 || protocol <= 0x0017;
                if (!plausible) m++;
                if (in.u8(p + 6) > 4) m++; // Linux PACKET_ type
            }
            case NOKIA -> {
                long s = in.u32(p, big);
                boolean known = (s & 0x0FFF00F0L) == 0x0fbf0000L
                        && ((s & 0xF0000000L) == 0x90000000L || (s & 0xF0000000L) == 0xb0000000L)
                        && ((s & 0xF000L) == 0xb000L || (s & 0xF000L) == 0xd000L)
                        && ((s & 0xF00L) == 0x600L || (s & 0xF00L) == 0x900L)
                        && ((s & 0xFL) == 1 || (s & 0xFL) == 2);
                if (!known) m++;
            }
            case PCAP -> { }
        }
        return m;
    }
}
