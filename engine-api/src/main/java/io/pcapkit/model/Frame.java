package io.pcapkit.model;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One captured frame and its decoded protocol tree.
 *
 * <p><b>Lifetime.</b> A {@link io.pcapkit.spi.FrameSource} may hand out the same {@code Frame} object again for the
 * next record and reuse its byte buffer: that is what keeps streaming zero-copy and allocation-free. A frame is
 * valid until the source's next {@code next()} call; {@link #detach()} makes an independent copy to keep.
 *
 * <p><b>Storage.</b> The tree is stored flat, in decode order: layers are index ranges over a field table whose
 * values are longs (integers, flags, MAC and IPv4 addresses) or references into the frame's bytes (IPv6, bytes,
 * strings). {@link Layer} and {@link Field} are light views created on demand. Producers fill it with
 * {@link FrameBuilder}.
 */
public final class Frame {
    // ---- record
    long number;
    long timestampNanos;
    int capturedLength;
    long originalLength;
    LinkType linkType = LinkType.ETHERNET;
    int interfaceId;
    byte[] data = new byte[0];
    int dataOffset;

    // ---- layers
    int layerCount;
    Protocol[] layerProto = new Protocol[8];
    int[] layerOff = new int[8];
    int[] layerLen = new int[8];
    int[] layerFieldStart = new int[8];
    int[] layerFieldEnd = new int[8];

    // ---- fields, preorder
    int fieldCount;
    // Two values share each long of fmeta and fpos so that adding a field is three stores, not five: the cost of
    // decoding is mostly the cost of adding fields.
    /** Low 32 bits: FieldDef.id() (an int, so filling a reused frame stores no references); high 32: descendants. */
    long[] fmeta = new long[64];
    long[] fnum = new long[64];
    /** High 32 bits: the value's frame offset; low 32: its length. */
    long[] fpos = new long[64];
    Object[] fobj = new Object[64];   // non-null when the value is not in the frame bytes (or not a long)
    /** One past the last field holding an object: reset clears only up to here (most fields hold none). */
    int objectsEnd;

    static long pos(int offset, int length) { return ((long) offset << 32) | (length & 0xFFFFFFFFL); }

    int fid(int i) { return (int) fmeta[i]; }

    int foff(int i) { return (int) (fpos[i] >> 32); }

    int flen(int i) { return (int) fpos[i]; }

    int fend(int i) { return i + 1 + (int) (fmeta[i] >>> 32); }

    // ---- anomalies (rare, so a list created on first use)
    List<Anomaly> anomalies;
    int[] anomalyLayer;

    private Layer[] views;

    public Frame() { }

    // ------------------------------------------------------------------ record accessors

    /** 1-based frame number in the capture file (frames skipped by a filter keep their numbers). */
    public long number() { return number; }

    /**
     * {@link #timestampNanos()} of a record that carries no time stamp (a PCAPNG simple packet block or custom
     * block): tshark leaves {@code frame.time_epoch} empty for those.
     */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * {@link #interfaceId()} of a record that names no interface: every PCAP record (the file's one interface is
     * {@code CaptureInfo} interface 0) and PCAPNG custom or journal blocks. tshark leaves {@code frame.interface_id}
     * empty for those.
     */
    public static final int NO_INTERFACE = -1;

    /** Capture time in nanoseconds since the Unix epoch, or {@link #NO_TIMESTAMP}. */
    public long timestampNanos() { return timestampNanos; }

    /** Bytes captured (present in {@link #data()}). */
    public int capturedLength() { return capturedLength; }

    /** Length of the frame on the wire. */
    public long originalLength() { return originalLength; }

    public LinkType linkType() { return linkType; }

    /** PCAPNG interface id within its section (as tshark's {@code frame.interface_id}), or {@link #NO_INTERFACE}. */
    public int interfaceId() { return interfaceId; }

    /** The captured bytes as a read-only view (no copy). */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data, dataOffset, capturedLength).slice().asReadOnlyBuffer();
    }

    /** Backing array of the captured bytes; valid from {@link #dataOffset()} for {@link #capturedLength()}. */
    public byte[] array() { return data; }

    public int dataOffset() { return dataOffset; }

    /** A copy of the captured bytes. */
    public byte[] bytes() { return Arrays.copyOfRange(data, dataOffset, dataOffset + capturedLength); }

    /** Unsigned byte at frame offset {@code i}. */
    public int u8(int i) { return data[dataOffset + i] & 0xFF; }

    // ------------------------------------------------------------------ tree accessors

    /** How many layers were decoded. */
    public int layerCount() { return layerCount; }

    /** The first (link) layer, or null when nothing was decoded. */
    public Layer firstLayer() { return layerCount == 0 ? null : layer(0); }

    /** Layer by index (0 = link layer). */
    public Layer layer(int index) {
        if (index < 0 || index >= layerCount) throw new IndexOutOfBoundsException(index);
        if (views == null || views.length < layerCount) views = new Layer[Math.max(layerCount, 8)];
        Layer v = views[index];
        if (v == null || v.frame != this) views[index] = v = new Layer(this, index);
        return v;
    }

    /** All layers from the link layer up. */
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) out.add(layer(i));
        return out;
    }

    /** The first layer of that protocol, or null. */
    public Layer layer(Protocol p) {
        for (int i = 0; i < layerCount; i++) if (layerProto[i] == p) return layer(i);
        return null;
    }

    public boolean contains(Protocol p) {
        for (int i = 0; i < layerCount; i++) if (layerProto[i] == p) return true;
        return false;
    }

    public Protocol protocolAt(int layerIndex) { return layerProto[layerIndex]; }

    /** The protocol chain as the original prints it: {@code "Ethernet:IPv4:TCP"}. */
    public String protochain() {
        StringBuilder sb = new StringBuilder(48);
        for (int i = 0; i < layerCount; i++) {
            if (i > 0) sb.append(':');
            sb.append(layerProto[i].name());
        }
        return sb.toString();
    }

    /** The first field with that name anywhere in the frame, or null. */
    public Field field(String name) {
        FieldDef d = Fields.find(name);
        if (d == null) return null;
        for (int i = 0; i < fieldCount; i++) if (fid(i) == d.id()) return new Field(this, i);
        return null;
    }

    /** Every occurrence of that field in the frame, in order. */
    public List<Field> fields(String name) {
        FieldDef d = Fields.find(name);
        if (d == null) return List.of();
        List<Field> out = new ArrayList<>(2);
        for (int i = 0; i < fieldCount; i++) if (fid(i) == d.id()) out.add(new Field(this, i));
        return out;
    }

    /** Total number of field entries (all layers, all depths). */
    public int fieldCount() { return fieldCount; }

    /** Field entry by flat index (0..fieldCount-1). */
    public Field fieldAt(int index) {
        if (index < 0 || index >= fieldCount) throw new IndexOutOfBoundsException(index);
        return new Field(this, index);
    }

    /** Declaration of the field at flat index {@code i}: the hot-path way to scan a frame without views. */
    public FieldDef defAt(int i) { return Fields.byId(fid(i)); }

    /** Field {@code i}'s integer value, as {@link Field#asLong()} gives it, without a view object. */
    public long longAt(int i) {
        Object o = fobj[i];
        return o instanceof Number n ? n.longValue() : fnum[i];
    }

    /** The value object of field {@code i} (decoded text, bytes not in the frame …), or null for values by offset. */
    public Object objectAt(int i) { return fobj[i]; }

    /** {@link FieldDef#id()} of field {@code i}. */
    public int defIdAt(int i) { return fid(i); }

    /** One past the last descendant of field {@code i} ({@code i + 1} for a leaf): its next sibling's index. */
    public int fieldEnd(int i) { return fend(i); }

    /** Index of the first field of layer {@code l}; its top-level fields are chained by {@link #fieldEnd}. */
    public int layerFieldStart(int l) { return layerFieldStart[l]; }

    /** One past the last field of layer {@code l}. */
    public int layerFieldEnd(int l) { return layerFieldEnd[l]; }

    /** Every anomaly of the frame, in the order found. */
    public List<Anomaly> anomalies() {
        return anomalies == null ? List.of() : Collections.unmodifiableList(anomalies);
    }

    public boolean hasAnomalies() { return anomalies != null && !anomalies.isEmpty(); }

    /**
     * An independent copy: its own bytes and tree, safe to keep after the source has moved on.
     */
    /**
     * Makes {@code c} hold this frame's record and tree, sharing the bytes (not copied), reusing {@code c}'s tables
     * and returns it. A thread that decodes into one frame it keeps (its tables stay in the CPU's caches) and hands
     * out copies spends far less than one that decodes into a different frame for every record.
     */
    public Frame copyTo(Frame c) { return copyTo(c, true); }

    /**
     * {@link #copyTo(Frame)}, or, without {@code fields}, only the record, the layers (their protocols and byte
     * ranges, with no fields) and the anomalies: what a caller that never reads the fields needs.
     */
    public Frame copyTo(Frame c, boolean fields) {
        c.number = number;
        c.timestampNanos = timestampNanos;
        c.capturedLength = capturedLength;
        c.originalLength = originalLength;
        c.linkType = linkType;
        c.interfaceId = interfaceId;
        c.data = data;
        c.dataOffset = dataOffset;
        int l = layerCount;
        if (c.layerProto.length < l) {
            int cap = layerProto.length;
            c.layerProto = new Protocol[cap];
            c.layerOff = new int[cap];
            c.layerLen = new int[cap];
            c.layerFieldStart = new int[cap];
            c.layerFieldEnd = new int[cap];
        }
        c.layerCount = l;
        System.arraycopy(layerProto, 0, c.layerProto, 0, l);
        System.arraycopy(layerOff, 0, c.layerOff, 0, l);
        System.arraycopy(layerLen, 0, c.layerLen, 0, l);
        if (fields) {
            System.arraycopy(layerFieldStart, 0, c.layerFieldStart, 0, l);
            System.arraycopy(layerFieldEnd, 0, c.layerFieldEnd, 0, l);
        } else {
            java.util.Arrays.fill(c.layerFieldStart, 0, l, 0);
            java.util.Arrays.fill(c.layerFieldEnd, 0, l, 0);
        }
        int n = fields ? fieldCount : 0;
        if (c.fmeta.length < n) {
            int cap = fmeta.length;
            c.fmeta = new long[cap];
            c.fnum = new long[cap];
            c.fpos = new long[cap];
            c.fobj = new Object[cap];
            c.objectsEnd = 0;
        }
        c.fieldCount = n;
        System.arraycopy(fmeta, 0, c.fmeta, 0, n);
        System.arraycopy(fnum, 0, c.fnum, 0, n);
        System.arraycopy(fpos, 0, c.fpos, 0, n);
        int objs = Math.min(objectsEnd, n);
        System.arraycopy(fobj, 0, c.fobj, 0, objs);
        // references the copy held before, past this frame's, are dropped so they can be collected
        for (int i = objs; i < c.objectsEnd; i++) c.fobj[i] = null;
        c.objectsEnd = objs;
        if (anomalies != null && !anomalies.isEmpty()) {
            if (c.anomalies == null) c.anomalies = new ArrayList<>(anomalies.size());
            else c.anomalies.clear();
            c.anomalies.addAll(anomalies);
            if (c.anomalyLayer == null || c.anomalyLayer.length < anomalyLayer.length) {
                c.anomalyLayer = new int[anomalyLayer.length];
            }
            System.arraycopy(anomalyLayer, 0, c.anomalyLayer, 0, anomalies.size());
        } else if (c.anomalies != null) {
            c.anomalies.clear();
        }
        return c;
    }

    /** An independent copy with its own bytes, to keep past the source's next record. */
    public Frame detach() {
        Frame c = copyTo(new Frame());
        c.data = bytes();   // its own bytes: the source's buffer is reused for the next record
        c.dataOffset = 0;
        return c;
    }

    @Override public String toString() {
        return "Frame " + number + ": " + protochain();
    }
}
