package io.pcapkit.reassembly;

import io.pcapkit.Extraction;
import io.pcapkit.Pcapkit;
import io.pcapkit.TraceSpec;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.pcapkit.ReassemblyKind.IPV4;
import static io.pcapkit.ReassemblyKind.IPV6;
import static io.pcapkit.ReassemblyKind.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library form of the issue, {@code Pcapkit.extract(p).reassemble(IPV4, IPV6, TCP).trace(...)}, gives what the
 * listener form gives, on corpus captures; the figures are tshark's ({@code ip.reassembled.length},
 * {@code -z follow,tcp,raw,N}, {@code -z conv,tcp/udp}).
 */
class BuilderApiTest {
    private static Path cap(String name) {
        TestCorpus.assumePresent();
        return TestCorpus.dir().resolve(name);
    }

    private static List<String> datagrams(List<Datagram> ds) {
        return ds.stream().map(d -> d.status() + " v" + d.key().version() + " " + d.payload().length + " last "
                + d.lastFrame() + " " + Arrays.hashCode(d.payload())).toList();
    }

    private static List<String> streams(List<TcpStream> ss) {
        return ss.stream().map(s -> s.index() + " " + s + " " + s.bytes(false) + "/" + s.bytes(true) + " "
                + s.packets() + " " + s.status()).toList();
    }

    @Test void ipDatagramsAreTheListenerFormsAndTsharks() throws IOException {
        // tshark -Y ip.reassembled.length: flagmentedEcho frames 3 and 6 complete 4008-byte ICMP echoes,
        // udp-ip-fragmented frame 2 a 1977-byte UDP datagram
        for (var c : List.of(new Object[] {"pcap4j/flagmentedEcho.pcap", List.of("3 4008", "6 4008")},
                new Object[] {"packetnet/udp-ip-fragmented.pcap", List.of("2 1977")})) {
            Path p = cap((String) c[0]);
            Reassembly byListener = Reassembly.of(IPV4, IPV6).over(Pcapkit.extract(p).engine("native"));
            List<Datagram> seen = new ArrayList<>();
            try (Extraction x = Pcapkit.extract(p).engine("native").reassemble(IPV4, IPV6).open()) {
                Reassembly r = Reassembly.in(x).onDatagram(seen::add);
                for (Frame f : x) f.number();
                assertEquals(datagrams(byListener.datagrams()), datagrams(r.datagrams()), (String) c[0]);
                assertEquals(datagrams(r.datagrams()), datagrams(seen), "callbacks saw what was kept");
                assertEquals(c[1], r.datagrams().stream().filter(d -> d.status() == Datagram.Status.COMPLETE)
                        .map(d -> d.lastFrame() + " " + d.payload().length).toList(), (String) c[0]);
            }
        }
    }

    @Test void tcpStreamsAreTheListenerFormsAndTsharksWithCallbacksWhileStreaming() throws IOException {
        Path p = cap("dpkt/http.pcap");
        Reassembly byListener = Reassembly.of(IPV4, IPV6, TCP).over(Pcapkit.extract(p).engine("native"));
        List<String> events = new ArrayList<>();
        long[] loopAt = {0};
        long[] firstChunkAt = {-1};
        long[][] chunkBytes = new long[2][2];
        try (Extraction x = Pcapkit.extract(p).engine("native").reassemble(IPV4, IPV6, TCP).open()) {
            Reassembly r = Reassembly.in(x).onStream(new StreamListener() {
                @Override public void opened(TcpStream s) { events.add("open " + s.index()); }

                @Override public void chunk(TcpStream s, TcpChunk c) {
                    if (firstChunkAt[0] < 0) firstChunkAt[0] = loopAt[0];
                    chunkBytes[s.index()][c.server() ? 1 : 0] += c.data().length;
                    if (!events.getLast().startsWith("chunk " + s.index())) events.add("chunk " + s.index());
                }

                @Override public void closed(TcpStream s) { events.add("close " + s.index()); }
            });
            assertSame(r, x.attached(Reassembly.class));
            for (Frame f : x) loopAt[0] = f.number();
            assertEquals(streams(byListener.streams()), streams(r.streams()));
            // tshark -qz follow,tcp,raw,0 / 1: 479 / 18364 and 721 / 1590 bytes
            assertEquals(List.of("479/18364", "721/1590"),
                    r.streams().stream().map(s -> s.bytes(false) + "/" + s.bytes(true)).toList());
            assertEquals(479, chunkBytes[0][0]);
            assertEquals(18364, chunkBytes[0][1]);
            assertEquals(721, chunkBytes[1][0]);
            assertEquals(1590, chunkBytes[1][1]);
        }
        // bytes were handed out while frames streamed (the 4th frame carries the GET), not at the end (43 frames)
        assertTrue(firstChunkAt[0] >= 1 && firstChunkAt[0] < 10, "first chunk after loop frame " + firstChunkAt[0]);
        // each connection opens before its bytes and closes after them: at the end of the capture here, least
        // recently active first (stream 1's last frame is 37, stream 0's 43)
        assertEquals("open 0", events.getFirst());
        assertTrue(events.indexOf("open 1") < events.indexOf("chunk 1"), events.toString());
        assertEquals(List.of("close 1", "close 0"), events.subList(events.size() - 2, events.size()));
    }

    @Test void resultsStreamWithoutALoop() throws IOException {
        Path p = cap("dpkt/http.pcap");
        try (Extraction x = Pcapkit.extract(p).engine("native").reassemble(TCP).open()) {
            // in closing order (least recently active first at the end of the capture)
            assertEquals(List.of("1 2311", "0 18843"), Reassembly.streamsOf(x)
                    .map(s -> s.index() + " " + (s.bytes(false) + s.bytes(true))).toList());
        }
        Path f = cap("pcap4j/flagmentedEcho.pcap");
        try (Extraction x = Pcapkit.extract(f).engine("native").reassemble(IPV4).open()) {
            assertEquals(List.of(4008, 4008), Reassembly.datagramsOf(x).map(d -> d.payload().length).toList());
        }
        try (Extraction x = Pcapkit.extract(p).engine("native").reassemble().open()) {
            Reassembly r = Reassembly.in(x.drain());
            assertEquals(2, r.streams().size());
            assertTrue(r.options().ipv4() && r.options().ipv6() && r.options().tcp(), "no kinds: all three");
        }
    }

    private static List<String> flows(List<Flow> fs) {
        return fs.stream().map(fl -> fl.index() + " " + fl.label() + " " + fl.tcpStream() + " "
                + Arrays.toString(fl.frames())).toList();
    }

    @Test void traceGivesTheFlowTracersFlows() throws IOException {
        Path p = cap("dpkt/http.pcap");
        for (boolean split : new boolean[] {false, true}) {
            List<String> sunk = new ArrayList<>();
            FlowTracer direct = new FlowTracer(split, (fl, fr) -> sunk.add(fl.index() + ":" + fr.number()));
            try (Extraction x = Pcapkit.extract(p).engine("native").listener(direct).open()) {
                x.drain();
            }
            List<String> newFlows = new ArrayList<>();
            List<String> frames = new ArrayList<>();
            TraceSpec spec = split ? TraceSpec.unidirectional() : TraceSpec.bidirectional();
            try (Extraction x = Pcapkit.extract(p).engine("native").reassemble(IPV4, IPV6, TCP).trace(spec).open()) {
                FlowTracer t = FlowTracer.in(x).onFlow(fl -> newFlows.add(fl.label()))
                        .onFrame((fl, fr) -> frames.add(fl.index() + ":" + fr.number()));
                x.drain();
                assertEquals(flows(direct.flows()), flows(t.flows()));
                assertEquals(sunk, frames);
                assertEquals(t.flows().stream().map(Flow::label).toList(), newFlows);
                // tshark -qz conv,tcp -qz conv,udp: 34 + 2 + 7 frames in 3 conversations, first seen in this order
                if (!split) {
                    assertEquals(List.of("tcp_145.254.160.237_3372_65.208.228.223_80 34",
                                    "udp_145.254.160.237_3009_145.253.2.203_53 2",
                                    "tcp_145.254.160.237_3371_216.239.59.99_80 7"),
                            t.flows().stream().map(fl -> fl.label() + " " + fl.frameCount()).toList());
                } else {
                    assertEquals(List.of(18, 16, 1, 1, 4, 3).stream().sorted().toList(),
                            t.flows().stream().map(Flow::frameCount).sorted().toList());
                }
                assertEquals(2, Reassembly.in(x).streams().size(), "reassembly and tracing side by side");
            }
        }
    }

    @Test void askingForWhatIsNotAttachedSaysHowToAttachIt() throws IOException {
        Path p = cap("dpkt/http.pcap");
        try (Extraction x = Pcapkit.extract(p).engine("native").reassemble(TCP).open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlowTracer.in(x));
            assertTrue(e.getMessage().contains("no FlowTracer is attached") && e.getMessage().contains("trace(...)"),
                    e.getMessage());
        }
    }
}
