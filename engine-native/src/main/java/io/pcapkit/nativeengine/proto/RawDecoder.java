package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/** Bytes nobody decoded (Wireshark's "data" protocol): the original's {@code Raw}. */
public final class RawDecoder implements LayerDecoder {
    static final FieldDef DATA = Fields.bytes("data.data", "Data");
    static final FieldDef LEN = Fields.uint("data.len", "Length", 32);

    @Override public Protocol protocol() { return Protocols.RAW; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.ref(DATA, off, len);
        c.add(LEN, len, off, 0);
        c.nextRaw(0);
        return len;
    }
}
