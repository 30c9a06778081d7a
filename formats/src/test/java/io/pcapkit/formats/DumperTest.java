package io.pcapkit.formats;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dumpers on hand-built frames (see {@link SampleFrames}): document shape, typing, streaming rules. */
class DumperTest {

    static CaptureInfo pcapInfo() {
        CaptureInfo info = new CaptureInfo(CaptureInfo.Format.PCAP, "loopback.pcap");
        info.put("magic_number", "a1b2c3d4").put("version_major", 2).put("version_minor", 4).put("thiszone", 0)
                .put("sigfigs", 0).put("snaplen", 262144L).put("network", LinkType.ETHERNET)
                .put("byteorder", ByteOrder.LITTLE_ENDIAN).put("nanosecond", false);
        info.addInterface(new CaptureInfo.Interface(0, 0, LinkType.ETHERNET, 262144, 1_000_000, 0, Map.of()));
        return info;
    }

    static String dump(Format format, CaptureInfo info, Frame... frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dumper d = format.open(out, FieldsOptions.of(List.of("frame.number")))) {
            if (info != null) d.header(info);
            for (Frame f : frames) d.frame(f);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ JSON

    @Test void jsonNestsLayersAndTypesValues() throws IOException {
        Map<String, Object> doc = parseJson(dump(Format.JSON, pcapInfo(), SampleFrames.udp(new Frame())));
        assertEquals(List.of("Global Header", "Frame 25"), List.copyOf(doc.keySet()));
        Map<String, Object> gh = map(doc.get("Global Header"));
        assertEquals(262144L, gh.get("snaplen"));
        assertEquals(Map.of("value", 1L, "name", "ETHERNET"), gh.get("network"));
        assertEquals("little", gh.get("byteorder"));
        assertEquals(false, gh.get("nanosecond"));

        Map<String, Object> fr = map(doc.get("Frame 25"));
        assertEquals(List.of("number", "time", "time_epoch", "len", "cap_len", "interface_id", "link_type",
                "protocols", "ethernet"), List.copyOf(fr.keySet()));
        assertEquals(25L, fr.get("number"));
        assertEquals("2026-11-26T10:05:23.357173Z", fr.get("time"));
        assertEquals("1795687523.357173000", fr.get("time_epoch").toString(), "epoch kept to the nanosecond");
        assertEquals(58L, fr.get("len"));
        assertEquals("Ethernet:IPv4:UDP:Raw", fr.get("protocols"));

        Map<String, Object> eth = map(fr.get("ethernet"));
        assertEquals("00:00:00:00:00:00", eth.get("eth.dst"));
        assertEquals(Map.of("value", 2048L, "name", "IPv4"), eth.get("eth.type"));
        Map<String, Object> ip = map(eth.get("ipv4"));
        assertEquals(4L, ip.get("ip.version"));
        assertEquals("127.0.0.1", ip.get("ip.src"));
        assertEquals(Map.of("value", 17L, "name", "UDP"), ip.get("ip.proto"));
        Map<String, Object> flags = map(ip.get("ip.flags"));
        assertEquals(List.of("value", "ip.flags.rb", "ip.flags.df", "ip.flags.mf"), List.copyOf(flags.keySet()));
        assertEquals(2L, flags.get("value"));
        assertEquals(true, flags.get("ip.flags.df"));
        assertEquals(false, flags.get("ip.flags.mf"));
        Map<String, Object> udp = map(ip.get("udp"));
        assertEquals(48294L, udp.get("udp.srcport"));
        assertEquals(65067L, udp.get("udp.checksum"), "hex-based integers are still numbers");
        Map<String, Object> raw = map(udp.get("raw"));
        assertEquals("706361706b6974207564702070696e67", raw.get("data.data"));
        assertEquals(16L, raw.get("data.len"));
    }

    @Test void jsonRepeatedNamesBecomeOneArrayAndAnomaliesAreListed() throws IOException {
        Map<String, Object> fr = map(parseJson(dump(Format.JSON, null, SampleFrames.options(new Frame())))
                .get("Frame 2"));
        assertEquals(Map.of("value", 147L, "name", "USER0"), fr.get("link_type"));
        assertEquals(1L, fr.get("interface_id"));
        List<Object> anomalies = list(fr.get("anomalies"));
        assertEquals(Map.of("kind", "TRUNCATED", "protocol", "OptTest", "offset", 2L,
                "message", "option runs past the captured bytes"), anomalies.getFirst());
        Map<String, Object> layer = map(fr.get("opttest"));
        assertEquals(List.of("opttest.options", "opttest.text"), List.copyOf(layer.keySet()));
        List<Object> nops = list(map(layer.get("opttest.options")).get("opttest.options.nop"));
        assertEquals(2, nops.size());
        assertEquals(Map.of("opttest.option_kind", Map.of("value", 1L, "name", "No-Operation (NOP)")), nops.get(1));
        assertEquals(List.of("a\r\nb", "second"), layer.get("opttest.text"), "JSON carries control characters escaped");
    }

    @Test void jsonStringsAreEscapedJsonInUtf8() throws IOException {
        // one of each path of the one-pass writer: escapes, 2-, 3- and 4-byte UTF-8, and a lone surrogate
        String text = "q\"b\\s/\u0001\u001f\t\u00b7\u00e9\u20ac\ud83d\ude00 end\ud800";
        FrameBuilder b = new FrameBuilder();
        b.reset(new Frame(), 3, 0, 3, 3, LinkType.valueOf(147), -1, new byte[] {1, 1, 0}, 0);
        b.beginLayer(SampleFrames.OPTS, 0);
        b.addObject(SampleFrames.TEXT, text, 0, 3);
        b.endLayer(3);
        String json = dump(Format.JSON, null, b.finish());
        assertTrue(json.contains("\"q\\\"b\\\\s/\\u0001\\u001F\\t\u00b7\u00e9\u20ac\ud83d\ude00 end?\""), json);
        Map<String, Object> layer = map(map(parseJson(json).get("Frame 3")).get("opttest"));
        assertEquals(text.substring(0, text.length() - 1) + "?", layer.get("opttest.text"));
    }

    @Test void jsonWritesEveryEntryWhateverItsSize() throws IOException {
        // entries are gathered into one buffer written by the 64 KiB: entries larger than that, and many small
        // ones crossing it, come out whole and in order
        Frame[] frames = new Frame[40];
        for (int i = 0; i < frames.length; i++) {
            int n = i % 3 == 0 ? 70_000 : 900;
            byte[] d = new byte[n];
            for (int k = 0; k < n; k++) d[k] = (byte) (k * 31 + i);
            FrameBuilder b = new FrameBuilder();
            b.reset(new Frame(), i + 1, 0, n, n, LinkType.valueOf(147), -1, d, 0);
            b.beginLayer(SampleFrames.OPTS, 0);
            b.addRef(PAYLOAD, 0, n);
            b.endLayer(n);
            frames[i] = b.finish();
        }
        Map<String, Object> doc = parseJson(dump(Format.JSON, null, frames));
        assertEquals(frames.length, doc.size());
        for (int i = 0; i < frames.length; i++) {
            Object hex = map(map(doc.get("Frame " + (i + 1))).get("opttest")).get("opttest.payload");
            assertEquals(HexFormat.of().formatHex(frames[i].bytes()), hex, "frame " + (i + 1));
        }
    }

    private static final io.pcapkit.model.FieldDef PAYLOAD = io.pcapkit.model.Fields.bytes("opttest.payload",
            "Payload");

    @Test void emptyCaptureIsAnEmptyDocumentAndTheStreamStaysOpen() throws IOException {
        assertEquals("{}\n", dump(Format.JSON, null));
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override public void close() { closed[0] = true; }
        };
        for (Format f : Format.values()) {
            Dumper d = f.open(out, FieldsOptions.of(List.of("frame.number")));
            d.frame(SampleFrames.udp(new Frame()));
            d.close();
            d.close();
            assertThrows(IOException.class, () -> d.frame(SampleFrames.udp(new Frame())), f + ": closed is closed");
        }
        assertFalse(closed[0], "a dumper never closes the stream it writes to");
    }

    @Test void pcapngSectionsAndInterfacesAreWrittenWhenMet() throws IOException {
        CaptureInfo info = new CaptureInfo(CaptureInfo.Format.PCAPNG, "x.pcapng");
        info.addSection(new CaptureInfo.Section(ByteOrder.LITTLE_ENDIAN, 1, 0, -1, Map.of("shb_os", "Linux")));
        info.addInterface(new CaptureInfo.Interface(0, 0, LinkType.ETHERNET, 262144, 1_000_000, 0,
                Map.of("if_name", "lo")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dumper d = Format.JSON.open(out, null)) {
            d.header(info);
            d.frame(SampleFrames.udp(new Frame()));
            // an interface declared after the first packet, as PCAPNG allows
            info.addInterface(new CaptureInfo.Interface(1, 0, LinkType.valueOf(147), 65535, 1_000_000_000, 0, Map.of()));
            d.frame(SampleFrames.options(new Frame()));
        }
        Map<String, Object> doc = parseJson(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("Section Header 1", "Interface 0", "Frame 25", "Interface 1", "Frame 2"),
                List.copyOf(doc.keySet()));
        assertEquals("little", map(doc.get("Section Header 1")).get("byteorder"));
        assertEquals(Map.of("if_name", "lo"), map(doc.get("Interface 0")).get("options"));
        assertEquals(1_000_000_000L, map(doc.get("Interface 1")).get("ts_resolution"));
    }

    // ------------------------------------------------------------------ PLIST

    @Test void plistIsAValidPropertyListOfTheSameShape() throws Exception {
        String xml = dump(Format.PLIST, pcapInfo(), SampleFrames.udp(new Frame()), SampleFrames.options(new Frame()));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist"));
        assertTrue(xml.contains("\n\t<key>Frame 25</key>\n\t<dict>\n\t\t<key>number</key>\n\t\t<integer>25</integer>\n"));
        NSDictionary doc = (NSDictionary) PropertyListParser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Global Header", "Frame 25", "Frame 2"), List.of(doc.allKeys()));
        NSDictionary ip = (NSDictionary) ((NSDictionary) ((NSDictionary) doc.get("Frame 25")).get("ethernet")).get("ipv4");
        assertEquals("127.0.0.1", ip.get("ip.src").toJavaObject());
        assertEquals(17L, ((NSNumber) ((NSDictionary) ip.get("ip.proto")).get("value")).longValue());
        assertEquals(true, ((NSDictionary) ip.get("ip.flags")).get("ip.flags.df").toJavaObject());
        NSDictionary opt = (NSDictionary) ((NSDictionary) doc.get("Frame 2")).get("opttest");
        NSArray texts = (NSArray) opt.get("opttest.text");
        assertEquals("a\\r\\nb", texts.objectAtIndex(0).toJavaObject(), "control characters escaped as tshark does");
    }

    // ------------------------------------------------------------------ TREE

    @Test void treeHasTheDictdumperLook() throws IOException {
        String expected = """
                Frame 25
                  |-- number -> 25
                  |-- time -> 2026-11-26T10:05:23.357173Z
                  |-- time_epoch -> 1795687523.357173000
                  |-- len -> 58
                  |-- cap_len -> 58
                  |-- interface_id -> 0
                  |-- link_type -> 1 (ETHERNET)
                  |-- protocols -> Ethernet:IPv4:UDP:Raw
                  |-- Ethernet
                        |-- Destination -> 00:00:00:00:00:00
                        |-- Source -> 00:00:00:00:00:00
                        |-- Type -> 0x0800 (IPv4)
                        |-- IPv4
                              |-- Version -> 4
                              |-- Header Length -> 20
                              |-- Total Length -> 44
                              |-- Identification -> 0x3717
                              |-- Flags
                              |     |-- Value -> 0x02
                              |     |-- Reserved bit -> False
                              |     |-- Don't fragment -> True
                              |     |-- More fragments -> False
                              |-- Time to Live -> 64
                              |-- Protocol -> 17 (UDP)
                              |-- Header Checksum -> 0x05a8
                              |-- Source Address -> 127.0.0.1
                              |-- Destination Address -> 127.0.0.1
                              |-- UDP
                                    |-- Source Port -> 48294
                                    |-- Destination Port -> 15353
                                    |-- Length -> 24
                                    |-- Checksum -> 0xfe2b
                                    |-- Raw
                                          |-- Data -> 70 63 61 70 6b 69 74 20 75 64 70 20 70 69 6e 67
                                          |-- Length -> 16
                """;
        assertEquals(expected, dump(Format.TREE, null, SampleFrames.udp(new Frame())));
    }

    @Test void treeKeepsRepeatedFieldsInOrderAndEscapesControls() throws IOException {
        String tree = dump(Format.TREE, null, SampleFrames.options(new Frame()));
        assertTrue(tree.contains("""
                  |-- anomalies
                  |     |--> --
                  |           |--> OptTest: TRUNCATED: option runs past the
                  |                captured bytes
                """), tree);
        assertTrue(tree.contains("""
                        |-- Options
                        |     |-- No-Operation (NOP)
                        |     |     |-- Kind -> 1 (No-Operation (NOP))
                        |     |-- No-Operation (NOP)
                        |           |-- Kind -> 1 (No-Operation (NOP))
                        |-- Text -> a\\r\\nb
                        |-- Text -> second
                """), tree);
    }

    // ------------------------------------------------------------------ FIELDS

    @Test void fieldsRowsAreTsharkLines() throws IOException {
        List<String> names = List.of("frame.number", "opttest.option_kind", "ip.src", "opttest.text", "frame.len");
        // tshark escapes CR/LF/tab in fields mode (checked: `tshark -T fields -e http.request.line` prints "\\r\\n")
        assertEquals("2\t1,1\t\ta\\r\\nb,second\t60\n", fields(FieldsOptions.of(names)));
        FieldsOptions o = FieldsOptions.of(names).with("header=y").with("separator=;").with("quote=d")
                .with("occurrence=l");
        assertEquals(String.join(";", names) + "\n\"2\";\"1\";;\"second\";\"60\"\n", fields(o));
        assertEquals("2 1 \"\" a\\r\\nb 60\n".replace("\"\"", ""), fields(FieldsOptions.of(names).with("separator=/s")
                .with("occurrence=f")));
        assertEquals("2\t1|1\t\ta\\r\\nb|second\t60\n", fields(FieldsOptions.of(names).with("aggregator=|")));
        // as in tshark, the occurrence applies to every column, frame fields included
        assertEquals("\t1\t\tsecond\t\n", fields(FieldsOptions.of(names).with("occurrence=2")));
        assertEquals("\t\t\t\t\n", fields(FieldsOptions.of(names).with("occurrence=3")));
        assertThrows(IllegalArgumentException.class, () -> FieldsOptions.of(names).with("quote=x"));
        assertThrows(IllegalArgumentException.class, () -> FieldsOptions.of(names).with("occurrence=0"));
        assertThrows(IllegalArgumentException.class, () -> FieldsOptions.of(names).with("colour=red"));
        assertThrows(IllegalArgumentException.class, () -> Format.FIELDS.open(new ByteArrayOutputStream(),
                FieldsOptions.of(List.of())));
    }

    @Test void fieldsRowsOfEverySizeComeOutWholeAndInOrder() throws IOException {
        // rows gather in one buffer written by the 64 KiB: rows larger than that, many small ones crossing it, and
        // rows rendered ahead by a decoding thread, in turn
        FieldsOptions opts = FieldsOptions.of(List.of("frame.number", "opttest.payload")).with("header=y");
        io.pcapkit.spi.FrameRenderer ahead = Format.FIELDS.renderers(opts).get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder("frame.number\topttest.payload\n");
        try (Dumper d = Format.FIELDS.open(out, opts)) {
            for (int i = 1; i <= 1500; i++) {
                int n = i % 500 == 0 ? 40_000 : i % 7;
                byte[] data = new byte[Math.max(n, 1)];
                for (int k = 0; k < data.length; k++) data[k] = (byte) (k * 31 + i);
                FrameBuilder b = new FrameBuilder();
                b.reset(new Frame(), i, 0, data.length, data.length, LinkType.valueOf(147), -1, data, 0);
                b.beginLayer(SampleFrames.OPTS, 0);
                if (n > 0) b.addRef(PAYLOAD, 0, n);
                b.endLayer(data.length);
                Frame f = b.finish();
                expected.append(i).append('\t').append(HexFormat.of().formatHex(data, 0, n)).append('\n');
                if (i % 2 == 0) {
                    d.frame(f);
                } else {
                    io.pcapkit.spi.RenderBuffer r = new io.pcapkit.spi.RenderBuffer(16);
                    ahead.render(f, r);
                    d.rendered(f, r);
                }
            }
        }
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }

    @Test void fieldsHeaderIsWrittenEvenWithoutFrames() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Format.FIELDS.open(out, FieldsOptions.of(List.of("frame.number", "ip.ttl")).with("header=y")).close();
        assertEquals("frame.number\tip.ttl\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test void formatsAreFoundByNameAndExtension() {
        assertEquals(Format.PLIST, Format.parse("XML"));
        assertEquals(Format.TREE, Format.ofFileName("out/report.txt"));
        assertEquals(Format.JSON, Format.ofFileName("report.json"));
        assertEquals(null, Format.ofFileName("dir.json/report"));
        assertEquals(null, Format.parse("yaml"));
    }

    private static String fields(FieldsOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dumper d = Format.FIELDS.open(out, o)) {
            d.frame(SampleFrames.options(new Frame()));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ a small JSON reader over jackson-core

    static Map<String, Object> parseJson(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            p.nextToken();
            Object v = read(p);
            assertEquals(null, p.nextToken(), "one document, nothing after it");
            return map(v);
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    if (m.put(k, read(p)) != null) throw new AssertionError("duplicate key " + k);
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(read(p));
                return l;
            }
            case VALUE_NUMBER_INT -> { return p.getLongValue(); }
            case VALUE_NUMBER_FLOAT -> { return p.getDecimalValue(); }
            case VALUE_TRUE, VALUE_FALSE -> { return p.getBooleanValue(); }
            case VALUE_NULL -> { return null; }
            default -> { return p.getText(); }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertInstanceOf(Map.class, o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertInstanceOf(List.class, o);
        return (List<Object>) o;
    }
}
