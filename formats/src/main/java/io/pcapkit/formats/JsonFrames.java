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
    /** Member names written on every frame, encoded once. */
    private static final byte[] K_ANOMALIES = JsonOut.encodedName("anomalies");
    private static final byte[] K_CAP_LEN = JsonOut.encodedName("cap_len");
    private static final byte[] K_INTERFACE_ID = JsonOut.encodedName("interface_id");
    private static final byte[] K_KIND = JsonOut.encodedName("kind");
    private static final byte[] K_LEN = JsonOut.encodedName("len");
    private static final byte[] K_LINK_TYPE = JsonOut.encodedName("link_type");
    private static final byte[] K_MESSAGE = JsonOut.encodedName("message");
    private static final byte[] K_NAME = JsonOut.encodedName("name");
    private static final byte[] K_NUMBER = JsonOut.encodedName("number");
    private static final byte[] K_OFFSET = JsonOut.encodedName("offset");
    private static final byte[] K_PROTOCOL = JsonOut.encodedName("protocol");
    private static final byte[] K_PROTOCOLS = JsonOut.encodedName("protocols");
    private static final byte[] K_TIME = JsonOut.encodedName("time");
    private static final byte[] K_TIME_EPOCH = JsonOut.encodedName("time_epoch");
    private static final byte[] K_VALUE = JsonOut.encodedName("value");

    private final JsonOut j = new JsonOut();
    private final StringBuilder text = new StringBuilder(64);
    /** Occurrences of each field id among the siblings being counted, valid where {@link #stamp} is current. */
    private int[] seen = new int[1024];
    /** The {@link #generation} of the siblings call that last counted each field id. */
    private int[] stamp = new int[1024];
    private int generation;
    /** Scratch for sibling levels with repeated names: see {@link #siblings}. */
    private int[] stack = new int[256];
    private int stackTop;
    /** Each field's encoded {@code "name": }, by field id, made on first use. */
    private byte[][] names = new byte[1024][];
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    JsonOut json() { return j; }

    /** {@code "Frame N": {…}} with no separator before it: the dumper places entries. */
    @Override public void render(Frame f, RenderBuffer out) {
        j.to(out, 1);
        stackTop = 0;
        text.setLength(0);
        text.append("Frame ").append(f.number());
        j.entryName(text.toString());
        frame(f);
    }

    private void frame(Frame f) {
        j.startObject();
        long ts = f.timestampNanos();
        j.name(K_NUMBER);
        j.number(f.number());
        j.name(K_TIME);
        j.value(time(ts));
        j.name(K_TIME_EPOCH);
        j.nanos(ts);
        j.name(K_LEN);
        j.number(f.originalLength());
        j.name(K_CAP_LEN);
        j.number(f.capturedLength());
        if (f.interfaceId() >= 0) {
            j.name(K_INTERFACE_ID);
            j.number(f.interfaceId());
        }
        j.name(K_LINK_TYPE);
        j.startObject();
        j.name(K_VALUE);
        j.number(f.linkType().code());
        if (f.linkType().name() != null) {
            j.name(K_NAME);
            j.value(f.linkType().name());
        }
        j.endObject();
        if (f.hasAnomalies()) {
            j.name(K_ANOMALIES);
            j.startArray();
            for (Anomaly a : f.anomalies()) {
                j.beforeValue(true);
                j.startObject();
                j.name(K_KIND);
                j.value(a.kind().name());
                if (a.protocol() != null) {
                    j.name(K_PROTOCOL);
                    j.value(a.protocol().name());
                }
                if (a.offset() >= 0) {
                    j.name(K_OFFSET);
                    j.number(a.offset());
                }
                j.name(K_MESSAGE);
                j.value(a.message());
                j.endObject();
            }
            j.endArray();
        }
        j.name(K_PROTOCOLS);
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
        // occurrences of each name among these siblings; a count is valid only where its stamp is this call's,
        // so nothing is cleared afterwards
        int g = ++generation;
        if (g == 0) {
            Arrays.fill(stamp, 0);
            g = generation = 1;
        }
        boolean repeated = false;
        int n = 0;
        for (int i = first; i < end; i = f.fieldEnd(i), n++) {
            int id = f.defIdAt(i);
            if (id >= stamp.length) growCounts(id);
            if (stamp[id] != g) {
                stamp[id] = g;
                seen[id] = 1;
            } else {
                seen[id]++;
                repeated = true;
            }
        }
        if (!repeated) {
            for (int i = first; i < end; i = f.fieldEnd(i)) {
                j.name(encodedName(f.defIdAt(i)));
                fieldValue(f, i);
            }
            return;
        }
        // Each sibling's index and its name's number of occurrences go on a scratch stack before descending
        // (nested levels push above it and reuse the counts). Written siblings are marked -1, so a repeated name
        // costs one scan of the rest, and nothing is allocated.
        int base = stackTop;
        if (stack.length < base + 2 * n) stack = Arrays.copyOf(stack, Math.max(stack.length * 2, base + 2 * n));
        int[] st = stack, counts = seen;
        int k = base;
        for (int i = first; i < end; i = f.fieldEnd(i), k++) {
            st[k] = i;
            st[k + n] = counts[f.defIdAt(i)];
        }
        stackTop = base + 2 * n;
        for (int a = base; a < base + n; a++) {
            int i = stack[a];
            if (i < 0) continue;
            int id = f.defIdAt(i);
            if (stack[a + n] == 1) {
                field(f, i, encodedName(id));
                continue;
            }
            j.name(encodedName(id));
            j.startArray();
            for (int b = a; b < base + n; b++) {
                int ib = stack[b];   // re-read: a nested level may have grown the stack
                if (ib < 0 || f.defIdAt(ib) != id) continue;
                stack[b] = -1;
                field(f, ib, null);
            }
            j.endArray();
        }
        stackTop = base;
    }

    private void growCounts(int id) {
        int n = Math.max(stamp.length * 2, id + 1);
        seen = Arrays.copyOf(seen, n);
        stamp = Arrays.copyOf(stamp, n);
    }

    private byte[] encodedName(int id) {
        byte[][] n = names;
        if (id >= n.length) names = n = Arrays.copyOf(n, Math.max(n.length * 2, id + 1));
        byte[] e = n[id];
        if (e == null) n[id] = e = JsonOut.encodedName(Fields.byId(id).name());
        return e;
    }

    /** One field under {@code key}, or as an array element when {@code key} is null. */
    private void field(Frame f, int i, byte[] key) {
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
                j.name(K_VALUE);
                typed(f, i, d);
                valueName(f, i, d);
            }
            siblings(f, i + 1, f.fieldEnd(i));
            j.endObject();
        } else if (d.names() != null && (d.type() == FieldType.UINT || d.type() == FieldType.INT)) {
            j.startObject();
            j.name(K_VALUE);
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
            j.name(K_NAME);
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
