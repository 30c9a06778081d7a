package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * TLS records (RFC 8446 / 5246) of one TCP segment, as tshark 4.0 shows them with TCP desegmentation off: every
 * record that lies whole in the segment, in turn; a record the segment cuts, and a segment that starts inside an
 * earlier record, show nothing (tshark has no idea what the bytes are). Handshake messages are walked by
 * {@link TlsHandshake}; once a ChangeCipherSpec has gone by, later handshake and alert records are encrypted and
 * stay opaque, as they do for tshark without keys. The one thing kept between segments is which connections chose
 * TLS 1.3 ({@link TlsSessions}): tshark shows their later records by an "opaque type".
 */
public final class TlsDecoder implements LayerDecoder {
    static final Protocol TLS = Protocols.define("TLS", "tls", Level.APPLICATION);

    static final FieldDef RECORD = Fields.group("tls.record", "Record Layer");
    static final FieldDef CONTENT_TYPE = Fields.uint("tls.record.content_type", "Content Type", 8);
    static final FieldDef OPAQUE_TYPE = Fields.uint("tls.record.opaque_type", "Opaque Type", 8);
    static final FieldDef VERSION = Fields.hex("tls.record.version", "Version", 16);
    static final FieldDef LENGTH = Fields.uint("tls.record.length", "Length", 16);
    static final FieldDef APP_DATA = Fields.bytes("tls.app_data", "Encrypted Application Data");
    static final FieldDef CHANGE_CIPHER_SPEC = Fields.group("tls.change_cipher_spec", "Change Cipher Spec Message");
    static final FieldDef ALERT = Fields.group("tls.alert_message", "Alert Message");
    static final FieldDef ALERT_LEVEL = Fields.uint("tls.alert_message.level", "Level", 8);
    static final FieldDef ALERT_DESC = Fields.uint("tls.alert_message.desc", "Description", 8);

    /** Records decoded from one segment (a 64 KiB segment holds at most ~13000 empty records). */
    static final int MAX_RECORDS = 1024;
    /** RFC 8446 5.1/5.2: a record's body is at most 2^14 + 2048 bytes (ciphertext with expansion). */
    static final int MAX_RECORD_LENGTH = (1 << 14) + 2048;

    /** Why this decoder keeps state: see {@link TlsSessions}. */
    private final TlsSessions sessions = new TlsSessions();

    @Override public Protocol protocol() { return TLS; }

    @Override public boolean applicationOnly() { return true; }

    /** Whether a TLS record header starts here: content type 20..24, version 3.0 to 3.4, a sane length. */
    public static boolean looksLikeTls(DecodeContext c, int off, int len) {
        if (len < 5) return false;
        int type = c.u8(off);
        if (type < 20 || type > 24 || c.u8(off + 1) != 3 || c.u8(off + 2) > 4) return false;
        int n = c.u16(off + 3);
        return n > 0 && n <= MAX_RECORD_LENGTH;
    }

    @Override public int decode(DecodeContext c, int off, int len) {
        int end = off + len;
        int p = off;
        boolean encrypted = false;
        boolean tls13 = sessions.isTls13(c);
        for (int k = 0; k < MAX_RECORDS && end - p >= 5; k++) {
            if (!looksLikeTls(c, p, end - p)) break; // inside an earlier record, or not TLS at all
            int type = c.u8(p);
            int n = c.u16(p + 3);
            if (p + 5 + n > end) {
                // cut: tshark shows nothing of it. A record that simply goes on in the next segment is the stream's
                // normal shape; one the capture cut (snap length) is damage worth saying
                if (c.reportedLength(off, len) > len) {
                    c.anomaly(Anomaly.Kind.TRUNCATED, p, "TLS record of " + n + " bytes cut by the capture at "
                            + (end - p - 5));
                }
                break;
            }
            c.out().beginGroup(RECORD, p, 5 + n);
            // TLS 1.3 hides the real type inside the encryption: tshark calls the outer 23 the opaque type once the
            // connection's ServerHello chose 1.3
            c.add(tls13 && type == 23 ? OPAQUE_TYPE : CONTENT_TYPE, type, p, 1);
            c.add(VERSION, c.u16(p + 1), p + 1, 2);
            c.add(LENGTH, n, p + 3, 2);
            int body = p + 5;
            switch (type) {
                case 20 -> {
                    c.out().beginGroup(CHANGE_CIPHER_SPEC, body, n);
                    c.out().endGroup();
                    encrypted = true;
                }
                case 21 -> {
                    c.out().beginGroup(ALERT, body, n); // an encrypted alert is still an alert node for tshark
                    if (!encrypted && n == 2) {
                        c.add(ALERT_LEVEL, c.u8(body), body, 1);
                        c.add(ALERT_DESC, c.u8(body + 1), body + 1, 1);
                    }
                    c.out().endGroup();
                }
                case 22 -> {
                    if (encrypted) { // "Encrypted Handshake Message": tshark still shows the handshake node
                        c.out().beginGroup(TlsHandshake.HANDSHAKE, body, n);
                        c.out().endGroup();
                    } else if (TlsHandshake.decode(c, body, n) && !tls13) {
                        tls13 = true;
                        sessions.markTls13(c);
                    }
                }
                case 23 -> c.ref(APP_DATA, body, n);
                default -> { } // heartbeat: encrypted in practice, opaque to tshark too
            }
            c.out().endGroup();
            p = body + n;
        }
        c.nextRaw(0);
        return len;
    }
}
