package io.pcapkit.reassembly.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * HTTP/1.x messages (RFC 9112) in one direction: start line, header fields, body framed by Content-Length or
 * chunked transfer coding (else to the end of the stream for responses), then content-coding gzip / deflate
 * undone. Pipelined messages follow one another.
 */
final class Http1 {
    static final int MAX_MESSAGES = 10_000;
    static final int MAX_HEADERS = 256;
    static final int MAX_BODY = 64 << 20;

    private Http1() { }

    static boolean detect(byte[] b) {
        for (String m : List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ",
                "HTTP/1.")) {
            if (Bytes.startsWith(b, 0, m)) return true;
        }
        return false;
    }

    static List<AppMessage> parse(int stream, boolean server, byte[] b) {
        List<AppMessage> out = new ArrayList<>();
        int at = 0;
        while (at < b.length && out.size() < MAX_MESSAGES) {
            int lineEnd = Bytes.crlf(b, at, b.length);
            if (lineEnd < 0 || !detect(java.util.Arrays.copyOfRange(b, at, Math.min(b.length, at + 10)))) break;
            Map<String, Object> f = new LinkedHashMap<>();
            String start = Bytes.latin1(b, at, lineEnd);
            String[] parts = start.split(" ", 3);
            boolean response = start.startsWith("HTTP/");
            if (response) {
                f.put("version", parts[0]);
                f.put("status", parts.length > 1 ? parts[1] : "");
                f.put("reason", parts.length > 2 ? parts[2] : "");
            } else {
                f.put("method", parts[0]);
                f.put("uri", parts.length > 1 ? parts[1] : "");
                f.put("version", parts.length > 2 ? parts[2] : "");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            int p = lineEnd + 2;
            for (int n = 0; n < MAX_HEADERS; n++) {
                int e = Bytes.crlf(b, p, b.length);
                if (e < 0) { p = b.length; break; }
                if (e == p) { p += 2; break; }
                String line = Bytes.latin1(b, p, e);
                int colon = line.indexOf(':');
                if (colon > 0) headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (x, y) -> x + ", " + y);
                p = e + 2;
            }
            f.put("headers", headers);
            int msgStart = at;
            byte[] body = null;
            String te = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            String cl = headers.get("content-length");
            boolean noBody = response && (f.get("status").toString().startsWith("1") || "204".equals(f.get("status"))
                    || "304".equals(f.get("status")));
            if (te.contains("chunked")) {
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                while (p < b.length && o.size() < MAX_BODY) {
                    int e = Bytes.crlf(b, p, b.length);
                    if (e < 0) { p = b.length; break; }
                    String size = Bytes.latin1(b, p, e).split(";", 2)[0].trim();
                    int n;
                    try {
                        n = Integer.parseInt(size, 16);
                    } catch (NumberFormatException x) {
                        f.put("error", "bad chunk size '" + size + "'");
                        p = b.length;
                        break;
                    }
                    p = e + 2;
                    if (n == 0) {
                        // trailer fields up to the empty line
                        int t;
                        while ((t = Bytes.crlf(b, p, b.length)) >= 0 && t != p) p = t + 2;
                        p = t < 0 ? b.length : p + 2;
                        break;
                    }
                    int take = Math.min(n, b.length - p);
                    o.write(b, p, take);
                    p += take + 2;
                }
                body = o.toByteArray();
                f.put("chunked", true);
            } else if (cl != null && !noBody) {
                long n = 0;
                try {
                    n = Long.parseLong(cl.split(",")[0].trim());
                } catch (NumberFormatException x) {
                    f.put("error", "bad content-length '" + cl + "'");
                }
                int take = (int) Math.max(0, Math.min(Math.min(n, MAX_BODY), b.length - p));
                body = java.util.Arrays.copyOfRange(b, p, p + take);
                if (take < n) f.put("truncated", true);
                p += take;
            } else if (response && !noBody && !"HEAD".equals(f.get("method"))) {
                int take = Math.min(MAX_BODY, b.length - p);
                body = java.util.Arrays.copyOfRange(b, p, p + take);
                p = b.length;
            }
            if (body != null) {
                String ce = headers.getOrDefault("content-encoding", "").toLowerCase(Locale.ROOT).trim();
                if (ce.equals("gzip") || ce.equals("x-gzip") || ce.equals("deflate")) {
                    try {
                        body = decode(body, ce);
                        f.put("content_decoded", ce);
                    } catch (IOException x) {
                        f.put("error", ce + " body does not decode: " + x.getMessage());
                    }
                }
            }
            out.add(new AppMessage(stream, server, "http", msgStart, f, body));
            if (p <= at) break;
            at = p;
        }
        return out;
    }

    private static byte[] decode(byte[] body, String coding) throws IOException {
        InputStream in;
        if (coding.equals("deflate")) {
            // RFC 9110 says zlib-wrapped; some servers send raw deflate: look at the zlib header
            boolean zlib = body.length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) << 8 | body[1] & 0xFF) % 31 == 0;
            in = new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
        } else {
            in = new GZIPInputStream(new ByteArrayInputStream(body));
        }
        try (in) {
            return in.readNBytes(MAX_BODY);
        }
    }
}
