package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The extensions of a ClientHello or ServerHello: every one as type and length, and the common ones decoded as
 * tshark 4.0 does (SNI, ALPN, supported_versions, supported_groups, signature_algorithms, key_share, PSK key
 * exchange modes, ec_point_formats, renegotiation_info, status_request, max_fragment_length, padding).
 */
final class TlsExtensions {
    static final FieldDef EXTENSIONS_LENGTH = Fields.uint("tls.handshake.extensions_length", "Extensions Length", 16);
    static final FieldDef TYPE = Fields.uint("tls.handshake.extension.type", "Type", 16);
    static final FieldDef LEN = Fields.uint("tls.handshake.extension.len", "Length", 16);
    static final FieldDef SNI_LIST_LEN = Fields.uint("tls.handshake.extensions_server_name_list_len",
            "Server Name list length", 16);
    static final FieldDef SNI_TYPE = Fields.uint("tls.handshake.extensions_server_name_type", "Server Name Type", 8);
    static final FieldDef SNI_LEN = Fields.uint("tls.handshake.extensions_server_name_len", "Server Name length", 16);
    static final FieldDef SNI = Fields.string("tls.handshake.extensions_server_name", "Server Name");
    static final FieldDef MAX_FRAGMENT = Fields.uint("tls.handshake.max_fragment_length", "Maximum Fragment Length",
            8);
    static final FieldDef STATUS_TYPE = Fields.uint("tls.handshake.extensions_status_request_type",
            "Certificate Status Type", 8);
    static final FieldDef STATUS_RESPONDERS = Fields.uint("tls.handshake.extensions_status_request_responder_ids_len",
            "Responder ID list Length", 16);
    static final FieldDef STATUS_EXTS = Fields.uint("tls.handshake.extensions_status_request_exts_len",
            "Request Extensions Length", 16);
    static final FieldDef GROUPS_LENGTH = Fields.uint("tls.handshake.extensions_supported_groups_length",
            "Supported Groups List Length", 16);
    static final FieldDef GROUP = Fields.hex("tls.handshake.extensions_supported_group", "Supported Group", 16);
    static final FieldDef POINT_FORMATS_LENGTH = Fields.uint("tls.handshake.extensions_ec_point_formats_length",
            "EC point formats Length", 8);
    static final FieldDef POINT_FORMAT = Fields.uint("tls.handshake.extensions_ec_point_format", "EC point format", 8);
    static final FieldDef SIG_LEN = Fields.uint("tls.handshake.sig_hash_alg_len", "Signature Hash Algorithms Length",
            16);
    static final FieldDef SIG_ALG = Fields.hex("tls.handshake.sig_hash_alg", "Signature Algorithm", 16);
    static final FieldDef SIG_HASH = Fields.uint("tls.handshake.sig_hash_hash", "Signature Hash Algorithm Hash", 8);
    static final FieldDef SIG_SIG = Fields.uint("tls.handshake.sig_hash_sig", "Signature Hash Algorithm Signature", 8);
    static final FieldDef ALPN_LEN = Fields.uint("tls.handshake.extensions_alpn_len", "ALPN Extension Length", 16);
    static final FieldDef ALPN_STR_LEN = Fields.uint("tls.handshake.extensions_alpn_str_len", "ALPN string length", 8);
    static final FieldDef ALPN_STR = Fields.string("tls.handshake.extensions_alpn_str", "ALPN Next Protocol");
    static final FieldDef PADDING = Fields.bytes("tls.handshake.extensions_padding_data", "Padding Data");
    static final FieldDef VERSIONS_LEN = Fields.uint("tls.handshake.extensions.supported_versions_len",
            "Supported Versions length", 8);
    static final FieldDef VERSION = Fields.hex("tls.handshake.extensions.supported_version", "Supported Version", 16);
    static final FieldDef PSK_MODES_LEN = Fields.uint("tls.extension.psk_ke_modes_length", "PSK Key Exchange Modes Length",
            8);
    static final FieldDef PSK_MODE = Fields.uint("tls.extension.psk_ke_mode", "PSK Key Exchange Mode", 8);
    static final FieldDef KEY_SHARE_CLIENT_LEN = Fields.uint("tls.handshake.extensions_key_share_client_length",
            "Client Key Share Length", 16);
    static final FieldDef KEY_SHARE_GROUP = Fields.uint("tls.handshake.extensions_key_share_group", "Group", 16);
    static final FieldDef KEY_SHARE_KEY_LEN = Fields.uint("tls.handshake.extensions_key_share_key_exchange_length",
            "Key Exchange Length", 16);
    static final FieldDef KEY_SHARE_KEY = Fields.bytes("tls.handshake.extensions_key_share_key_exchange",
            "Key Exchange");
    static final FieldDef KEY_SHARE_SELECTED = Fields.uint("tls.handshake.extensions_key_share_selected_group",
            "Selected Group", 16);
    static final FieldDef RENEG_LEN = Fields.uint("tls.handshake.extensions_reneg_info_len",
            "Renegotiation info extension length", 8);
    static final FieldDef RENEG = Fields.bytes("tls.handshake.extensions_reneg_info", "Renegotiation info");

    private TlsExtensions() { }

    /** The extensions block at {@code p} (its 2-byte length first), within the hello that ends at {@code end}. */
    static void decode(DecodeContext c, boolean client, int p, int end) {
        int total = c.u16(p);
        c.add(EXTENSIONS_LENGTH, total, p, 2);
        p += 2;
        int stop = Math.min(end, p + total);
        for (int k = 0; k < c.maxOptions() && stop - p >= 4; k++) {
            int type = c.u16(p), n = c.u16(p + 2);
            c.add(TYPE, type, p, 2);
            c.add(LEN, n, p + 2, 2);
            p += 4;
            if (p + n > stop) return;
            body(c, client, type, p, p + n);
            p += n;
        }
    }

    /** Whether the ServerHello whose body starts at {@code p} carries supported_versions = TLS 1.3 (0x0304). */
    static boolean selectsTls13(DecodeContext c, int p, int end) {
        int q = p + 35;
        if (q > end) return false;
        q += c.u8(p + 34) + 3; // session id, cipher suite, compression method
        if (q + 2 > end) return false;
        int stop = Math.min(end, q + 2 + c.u16(q));
        q += 2;
        for (int k = 0; k < c.maxOptions() && stop - q >= 4; k++) {
            int type = c.u16(q), n = c.u16(q + 2);
            if (type == 43 && n == 2 && q + 6 <= stop) return c.u16(q + 4) == 0x0304;
            q += 4 + n;
        }
        return false;
    }

    private static void body(DecodeContext c, boolean client, int type, int p, int e) {
        switch (type) {
            case 0 -> serverNames(c, p, e);
            case 1 -> { if (e - p >= 1) c.add(MAX_FRAGMENT, c.u8(p), p, 1); }
            case 5 -> statusRequest(c, p, e);
            case 10 -> list16(c, GROUPS_LENGTH, GROUP, p, e);
            case 11 -> list8(c, POINT_FORMATS_LENGTH, POINT_FORMAT, p, e);
            case 13 -> signatureAlgorithms(c, p, e);
            case 16 -> alpn(c, p, e);
            case 21 -> { if (e > p) c.ref(PADDING, p, e - p); }
            case 43 -> {
                if (!client) { if (e - p >= 2) c.add(VERSION, c.u16(p), p, 2); }
                else if (e - p >= 1) {
                    int n = c.u8(p);
                    c.add(VERSIONS_LEN, n, p, 1);
                    for (int i = p + 1; i + 1 < Math.min(e, p + 1 + n); i += 2) c.add(VERSION, c.u16(i), i, 2);
                }
            }
            case 45 -> list8(c, PSK_MODES_LEN, PSK_MODE, p, e);
            case 51 -> keyShare(c, client, p, e);
            case 65281 -> {
                if (e - p >= 1) {
                    int n = c.u8(p);
                    c.add(RENEG_LEN, n, p, 1);
                    if (n > 0 && p + 1 + n <= e) c.ref(RENEG, p + 1, n);
                }
            }
            default -> { }
        }
    }

    private static void serverNames(DecodeContext c, int p, int e) {
        if (e - p < 2) return;
        c.add(SNI_LIST_LEN, c.u16(p), p, 2);
        p += 2;
        for (int k = 0; k < c.maxOptions() && e - p >= 3; k++) {
            int n = c.u16(p + 1);
            c.add(SNI_TYPE, c.u8(p), p, 1);
            c.add(SNI_LEN, n, p + 1, 2);
            if (p + 3 + n > e) return;
            c.ref(SNI, p + 3, n);
            p += 3 + n;
        }
    }

    private static void statusRequest(DecodeContext c, int p, int e) {
        if (e - p < 1) return;
        int type = c.u8(p);
        c.add(STATUS_TYPE, type, p, 1);
        if (type != 1 || e - p < 5) return; // OCSP: responder ids, then request extensions
        int ids = c.u16(p + 1);
        c.add(STATUS_RESPONDERS, ids, p + 1, 2);
        int q = p + 3 + ids;
        if (q + 2 <= e) c.add(STATUS_EXTS, c.u16(q), q, 2);
    }

    private static void list16(DecodeContext c, FieldDef lenField, FieldDef item, int p, int e) {
        if (e - p < 2) return;
        int n = c.u16(p);
        c.add(lenField, n, p, 2);
        int stop = Math.min(e, p + 2 + n);
        for (int i = p + 2; i + 1 < stop; i += 2) c.add(item, c.u16(i), i, 2);
    }

    private static void list8(DecodeContext c, FieldDef lenField, FieldDef item, int p, int e) {
        if (e - p < 1) return;
        int n = c.u8(p);
        c.add(lenField, n, p, 1);
        int stop = Math.min(e, p + 1 + n);
        for (int i = p + 1; i < stop; i++) c.add(item, c.u8(i), i, 1);
    }

    private static void signatureAlgorithms(DecodeContext c, int p, int e) {
        if (e - p < 2) return;
        int n = c.u16(p);
        c.add(SIG_LEN, n, p, 2);
        int stop = Math.min(e, p + 2 + n);
        for (int i = p + 2; i + 1 < stop; i += 2) {
            c.add(SIG_ALG, c.u16(i), i, 2);
            c.add(SIG_HASH, c.u8(i), i, 1);
            c.add(SIG_SIG, c.u8(i + 1), i + 1, 1);
        }
    }

    private static void alpn(DecodeContext c, int p, int e) {
        if (e - p < 2) return;
        int n = c.u16(p);
        c.add(ALPN_LEN, n, p, 2);
        int stop = Math.min(e, p + 2 + n);
        p += 2;
        for (int k = 0; k < c.maxOptions() && p < stop; k++) {
            int s = c.u8(p);
            c.add(ALPN_STR_LEN, s, p, 1);
            if (p + 1 + s > stop) return;
            c.ref(ALPN_STR, p + 1, s);
            p += 1 + s;
        }
    }

    private static void keyShare(DecodeContext c, boolean client, int p, int e) {
        if (!client && e - p == 2) { // HelloRetryRequest: only the group the server wants
            c.add(KEY_SHARE_SELECTED, c.u16(p), p, 2);
            return;
        }
        int stop = e;
        if (client) {
            if (e - p < 2) return;
            int n = c.u16(p);
            c.add(KEY_SHARE_CLIENT_LEN, n, p, 2);
            p += 2;
            stop = Math.min(e, p + n);
        }
        for (int k = 0; k < c.maxOptions() && stop - p >= 4; k++) {
            int n = c.u16(p + 2);
            c.add(KEY_SHARE_GROUP, c.u16(p), p, 2);
            c.add(KEY_SHARE_KEY_LEN, n, p + 2, 2);
            if (p + 4 + n > stop) return;
            if (n > 0) c.ref(KEY_SHARE_KEY, p + 4, n);
            p += 4 + n;
            if (!client) return;
        }
    }
}
