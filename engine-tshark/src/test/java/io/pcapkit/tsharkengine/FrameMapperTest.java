package io.pcapkit.tsharkengine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pcapkit.model.Field;
import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Layer;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocols;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON → model mapping on recorded tshark 4.0.17 output (resources/tshark-4.0.17, see its README), without
 * running tshark. Expected rows are what {@code tshark -n -r tcp-handshake-nano.pcap -T fields -e …} printed.
 */
class FrameMapperTest {
    static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "ip.src", "tcp.seq_raw",
            "tcp.options.mss_val", "tcp.option_kind", "tcp.flags", "tcp.flags.syn", "sll.etype", "tcp.options.mss",
            "tcp.connection.syn", "ip.dsfield.dscp");
    static final List<String> TSHARK_ROWS = List.of(
            "1\t1418145369.924505488\t131.155.215.69\t797190859\t1360\t2,4,8,1,3\t0x0002\t1\t0x0800\t02040550\t1\t0",
            "2\t1418145370.052027262\t137.116.81.94\t3078856592\t1440\t2,1,3,4,8\t0x0012\t1\t0x0800\t020405a0\t\t0",
            "3\t1418145370.052115157\t131.155.215.69\t797190860\t\t1,1,8\t0x0010\t0\t0x0800\t\t\t0");

    @Test void recordedFramesPrintAsTsharkFieldsPrintsThem() throws IOException {
        List<Frame> frames = readRecorded();
        assertEquals(3, frames.size());
        FieldColumns cols = new FieldColumns(FIELDS);
        for (int i = 0; i < frames.size(); i++) {
            cols.load(frames.get(i));
            StringBuilder row = new StringBuilder();
            cols.appendRow(row, '\t');
            assertEquals(TSHARK_ROWS.get(i), row.toString(), "frame " + (i + 1));
        }
    }

    @Test void layersRecordBytesAndTypedValues() throws IOException {
        Frame f = readRecorded().getFirst();
        assertEquals("SLL:IPv4:TCP", f.protochain());
        assertEquals(LinkType.LINUX_SLL, f.linkType());
        assertEquals(76, f.capturedLength());
        assertEquals(76, f.originalLength());
        assertEquals(Frame.NO_INTERFACE, f.interfaceId(), "a PCAP record names no interface");
        assertEquals(0x45, f.u8(16), "the frame's bytes come from frame_raw");
        Layer ip = f.layer(Protocols.IPV4), tcp = f.layer(Protocols.TCP);
        assertEquals(16, ip.offset());
        assertEquals(20, ip.length());
        assertEquals(36, tcp.offset());
        assertEquals(40, tcp.length());
        // tcp.seq_raw is both a field and the "_raw" array of tcp.seq: the field wins, as a number
        assertEquals(797190859L, tcp.field("tcp.seq_raw").asLong());
        Field flags = tcp.field("tcp.flags");
        assertTrue(flags.hasChildren(), "tcp.flags_tree becomes tcp.flags's sub-fields");
        assertTrue(flags.children().stream().anyMatch(c -> c.name().equals("tcp.flags.syn") && c.asBoolean()));
        Field src = ip.field("ip.src");
        assertEquals(28, src.offset(), "offsets come from the _raw arrays");
        assertEquals(4, src.length());
        assertNotNull(tcp.field("_ws.expert.message"), "expert info stays with the layer it annotates");
    }

    private static List<Frame> readRecorded() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = FrameMapperTest.class.getResourceAsStream("/tshark-4.0.17/fields-subset.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        }
        TsharkDictionary dict = TsharkDictionary.of(lines);
        assertEquals(99, dict.size());
        assertTrue(dict.get("tcp").protocol());
        assertEquals(io.pcapkit.model.FieldType.BOOL, dict.get("tcp.flags.syn").type());
        assertEquals(0x2L, dict.get("tcp.flags.syn").mask());
        assertEquals(io.pcapkit.model.Base.HEX_DEC, dict.get("ip.id").base());
        assertEquals(null, dict.get("Timestamps"));
        FrameMapper mapper = new FrameMapper(dict, LinkType.LINUX_SLL);
        List<Frame> out = new ArrayList<>();
        try (InputStream in = FrameMapperTest.class.getResourceAsStream("/tshark-4.0.17/tcp-handshake-nano.json");
             JsonParser p = new JsonFactory().createParser(in)) {
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            FrameBuilder b = new FrameBuilder();
            Frame f = new Frame();
            while (p.nextToken() == JsonToken.START_OBJECT) out.add(mapper.read(p, b, f).detach());
        }
        return out;
    }
}
