package io.pcapkit.nativeengine.proto;

import io.pcapkit.nativeengine.decode.DecodeContext;

import static io.pcapkit.nativeengine.proto.MptcpOption.*;

/**
 * The per-subtype values of an MPTCP option at {@code p} (kind, length and subtype already added), at the offsets
 * and under the length rules of Wireshark 4.0's dissect_tcpopt_mptcp. Each method returns false when a value would
 * run past the option.
 */
final class MptcpSubtypes {
    private MptcpSubtypes() { }

    static boolean decode(DecodeContext c, int subtype, int p, int olen) {
        int end = p + olen;
        return switch (subtype) {
            case 0 -> capable(c, p, olen, end);
            case 1 -> join(c, p, olen);
            case 2 -> dss(c, p, olen, end);
            case 3 -> addAddress(c, p, olen, end);
            case 4 -> {
                c.add(RM_ADDR_COUNT, olen - 3, p + 2, 1);
                for (int q = p + 3; q < end; q++) c.add(ADDRID, c.u8(q), q, 1);
                yield true;
            }
            case 5 -> {
                joinFlags(c, p + 2);
                if (olen == 4) c.add(ADDRID, c.u8(p + 3), p + 3, 1);
                yield true;
            }
            case 6, 7 -> {
                if (p + 4 > end) yield false;
                c.out().addMasked(RESERVED, c.u16(p + 2), p + 2, 2);
                if (p + 12 > end) yield false;
                c.add(subtype == 6 ? RAWDATASEQNO : RECVKEY, c.u64(p + 4), p + 4, 8);
                yield true;
            }
            case 8 -> {
                int f = c.u8(p + 2);
                c.out().beginGroup(FLAGS, f, p + 2, 1);
                c.out().addMasked(FLAG_U, f, p + 2, 1);
                c.out().addMasked(FLAG_V, f, p + 2, 1);
                c.out().addMasked(FLAG_W, f, p + 2, 1);
                c.out().addMasked(FLAG_T, f, p + 2, 1);
                c.out().endGroup();
                if (p + 4 > end) yield false;
                c.add(RST_REASON, c.u8(p + 3), p + 3, 1);
                yield true;
            }
            default -> true;
        };
    }

    /** MP_CAPABLE: version and crypto flags; the keys (and, in v1, a data length) by the option's length. */
    private static boolean capable(DecodeContext c, int p, int olen, int end) {
        int b = c.u8(p + 2);
        c.out().addMasked(VERSION, b, p + 2, 1);
        if (p + 4 > end) return false;
        int f = c.u8(p + 3);
        boolean v1 = (b & 0x0F) == 1;
        c.out().beginGroup(FLAGS, f, p + 3, 1);
        c.out().addMasked(CHECKSUMREQ, f, p + 3, 1);
        c.out().addMasked(EXTENSIBILITY, f, p + 3, 1);
        if (v1) {
            c.out().addMasked(NOMORESUBFLOWS, f, p + 3, 1);
            c.out().addMasked(SHA256, f, p + 3, 1);
            c.add(RESERVED_FLAG, (f & 0x1E) >>> 1, p + 3, 1);
        } else {
            c.out().addMasked(SHA1, f, p + 3, 1);
            c.add(RESERVED_FLAG, (f & 0x3E) >>> 1, p + 3, 1);
        }
        c.out().endGroup();
        if (olen == 12 || olen == 20 || olen == 22 || olen == 24) {
            c.add(SENDKEY, c.u64(p + 4), p + 4, 8);
            if (olen >= 20) c.add(RECVKEY, c.u64(p + 12), p + 12, 8);
            if (olen >= 22) c.add(DATALVLLEN, c.u16(p + 20), p + 20, 2);
            if (olen == 24) c.add(CHECKSUM, c.u16(p + 22), p + 22, 2);
        }
        return true;
    }

    /** MP_JOIN: SYN (12 bytes), SYN/ACK (16) or third ACK (24); other lengths carry nothing Wireshark shows. */
    private static boolean join(DecodeContext c, int p, int olen) {
        switch (olen) {
            case 12 -> {
                joinFlags(c, p + 2);
                c.add(ADDRID, c.u8(p + 3), p + 3, 1);
                c.add(RECVTOK, c.u32(p + 4), p + 4, 4);
                c.add(SENDRAND, c.u32(p + 8), p + 8, 4);
            }
            case 16 -> {
                joinFlags(c, p + 2);
                c.add(ADDRID, c.u8(p + 3), p + 3, 1);
                c.add(SENDTRUNCHMAC, c.u64(p + 4), p + 4, 8);
                c.add(SENDRAND, c.u32(p + 12), p + 12, 4);
            }
            case 24 -> {
                c.out().addMasked(RESERVED, c.u16(p + 2), p + 2, 2);
                c.ref(SENDHMAC, p + 4, 20);
            }
            default -> { }
        }
        return true;
    }

    /** DSS: the flags say which of data ACK and mapping follow, and whether each is 4 or 8 bytes. */
    private static boolean dss(DecodeContext c, int p, int olen, int end) {
        if (p + 4 > end) return false;
        int f = c.u8(p + 3);
        c.out().beginGroup(FLAGS, f, p + 3, 1);
        c.out().addMasked(DATAFIN, f, p + 3, 1);
        c.out().addMasked(DSEQN8, f, p + 3, 1);
        c.out().addMasked(DSEQNPRESENT, f, p + 3, 1);
        c.out().addMasked(DATAACK8, f, p + 3, 1);
        c.out().addMasked(DATAACKPRESENT, f, p + 3, 1);
        c.out().endGroup();
        int q = p + 4;
        if ((f & 0x01) != 0) {
            int n = (f & 0x02) != 0 ? 8 : 4;
            if (q + n > end) return false;
            c.add(RAWDATAACK, n == 8 ? c.u64(q) : c.u32(q), q, n);
            q += n;
        }
        if ((f & 0x04) != 0) {
            int n = (f & 0x08) != 0 ? 8 : 4;
            if (q + n > end) return false;
            c.add(RAWDATASEQNO, n == 8 ? c.u64(q) : c.u32(q), q, n);
            q += n;
            if (q + 4 > end) return false;
            c.add(SUBFLOWSEQNO, c.u32(q), q, 4);
            q += 4;
            if (q + 2 > end) return false;
            c.add(DATALVLLEN, c.u16(q), q, 2);
            q += 2;
            // Wireshark wants two bytes beyond the checksum's own two before it shows one
            if (olen >= q - p + 4) c.add(CHECKSUM, c.u16(q), q, 2);
        }
        return true;
    }

    /** ADD_ADDR: the option's length alone says whether it holds IPv4 or IPv6, a port, and a truncated HMAC. */
    private static boolean addAddress(DecodeContext c, int p, int olen, int end) {
        int b = c.u8(p + 2);
        int ipver = b & 0x0F;
        c.out().addMasked(ipver == 4 || ipver == 6 ? IPVER : ECHO, b, p + 2, 1);
        if (p + 4 > end) return false;
        c.add(ADDRID, c.u8(p + 3), p + 3, 1);
        int q = p + 4;
        if (olen == 8 || olen == 10 || olen == 16 || olen == 18) {
            c.add(IPV4, c.u32(q), q, 4);
            q += 4;
        }
        if (olen == 20 || olen == 22 || olen == 28 || olen == 30) {
            c.ref(IPV6, q, 16);
            q += 16;
        }
        if (olen == 10 || olen == 18 || olen == 22 || olen == 30) {
            c.add(PORT, c.u16(q), q, 2);
            q += 2;
        }
        if (olen == 16 || olen == 18 || olen == 28 || olen == 30) c.add(ADDADDRTRUNCHMAC, c.u64(q), q, 8);
        return true;
    }

    /** The flags byte of MP_JOIN and MP_PRIO, with its backup bit. */
    private static void joinFlags(DecodeContext c, int at) {
        int f = c.u8(at);
        c.out().beginGroup(FLAGS, f, at, 1);
        c.out().addMasked(BACKUP, f, at, 1);
        c.out().endGroup();
    }
}
