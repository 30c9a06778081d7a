package io.pcapkit.reassembly.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DNS over TCP (RFC 1035 4.2.2, RFC 7766): two-byte length, then a DNS message; header and first question. */
final class DnsTcp {
    static final int MAX_MESSAGES = 10_000;

    private DnsTcp() { }

    /** A plausible first message: length fits, one question or more, opcode query/notify/update, few records. */
    static boolean detect(byte[] b) {
        if (b.length < 14) return false;
        int len = Bytes.u16(b, 0);
        if (len < 12 || len + 2 > b.length && b.length < 2 + 12) return false;
        int opcode = (Bytes.u8(b, 4) >> 3) & 0x0F;
        int qd = Bytes.u16(b, 6);
        return qd >= 1 && qd <= 16 && (opcode == 0 || opcode == 4 || opcode == 5) && Bytes.u16(b, 8) < 1000
                && name(b, 14, 2 + len) != null;
    }

    static List<AppMessage> parse(int stream, boolean server, byte[] b) {
        List<AppMessage> out = new ArrayList<>();
        int at = 0;
        while (at + 14 <= b.length && out.size() < MAX_MESSAGES) {
            int len = Bytes.u16(b, at);
            int end = Math.min(b.length, at + 2 + len);
            int m = at + 2;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", Bytes.u16(b, m));
            int flags = Bytes.u16(b, m + 2);
            f.put("response", (flags & 0x8000) != 0);
            f.put("opcode", (flags >> 11) & 0x0F);
            f.put("rcode", flags & 0x0F);
            f.put("questions", Bytes.u16(b, m + 4));
            f.put("answers", Bytes.u16(b, m + 6));
            f.put("authority", Bytes.u16(b, m + 8));
            f.put("additional", Bytes.u16(b, m + 10));
            String q = name(b, m + 12, end);
            if (q != null) {
                f.put("qname", q);
                int p = skipName(b, m + 12, end);
                if (p + 4 <= end) {
                    f.put("qtype", Bytes.u16(b, p));
                    f.put("qclass", Bytes.u16(b, p + 2));
                }
            }
            if (end < at + 2 + len) f.put("truncated", true);
            out.add(new AppMessage(stream, server, "dns", at, f, null));
            at = at + 2 + len;
        }
        return out;
    }

    /** The uncompressed question name (a question's name is never a pointer in practice), or null. */
    static String name(byte[] b, int at, int end) {
        StringBuilder sb = new StringBuilder();
        for (int labels = 0; labels < 128 && at < end; labels++) {
            int n = Bytes.u8(b, at);
            if (n == 0) return sb.isEmpty() ? "<Root>" : sb.toString();
            if (n > 63 || at + 1 + n > end) return null;
            if (!sb.isEmpty()) sb.append('.');
            sb.append(Bytes.latin1(b, at + 1, at + 1 + n));
            at += 1 + n;
        }
        return null;
    }

    private static int skipName(byte[] b, int at, int end) {
        while (at < end && b[at] != 0) at += 1 + Bytes.u8(b, at);
        return at + 1;
    }
}
