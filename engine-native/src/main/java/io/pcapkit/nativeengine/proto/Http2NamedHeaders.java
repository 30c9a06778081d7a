package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

import java.util.HashMap;
import java.util.Map;

/**
 * tshark 4.0's http2.headers.* fields: the pseudo-headers and the headers of HPACK's static table each get a field
 * of their own (named after the header, '-' as '_'), numbers for :status, age, content-length and max-forwards.
 */
final class Http2NamedHeaders {
    private static final String[] STRINGS = {":authority", ":path", ":method", ":scheme", "accept", "accept-charset",
            "accept-encoding", "accept-language", "accept-ranges", "access-control-allow-origin", "allow",
            "authorization", "cache-control", "content-disposition", "content-encoding", "content-language",
            "content-location", "content-range", "content-type", "cookie", "date", "etag", "expect", "expires",
            "from", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
            "last-modified", "link", "location", "proxy-authenticate", "proxy-authorization", "range", "referer",
            "refresh", "retry-after", "server", "set-cookie", "strict-transport-security", "user-agent", "vary",
            "via", "www-authenticate"};
    private static final Map<String, FieldDef> FIELDS = new HashMap<>();
    private static final FieldDef STATUS = Fields.uint("http2.headers.status", "Status", 16);

    static {
        for (String h : STRINGS) FIELDS.put(h, Fields.string(fieldName(h), h));
        FIELDS.put(":status", STATUS);
        for (String h : new String[] {"age", "content-length", "max-forwards"}) {
            FIELDS.put(h, Fields.uint(fieldName(h), h, 64));
        }
    }

    private Http2NamedHeaders() { }

    private static String fieldName(String header) {
        return "http2.headers." + (header.startsWith(":") ? header.substring(1) : header).replace('-', '_');
    }

    /** Adds the named field of header {@code name}, if tshark has one (a number field only when it parses). */
    static void add(DecodeContext c, String name, String value, int at, int len) {
        FieldDef f = FIELDS.get(name);
        if (f == null) return;
        if (f.type() == io.pcapkit.model.FieldType.STRING) {
            c.out().addObject(f, value, at, len);
            return;
        }
        long v = 0;
        if (value.isEmpty() || value.length() > 18) return;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') return;
            v = v * 10 + (ch - '0');
        }
        c.add(f, v, at, len);
    }
}
