package io.pcapkit.reassembly.app;

import java.util.Map;

/**
 * One application message found in a reassembled TCP direction.
 *
 * @param stream   tcp.stream of the connection
 * @param server   false: sent by the client (the connection's first sender)
 * @param protocol "http", "http2", "dns", "ftp", "tls"
 * @param offset   where in the direction's byte stream it starts
 * @param fields   what it says, in order (e.g. method, uri, headers; qname; command, argument)
 * @param body     a decoded body (HTTP: de-chunked and gunzipped/inflated), or null
 */
public record AppMessage(int stream, boolean server, String protocol, long offset, Map<String, Object> fields,
                         byte[] body) {
    @Override public String toString() {
        return "stream " + stream + (server ? " server " : " client ") + protocol + " @" + offset + " " + fields
                + (body == null ? "" : " body " + body.length + " bytes");
    }
}
