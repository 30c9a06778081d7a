package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * HTTP/1.x (RFC 9112) one segment at a time, as tshark 4.0 decodes it with TCP desegmentation off: each message
 * that starts in the segment gives its request or status line and its headers (a header line the segment cuts is
 * taken as far as it goes); a segment that starts with anything else is a continuation whose bytes are data.
 * Several messages in one segment (pipelining, a response after a body of known length) are decoded in turn.
 * After a 101 (Switching Protocols) the bytes that follow speak the new protocol: they are claimed by content.
 */
public final class HttpDecoder implements LayerDecoder {
    static final Protocol HTTP = Protocols.define("HTTP", "http", Level.APPLICATION);

    static final FieldDef REQUEST = Fields.define("http.request", "Request", FieldType.BOOL, Base.NONE, 0, 0, null, "");
    static final FieldDef RESPONSE = Fields.define("http.response", "Response", FieldType.BOOL, Base.NONE, 0, 0, null,
            "");
    static final FieldDef METHOD = Fields.string("http.request.method", "Request Method");
    static final FieldDef URI = Fields.string("http.request.uri", "Request URI");
    static final FieldDef URI_PATH = Fields.string("http.request.uri.path", "Request URI Path");
    static final FieldDef URI_QUERY = Fields.string("http.request.uri.query", "Request URI Query");
    static final FieldDef URI_PARAM = Fields.string("http.request.uri.query.parameter", "Request URI Query Parameter");
    static final FieldDef REQ_VERSION = Fields.string("http.request.version", "Request Version");
    static final FieldDef RESP_VERSION = Fields.string("http.response.version", "Response Version");
    static final FieldDef CODE = Fields.uint("http.response.code", "Status Code", 16);
    static final FieldDef CODE_DESC = Fields.string("http.response.code.desc", "Status Code Description");
    static final FieldDef PHRASE = Fields.string("http.response.phrase", "Response Phrase");
    static final FieldDef REQ_LINE = Fields.string("http.request.line", "Request line");
    static final FieldDef RESP_LINE = Fields.string("http.response.line", "Response line");
    static final FieldDef CONTENT_LENGTH = Fields.uint("http.content_length", "Content length", 64);
    static final FieldDef FULL_URI = Fields.string("http.request.full_uri", "Full request URI");

    /** Messages decoded from one segment before the rest is left as data. */
    static final int MAX_MESSAGES = 64;
    /** Header lines of one message before the rest is left as data. */
    static final int MAX_HEADERS = 512;

    private static final String[] METHODS = {"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
            "BMOVE", "MKCOL", "TRACE", "PATCH", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE",
            "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "M-SEARCH",
            "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
            "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL"};

    @Override public Protocol protocol() { return HTTP; }

    /** After an Upgrade, content chooses among TCP's application protocols (HTTP/2). */
    @Override public boolean applicationOnly() { return true; }

    /** Whether a segment starts with a request line of a known method or a status line (the content heuristic). */
    public static boolean looksLikeHttp(DecodeContext c, int off, int len) {
        if (len < 5) return false;
        int b = c.u8(off);
        if (b < 'A' || b > 'Z') return false; // the cheap test every other TCP payload fails
        return isResponse(c, off, off + len) || methodLength(c, off, off + len) > 0;
    }

    private static boolean isResponse(DecodeContext c, int at, int end) {
        return HttpText.startsWith(c, at, end, "HTTP/", false);
    }

    /** Length of the method token when the line starts with a known method and a space, else 0. */
    private static int methodLength(DecodeContext c, int at, int end) {
        int sp = HttpText.indexOf(c, at, Math.min(end, at + 17), ' ');
        if (sp <= at) return 0;
        int n = sp - at;
        for (String m : METHODS) if (m.length() == n && HttpText.startsWith(c, at, end, m, false)) return n;
        return 0;
    }

    @Override public int decode(DecodeContext c, int off, int len) {
        int end = off + len;
        int p = off;
        int headersEnd = off;
        for (int m = 0; m < MAX_MESSAGES && p < end; m++) {
            // the first bytes decide, before any scan for the line's end: a continuation segment (a body's
            // middle) is most segments of a transfer, and has no line end to find
            boolean response = isResponse(c, p, end);
            int method = response ? 0 : methodLength(c, p, end);
            if (!response && method == 0) break; // a continuation: data from here on
            int eol = HttpText.lineEnd(c, p, end);
            c.add(response ? RESPONSE : REQUEST, 1, p, 0);
            long code = response ? statusLine(c, p, eol) : requestLine(c, p, method, eol);
            int uriAt = response ? -1 : p + method + 1;
            int uriEnd = response ? -1 : uriEnd(c, uriAt, eol);
            Message msg = headers(c, response, HttpText.nextLine(c, eol, end), end);
            headersEnd = msg.bodyAt;
            if (!response && msg.hostAt >= 0 && uriEnd > uriAt) fullUri(c, uriAt, uriEnd, msg);
            int body = bodyLength(response, code, msg, end - msg.bodyAt);
            if (response && code == 101 && msg.bodyAt < end) {
                // the connection now speaks what Upgrade named: let content decide (HTTP/2 after "h2c")
                c.nextByContent(Dispatch.TCP_PORT, -1);
                return msg.bodyAt - off;
            }
            if (body >= end - msg.bodyAt) break;
            p = msg.bodyAt + body;
            headersEnd = p;
        }
        c.nextRaw(-1);
        return headersEnd - off;
    }

    private static long requestLine(DecodeContext c, int p, int method, int eol) {
        c.ref(METHOD, p, method);
        int u = p + method + 1;
        int ue = uriEnd(c, u, eol);
        c.ref(URI, u, ue - u);
        int q = HttpText.indexOf(c, u, ue, '?');
        if (q >= 0) {
            c.ref(URI_PATH, u, q - u);
            c.ref(URI_QUERY, q + 1, ue - q - 1);
            int s = q + 1;
            for (int k = 0; k < c.maxOptions() && s < ue; k++) {
                int amp = HttpText.indexOf(c, s, ue, '&');
                int stop = amp < 0 ? ue : amp;
                if (stop > s) c.ref(URI_PARAM, s, stop - s); // tshark skips empty parameters
                if (amp < 0) break;
                s = amp + 1;
            }
        }
        if (ue < eol) c.ref(REQ_VERSION, ue + 1, eol - ue - 1);
        return -1;
    }

    private static int uriEnd(DecodeContext c, int u, int eol) {
        int sp = HttpText.indexOf(c, u, eol, ' ');
        return sp < 0 ? eol : sp;
    }

    /** The status line's fields; returns the status code, -1 when it is not three digits. */
    private static long statusLine(DecodeContext c, int p, int eol) {
        int sp = HttpText.indexOf(c, p, eol, ' ');
        int vEnd = sp < 0 ? eol : sp;
        c.ref(RESP_VERSION, p, vEnd - p);
        if (sp < 0 || sp + 4 > eol) return -1;
        long code = HttpText.decimal(c, sp + 1, sp + 4);
        if (code < 0) return -1;
        c.add(CODE, code, sp + 1, 3);
        String desc = HttpStatus.describe((int) code);
        if (desc != null) c.out().addObject(CODE_DESC, desc, sp + 1, 3);
        int ph = sp + 4 < eol && c.u8(sp + 4) == ' ' ? sp + 5 : sp + 4;
        c.ref(PHRASE, ph, eol - ph);
        return code;
    }

    /** What the headers said that the message's framing needs. */
    private static final class Message {
        int bodyAt;
        long contentLength = -1;
        boolean chunked;
        int hostAt = -1, hostEnd;
    }

    private static Message headers(DecodeContext c, boolean response, int p, int end) {
        Message msg = new Message();
        FieldDef line = response ? RESP_LINE : REQ_LINE;
        for (int k = 0; k < MAX_HEADERS && p < end; k++) {
            int eol = HttpText.lineEnd(c, p, end);
            int next = HttpText.nextLine(c, eol, end);
            if (eol == p) { // the empty line ends the headers
                msg.bodyAt = next;
                return msg;
            }
            c.ref(line, p, next - p);
            int colon = HttpText.indexOf(c, p, eol, ':');
            FieldDef f = colon > p ? HttpHeaders.field(c, p, colon) : null;
            if (f != null) {
                int v = HttpText.skipBlanks(c, colon + 1, eol);
                c.ref(f, v, eol - v);
                if (f == HttpHeaders.CONTENT_LENGTH_HEADER) {
                    msg.contentLength = HttpText.decimal(c, v, eol);
                    if (msg.contentLength >= 0) c.add(CONTENT_LENGTH, msg.contentLength, v, eol - v);
                } else if (f == HttpHeaders.COOKIE) {
                    HttpHeaders.cookiePairs(c, v, eol);
                } else if (f == HttpHeaders.TRANSFER_ENCODING) {
                    msg.chunked = HttpText.startsWith(c, v, eol, "chunked", true);
                } else if (f == HttpHeaders.HTTP2_SETTINGS) {
                    Http2Payloads.settingsFromBase64(c, v, eol); // tshark shows them with HTTP/2's setting fields
                } else if (f == HttpHeaders.HOST) {
                    msg.hostAt = v;
                    msg.hostEnd = eol;
                }
            }
            p = next;
        }
        msg.bodyAt = end;
        return msg;
    }

    /** http.request.full_uri: the URI itself when absolute, else "http://" + Host + URI. */
    private static void fullUri(DecodeContext c, int u, int ue, Message msg) {
        String uri = HttpText.latin1(c, u, ue);
        String full = uri.startsWith("http://") || uri.startsWith("https://") ? uri
                : "http://" + HttpText.latin1(c, msg.hostAt, msg.hostEnd) + uri;
        c.out().addObject(FULL_URI, full, u, 0);
    }

    /** Bytes of the body that belong to this message within {@code have}; {@code have} when it runs on. */
    private static int bodyLength(boolean response, long code, Message msg, int have) {
        if (response && (code / 100 == 1 || code == 204 || code == 304)) return 0;
        if (msg.chunked) return have;
        if (msg.contentLength >= 0) return (int) Math.min(have, msg.contentLength);
        return response ? have : 0;
    }
}
