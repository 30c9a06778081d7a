package io.pcapkit.reassembly;

import io.pcapkit.ReassemblyKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.pcapkit.reassembly.Synth.A;
import static io.pcapkit.reassembly.Synth.B;
import static io.pcapkit.reassembly.Synth.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** TCP reassembly on hand-built segments: the cases no single capture shows together. */
class TcpReassemblyTest {
    static final int SYN = 0x02, ACK = 0x10, PSH = 0x08, FIN = 0x01;

    /** Runs segments through a reassembly; returns each direction's text per stream ("0c", "0s" …). */
    private static List<String> run(Reassembly r, Synth s, List<io.pcapkit.model.Frame> frames) {
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream[][] b = new ByteArrayOutputStream[8][2];
        r.onChunk((st, c) -> {
            if (b[st.index()][c.server() ? 1 : 0] == null) b[st.index()][c.server() ? 1 : 0] = new ByteArrayOutputStream();
            b[st.index()][c.server() ? 1 : 0].writeBytes(c.data());
        });
        r.start(s.engine, null);
        for (io.pcapkit.model.Frame f : frames) r.frame(f);
        r.end();
        for (int i = 0; i < 8; i++) {
            for (int d = 0; d < 2; d++) {
                if (b[i][d] != null) out.add(i + (d == 0 ? "c:" : "s:") + b[i][d].toString(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @Test void outOfOrderRetransmittedAndWrappingAroundTheSequenceSpace() {
        try (Synth s = new Synth()) {
            long isn = 0xFFFFFFF0L;            // the data crosses 2^32
            Reassembly r = Reassembly.of(ReassemblyKind.TCP);
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, isn, 0, SYN, new byte[0], 1),
                    s.tcp(B, 80, A, 1000, 5000, isn + 1, SYN | ACK, new byte[0], 2),
                    s.tcp(A, 1000, B, 80, isn + 11, 5001, ACK | PSH, ascii("world"), 3),   // early
                    s.tcp(A, 1000, B, 80, isn + 1, 5001, ACK | PSH, ascii("hello, ..."), 4),
                    s.tcp(A, 1000, B, 80, isn + 1, 5001, ACK | PSH, ascii("HELLO, ..."), 5), // retransmission, differs
                    s.tcp(B, 80, A, 1000, 5001, (isn + 16) & 0xFFFFFFFFL, ACK | PSH, ascii("ok"), 6)));
            assertEquals(List.of("0c:hello, ...world", "0s:ok"), got);
            TcpStream st = r.streams().getFirst();
            assertEquals(TcpStream.Status.COMPLETE, st.status());
            assertEquals(5, st.conflictBytes());   // "HELLO" against "hello": first copy kept
        }
    }

    @Test void midStreamStartNeedsNoHandshake() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyKind.TCP);
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 777, 1, ACK, ascii("abc"), 1),
                    s.tcp(A, 1000, B, 80, 780, 1, ACK, ascii("def"), 2)));
            assertEquals(List.of("0c:abcdef"), got);
        }
    }

    @Test void anAcknowledgedGapIsMarkedLikeTshark() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyKind.TCP);
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 100, 1, ACK, ascii("aaaa"), 1),
                    s.tcp(A, 1000, B, 80, 108, 1, ACK, ascii("cccc"), 2),    // 4 bytes at 104 never captured
                    s.tcp(B, 80, A, 1000, 1, 112, ACK, new byte[0], 3)));   // the peer got them all
            assertEquals(List.of("0c:aaaa[4 bytes missing in capture file]\0cccc"), got);
            assertEquals(TcpStream.Status.PARTIAL, r.streams().getFirst().status());
            assertEquals(List.of(104L, 4L), toList(r.streams().getFirst().holes(false).getFirst()));
        }
    }

    @Test void strictModeInsertsNothing() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyOptions.defaults().withTcp(true).withStrictTcp(true));
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 100, 1, ACK, ascii("aaaa"), 1),
                    s.tcp(A, 1000, B, 80, 108, 1, ACK, ascii("cccc"), 2),
                    s.tcp(B, 80, A, 1000, 1, 112, ACK, new byte[0], 3)));
            assertEquals(List.of("0c:aaaacccc"), got);
            assertEquals(TcpStream.Status.PARTIAL, r.streams().getFirst().status());
        }
    }

    @Test void aNewSynOnTheSamePortsIsANewStream() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyKind.TCP);
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 100, 0, SYN, new byte[0], 1),
                    s.tcp(A, 1000, B, 80, 101, 1, ACK, ascii("one"), 2),
                    s.tcp(A, 1000, B, 80, 104, 1, ACK | FIN, new byte[0], 3),
                    s.tcp(A, 1000, B, 80, 9000, 0, SYN, new byte[0], 4),      // port reused
                    s.tcp(A, 1000, B, 80, 9001, 1, ACK, ascii("two"), 5)));
            assertEquals(List.of("0c:one", "1c:two"), got);
            assertEquals("port reused", r.streams().getFirst().closeReason());
        }
    }

    @Test void keepAlivesAndRepeatedSynsAddNothing() {
        try (Synth s = new Synth()) {
            Reassembly r = Reassembly.of(ReassemblyKind.TCP);
            List<String> got = run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 100, 0, SYN, new byte[0], 1),
                    s.tcp(A, 1000, B, 80, 100, 0, SYN, new byte[0], 2),
                    s.tcp(A, 1000, B, 80, 101, 1, ACK, ascii("xy"), 3),
                    s.tcp(A, 1000, B, 80, 102, 1, ACK, ascii("y"), 4)));     // keep-alive: seq - 1, one byte
            assertEquals(List.of("0c:xy"), got);
        }
    }

    @Test void ackCutMessagesAsTheOriginalCutThem() {
        try (Synth s = new Synth()) {
            List<String> messages = new ArrayList<>();
            Reassembly r = Reassembly.of(ReassemblyKind.TCP).onStream(new AckMessages(1 << 20,
                    m -> messages.add(m.stream() + (m.server() ? "s" : "c") + m.ack() + ":" + new String(m.data(),
                            StandardCharsets.US_ASCII))));
            run(r, s, List.of(
                    s.tcp(A, 1000, B, 80, 100, 7, ACK, ascii("GET "), 1),
                    s.tcp(A, 1000, B, 80, 104, 7, ACK, ascii("/a"), 2),
                    s.tcp(B, 80, A, 1000, 7, 106, ACK, ascii("200"), 3),
                    s.tcp(A, 1000, B, 80, 106, 10, ACK, ascii("GET /b"), 4)));
            assertEquals(List.of("0c7:GET /a", "0s106:200", "0c10:GET /b"), messages.stream().sorted(
                    java.util.Comparator.comparing(x -> x.charAt(1) == 's' ? 1 : x.contains("/b") ? 2 : 0)).toList());
        }
    }

    private static List<Long> toList(long[] a) { return List.of(a[0], a[1]); }
}
