package io.pcapkit.compare;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Level;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison's own logic on hand-made frames: two "engines" whose frames agree or disagree in known places.
 * The fields are test-only declarations (protocol {@code cmpt}), so nothing here depends on a real decoder.
 */
class ComparisonTest {
    static final Protocol CMPT = Protocols.define("CMPT", "cmpt", Level.TRANSPORT);
    static final FieldDef TTL = Fields.uint("cmpt.ttl", "TTL", 8);
    static final FieldDef TYPE = Fields.hex("cmpt.type", "Type", 16);
    static final FieldDef ADDR = Fields.ipv4("cmpt.addr", "Address");
    static final FieldDef EXTRA = Fields.uint("cmpt.extra", "Only one engine says this", 8);

    /** A frame of protocol cmpt: its number and (field, value) pairs; a field may repeat. */
    record Spec(long number, Object... fieldValues) { }

    @Test void identicalFramesAgreeEverywhere() {
        List<Spec> frames = List.of(new Spec(1, TTL, 64L, TYPE, 0x800L), new Spec(2, TTL, 128L, TYPE, 0x86ddL));
        ComparisonReport r = compare(frames, frames);
        ComparisonReport.Pair p = r.pairs().getFirst();
        assertEquals(2, p.frames());
        assertEquals(p.cells(), p.agree());
        assertTrue(r.passes(100));
        ComparisonReport.FieldStat ttl = field(p, "cmpt.ttl");
        assertEquals(2, ttl.cells());
        assertEquals("cmpt", ttl.protocol());
    }

    @Test void aDifferentValueIsCountedWithItsFrameAndBothValues() {
        List<Spec> left = List.of(new Spec(1, TTL, 64L), new Spec(2, TTL, 64L), new Spec(3, TTL, 64L),
                new Spec(4, TTL, 64L));
        List<Spec> right = List.of(new Spec(1, TTL, 64L), new Spec(2, TTL, 65L), new Spec(3, TTL, 64L),
                new Spec(4, TTL, 64L));
        ComparisonReport r = compare(left, right);
        ComparisonReport.FieldStat ttl = field(r.pairs().getFirst(), "cmpt.ttl");
        assertEquals(4, ttl.cells());
        assertEquals(3, ttl.agree());
        assertEquals(75.0, ttl.percent(), 1e-9);
        assertEquals(List.of(new ComparisonReport.Difference(2, "64", "65")), ttl.examples());
        assertFalse(r.passes(100));
        assertTrue(r.passes(75));
    }

    @Test void valuesAreComparedAsTsharkPrintsThem() {
        // the same number under a hex declaration prints 0x0800 on both sides; a wrong address prints differently
        List<Spec> left = List.of(new Spec(1, TYPE, 0x800L, ADDR, 0xC0000201L));
        List<Spec> right = List.of(new Spec(1, TYPE, 0x800L, ADDR, 0xC0000202L));
        ComparisonReport.Pair p = compare(left, right).pairs().getFirst();
        assertEquals(1, field(p, "cmpt.type").agree());
        assertEquals(List.of(new ComparisonReport.Difference(1, "192.0.2.1", "192.0.2.2")),
                field(p, "cmpt.addr").examples());
    }

    @Test void repeatedFieldsCompareEveryOccurrenceInOrder() {
        List<Spec> left = List.of(new Spec(1, ADDR, 0x0A000001L, ADDR, 0x0A000002L));
        List<Spec> same = List.of(new Spec(1, ADDR, 0x0A000001L, ADDR, 0x0A000002L));
        List<Spec> fewer = List.of(new Spec(1, ADDR, 0x0A000001L));
        assertEquals(1, field(compare(left, same).pairs().getFirst(), "cmpt.addr").agree());
        ComparisonReport.FieldStat f = field(compare(left, fewer).pairs().getFirst(), "cmpt.addr");
        assertEquals(0, f.agree());
        assertEquals("10.0.0.1,10.0.0.2", f.examples().getFirst().left());
        assertEquals("10.0.0.1", f.examples().getFirst().right());
    }

    @Test void aFieldOnlyOneEngineProducesIsListedNotCompared() {
        List<Spec> left = List.of(new Spec(1, TTL, 64L, EXTRA, 1L), new Spec(2, TTL, 64L, EXTRA, 2L));
        List<Spec> right = List.of(new Spec(1, TTL, 64L), new Spec(2, TTL, 64L));
        ComparisonReport r = compare(left, right);
        ComparisonReport.Pair p = r.pairs().getFirst();
        assertEquals(Map.of("cmpt.extra", 2L), p.onlyLeft());
        assertTrue(p.fields().stream().noneMatch(f -> f.field().equals("cmpt.extra")));
        assertTrue(r.passes(100), "fields of one engine only do not fail the comparison");
    }

    @Test void aFieldBothProduceButOneMissesInAFrameIsADisagreement() {
        List<Spec> left = List.of(new Spec(1, TTL, 64L), new Spec(2, TTL, 64L));
        List<Spec> right = List.of(new Spec(1, TTL, 64L), new Spec(2));
        ComparisonReport.FieldStat ttl = field(compare(left, right).pairs().getFirst(), "cmpt.ttl");
        assertEquals(2, ttl.cells());
        assertEquals(1, ttl.onlyLeft());
        assertEquals(new ComparisonReport.Difference(2, "64", ""), ttl.examples().getFirst());
    }

    @Test void framesAreMatchedByNumberAndMissingFramesCounted() {
        List<Spec> left = List.of(new Spec(1, TTL, 1L), new Spec(2, TTL, 2L), new Spec(3, TTL, 3L));
        List<Spec> right = List.of(new Spec(1, TTL, 1L), new Spec(3, TTL, 3L), new Spec(4, TTL, 4L));
        ComparisonReport r = compare(left, right);
        ComparisonReport.Pair p = r.pairs().getFirst();
        assertEquals(2, p.frames());
        assertEquals(1, p.onlyLeftFrames());
        assertEquals(1, p.onlyRightFrames());
        assertEquals(2, field(p, "cmpt.ttl").agree(), "frame 3 is compared with frame 3, not with frame 2");
        assertFalse(r.passes(0), "frames missing on one side fail the comparison");
    }

    @Test void anEngineThatFailsMidwayIsReportedAndTheRestCompared() {
        List<Spec> frames = List.of(new Spec(1, TTL, 1L), new Spec(2, TTL, 2L));
        ComparisonReport r = Comparison.run("x.pcap", List.of(
                new Comparison.Input("a", source(frames, false)),
                new Comparison.Input("b", source(frames.subList(0, 1), true))), Comparison.Settings.defaults());
        assertEquals(Set.of("b"), r.errors().keySet());
        assertTrue(r.errors().get("b").contains("offset 40"), r.errors().toString());
        assertEquals(1, r.pairs().getFirst().onlyLeftFrames());
        assertFalse(r.passes(0));
    }

    @Test void examplesAreCappedAndFieldsFiltered() {
        List<Spec> left = new ArrayList<>(), right = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            left.add(new Spec(i, TTL, 1L, TYPE, 1L));
            right.add(new Spec(i, TTL, 2L, TYPE, 1L));
        }
        Comparison.Settings s = Comparison.Settings.defaults().withExamples(3).withFields(n -> n.equals("cmpt.ttl"));
        ComparisonReport.Pair p = Comparison.run("x", List.of(new Comparison.Input("a", source(left, false)),
                new Comparison.Input("b", source(right, false))), s).pairs().getFirst();
        assertEquals(List.of("cmpt.ttl"), p.fields().stream().map(ComparisonReport.FieldStat::field).toList());
        assertEquals(3, p.fields().getFirst().examples().size());
        assertEquals(20, p.fields().getFirst().cells());
    }

    @Test void threeEnginesAreEachComparedWithTheFirst() {
        List<Spec> a = List.of(new Spec(1, TTL, 1L)), b = List.of(new Spec(1, TTL, 1L)), c = List.of(new Spec(1, TTL, 9L));
        ComparisonReport r = Comparison.run("x", List.of(new Comparison.Input("a", source(a, false)),
                new Comparison.Input("b", source(b, false)), new Comparison.Input("c", source(c, false))),
                Comparison.Settings.defaults());
        assertEquals(2, r.pairs().size());
        assertEquals("b", r.pairs().get(0).right());
        assertEquals(100.0, field(r.pairs().get(0), "cmpt.ttl").percent());
        assertEquals(0.0, field(r.pairs().get(1), "cmpt.ttl").percent());
    }

    @Test void textAndJsonCarryTheFigures() throws IOException {
        List<Spec> left = List.of(new Spec(1, TTL, 64L, EXTRA, 1L), new Spec(2, TTL, 64L));
        List<Spec> right = List.of(new Spec(1, TTL, 64L), new Spec(2, TTL, 65L));
        ComparisonReport r = compare(left, right);
        StringWriter sw = new StringWriter();
        ReportText.write(r, new PrintWriter(sw), 100, false);
        String text = sw.toString();
        assertTrue(text.contains("left vs right: 2 frames compared"), text);
        assertTrue(text.matches("(?s).*cmpt\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\.\\d+.*"), text);
        assertTrue(text.contains("2: 64 | 65"), text);
        assertTrue(text.contains("fields only left produces (1") && text.contains("cmpt.extra (1)"), text);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(r, out, 100);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"passes\" : false"), json);
        assertTrue(json.contains("\"field\" : \"cmpt.ttl\""), json);
        assertTrue(json.contains("\"left\" : \"64\"") && json.contains("\"right\" : \"65\""), json);
        assertTrue(json.contains("\"cmpt.extra\" : 1"), json);
    }

    // ------------------------------------------------------------------ helpers

    private static ComparisonReport compare(List<Spec> left, List<Spec> right) {
        return Comparison.run("test.pcap", List.of(new Comparison.Input("left", source(left, false)),
                new Comparison.Input("right", source(right, false))), Comparison.Settings.defaults());
    }

    private static ComparisonReport.FieldStat field(ComparisonReport.Pair p, String name) {
        return p.fields().stream().filter(f -> f.field().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no compared field " + name + " in " + p.fields()));
    }

    /** Frames built from specs, handed out like an engine does (one reused Frame); optionally damaged at the end. */
    private static FrameSource source(List<Spec> specs, boolean damagedAtEnd) {
        Iterator<Spec> it = specs.iterator();
        Frame frame = new Frame();
        FrameBuilder b = new FrameBuilder();
        byte[] bytes = new byte[20];
        return new FrameSource() {
            @Override public Frame next() throws IOException {
                if (!it.hasNext()) {
                    if (damagedAtEnd) throw new CaptureFormatException("x.pcap", 40, "cut short");
                    return null;
                }
                Spec s = it.next();
                b.reset(frame, s.number(), 1_000_000_000L * s.number(), 20, 20, LinkType.ETHERNET, Frame.NO_INTERFACE,
                        bytes, 0);
                b.beginLayer(CMPT, 0);
                Object[] fv = s.fieldValues();
                for (int i = 0; i < fv.length; i += 2) b.add((FieldDef) fv[i], (Long) fv[i + 1], 0, 1);
                b.endLayer(20);
                return b.finish();
            }

            @Override public CaptureInfo info() { return new CaptureInfo(CaptureInfo.Format.PCAP, "x.pcap"); }

            @Override public void close() { }
        };
    }
}
