package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * OSPFv2 link-local signalling (RFC 5613): the block after the packet (and after its cryptographic digest) of a
 * Hello or Database Description with the L option: checksum, length in 32-bit words, then TLVs (extended options,
 * cryptographic authentication).
 */
final class OspfLls {
    static final FieldDef CHECKSUM = Fields.hex("ospf.lls.checksum", "Checksum", 16);
    static final FieldDef DATA_LENGTH = Fields.uint("ospf.lls.data_length", "LLS Data Length", 16);
    static final FieldDef TLV_TYPE = Fields.uint("ospf.tlv_type", "TLV Type", 16);
    static final FieldDef TLV_LENGTH = Fields.uint("ospf.tlv_length", "TLV Length", 16);
    static final FieldDef EXT_OPTIONS = Fields.hex("ospf.lls.ext.options", "Options", 32);
    static final FieldDef SEQUENCE = Fields.hex("ospf.v2.lls.sequence_number", "Sequence number", 32);
    static final FieldDef AUTH_DATA = Fields.bytes("ospf.v2.lls.auth_data", "Auth Data");

    static final int EXTENDED_OPTIONS = 1, CRYPTO_AUTH = 2;

    private OspfLls() { }

    static void decode(DecodeContext c, int at, int end) {
        if (end - at < 4) {
            c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF LLS block missing or cut short");
            return;
        }
        int bytes = c.u16(at + 2) * 4;
        c.add(CHECKSUM, c.u16(at), at, 2);
        c.add(DATA_LENGTH, bytes, at + 2, 2);
        int stop = Math.min(end, at + bytes);
        at += 4;
        for (int n = 0; stop - at >= 4 && n < c.maxOptions(); n++) {
            int type = c.u16(at), length = c.u16(at + 2);
            c.add(TLV_TYPE, type, at, 2);
            c.add(TLV_LENGTH, length, at + 2, 2);
            int v = at + 4;
            if (stop - v < length) {
                c.anomaly(Anomaly.Kind.TRUNCATED, at, "OSPF LLS TLV cut short");
                return;
            }
            if (type == EXTENDED_OPTIONS && length >= 4) {
                c.add(EXT_OPTIONS, c.u32(v), v, 4);
            } else if (type == CRYPTO_AUTH && length >= 4) {
                c.add(SEQUENCE, c.u32(v), v, 4);
                c.ref(AUTH_DATA, v + 4, length - 4);
            }
            at = v + ((length + 3) & ~3);
        }
    }
}
