package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The HTTP/1.x headers tshark 4.0 gives a field of their own, by header name (case-insensitive). Any other header
 * is only a line of text in tshark's tree (it has no field), so it is kept as http.request.line /
 * http.response.line like every header line.
 */
final class HttpHeaders {
    static final FieldDef AUTHORIZATION = Fields.string("http.authorization", "Authorization");
    static final FieldDef PROXY_AUTHORIZATION = Fields.string("http.proxy_authorization", "Proxy-Authorization");
    static final FieldDef PROXY_AUTHENTICATE = Fields.string("http.proxy_authenticate", "Proxy-Authenticate");
    static final FieldDef WWW_AUTHENTICATE = Fields.string("http.www_authenticate", "WWW-Authenticate");
    static final FieldDef CONTENT_TYPE = Fields.string("http.content_type", "Content-Type");
    static final FieldDef CONTENT_LENGTH_HEADER = Fields.string("http.content_length_header", "Content-Length");
    static final FieldDef CONTENT_ENCODING = Fields.string("http.content_encoding", "Content-Encoding");
    static final FieldDef TRANSFER_ENCODING = Fields.string("http.transfer_encoding", "Transfer-Encoding");
    static final FieldDef UPGRADE = Fields.string("http.upgrade", "Upgrade");
    static final FieldDef USER_AGENT = Fields.string("http.user_agent", "User-Agent");
    static final FieldDef HOST = Fields.string("http.host", "Host");
    static final FieldDef CONNECTION = Fields.string("http.connection", "Connection");
    static final FieldDef COOKIE = Fields.string("http.cookie", "Cookie");
    static final FieldDef ACCEPT = Fields.string("http.accept", "Accept");
    static final FieldDef REFERER = Fields.string("http.referer", "Referer");
    static final FieldDef ACCEPT_LANGUAGE = Fields.string("http.accept_language", "Accept-Language");
    static final FieldDef ACCEPT_ENCODING = Fields.string("http.accept_encoding", "Accept-Encoding");
    static final FieldDef DATE = Fields.string("http.date", "Date");
    static final FieldDef CACHE_CONTROL = Fields.string("http.cache_control", "Cache-Control");
    static final FieldDef SERVER = Fields.string("http.server", "Server");
    static final FieldDef LOCATION = Fields.string("http.location", "Location");
    static final FieldDef WS_ACCEPT = Fields.string("http.sec_websocket_accept", "Sec-WebSocket-Accept");
    static final FieldDef WS_EXTENSIONS = Fields.string("http.sec_websocket_extensions", "Sec-WebSocket-Extensions");
    static final FieldDef WS_KEY = Fields.string("http.sec_websocket_key", "Sec-WebSocket-Key");
    static final FieldDef WS_PROTOCOL = Fields.string("http.sec_websocket_protocol", "Sec-WebSocket-Protocol");
    static final FieldDef WS_VERSION = Fields.string("http.sec_websocket_version", "Sec-WebSocket-Version");
    static final FieldDef SET_COOKIE = Fields.string("http.set_cookie", "Set-Cookie");
    static final FieldDef LAST_MODIFIED = Fields.string("http.last_modified", "Last-Modified");
    static final FieldDef X_FORWARDED_FOR = Fields.string("http.x_forwarded_for", "X-Forwarded-For");
    static final FieldDef HTTP2_SETTINGS = Fields.string("http.http2_settings", "HTTP2-Settings");
    static final FieldDef COOKIE_PAIR = Fields.string("http.cookie_pair", "Cookie pair");

    private static final String[] NAMES = {"Authorization", "Proxy-Authorization", "Proxy-Authenticate",
            "WWW-Authenticate", "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Upgrade",
            "User-Agent", "Host", "Connection", "Cookie", "Accept", "Referer", "Accept-Language", "Accept-Encoding",
            "Date", "Cache-Control", "Server", "Location", "Sec-WebSocket-Accept", "Sec-WebSocket-Extensions",
            "Sec-WebSocket-Key", "Sec-WebSocket-Protocol", "Sec-WebSocket-Version", "Set-Cookie", "Last-Modified",
            "X-Forwarded-For", "HTTP2-Settings"};
    private static final FieldDef[] DEFS = {AUTHORIZATION, PROXY_AUTHORIZATION, PROXY_AUTHENTICATE, WWW_AUTHENTICATE,
            CONTENT_TYPE, CONTENT_LENGTH_HEADER, CONTENT_ENCODING, TRANSFER_ENCODING, UPGRADE, USER_AGENT, HOST,
            CONNECTION, COOKIE, ACCEPT, REFERER, ACCEPT_LANGUAGE, ACCEPT_ENCODING, DATE, CACHE_CONTROL, SERVER,
            LOCATION, WS_ACCEPT, WS_EXTENSIONS, WS_KEY, WS_PROTOCOL, WS_VERSION, SET_COOKIE, LAST_MODIFIED,
            X_FORWARDED_FOR, HTTP2_SETTINGS};

    private HttpHeaders() { }

    /** The field of the header named by [from, end), or null when tshark has none for it. */
    static FieldDef field(DecodeContext c, int from, int end) {
        int n = end - from;
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].length() == n && HttpText.startsWith(c, from, end, NAMES[i], true)) return DEFS[i];
        }
        return null;
    }

    /** A Cookie value's "name=value" pairs, split at ';' and trimmed of the blanks after it. */
    static void cookiePairs(DecodeContext c, int from, int end) {
        int p = from;
        for (int k = 0; k < c.maxOptions() && p < end; k++) {
            p = HttpText.skipBlanks(c, p, end);
            int semi = HttpText.indexOf(c, p, end, ';');
            int stop = semi < 0 ? end : semi;
            if (stop > p) c.ref(COOKIE_PAIR, p, stop - p);
            if (semi < 0) break;
            p = semi + 1;
        }
    }
}
