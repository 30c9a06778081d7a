package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The HIP parameters (RFC 7401 §5.2 and the RFCs that add parameter types), each a {@code hip.type} node over its
 * type, length, contents and padding to 8 bytes, with the sub-fields Wireshark 4.0 shows for the types it knows
 * (DH_GROUP_LIST and TRANSPORT_FORMAT_LIST are shown by type only, as tshark does). Offsets inside a parameter
 * follow tshark's reading, including where it reads past the parameter (a sub-field is shown while its bytes are
 * in the packet); a sub-field past the captured bytes ends the walk, as tshark's exception does.
 */
final class HipParameters {
    static final ValueNames TYPES = ValueNames.of(65, "ESP_INFO", 128, "R1_COUNTER", 193, "LOCATOR", 257, "PUZZLE",
            321, "SOLUTION", 385, "SEQ", 449, "ACK", 513, "DIFFIE_HELLMAN", 577, "HIP_TRANSFORM", 579, "HIP_CIPHER",
            608, "NAT_TRAVERSAL_MODE", 610, "TRANSACTION_PACING", 641, "ENCRYPTED", 705, "HOST_ID",
            715, "HIT_SUITE_LIST", 768, "CERT", 832, "NOTIFICATION", 897, "ECHO_REQUEST_SIGNED", 930, "REG_INFO",
            932, "REG_REQUEST", 934, "REG_RESPONSE", 936, "REG_FAILED", 950, "REG_FROM", 961, "ECHO_RESPONSE_SIGNED",
            4095, "ESP_TRANSFORM", 61505, "HMAC", 61569, "HMAC_2", 61633, "HIP_SIGNATURE_2", 61697, "HIP_SIGNATURE",
            63425, "ECHO_RESPONSE_UNSIGNED", 63661, "ECHO_REQUEST_UNSIGNED", 63998, "RELAY_FROM", 64002, "RELAY_TO",
            65498, "FROM", 65500, "RVS_HMAC", 65502, "VIA_RVS", 65520, "RELAY_HMAC");
    static final FieldDef TYPE = Fields.uint("hip.type", "Type", 16, TYPES);
    static final FieldDef R1_RES = Fields.hex("hip.tlv.r1_reserved", "Reserved", 32);
    static final FieldDef R1_COUNTER = Fields.bytes("hip.tlv.r1_counter", "R1 Counter");
    static final FieldDef PUZZLE_K = Fields.uint("hip.tlv_puzzle_k", "Difficulty (K)", 8);
    static final FieldDef PUZZLE_LIFE = Fields.uint("hip.tlv_puzzle_lifetime", "Lifetime", 8);
    static final FieldDef PUZZLE_O = Fields.hex("hip.tlv_puzzle_opaque", "Opaque Data", 16);
    static final FieldDef PUZZLE_I = Fields.bytes("hip.tlv.puzzle_random_i", "Random number (I)");
    static final FieldDef SOL_K = Fields.uint("hip.tlv_solution_k", "Difficulty (K)", 8);
    static final FieldDef SOL_RES = Fields.uint("hip.tlv_solution_reserved", "Reserved", 8);
    static final FieldDef SOL_O = Fields.hex("hip.tlv_solution_opaque", "Opaque Data", 16);
    static final FieldDef SOL_I = Fields.bytes("hip.tlv.solution_random_i", "Random number (I)");
    static final FieldDef SOL_J = Fields.bytes("hip.tlv_solution_j", "Solution (J)");
    static final FieldDef EI_RES = Fields.hex("hip.tlv_esp_info_reserved", "Reserved", 16);
    static final FieldDef EI_KEYIDX = Fields.hex("hip.tlv_esp_info_key_index", "Keymaterial Index", 16);
    static final FieldDef EI_OLDSPI = Fields.hex("hip.tlv_esp_info_old_spi", "Old SPI", 32);
    static final FieldDef EI_NEWSPI = Fields.hex("hip.tlv_esp_info_new_spi", "New SPI", 32);
    static final FieldDef SEQ_UPDID = Fields.hex("hip.tlv_seq_update_id", "Seq Update ID", 32);
    static final FieldDef ACK_UPDID = Fields.hex("hip.tlv_ack_updid", "ACKed Peer Update ID", 32);
    static final FieldDef DH_GROUP = Fields.uint("hip.tlv.dh_group_id", "Group ID", 8);
    static final FieldDef DH_PV_LEN = Fields.uint("hip.tlv.dh_pv_length", "Public Value Length", 16);
    static final FieldDef DH_PUB = Fields.bytes("hip.tlv.dh_public_value", "Public Value");
    static final FieldDef TRANS_ID = Fields.uint("hip.tlv.trans_id", "Transform ID", 16);
    static final FieldDef ESP_RES = Fields.hex("hip.tlv.esp_trans_res", "Reserved", 16);
    static final FieldDef CIPHER_ID = Fields.uint("hip.tlv.cipher_id", "Cipher ID", 16,
            ValueNames.of(0, "Reserved", 1, "NULL-ENCRYPT", 2, "AES-128-CBC", 3, "3DES-CBC", 4, "AES-256-CBC"));
    static final FieldDef HIT_SUITE = Fields.masked("hip.tlv.hit_suite_id", "HIT Suite ID", 8, 0xF0, Base.DEC,
            ValueNames.of(0, "Reserved", 1, "RSA,DSA/SHA-256", 2, "ECDSA/SHA384", 3, "ECDSA_LOW/SHA-1"));
    static final FieldDef NAT_MODE = Fields.hex("hip.tlv.nat_traversal_mode_id", "NAT Traversal Mode ID", 16);
    static final FieldDef MINTA = Fields.uint("hip.tlv_transaction_minta", "Min Ta", 32);
    static final FieldDef ENC_RES = Fields.hex("hip.tlv.enc_reserved", "Reserved", 32);
    static final FieldDef ENC_DATA = Fields.bytes("hip.encrypted_parameter_data", "Encrypted Parameter Data");
    static final FieldDef CERT_GROUP = Fields.uint("hip.tlv.cert_group", "Cert group", 8);
    static final FieldDef CERT_COUNT = Fields.uint("hip.tlv.cert_count", "Cert count", 8);
    static final FieldDef CERT_ID = Fields.uint("hip.tlv.cert_id", "Cert ID", 8);
    static final FieldDef CERT_TYPE = Fields.uint("hip.tlv.cert_type", "Cert type", 8);
    static final FieldDef CERTIFICATE = Fields.bytes("hip.tlv.certificate", "Certificate");
    static final FieldDef NOTIF_RES = Fields.hex("hip.tlv.notification_res", "Notification Reserved", 16);
    static final FieldDef NOTIF_TYPE = Fields.masked("hip.tlv.notification_type", "Notification Message Type", 16,
            0xFFFF, Base.DEC);
    static final FieldDef NOTIF_DATA = Fields.bytes("hip.tlv.notification_data", "Notification Data");
    static final FieldDef OPAQUE = Fields.bytes("hip.tlv.opaque_data", "Opaque Data");
    static final FieldDef REG_LTMIN = Fields.uint("hip.tlv.reg_ltmin", "Minimum Registration Lifetime", 8);
    static final FieldDef REG_LTMAX = Fields.uint("hip.tlv.reg_ltmax", "Maximum Registration Lifetime", 8);
    static final FieldDef REG_LT = Fields.uint("hip.tlv.reg_lt", "Registration Lifetime", 8);
    static final FieldDef REG_TYPE = Fields.uint("hip.tlv.reg_type", "Registration Type", 8);
    static final FieldDef REG_FAILTYPE = Fields.uint("hip.tlv.reg_failtype", "Registration Failure Type", 8);
    static final FieldDef HMAC = Fields.bytes("hip.tlv.hmac", "HMAC");
    static final FieldDef SIG_ALG = Fields.uint("hip.tlv.sig_alg", "Signature Algorithm", 8);
    static final FieldDef SIG = Fields.bytes("hip.tlv.sig", "Signature");
    static final FieldDef FROM_ADDR = Fields.ipv6("hip.tlv_from_address", "Address");
    static final FieldDef RVS_ADDR = Fields.ipv6("hip.tlv_rvs_address", "RVS Address");
    static final FieldDef RELAY_FROM_PORT = Fields.uint("hip.tlv.relay_from_port", "Relay From Port", 16);
    static final FieldDef RELAY_FROM_PROTO = Fields.uint("hip.tlv_relay_from_protocol", "Protocol", 8);
    static final FieldDef RELAY_FROM_RES = Fields.hex("hip.tlv_relay_from_reserved", "Reserved", 8);
    static final FieldDef RELAY_FROM_ADDR = Fields.ipv6("hip.tlv_relay_from_address", "Address");
    static final FieldDef RELAY_TO_PORT = Fields.uint("hip.tlv.relay_to_port", "Relay To Port", 16);
    static final FieldDef RELAY_TO_PROTO = Fields.uint("hip.tlv_relay_to_protocol", "Protocol", 8);
    static final FieldDef RELAY_TO_RES = Fields.hex("hip.tlv_relay_to_reserved", "Reserved", 8);
    static final FieldDef RELAY_TO_ADDR = Fields.ipv6("hip.tlv_relay_to_address", "Address");
    static final FieldDef REG_FROM_PORT = Fields.uint("hip.tlv.reg_from_port", "Port", 16);
    static final FieldDef REG_FROM_PROTO = Fields.uint("hip.tlv_reg_from_protocol", "Protocol", 8);
    static final FieldDef REG_FROM_RES = Fields.hex("hip.tlv_reg_from_reserved", "Reserved", 8);
    static final FieldDef REG_FROM_ADDR = Fields.ipv6("hip.tlv_reg_from_address", "Address");

    static final int ESP_INFO = 65, R1_COUNTER_T = 128, LOCATOR = 193, PUZZLE = 257, SOLUTION = 321, SEQ = 385,
            ACK = 449, DIFFIE_HELLMAN = 513, HIP_TRANSFORM = 577, HIP_CIPHER = 579, NAT_TRAVERSAL_MODE = 608,
            TRANSACTION_PACING = 610, ENCRYPTED = 641, HOST_ID = 705, HIT_SUITE_LIST = 715, CERT = 768,
            NOTIFICATION = 832, ECHO_REQUEST_SIGNED = 897, REG_INFO = 930, REG_REQUEST = 932, REG_RESPONSE = 934,
            REG_FAILED = 936, REG_FROM = 950, ECHO_RESPONSE_SIGNED = 961, ESP_TRANSFORM = 4095, HMAC_T = 61505,
            HMAC_2 = 61569, SIGNATURE_2 = 61633, SIGNATURE = 61697, ECHO_RESPONSE_UNSIGNED = 63425,
            ECHO_REQUEST_UNSIGNED = 63661, RELAY_FROM = 63998, RELAY_TO = 64002, FROM = 65498, RVS_HMAC = 65500,
            VIA_RVS = 65502, RELAY_HMAC = 65520;

    /** The bound on list entries inside one parameter (transform ids, update ids, locators, registration types). */
    static final int MAX_ENTRIES = 1024;

    private HipParameters() { }

    /**
     * Walks the parameters from {@code p} to {@code end} (the header length) within the captured bytes ending at
     * {@code capEnd}; {@code hip} is the HIP header's offset. False when the walk stopped on bytes the capture lacks.
     */
    static boolean decode(DecodeContext c, int hip, int p, int end, int capEnd) {
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " HIP parameters");
                return true;
            }
            if (p + 4 > capEnd) return cut(c, p, "HIP parameter header");
            int type = c.u16(p), tlvLen = c.u16(p + 2);
            if (p + 4 + tlvLen > capEnd) return cut(c, p, "HIP parameter " + type + " of " + tlvLen + " bytes");
            c.out().beginGroup(TYPE, type, p, 4 + tlvLen);
            boolean ok = body(c, capEnd, hip, p, type, tlvLen);
            c.out().endGroup();
            if (!ok) return cut(c, p, "HIP parameter " + type);
            p += (4 + tlvLen + 7) & ~7;
        }
        return true;
    }

    private static boolean cut(DecodeContext c, int at, String what) {
        c.anomaly(Anomaly.Kind.TRUNCATED, at, what + " runs past the captured bytes");
        return false;
    }

    /** Adds an integer field of {@code n} bytes; false (nothing added) when its bytes pass {@code capEnd}. */
    static boolean num(DecodeContext c, int capEnd, FieldDef f, int at, int n) {
        if (at < 0 || at + n > capEnd) return false;
        long v = n == 1 ? c.u8(at) : n == 2 ? c.u16(at) : c.u32(at);
        if (f.mask() != 0) c.out().addMasked(f, v, at, n);
        else c.add(f, v, at, n);
        return true;
    }

    /** Adds a byte-string or address field; false (nothing added) when its bytes pass {@code capEnd}. */
    static boolean ref(DecodeContext c, int capEnd, FieldDef f, int at, int n) {
        if (n < 0 || at + n > capEnd) return false;
        c.ref(f, at, n);
        return true;
    }

    /** Reads the parameter at {@code p} of type {@code type}; {@code hip} is the header's offset. */
    static boolean body(DecodeContext c, int e, int hip, int p, int type, int len) {
        int d = p + 4;
        switch (type) {
            case ESP_INFO -> {
                return num(c, e, EI_RES, d, 2) && num(c, e, EI_KEYIDX, d + 2, 2) && num(c, e, EI_OLDSPI, d + 4, 4) && num(c, e, EI_NEWSPI, d + 8, 4);
            }
            case R1_COUNTER_T -> {
                return num(c, e, R1_RES, d, 4) && ref(c, e, R1_COUNTER, d + 4, 8);
            }
            case LOCATOR -> {
                return HipLocators.decode(c, e, d, len);
            }
            case PUZZLE -> {
                return num(c, e, PUZZLE_K, d, 1) && num(c, e, PUZZLE_LIFE, d + 1, 1) && num(c, e, PUZZLE_O, d + 2, 2) && ref(c, e, PUZZLE_I, d + 4, len - 4);
            }
            case SOLUTION -> {
                int half = (len - 4) / 2;
                return num(c, e, SOL_K, d, 1) && num(c, e, SOL_RES, d + 1, 1) && num(c, e, SOL_O, d + 2, 2) && ref(c, e, SOL_I, d + 4, half)
                        && ref(c, e, SOL_J, d + 4 + half, half);
            }
            case SEQ -> {
                return num(c, e, SEQ_UPDID, d, 4);
            }
            case ACK -> {
                return list(c, e, ACK_UPDID, d, len, 4);
            }
            case DIFFIE_HELLMAN -> {
                return diffieHellman(c, e, hip, d, len);
            }
            case ESP_TRANSFORM -> {
                return num(c, e, ESP_RES, d, 2) && list(c, e, TRANS_ID, d + 2, len - 2, 2);
            }
            case HIP_TRANSFORM -> {
                return list(c, e, TRANS_ID, d, len, 2);
            }
            case NAT_TRAVERSAL_MODE -> {
                return num(c, e, ESP_RES, d, 2) && list(c, e, NAT_MODE, d + 2, len - 2, 2);
            }
            case TRANSACTION_PACING -> {
                return num(c, e, MINTA, d, 4);
            }
            case ENCRYPTED -> {
                return num(c, e, ENC_RES, d, 4) && ref(c, e, ENC_DATA, d + 4, len - 4);
            }
            case HIP_CIPHER -> {
                return list(c, e, CIPHER_ID, d, len, 2);
            }
            case HIT_SUITE_LIST -> {
                return list(c, e, HIT_SUITE, d, len, 1);
            }
            case HOST_ID -> {
                return HipHostId.decode(c, e, p, len);
            }
            case CERT -> {
                return num(c, e, CERT_GROUP, d, 1) && num(c, e, CERT_COUNT, d + 1, 1) && num(c, e, CERT_ID, d + 2, 1) && num(c, e, CERT_TYPE, d + 3, 1)
                        && ref(c, e, CERTIFICATE, d + 4, len - 4);
            }
            case NOTIFICATION -> {
                return num(c, e, NOTIF_RES, d, 2) && num(c, e, NOTIF_TYPE, d + 2, 2) && ref(c, e, NOTIF_DATA, d + 4, len - 4);
            }
            case ECHO_REQUEST_SIGNED, ECHO_RESPONSE_SIGNED, ECHO_REQUEST_UNSIGNED, ECHO_RESPONSE_UNSIGNED -> {
                return ref(c, e, OPAQUE, d, len);
            }
            case REG_INFO -> {
                return num(c, e, REG_LTMIN, d, 1) && num(c, e, REG_LTMAX, d + 1, 1) && list(c, e, REG_TYPE, d + 2, len - 2, 1);
            }
            case REG_FAILED -> {
                return num(c, e, REG_FAILTYPE, d, 1) && list(c, e, REG_TYPE, d + 1, len - 1, 1);
            }
            case REG_REQUEST, REG_RESPONSE -> {
                return num(c, e, REG_LT, d, 1) && list(c, e, REG_TYPE, d + 1, len - 1, 1);
            }
            case HMAC_T, HMAC_2, RVS_HMAC, RELAY_HMAC -> {
                return ref(c, e, HMAC, d, len);
            }
            case SIGNATURE, SIGNATURE_2 -> {
                // tshark reads the algorithm as one byte and the signature right after it
                return num(c, e, SIG_ALG, d, 1) && ref(c, e, SIG, d + 1, len - 1);
            }
            case FROM -> {
                return ref(c, e, FROM_ADDR, d, 16);
            }
            case VIA_RVS -> {
                for (int i = 0, left = len; left > 0 && i < MAX_ENTRIES; i++, left -= 16) {
                    if (!ref(c, e, RVS_ADDR, d + 16 * i, 16)) return false;
                }
                return true;
            }
            case RELAY_FROM -> {
                return num(c, e, RELAY_FROM_PORT, d, 2) && num(c, e, RELAY_FROM_PROTO, d + 2, 1) && num(c, e, RELAY_FROM_RES, d + 3, 1)
                        && ref(c, e, RELAY_FROM_ADDR, d + 4, 16);
            }
            case RELAY_TO -> {
                return num(c, e, RELAY_TO_PORT, d, 2) && num(c, e, RELAY_TO_PROTO, d + 2, 1) && num(c, e, RELAY_TO_RES, d + 3, 1)
                        && ref(c, e, RELAY_TO_ADDR, d + 4, 16);
            }
            case REG_FROM -> {
                return num(c, e, REG_FROM_PORT, d, 2) && num(c, e, REG_FROM_PROTO, d + 2, 1) && num(c, e, REG_FROM_RES, d + 3, 1)
                        && ref(c, e, REG_FROM_ADDR, d + 4, 16);
            }
            default -> {
                return true;
            }
        }
    }

    /** Entries of {@code size} bytes while any of the {@code len} bytes are left (a partial last one included). */
    private static boolean list(DecodeContext c, int e, FieldDef f, int d, int len, int size) {
        for (int i = 0, left = len; left > 0; i++, left -= size) {
            if (i == MAX_ENTRIES) {
                c.anomaly(Anomaly.Kind.LIMIT, d, "more than " + MAX_ENTRIES + " entries in a HIP parameter");
                return true;
            }
            if (!num(c, e, f, d + size * i, size)) return false;
        }
        return true;
    }

    /**
     * One group and public value; tshark looks for a second one when the value ends before {@code len} counted
     * from the HIP header (not from the parameter), and shows the first group's id for it.
     */
    private static boolean diffieHellman(DecodeContext c, int e, int hip, int d, int len) {
        if (d + 1 > e) return false;
        int group = c.u8(d);
        c.add(DH_GROUP, group, d, 1);
        if (!num(c, e, DH_PV_LEN, d + 1, 2)) return false;
        int pv = c.u16(d + 1);
        if (!ref(c, e, DH_PUB, d + 3, pv)) return false;
        int second = d + 3 + pv;
        if (pv + (d + 3 - hip) < len) {
            if (second + 1 > e) return false;
            c.add(DH_GROUP, group, second, 1);
            if (!num(c, e, DH_PV_LEN, second + 1, 2)) return false;
            return ref(c, e, DH_PUB, second + 3, c.u16(second + 1));
        }
        return true;
    }
}
