package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The handshake messages of one TLS handshake record: ClientHello and ServerHello with their extensions
 * ({@link TlsExtensions}), Certificate (lengths and the DER bytes; X.509 is not parsed), NewSessionTicket, and
 * the type and length of the rest. Key exchange messages are left at their header: their layout depends on the
 * cipher suite a ServerHello in another segment chose.
 */
final class TlsHandshake {
    static final FieldDef HANDSHAKE = Fields.group("tls.handshake", "Handshake Protocol");
    static final FieldDef TYPE = Fields.uint("tls.handshake.type", "Handshake Type", 8);
    static final FieldDef LENGTH = Fields.uint("tls.handshake.length", "Length", 24);
    static final FieldDef VERSION = Fields.hex("tls.handshake.version", "Version", 16);
    static final FieldDef RANDOM = Fields.bytes("tls.handshake.random", "Random");
    static final FieldDef RANDOM_BYTES = Fields.bytes("tls.handshake.random_bytes", "Random Bytes");
    static final FieldDef SESSION_ID_LENGTH = Fields.uint("tls.handshake.session_id_length", "Session ID Length", 16);
    static final FieldDef SESSION_ID = Fields.bytes("tls.handshake.session_id", "Session ID");
    static final FieldDef CIPHER_SUITES_LENGTH = Fields.uint("tls.handshake.cipher_suites_length",
            "Cipher Suites Length", 16);
    static final FieldDef CIPHERSUITE = Fields.hex("tls.handshake.ciphersuite", "Cipher Suite", 16);
    static final FieldDef COMP_METHODS_LENGTH = Fields.uint("tls.handshake.comp_methods_length",
            "Compression Methods Length", 8);
    static final FieldDef COMP_METHOD = Fields.uint("tls.handshake.comp_method", "Compression Method", 8);
    static final FieldDef CERTIFICATES_LENGTH = Fields.uint("tls.handshake.certificates_length",
            "Certificates Length", 24);
    static final FieldDef CERTIFICATE_LENGTH = Fields.uint("tls.handshake.certificate_length",
            "Certificate Length", 24);
    static final FieldDef CERTIFICATE = Fields.bytes("tls.handshake.certificate", "Certificate");
    static final FieldDef TICKET_LIFETIME = Fields.uint("tls.handshake.session_ticket_lifetime_hint",
            "Session Ticket Lifetime Hint", 32);
    static final FieldDef TICKET_LENGTH = Fields.uint("tls.handshake.session_ticket_length",
            "Session Ticket Length", 16);
    static final FieldDef TICKET = Fields.bytes("tls.handshake.session_ticket", "Session Ticket");

    static final int CLIENT_HELLO = 1, SERVER_HELLO = 2, NEW_SESSION_TICKET = 4, CERTIFICATE_MSG = 11;

    private TlsHandshake() { }

    /** The messages of a handshake record body at {@code at}, {@code n} bytes; true when a ServerHello chose TLS 1.3. */
    static boolean decode(DecodeContext c, int at, int n) {
        boolean tls13 = false;
        int end = at + n;
        int p = at;
        for (int k = 0; k < c.maxOptions() && end - p >= 4; k++) {
            int type = c.u8(p);
            int len = c.u24(p + 1);
            // a length past the record: an encrypted Finished (its ChangeCipherSpec was in another segment) or a
            // message fragmented over records; tshark without that context shows neither
            if (p + 4 + len > end) {
                c.out().beginGroup(HANDSHAKE, p, end - p);
                c.out().endGroup();
                return tls13;
            }
            c.out().beginGroup(HANDSHAKE, p, 4 + len);
            c.add(TYPE, type, p, 1);
            c.add(LENGTH, len, p + 1, 3);
            int b = p + 4, e = b + len;
            switch (type) {
                case CLIENT_HELLO, SERVER_HELLO -> tls13 |= hello(c, type == CLIENT_HELLO, b, e);
                case CERTIFICATE_MSG -> certificates(c, b, e);
                case NEW_SESSION_TICKET -> ticket(c, b, e);
                default -> { }
            }
            c.out().endGroup();
            p = e;
        }
        return tls13;
    }

    /** A hello's fields; true when it is a ServerHello that chose TLS 1.3. */
    private static boolean hello(DecodeContext c, boolean client, int p, int end) {
        if (end - p < 35) {
            c.anomaly(Anomaly.Kind.TRUNCATED, p, "TLS hello shorter than its version, random and session id");
            return false;
        }
        boolean tls13 = !client && TlsExtensions.selectsTls13(c, p, end);
        c.add(VERSION, c.u16(p), p, 2);
        c.ref(RANDOM, p + 2, 32);
        // before TLS 1.3 the random began with a time stamp; tshark splits it off only then
        if (!tls13) c.ref(RANDOM_BYTES, p + 6, 28);
        int sid = c.u8(p + 34);
        c.add(SESSION_ID_LENGTH, sid, p + 34, 1);
        p += 35;
        if (p + sid > end) return tls13;
        if (sid > 0) c.ref(SESSION_ID, p, sid);
        p += sid;
        if (client) {
            if (end - p < 2) return false;
            int cs = c.u16(p);
            c.add(CIPHER_SUITES_LENGTH, cs, p, 2);
            p += 2;
            if (p + cs > end) return false;
            for (int i = 0; i + 1 < cs; i += 2) c.add(CIPHERSUITE, c.u16(p + i), p + i, 2);
            p += cs;
            if (end - p < 1) return false;
            int cm = c.u8(p);
            c.add(COMP_METHODS_LENGTH, cm, p, 1);
            p += 1;
            if (p + cm > end) return false;
            for (int i = 0; i < cm; i++) c.add(COMP_METHOD, c.u8(p + i), p + i, 1);
            p += cm;
        } else {
            if (end - p < 3) return tls13;
            c.add(CIPHERSUITE, c.u16(p), p, 2);
            c.add(COMP_METHOD, c.u8(p + 2), p + 2, 1);
            p += 3;
        }
        if (end - p >= 2) TlsExtensions.decode(c, client, p, end);
        return tls13;
    }

    private static void certificates(DecodeContext c, int p, int end) {
        if (end - p < 3) return;
        int total = c.u24(p);
        c.add(CERTIFICATES_LENGTH, total, p, 3);
        p += 3;
        int stop = Math.min(end, p + total);
        for (int k = 0; k < c.maxOptions() && stop - p >= 3; k++) {
            int n = c.u24(p);
            c.add(CERTIFICATE_LENGTH, n, p, 3);
            if (p + 3 + n > stop) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "certificate of " + n + " bytes overruns its list");
                return;
            }
            c.ref(CERTIFICATE, p + 3, n);
            p += 3 + n;
        }
    }

    private static void ticket(DecodeContext c, int p, int end) {
        if (end - p < 6) return;
        c.add(TICKET_LIFETIME, c.u32(p), p, 4);
        int n = c.u16(p + 4);
        c.add(TICKET_LENGTH, n, p + 4, 2);
        if (p + 6 + n <= end && n > 0) c.ref(TICKET, p + 6, n);
    }
}
