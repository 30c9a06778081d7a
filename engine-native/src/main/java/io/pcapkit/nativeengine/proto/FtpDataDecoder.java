package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * FTP data connection from port 20: raw file or listing bytes. tshark names the layer and says which command opened
 * the connection, which only the control connection knows; here the layer holds no fields and its bytes are data.
 */
public final class FtpDataDecoder implements LayerDecoder {
    static final Protocol FTP_DATA = Protocols.define("FTP-DATA", "ftp-data", Level.APPLICATION);

    @Override public Protocol protocol() { return FTP_DATA; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        c.nextRaw(-1);
        return 0;
    }
}
