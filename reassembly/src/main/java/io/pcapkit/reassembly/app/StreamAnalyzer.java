package io.pcapkit.reassembly.app;

import io.pcapkit.reassembly.StreamListener;
import io.pcapkit.reassembly.TcpChunk;
import io.pcapkit.reassembly.TcpStream;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Application analysis over reassembled TCP streams: when a connection ends, each direction's bytes (up to a bound)
 * are recognised by their content, not their port (HTTP/1.x, HTTP/2, TLS, DNS over TCP, FTP control), and parsed
 * into {@link AppMessage}s. Attach with {@code Reassembly.onStream(analyzer)}.
 */
public final class StreamAnalyzer implements StreamListener {
    private final Consumer<AppMessage> out;
    private final int maxBytes;
    private final Map<Integer, ByteArrayOutputStream[]> buffers = new HashMap<>();
    private final Map<Integer, String> detected = new HashMap<>();

    /** @param maxBytes bytes kept per direction for analysis (what comes after is not analysed) */
    public StreamAnalyzer(int maxBytes, Consumer<AppMessage> out) {
        this.maxBytes = maxBytes;
        this.out = out;
    }

    /** The protocol recognised on a stream (after it closed), or null. */
    public String protocol(int stream) { return detected.get(stream); }

    @Override public void chunk(TcpStream s, TcpChunk c) {
        if (c.gap()) return;   // a marker is not the application's bytes
        ByteArrayOutputStream[] b = buffers.computeIfAbsent(s.index(),
                k -> new ByteArrayOutputStream[] {new ByteArrayOutputStream(), new ByteArrayOutputStream()});
        ByteArrayOutputStream d = b[c.server() ? 1 : 0];
        int room = maxBytes - d.size();
        if (room > 0) d.write(c.data(), 0, Math.min(room, c.data().length));
    }

    @Override public void closed(TcpStream s) {
        ByteArrayOutputStream[] b = buffers.remove(s.index());
        if (b == null) return;
        byte[] client = b[0].toByteArray(), server = b[1].toByteArray();
        String proto = detect(client, server);
        if (proto == null) return;
        detected.put(s.index(), proto);
        List<AppMessage> msgs = new ArrayList<>();
        msgs.addAll(parse(proto, s.index(), false, client));
        msgs.addAll(parse(proto, s.index(), true, server));
        if (proto.equals("http")) msgs.addAll(upgraded(s.index(), client, server));
        msgs.sort(java.util.Comparator.comparing(AppMessage::server).thenComparingLong(AppMessage::offset));
        msgs.forEach(out);
    }

    /** HTTP/1.1 "Upgrade: h2c" (RFC 7540 3.2): after the 101 response both sides speak HTTP/2. */
    private static List<AppMessage> upgraded(int stream, byte[] client, byte[] server) {
        if (!io.pcapkit.reassembly.app.Bytes.startsWith(server, 0, "HTTP/1.1 101")) return List.of();
        int c = indexOf(client, Http2.PREFACE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int e = indexOf(server, "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (c < 0 || e < 0) return List.of();
        List<AppMessage> out = new ArrayList<>();
        for (AppMessage m : Http2.parse(stream, false, java.util.Arrays.copyOfRange(client, c, client.length))) {
            out.add(new AppMessage(m.stream(), false, m.protocol(), m.offset() + c, m.fields(), m.body()));
        }
        for (AppMessage m : Http2.parse(stream, true, java.util.Arrays.copyOfRange(server, e + 4, server.length))) {
            out.add(new AppMessage(m.stream(), true, m.protocol(), m.offset() + e + 4, m.fields(), m.body()));
        }
        return out;
    }

    private static int indexOf(byte[] b, byte[] pat) {
        outer:
        for (int i = 0; i + pat.length <= b.length; i++) {
            for (int j = 0; j < pat.length; j++) if (b[i + j] != pat[j]) continue outer;
            return i;
        }
        return -1;
    }

    static String detect(byte[] client, byte[] server) {
        if (Http2.detectClient(client)) return "http2";
        if (Http1.detect(client) || Http1.detect(server)) return "http";
        if (TlsHandshake.detect(client) || TlsHandshake.detect(server)) return "tls";
        if (FtpControl.detect(server, true) || FtpControl.detect(client, false)) return "ftp";
        if (DnsTcp.detect(client)) return "dns";
        return null;
    }

    private static List<AppMessage> parse(String proto, int stream, boolean server, byte[] b) {
        if (b.length == 0) return List.of();
        return switch (proto) {
            case "http2" -> Http2.parse(stream, server, b);
            case "http" -> Http1.parse(stream, server, b);
            case "tls" -> TlsHandshake.parse(stream, server, b);
            case "ftp" -> FtpControl.parse(stream, server, b);
            case "dns" -> DnsTcp.parse(stream, server, b);
            default -> List.of();
        };
    }
}
