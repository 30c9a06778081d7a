package io.pcapkit.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flat frame storage seen through its Layer and Field views. */
class FrameModelTest {
    static final FieldDef PORT = Fields.uint("test.port", "Port", 16);
    static final FieldDef OPTS = Fields.group("test.options", "Options");
    static final FieldDef KIND = Fields.uint("test.option.kind", "Kind", 8);
    static final FieldDef FLAG = Fields.flag("test.flag", "Flag", 16, 0x4000);
    static final Protocol OUTER = Protocols.define("TestOuter", "testouter", Level.INTERNET);
    static final Protocol INNER = Protocols.define("TestInner", "test", Level.TRANSPORT);

    private static Frame build(Frame f, FrameBuilder b, byte[] data) {
        b.reset(f, 7, 1_000_000_001L, data.length, 100, LinkType.ETHERNET, 0, data, 0);
        b.beginLayer(OUTER, 0);
        b.addMasked(FLAG, 0x4000, 0, 2);
        b.endLayer(2);
        b.beginLayer(INNER, 2);
        b.add(PORT, 443, 2, 2);
        b.beginGroup(OPTS, 4, 2);
        b.add(KIND, 1, 4, 1);
        b.add(KIND, 2, 5, 1);
        b.endGroup();
        b.anomaly(Anomaly.Kind.BAD_LENGTH, 4, "test anomaly");
        b.endLayer(4);
        return b.finish();
    }

    @Test void viewsReadTheFlatTree() {
        Frame f = build(new Frame(), new FrameBuilder(), new byte[]{1, 2, 3, 4, 5, 6});
        assertEquals("TestOuter:TestInner", f.protochain());
        assertTrue(f.contains(INNER));
        Layer inner = f.layer(INNER);
        assertEquals(2, inner.offset());
        assertEquals(4, inner.length());
        assertEquals(List.of("test.port", "test.options"), inner.fields().stream().map(Field::name).toList());
        Field opts = inner.field("test.options");
        assertEquals(2, opts.children().size());
        assertEquals(2L, opts.children().get(1).asLong());
        assertEquals("1,2", String.join(",", f.fields("test.option.kind").stream().map(Field::display).toList()));
        assertTrue(f.field("test.flag").asBoolean());
        assertEquals(1, inner.anomalies().size());
        assertEquals(0, f.layer(OUTER).anomalies().size());
        assertNull(f.field("no.such.field"));
    }

    @Test void copyToKeepsTheTreeOrOnlyTheRecordAndLayers() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        Frame hot = build(new Frame(), new FrameBuilder(), data);
        Frame stale = build(new Frame(), new FrameBuilder(), new byte[6]);   // a copy target that held a frame before

        Frame full = hot.copyTo(stale);
        assertEquals("TestOuter:TestInner", full.protochain());
        assertEquals(List.of("test.port", "test.options"), full.layer(INNER).fields().stream().map(Field::name).toList());
        assertEquals("1,2", String.join(",", full.fields("test.option.kind").stream().map(Field::display).toList()));
        assertEquals(1, full.layer(INNER).anomalies().size());
        assertTrue(full.array() == data, "the bytes are shared, not copied");

        Frame bare = hot.copyTo(new Frame(), false);
        assertEquals(7, bare.number());
        assertEquals(100, bare.originalLength());
        assertEquals("TestOuter:TestInner", bare.protochain());
        assertEquals(4, bare.layer(INNER).length());
        assertEquals(0, bare.fieldCount());
        assertEquals(0, bare.layer(INNER).fields().size());
        assertNull(bare.field("test.port"));
        assertEquals(1, bare.anomalies().size());

        Frame kept = hot.detach();
        assertFalse(kept.array() == data, "a detached frame owns its bytes");
        assertEquals(443L, kept.field("test.port").asLong());
    }

    @Test void fieldColumnsJoinOccurrencesLikeTshark() {
        Frame f = build(new Frame(), new FrameBuilder(), new byte[6]);
        FieldColumns cols = new FieldColumns(List.of("test.option.kind", "frame.len", "test.port", "absent.field", "test.flag"));
        cols.load(f);
        StringBuilder sb = new StringBuilder();
        cols.appendRow(sb, '\t');
        assertEquals("1,2\t100\t443\t\t1", sb.toString());
        assertEquals(List.of("absent.field"), cols.unknownNames());
    }

    @Test void aReusedFrameForgetsTheOldTreeAndDetachKeepsACopy() {
        Frame f = new Frame();
        FrameBuilder b = new FrameBuilder();
        byte[] data = {9, 9, 9, 9, 9, 9};
        build(f, b, data);
        Frame kept = f.detach();
        b.reset(f, 8, 0, 0, 0, LinkType.ETHERNET, 0, new byte[0], 0);
        b.finish();
        assertEquals("", f.protochain());
        assertFalse(f.hasAnomalies());
        data[2] = 0; // the copy owns its bytes
        assertEquals(7, kept.number());
        assertEquals(9, kept.u8(2));
        assertEquals("TestOuter:TestInner", kept.protochain());
    }

    @Test void conflictingDeclarationsFailLoudly() {
        assertEquals(PORT, Fields.uint("test.port", "Port again", 16));
        assertThrows(IllegalStateException.class, () -> Fields.hex("test.port", "Port", 16));
    }

    @Test void openEnumsNeverThrow() {
        assertEquals(EtherType.IPV6, EtherType.valueOf(0x86dd));
        assertEquals("UNKNOWN(4660)", EtherType.valueOf(0x1234).name());
        assertFalse(LinkType.valueOf(999_999).isKnown());
        assertEquals(IpProtocol.valueOf(300), IpProtocol.valueOf(300));
    }
}
