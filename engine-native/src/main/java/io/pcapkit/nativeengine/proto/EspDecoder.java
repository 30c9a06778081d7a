package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * IP Encapsulating Security Payload (RFC 4303): SPI and sequence number. Without keys the rest is ciphertext,
 * and Wireshark 4.0 with its default preferences (no SA table, no NULL-encryption heuristic) shows nothing of it,
 * not even as data: the whole remainder belongs to this layer.
 */
public final class EspDecoder implements LayerDecoder {
    public static final Protocol ESP = Protocols.define("ESP", "esp", Level.INTERNET);

    static final FieldDef SPI = Fields.define("esp.spi", "ESP SPI", FieldType.UINT, Base.HEX_DEC, 32, 0, null, "");
    static final FieldDef SEQUENCE = Fields.uint("esp.sequence", "ESP Sequence", 32);

    static final int HEADER = 8;

    @Override public Protocol protocol() { return ESP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        // Wireshark reads SPI and sequence for its summary line before showing either
        if (len < HEADER) return c.truncated(len, "ESP header needs 8 bytes, has " + len);
        c.add(SPI, c.u32(off), off, 4);
        c.add(SEQUENCE, c.u32(off + 4), off + 4, 4);
        c.nextRaw(0);
        return len;
    }
}
