package io.pcapkit.reassembly.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLS handshake summary (RFC 8446 / 5246): the plaintext records of the handshake: ClientHello (version, SNI,
 * ALPN, cipher suite count), ServerHello (version, chosen cipher suite, negotiated version from
 * supported_versions), Certificate (count), and the record types that follow (encrypted data is only counted).
 */
final class TlsHandshake {
    static final int MAX_RECORDS = 100_000;

    private TlsHandshake() { }

    static boolean detect(byte[] b) {
        return b.length >= 6 && (b[0] == 22 || b[0] == 21 || b[0] == 20) && b[1] == 3 && (b[2] & 0xFF) <= 4
                && Bytes.u16(b, 3) <= 18432 + 2048;
    }

    static List<AppMessage> parse(int stream, boolean server, byte[] b) {
        List<AppMessage> out = new ArrayList<>();
        int at = 0;
        long appRecords = 0, appBytes = 0;
        for (int n = 0; at + 5 <= b.length && n < MAX_RECORDS; n++) {
            int type = Bytes.u8(b, at);
            int len = Bytes.u16(b, at + 3);
            if (type < 20 || type > 24 || b[at + 1] != 3) break;
            int end = Math.min(b.length, at + 5 + len);
            if (type == 22) {
                // handshake messages inside the record (a message split across records is read as far as it goes)
                for (int p = at + 5; p + 4 <= end; ) {
                    int ht = Bytes.u8(b, p);
                    int hl = Bytes.u24(b, p + 1);
                    int he = Math.min(end, p + 4 + hl);
                    Map<String, Object> f = hello(b, ht, p + 4, he);
                    if (f == null) break;
                    out.add(new AppMessage(stream, server, "tls", p, f, null));
                    p = p + 4 + hl;
                }
            } else if (type == 23) {
                appRecords++;
                appBytes += len;
            } else {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("record", type == 20 ? "change_cipher_spec" : type == 21 ? "alert" : "heartbeat");
                out.add(new AppMessage(stream, server, "tls", at, f, null));
            }
            at += 5 + len;
        }
        if (appRecords > 0) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("record", "application_data");
            f.put("records", appRecords);
            f.put("bytes", appBytes);
            out.add(new AppMessage(stream, server, "tls", at, f, null));
        }
        return out;
    }

    private static Map<String, Object> hello(byte[] b, int type, int p, int end) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (type) {
            case 1 -> f.put("handshake", "client_hello");
            case 2 -> f.put("handshake", "server_hello");
            case 11 -> f.put("handshake", "certificate");
            case 12 -> f.put("handshake", "server_key_exchange");
            case 14 -> f.put("handshake", "server_hello_done");
            case 16 -> f.put("handshake", "client_key_exchange");
            case 4 -> f.put("handshake", "new_session_ticket");
            default -> {
                // encrypted Finished and the like: an unknown type means we are past the plaintext
                if (type > 24 || end - p < 0) return null;
                f.put("handshake", "type " + type);
                return f;
            }
        }
        if ((type == 1 || type == 2) && p + 38 <= end) {
            f.put("version", String.format("0x%04x", Bytes.u16(b, p)));
            int q = p + 34;
            int sid = Bytes.u8(b, q);
            q += 1 + sid;
            if (type == 1) {
                if (q + 2 > end) return f;
                int cs = Bytes.u16(b, q);
                f.put("cipher_suites", cs / 2);
                q += 2 + cs;
                if (q + 1 > end) return f;
                q += 1 + Bytes.u8(b, q);
            } else {
                if (q + 3 > end) return f;
                f.put("cipher_suite", String.format("0x%04x", Bytes.u16(b, q)));
                q += 3;
            }
            if (q + 2 > end) return f;
            int extEnd = Math.min(end, q + 2 + Bytes.u16(b, q));
            for (q += 2; q + 4 <= extEnd; ) {
                int et = Bytes.u16(b, q), el = Bytes.u16(b, q + 2);
                int d = q + 4, de = Math.min(extEnd, d + el);
                if (et == 0 && type == 1 && d + 5 <= de) {
                    int nl = Bytes.u16(b, d + 3);
                    if (d + 5 + nl <= de) f.put("server_name", Bytes.latin1(b, d + 5, d + 5 + nl));
                } else if (et == 16 && d + 2 <= de) {
                    List<String> alpn = new ArrayList<>();
                    for (int r = d + 2; r < de && alpn.size() < 32; ) {
                        int l = Bytes.u8(b, r);
                        if (r + 1 + l > de) break;
                        alpn.add(Bytes.latin1(b, r + 1, r + 1 + l));
                        r += 1 + l;
                    }
                    f.put("alpn", alpn);
                } else if (et == 43 && type == 2 && de - d == 2) {
                    f.put("negotiated_version", String.format("0x%04x", Bytes.u16(b, d)));
                }
                q = d + el;
            }
        } else if (type == 11 && p + 3 <= end) {
            int total = Bytes.u24(b, p), count = 0;
            for (int q = p + 3; q + 3 <= Math.min(end, p + 3 + total) && count < 64; count++) q += 3 + Bytes.u24(b, q);
            f.put("certificates", count);
        }
        return f;
    }
}
