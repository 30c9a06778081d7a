package io.pcapkit.kaitaiengine;

/** The Internet checksum (RFC 1071) as tshark reports it: PROTO_CHECKSUM_E_BAD 0, GOOD 1, UNVERIFIED 2. */
final class Checksums {
    private Checksums() { }

    /**
     * Status of the checksum over {@code [off, off+len)} plus a pseudo-header sum {@code seed}; a message not
     * captured whole (the IP payload was cut) cannot be checked.
     */
    static int status(Packet p, int off, int len, long seed) {
        if (p.cut) return 2;
        long sum = seed;
        int i = off, end = off + len;
        for (; i + 1 < end; i += 2) sum += p.u16(i);
        if (i < end) sum += p.u8(i) << 8;
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return sum == 0xFFFF ? 1 : 0;
    }
}
