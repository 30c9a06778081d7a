package io.pcapkit.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded protocol header inside a {@link Frame}: its protocol, where its header sits in the frame, its fields and
 * its anomalies. A light view over the frame's flat storage; valid as long as the frame is.
 */
public final class Layer {
    /** Shorthands so callers can write {@code .layer(Layer.TRANSPORT)} as the original's {@code layer='Transport'}. */
    public static final Level LINK = Level.LINK;
    public static final Level INTERNET = Level.INTERNET;
    public static final Level TRANSPORT = Level.TRANSPORT;
    public static final Level APPLICATION = Level.APPLICATION;

    final Frame frame;
    private final int index;

    Layer(Frame frame, int index) {
        this.frame = frame;
        this.index = index;
    }

    public Frame frame() { return frame; }

    /** Position in the chain, 0 for the link layer. */
    public int index() { return index; }

    public Protocol protocol() { return frame.layerProto[index]; }

    /** Offset of this header inside the frame. */
    public int offset() { return frame.layerOff[index]; }

    /** Length of this header (for {@code Raw}, of the remaining bytes). */
    public int length() { return frame.layerLen[index]; }

    /** The header bytes as a read-only view (no copy). */
    public ByteBuffer header() {
        return ByteBuffer.wrap(frame.data, frame.dataOffset + offset(), length()).slice().asReadOnlyBuffer();
    }

    /** Everything after this header up to the end of the captured bytes, as a read-only view. */
    public ByteBuffer payload() {
        int start = Math.min(offset() + length(), frame.capturedLength);
        return ByteBuffer.wrap(frame.data, frame.dataOffset + start, frame.capturedLength - start).slice()
                .asReadOnlyBuffer();
    }

    /** The next layer up, or null at the top. */
    public Layer next() { return index + 1 < frame.layerCount ? frame.layer(index + 1) : null; }

    /** Top-level fields of this layer, in header order (groups hold their sub-fields). */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        int end = frame.layerFieldEnd[index];
        for (int i = frame.layerFieldStart[index]; i < end; i = frame.fend(i)) out.add(new Field(frame, i));
        return out;
    }

    /** The first field of this layer (any depth) with that name, or null. */
    public Field field(String name) {
        FieldDef d = Fields.find(name);
        if (d == null) return null;
        int end = frame.layerFieldEnd[index];
        for (int i = frame.layerFieldStart[index]; i < end; i++) if (frame.fid(i) == d.id()) return new Field(frame, i);
        return null;
    }

    /** Every field of this layer (any depth) with that name. */
    public List<Field> fieldsNamed(String name) {
        FieldDef d = Fields.find(name);
        List<Field> out = new ArrayList<>(2);
        if (d == null) return out;
        int end = frame.layerFieldEnd[index];
        for (int i = frame.layerFieldStart[index]; i < end; i++) if (frame.fid(i) == d.id()) out.add(new Field(frame, i));
        return out;
    }

    /** Index range of this layer's fields in the frame's flat table: {@code [fieldStart, fieldEnd)}. */
    public int fieldStart() { return frame.layerFieldStart[index]; }

    public int fieldEnd() { return frame.layerFieldEnd[index]; }

    /** Anomalies recorded while this layer was decoded. */
    public List<Anomaly> anomalies() {
        if (frame.anomalies == null) return List.of();
        List<Anomaly> out = new ArrayList<>(1);
        for (int i = 0; i < frame.anomalies.size(); i++) {
            if (frame.anomalyLayer[i] == index) out.add(frame.anomalies.get(i));
        }
        return out;
    }

    @Override public String toString() { return protocol().name() + "@" + offset() + "+" + length(); }
}
