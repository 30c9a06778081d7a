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
 * FTP control connection (RFC 959, RFC 2428) as tshark 4.0 decodes one segment: a segment sent to the server port
 * is a request (command and argument), one from it a reply (three-digit code and text; of a multi-line reply only
 * the first line's code and text are fields, the other lines are text). The data-connection addresses of PORT,
 * PASV (227), EPRT and EPSV (229) are decoded by {@link FtpAddresses}. The working directory tshark tracks needs the
 * conversation, so it is not decoded here.
 */
public final class FtpDecoder implements LayerDecoder {
    static final Protocol FTP = Protocols.define("FTP", "ftp", Level.APPLICATION);

    static final FieldDef REQUEST = Fields.define("ftp.request", "Request", FieldType.BOOL, Base.NONE, 0, 0, null, "");
    static final FieldDef RESPONSE = Fields.define("ftp.response", "Response", FieldType.BOOL, Base.NONE, 0, 0, null,
            "");
    static final FieldDef COMMAND = Fields.string("ftp.request.command", "Request command");
    static final FieldDef REQUEST_ARG = Fields.string("ftp.request.arg", "Request arg");
    static final FieldDef CODE = Fields.uint("ftp.response.code", "Response code", 32);
    static final FieldDef RESPONSE_ARG = Fields.string("ftp.response.arg", "Response arg");

    private final int serverPort;

    /** An FTP decoder whose server listens on {@code serverPort} (21; another with --decode-as). */
    public FtpDecoder(int serverPort) { this.serverPort = serverPort; }

    @Override public Protocol protocol() { return FTP; }

    @Override public boolean applicationOnly() { return true; }

    @Override public int decode(DecodeContext c, int off, int len) {
        int end = off + len;
        int tcp = TcpEndpoints.tcpOffset(c);
        // Wireshark: a request when the port FTP was found by is the destination
        boolean request = tcp >= 0 && (c.u16(tcp + 2) == serverPort
                || (c.u16(tcp) != serverPort && c.u16(tcp + 2) < c.u16(tcp)));
        c.add(REQUEST, request ? 1 : 0, off, 0);
        c.add(RESPONSE, request ? 0 : 1, off, 0);
        int eol = HttpText.lineEnd(c, off, end);
        if (eol > off) {
            if (request) request(c, off, eol);
            else reply(c, off, eol);
        }
        c.nextRaw(0);
        return len;
    }

    private static void request(DecodeContext c, int p, int eol) {
        int sp = HttpText.indexOf(c, p, eol, ' ');
        int tokenEnd = sp < 0 ? eol : sp;
        c.ref(COMMAND, p, tokenEnd - p);
        if (sp < 0) return;
        int arg = sp + 1;
        c.ref(REQUEST_ARG, arg, eol - arg);
        if (HttpText.startsWith(c, p, tokenEnd, "PORT", true) && tokenEnd - p == 4) FtpAddresses.port(c, arg, eol);
        else if (HttpText.startsWith(c, p, tokenEnd, "EPRT", true) && tokenEnd - p == 4) FtpAddresses.eprt(c, arg, eol);
    }

    private static void reply(DecodeContext c, int p, int eol) {
        long code = eol - p >= 3 ? HttpText.decimal(c, p, p + 3) : -1;
        boolean sep = eol - p == 3 || (eol - p > 3 && (c.u8(p + 3) == ' ' || c.u8(p + 3) == '-'));
        if (code < 0 || !sep) {
            c.ref(RESPONSE_ARG, p, eol - p); // a continuation line: text only
            return;
        }
        c.add(CODE, code, p, 3);
        int arg = Math.min(eol, p + 4);
        if (eol > arg) c.ref(RESPONSE_ARG, arg, eol - arg);
        if (code == 227) FtpAddresses.pasv(c, arg, eol);
        else if (code == 229) FtpAddresses.epsv(c, arg, eol);
    }
}
