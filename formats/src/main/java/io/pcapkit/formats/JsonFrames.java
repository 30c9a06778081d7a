package io.pcapkit.formats;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Field;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldFormat;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes a frame's JSON entry straight from the frame's flat field table: the same document {@link Documents}
 * describes (and TREE and PLIST still build as nodes), without building it. Repeated names at one level become one
 * array where the name first appears. One instance per thread: it keeps scratch state.
 */
final class JsonFrames implements FrameRenderer {
    private final JsonOut j = new JsonOut();
    private final StringBuilder text = new StringBuilder(64);
    /** Occurrences of each field id among the siblings being written (scratch; all zero between calls). */
    private int[] seen = new int[1024];
    /** Each field's encoded {@code "name": }, by field id, made on first use. */
    private byte[][] names = new byte[1024][];
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    JsonOut json() { return j; }

    /** {@code "Frame N": {…}} with no separator before it: the dumper places entries. */
    @Override public void render(Frame f, RenderBuffer out) {
        j.to(out, 1);
        text.setLength(0);
        text.append("Frame ").append(f.number());
        j.entryName(text.toString());
        frame(f);
    }

    private void frame(Frame f) {
        j.startObject();
        long ts = f.timestampNanos();
        j.name("number");
        j.number(f.number());
        j.name("time");
        j.value(time(ts));
        j.name("time_epoch");
        j.nanos(ts);
        j.name("len");
        j.number(f.originalLength());
        j.name("cap_len");
        j.number(f.capturedLength());
        if (f.interfaceId() >= 0) {
            j.name("interface_id");
            j.number(f.interfaceId());
        }
        j.name("link_type");
        j.startObject();
        j.name("value");
        j.number(f.linkType().code());
        if (f.linkType().name() != null) {
            j.name("name");
            j.value(f.linkType().name());
        }
        j.endObject();
        if (f.hasAnomalies()) {
            j.name("anomalies");
            j.startArray();
            for (Anomaly a : f.anomalies()) {
                j.beforeValue(true);
                j.startObject();
                j.name("kind");
                j.value(a.kind().name());
                if (a.protocol() != null) {
                    j.name("protocol");
                    j.value(a.protocol().name());
                }
                if (a.offset() >= 0) {
                    j.name("offset");
                    j.number(a.offset());
                }
                j.name("message");
                j.value(a.message());
                j.endObject();
            }
            j.endArray();
        }
        j.name("protocols");
        j.value(f.protochain());
        if (f.layerCount() > 0) layer(f, 0);
        j.endObject();
    }

    /** A layer's object: its fields, then the layer above it nested inside. */
    private void layer(Frame f, int l) {
        j.name(f.protocolAt(l).key());
        j.startObject();
        siblings(f, f.layerFieldStart(l), f.layerFieldEnd(l));
        if (l + 1 < f.layerCount()) layer(f, l + 1);
        j.endObject();
    }

    /** Fields chained from {@code first} (by {@link Frame#fieldEnd}) up to {@code end}, merging repeated names. */
    private void siblings(Frame f, int first, int end) {
        int[] counts = seen;
        if (counts.length < Fields.count()) seen = counts = Arrays.copyOf(counts, Fields.count() * 2);
        boolean repeated = false;
        int n = 0;
        for (int i = first; i < end; i = f.fieldEnd(i), n++) repeated |= ++counts[f.defIdAt(i)] > 1;
        if (!repeated) {
            for (int i = first; i < end; i = f.fieldEnd(i)) counts[f.defIdAt(i)] = 0;
            for (int i = first; i < end; i = f.fieldEnd(i)) {
                j.name(encodedName(f.defIdAt(i)));
                fieldValue(f, i);
            }
            return;
        }
        // the counts are cleared before descending: nested levels reuse the scratch table
        int[] idx = new int[n];
        int k = 0;
        for (int i = first; i < end; i = f.fieldEnd(i)) {
            idx[k++] = i;
            counts[f.defIdAt(i)] = 0;
        }
        boolean[] done = new boolean[n];
        for (int a = 0; a < n; a++) {
            if (done[a]) continue;
            int id = f.defIdAt(idx[a]);
            int same = 0;
            for (int b = a; b < n; b++) if (f.defIdAt(idx[b]) == id) same++;
            if (same == 1) {
                field(f, idx[a], f.defAt(idx[a]).name());
                continue;
            }
            j.name(f.defAt(idx[a]).name());
            j.startArray();
            for (int b = a; b < n; b++) {
                if (f.defIdAt(idx[b]) != id) continue;
                done[b] = true;
                field(f, idx[b], null);
            }
            j.endArray();
        }
    }

    private byte[] encodedName(int id) {
        byte[][] n = names;
        if (id >= n.length) names = n = Arrays.copyOf(n, Math.max(n.length * 2, id + 1));
        byte[] e = n[id];
        if (e == null) n[id] = e = JsonOut.encodedName(Fields.byId(id).name());
        return e;
    }

    /** One field under {@code key}, or as an array element when {@code key} is null. */
    private void field(Frame f, int i, String key) {
        if (key != null) j.name(key);
        else j.beforeValue(true);
        fieldValue(f, i);
    }

    private void fieldValue(Frame f, int i) {
        FieldDef d = f.defAt(i);
        boolean children = f.fieldEnd(i) > i + 1;
        if (d.type() == FieldType.GROUP || children) {
            j.startObject();
            if (d.type() != FieldType.GROUP) {
                j.name("value");
                typed(f, i, d);
                valueName(f, i, d);
            }
            siblings(f, i + 1, f.fieldEnd(i));
            j.endObject();
        } else if (d.names() != null && (d.type() == FieldType.UINT || d.type() == FieldType.INT)) {
            j.startObject();
            j.name("value");
            typed(f, i, d);
            valueName(f, i, d);
            j.endObject();
        } else {
            typed(f, i, d);
        }
    }

    private void valueName(Frame f, int i, FieldDef d) {
        if (d.names() == null) return;
        String name = d.names().name(f.longAt(i));
        if (name != null) {
            j.name("name");
            j.value(name);
        }
    }

    /** The value typed as JSON holds it: numbers, booleans, hex for bytes, tshark's text for addresses. */
    private void typed(Frame f, int i, FieldDef d) {
        switch (d.type()) {
            case UINT -> j.unsigned(f.longAt(i));
            case INT -> j.number(f.longAt(i));
            case BOOL -> j.bool(f.longAt(i) != 0);
            case DOUBLE -> {
                double v = f.fieldAt(i).asDouble();
                if (Double.isFinite(v)) j.rawNumber(Double.toString(v));
                else j.value(Double.toString(v));
            }
            case TIME -> j.nanos(f.longAt(i));
            case BYTES -> {
                Object o = f.objectAt(i);
                Field fd = f.fieldAt(i);
                if (o == null) {
                    j.hex(f.array(), f.dataOffset() + fd.offset(), fd.length());   // the frame's own bytes, no copy
                } else {
                    byte[] b = fd.asBytes();
                    j.hex(b, 0, b.length);
                }
            }
            case STRING -> j.value(f.fieldAt(i).asString());
            case MAC, IPV4, IPV6 -> j.address(f, i, text);
            case GROUP -> {
                text.setLength(0);
                FieldFormat.appendTshark(f, i, text);
                j.value(text);
            }
        }
    }

    /** ISO-8601 UTC with 0, 3, 6 or 9 fraction digits, as {@link Instant#toString()} writes it; the second cached. */
    private String time(long ts) {
        long sec = Math.floorDiv(ts, 1_000_000_000L);
        int nano = (int) Math.floorMod(ts, 1_000_000_000L);
        if (sec < 0 || sec > 253_402_300_799L) return Instant.ofEpochSecond(sec, nano).toString();
        if (sec != cachedSecond) {
            String s = Instant.ofEpochSecond(sec).toString();
            cachedPrefix = s.substring(0, s.length() - 1);
            cachedSecond = sec;
        }
        text.setLength(0);
        text.append(cachedPrefix);
        if (nano != 0) {
            int digits;
            int v;
            if (nano % 1_000_000 == 0) {
                digits = 3;
                v = nano / 1_000_000;
            } else if (nano % 1000 == 0) {
                digits = 6;
                v = nano / 1000;
            } else {
                digits = 9;
                v = nano;
            }
            text.append('.');
            String s = Integer.toString(v);
            for (int k = s.length(); k < digits; k++) text.append('0');
            text.append(s);
        }
        return text.append('Z').toString();
    }

    // ------------------------------------------------------------------ header entries, built as nodes

    /** A header-block entry ({@code "Global Header": {…}}) with no separator before it. */
    void entry(Node n, RenderBuffer out) {
        j.to(out, 1);
        j.entryName(n.key);
        node(n);
    }

    private void node(Node n) {
        switch (n.kind) {
            case OBJECT -> {
                j.startObject();
                for (Node c : n.children) {
                    j.name(c.key);
                    node(c);
                }
                j.endObject();
            }
            case ARRAY -> {
                j.startArray();
                for (Node c : n.children) {
                    j.beforeValue(true);
                    node(c);
                }
                j.endArray();
            }
            case VALUE -> {
                switch (n.value) {
                    case Long v -> j.number(v);
                    case BigInteger v -> j.rawNumber(v.toString());
                    case BigDecimal v -> j.rawNumber(v.toPlainString());
                    case Double v -> {
                        if (Double.isFinite(v)) j.rawNumber(Double.toString(v));
                        else j.value(Double.toString(v));
                    }
                    case Boolean v -> j.bool(v);
                    case Node.Hex h -> j.value(h.hex());
                    case null -> j.nul();
                    default -> j.value(n.value.toString());
                }
            }
        }
    }
}
