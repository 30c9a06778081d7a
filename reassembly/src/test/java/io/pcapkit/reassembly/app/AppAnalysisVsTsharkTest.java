package io.pcapkit.reassembly.app;

import io.pcapkit.Pcapkit;
import io.pcapkit.ReassemblyKind;
import io.pcapkit.reassembly.Reassembly;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application messages found by content agree with tshark's dissectors on corpus captures (tshark run live). */
class AppAnalysisVsTsharkTest {
    static Path corpus() {
        String p = System.getProperty("captures.dir");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "..", "shared", "captures");
    }

    static List<AppMessage> analyze(Path cap) throws IOException {
        List<AppMessage> out = new ArrayList<>();
        StreamAnalyzer a = new StreamAnalyzer(16 << 20, out::add);
        Reassembly.of(ReassemblyKind.IPV4, ReassemblyKind.IPV6, ReassemblyKind.TCP).onStream(a)
                .over(Pcapkit.extract(cap).engine("native"));
        return out;
    }

    static List<String> tshark(Path cap, String field, String filter, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", cap.toString(), "-Y", filter, "-T", "fields",
                "-e", field));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        List<String> v = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isEmpty()) v.addAll(Arrays.asList(line.split(",")));
        return v.stream().sorted().toList();
    }

    static List<String> ours(List<AppMessage> m, String proto, String field) {
        return m.stream().filter(x -> x.protocol().equals(proto) && x.fields().containsKey(field))
                .map(x -> String.valueOf(x.fields().get(field))).sorted().toList();
    }

    private static void assume() {
        boolean ok = Files.isDirectory(corpus());
        try {
            ok = ok && new ProcessBuilder("tshark", "-v").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        if (!ok) System.out.println("SKIPPED: corpus or tshark missing");
        org.junit.jupiter.api.Assumptions.assumeTrue(ok);
    }

    @Test void httpRequestsAndResponses() throws Exception {
        assume();
        for (String c : List.of("dpkt/http.pcap", "pcapplusplus/three_http_streams.pcap", "zeek/http/pipelined-requests.pcap")) {
            Path cap = corpus().resolve(c);
            List<AppMessage> m = analyze(cap);
            assertEquals(tshark(cap, "http.request.uri", "http.request"), ours(m, "http", "uri"), c + " request URIs");
            assertEquals(tshark(cap, "http.response.code", "http.response"), ours(m, "http", "status"), c + " statuses");
        }
    }

    @Test void gzipBodiesAreDecoded() throws Exception {
        assume();
        List<AppMessage> m = analyze(corpus().resolve("dpkt/http.pcap"));
        AppMessage gz = m.stream().filter(x -> "gzip".equals(x.fields().get("content_decoded"))).findFirst().orElseThrow();
        // the ad server's gzip response holds HTML (tshark's "Content-encoded entity body (gzip)" shows it)
        assertTrue(new String(gz.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("<html"), "html inside");
    }

    @Test void tlsServerNames() throws Exception {
        assume();
        Path cap = corpus().resolve("pcapplusplus/example2.pcap");
        assertEquals(tshark(cap, "tls.handshake.extensions_server_name", "tls.handshake.type == 1"),
                ours(analyze(cap), "tls", "server_name"));
    }

    @Test void dnsOverTcp() throws Exception {
        assume();
        Path cap = corpus().resolve("tcpdump/dns_tcp.pcap");
        assertEquals(tshark(cap, "dns.qry.name", "tcp && dns"), ours(analyze(cap), "dns", "qname"));
    }

    @Test void http2FramesOfAGrpcCall() throws Exception {
        assume();
        Path cap = corpus().resolve("wireshark_samples/grpc.pcap");
        // tshark needs to be told that port 50051 is HTTP/2; we recognise it by the connection preface
        List<String> types = tshark(cap, "http2.type", "http2", "-d", "tcp.port==50051,http2").stream()
                .map(t -> Map.of("0", "DATA", "1", "HEADERS", "3", "RST_STREAM", "4", "SETTINGS", "6", "PING",
                        "7", "GOAWAY", "8", "WINDOW_UPDATE").getOrDefault(t, t)).sorted().toList();
        assertEquals(types, ours(analyze(cap), "http2", "type"));
    }

    /** tshark's http2.header name/value pairs, one "name: value" per header, over the whole capture, sorted. */
    static List<String> tsharkHeaders(Path cap, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", cap.toString(), "-Y", "http2", "-T", "fields",
                "-E", "aggregator=|", "-e", "http2.header.name", "-e", "http2.header.value"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        List<String> v = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] nv = line.split("\t", -1);
            if (nv.length < 2 || nv[0].isEmpty()) continue;
            String[] names = nv[0].split("\\|", -1), values = nv[1].split("\\|", -1);
            assertEquals(names.length, values.length, line);
            for (int i = 0; i < names.length; i++) v.add(names[i] + ": " + values[i]);
        }
        return v.stream().sorted().toList();
    }

    static List<String> ourHeaders(List<AppMessage> m) {
        return m.stream().filter(x -> x.protocol().equals("http2") && x.fields().get("headers") instanceof List<?>)
                .flatMap(x -> ((List<?>) x.fields().get("headers")).stream()).map(String::valueOf).sorted().toList();
    }

    @Test void http2HeadersAreHpackDecodedLikeTshark() throws Exception {
        assume();
        // h2c after an HTTP/1.1 upgrade: Huffman-coded responses from nghttpx, the dynamic table used across requests
        Path h2c = corpus().resolve("scapy/http2_h2c.pcap");
        List<String> ours = ourHeaders(analyze(h2c));
        assertEquals(tsharkHeaders(h2c), ours);
        assertTrue(ours.contains("server: nghttpx") && ours.contains(":path: /humans.txt"), ours.toString());
        Path grpc = corpus().resolve("wireshark_samples/grpc.pcap");
        List<String> g = ourHeaders(analyze(grpc));
        assertEquals(tsharkHeaders(grpc, "-d", "tcp.port==50051,http2"), g);
        assertTrue(g.contains(":path: /RPC_BFCP_SRV.BFCP_GRPC_Service/AddFcs"), g.toString());
    }
}
