package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * TCP (RFC 9293), field for field as tshark 4.0 prints it with {@code -n}. Only what one segment says is decoded:
 * the relative tcp.seq / tcp.ack / tcp.nxtseq, tcp.stream, the scaled window (tcp.window_size) and the AccECN "ACE"
 * view of the flags all need the conversation's earlier segments, so they belong to reassembly, not here. Options
 * are walked by {@link TcpOptions}.
 */
public final class TcpDecoder implements LayerDecoder {
    static final FieldDef SRCPORT = Fields.uint("tcp.srcport", "Source Port", 16);
    static final FieldDef DSTPORT = Fields.uint("tcp.dstport", "Destination Port", 16);
    static final FieldDef PORT = Fields.uint("tcp.port", "Source or Destination Port", 16);
    static final FieldDef LEN = Fields.uint("tcp.len", "TCP Segment Len", 32);
    static final FieldDef SEQ_RAW = Fields.uint("tcp.seq_raw", "Sequence Number (raw)", 32);
    static final FieldDef ACK_RAW = Fields.uint("tcp.ack_raw", "Acknowledgment number (raw)", 32);
    static final FieldDef HDR_LEN = Fields.uint("tcp.hdr_len", "Header Length", 8);
    static final FieldDef FLAGS = Fields.masked("tcp.flags", "Flags", 16, 0x0FFF, Base.HEX);
    static final FieldDef FLAG_RES = Fields.flag("tcp.flags.res", "Reserved", 16, 0x0E00);
    // tshark 4.0 already calls bit 8 "ae" (Accurate ECN, RFC 9768) and bit 6 "ece"; older releases said ns / ecn
    static final FieldDef FLAG_AE = Fields.flag("tcp.flags.ae", "Accurate ECN", 16, 0x0100);
    static final FieldDef FLAG_CWR = Fields.flag("tcp.flags.cwr", "Congestion Window Reduced", 16, 0x0080);
    static final FieldDef FLAG_ECE = Fields.flag("tcp.flags.ece", "ECN-Echo", 16, 0x0040);
    static final FieldDef FLAG_URG = Fields.flag("tcp.flags.urg", "Urgent", 16, 0x0020);
    static final FieldDef FLAG_ACK = Fields.flag("tcp.flags.ack", "Acknowledgment", 16, 0x0010);
    static final FieldDef FLAG_PUSH = Fields.flag("tcp.flags.push", "Push", 16, 0x0008);
    static final FieldDef FLAG_RESET = Fields.flag("tcp.flags.reset", "Reset", 16, 0x0004);
    static final FieldDef FLAG_SYN = Fields.flag("tcp.flags.syn", "Syn", 16, 0x0002);
    static final FieldDef FLAG_FIN = Fields.flag("tcp.flags.fin", "Fin", 16, 0x0001);
    static final FieldDef FLAGS_STR = Fields.string("tcp.flags.str", "TCP Flags");
    static final FieldDef WINDOW = Fields.uint("tcp.window_size_value", "Window", 16);
    static final FieldDef CHECKSUM = Fields.hex("tcp.checksum", "Checksum", 16);
    /** Wireshark's proto_checksum_vals, shared with UDP. */
    static final ValueNames CHECKSUM_STATUS_NAMES = ValueNames.of(0, "Bad", 1, "Good", 2, "Unverified", 3, "Not present",
            4, "Illegal");
    static final FieldDef CHECKSUM_STATUS = Fields.uint("tcp.checksum.status", "Checksum Status", 8,
            CHECKSUM_STATUS_NAMES);
    static final FieldDef URGENT = Fields.uint("tcp.urgent_pointer", "Urgent Pointer", 16);
    static final FieldDef PAYLOAD = Fields.bytes("tcp.payload", "TCP payload");
    static final FieldDef RESET_CAUSE = Fields.string("tcp.reset_cause", "Reset cause");

    /** Wireshark's PROTO_CHECKSUM_E_UNVERIFIED: tshark does not check TCP checksums unless asked to. */
    static final int CHECKSUM_UNVERIFIED = 2;

    /** tcp.flags.str for each 12-bit flag value, built on first use (an immutable String, so the race is benign). */
    private static final String[] FLAG_STRINGS = new String[1 << 12];
    private static final String LETTERS = "RRRACEUAPRSF";

    @Override public Protocol protocol() { return Protocols.TCP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // tshark adds fields as it reads them: the ports first, then the rest once bytes 4..15 are all there
        if (len < 4) return c.truncated(len, "TCP header needs 20 bytes, has " + len);
        int src = c.u16(off), dst = c.u16(off + 2);
        c.add(SRCPORT, src, off, 2);
        c.add(DSTPORT, dst, off + 2, 2);
        c.add(PORT, src, off, 2);
        c.add(PORT, dst, off + 2, 2);
        if (len < 16) return c.truncated(len, "TCP header needs 20 bytes, has " + len);
        int reported = c.reportedLength(off, len);
        int hlen = (c.u8(off + 12) >>> 4) * 4;
        if (hlen < 20) {
            c.add(LEN, reported - hlen, off, 0);
            c.add(SEQ_RAW, c.u32(off + 4), off + 4, 4);
            c.add(HDR_LEN, hlen, off + 12, 1);
            c.anomaly(Anomaly.Kind.BAD_VALUE, off + 12, "bogus TCP header length " + hlen + ", must be at least 20");
            return 20;
        }
        if (hlen <= reported) c.add(LEN, reported - hlen, off, 0);
        c.add(SEQ_RAW, c.u32(off + 4), off + 4, 4);
        c.add(ACK_RAW, c.u32(off + 8), off + 8, 4);
        c.add(HDR_LEN, hlen, off + 12, 1);
        int flags = c.u16(off + 12) & 0x0FFF;
        flags(c, flags, off + 12);
        c.add(WINDOW, c.u16(off + 14), off + 14, 2);
        if (len < 18) return c.truncated(len, "TCP header needs 20 bytes, has " + len);
        c.add(CHECKSUM, c.u16(off + 16), off + 16, 2);
        c.add(CHECKSUM_STATUS, CHECKSUM_UNVERIFIED, off + 16, 0);
        if (len < 20) return c.truncated(len, "TCP header needs 20 bytes, has " + len);
        c.add(URGENT, c.u16(off + 18), off + 18, 2);

        int options = hlen == 20 ? TcpOptions.DONE : TcpOptions.decode(c, off, hlen, len);
        if (hlen > len) {
            if (hlen > reported) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 12, "TCP header length " + hlen
                        + " exceeds the IP payload (" + reported + " bytes)");
                c.nextRaw(0);
                return len;
            }
            return c.truncated(len, "TCP header of " + hlen + " bytes cut short at " + len);
        }
        if (options == TcpOptions.CUT) return c.truncated(len, "TCP options cut short at " + len);
        // an option too broken for Wireshark ends its dissection: no payload, the rest is Raw
        if (options == TcpOptions.BROKEN) return hlen;
        if ((flags & 0x004) != 0 && reported > hlen) {
            // RFC 1122 4.2.2.12: data on a RST may say why; Wireshark shows it as text and hands it to no one
            if (len > hlen) c.out().addObject(RESET_CAUSE, ascii(c, off + hlen, len - hlen), off + hlen, len - hlen);
            c.nextRaw(0);
            return hlen;
        }
        if (len > hlen) c.ref(PAYLOAD, off + hlen, len - hlen);
        c.nextPorts(Dispatch.TCP_PORT, src, dst, reported - hlen);
        return hlen;
    }

    /** Wireshark's ENC_ASCII string: up to the first NUL, bytes above 0x7F as U+FFFD. Only RSTs with data get here. */
    private static String ascii(DecodeContext c, int at, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = at, end = at + n; i < end; i++) {
            int b = c.u8(i);
            if (b == 0) break;
            sb.append(b < 0x80 ? (char) b : '\uFFFD');
        }
        return sb.toString();
    }

    private static void flags(DecodeContext c, int flags, int at) {
        c.out().beginGroup(FLAGS, flags, at, 2);
        c.out().addMasked(FLAG_RES, flags, at, 2);
        c.out().addMasked(FLAG_AE, flags, at, 2);
        c.out().addMasked(FLAG_CWR, flags, at, 2);
        c.out().addMasked(FLAG_ECE, flags, at, 2);
        c.out().addMasked(FLAG_URG, flags, at, 2);
        c.out().addMasked(FLAG_ACK, flags, at, 2);
        c.out().addMasked(FLAG_PUSH, flags, at, 2);
        c.out().addMasked(FLAG_RESET, flags, at, 2);
        c.out().addMasked(FLAG_SYN, flags, at, 2);
        c.out().addMasked(FLAG_FIN, flags, at, 2);
        c.out().addObject(FLAGS_STR, flagString(flags), at, 0);
        c.out().endGroup();
    }

    /** tshark's 12-character form: the flag's letter when set, a middle dot (U+00B7) when clear, highest bit first. */
    static String flagString(int flags) {
        String s = FLAG_STRINGS[flags];
        if (s == null) {
            char[] out = new char[12];
            for (int i = 0; i < 12; i++) out[i] = (flags >>> (11 - i) & 1) != 0 ? LETTERS.charAt(i) : '\u00B7';
            FLAG_STRINGS[flags] = s = new String(out);
        }
        return s;
    }
}
