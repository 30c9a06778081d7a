package io.pcapkit.model;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * Fills a {@link Frame}: the record, then layers and their fields in header order. Every engine uses it, so every
 * engine produces the same flat tree. It never allocates on the hot path once the frame's tables have grown to the
 * size of the largest frame seen.
 *
 * <pre>{@code
 * b.reset(frame, number, tsNanos, capLen, origLen, linkType, ifId, bytes, off);
 * b.beginLayer(Protocols.UDP, 34);
 * b.add(UDP_SRCPORT, src, 34, 2);
 * b.endLayer(8);
 * }</pre>
 */
public final class FrameBuilder {
    private Frame f;
    private int openLayer = -1;
    private int[] groupStack = new int[16];
    private int groupDepth;
    // scratch for moveIntoLayer (grown to the largest move seen, normally one entry)
    private long[] moveMeta = new long[4], moveNum = new long[4], movePos = new long[4];
    private Object[] moveObj = new Object[4];

    /** Starts a new frame in {@code frame}, dropping any earlier tree it held. The bytes are not copied. */
    public FrameBuilder reset(Frame frame, long number, long timestampNanos, int capturedLength, long originalLength,
                              LinkType linkType, int interfaceId, byte[] data, int dataOffset) {
        this.f = frame;
        frame.number = number;
        frame.timestampNanos = timestampNanos;
        frame.capturedLength = capturedLength;
        frame.originalLength = originalLength;
        frame.linkType = linkType;
        frame.interfaceId = interfaceId;
        frame.data = data;
        frame.dataOffset = dataOffset;
        frame.layerCount = 0;
        // clear object references of the previous frame so they can be collected
        Object[] objs = frame.fobj;
        for (int i = 0, n = frame.objectsEnd; i < n; i++) objs[i] = null;
        frame.objectsEnd = 0;
        frame.fieldCount = 0;
        if (frame.anomalies != null) frame.anomalies.clear();
        openLayer = -1;
        groupDepth = 0;
        return this;
    }

    public Frame frame() { return f; }

    /** Bytes of the frame being built (absolute index = {@link #base()} + frame offset). */
    public byte[] data() { return f.data; }

    public int base() { return f.dataOffset; }

    public int capturedLength() { return f.capturedLength; }

    /** Index of the layer being built, -1 before the first. */
    public int currentLayer() { return openLayer; }

    /** Opens a layer whose header starts at frame offset {@code offset}; closes any layer still open. */
    public FrameBuilder beginLayer(Protocol p, int offset) {
        if (openLayer >= 0 && f.layerFieldEnd[openLayer] < 0) endLayer(offset - f.layerOff[openLayer]);
        Frame fr = f;
        int n = fr.layerCount;
        if (n == fr.layerProto.length) growLayers();
        fr.layerProto[n] = p;
        fr.layerOff[n] = offset;
        fr.layerLen[n] = 0;
        fr.layerFieldStart[n] = fr.fieldCount;
        fr.layerFieldEnd[n] = -1;
        fr.layerCount = n + 1;
        openLayer = n;
        groupDepth = 0;
        return this;
    }

    /** Closes the open layer with its header length. */
    public FrameBuilder endLayer(int headerLength) {
        if (openLayer < 0) return this;
        while (groupDepth > 0) endGroup();
        f.layerLen[openLayer] = headerLength;
        f.layerFieldEnd[openLayer] = f.fieldCount;
        return this;
    }

    /** Adds an integer / flag / MAC / IPv4 / time field whose value is {@code value}. */
    public int add(FieldDef d, long value, int offset, int length) {
        return slot(d, value, offset, length);
    }

    /** Adds a masked field from its whole underlying integer: the declaration's mask and shift are applied. */
    public int addMasked(FieldDef d, long raw, int offset, int length) {
        return add(d, d.extract(raw), offset, length);
    }

    /** Adds a field whose value is the frame's bytes at {@code [offset, offset+length)}: IPv6, bytes, strings. */
    public int addRef(FieldDef d, int offset, int length) {
        return slot(d, 0, offset, length);
    }

    /** Adds a field whose value does not live in the frame's bytes (a String, byte[], Long, Boolean, Double). */
    public int addObject(FieldDef d, Object value, int offset, int length) {
        int i = slot(d, 0, offset, length);
        f.fobj[i] = value;
        f.objectsEnd = i + 1;
        if (value instanceof Number n && !(value instanceof Double)) f.fnum[i] = n.longValue();
        else if (value instanceof Double x) f.fnum[i] = Double.doubleToRawLongBits(x);
        else if (value instanceof Boolean b) f.fnum[i] = b ? 1 : 0;
        return i;
    }

    /** Opens a group field (options, a flag set): fields added until {@link #endGroup()} become its children. */
    public int beginGroup(FieldDef d, int offset, int length) {
        int i = slot(d, 0, offset, length);
        if (groupDepth == groupStack.length) groupStack = Arrays.copyOf(groupStack, groupDepth * 2);
        groupStack[groupDepth++] = i;
        return i;
    }

    /** Opens a group that also carries an integer value (e.g. {@code tcp.flags} with its flag bits beneath). */
    public int beginGroup(FieldDef d, long value, int offset, int length) {
        int i = slot(d, value, offset, length);
        if (groupDepth == groupStack.length) groupStack = Arrays.copyOf(groupStack, groupDepth * 2);
        groupStack[groupDepth++] = i;
        return i;
    }

    /**
     * Opens a group whose value is an object rather than the frame's bytes, e.g. a protocol node that tshark prints
     * as its label ({@code mptcp} → "Multipath Transmission Control Protocol: Data Sequence Signal").
     */
    public int beginGroupObject(FieldDef d, Object value, int offset, int length) {
        int i = beginGroup(d, offset, length);
        f.fobj[i] = value;
        f.objectsEnd = i + 1;
        return i;
    }

    public FrameBuilder endGroup() {
        if (groupDepth == 0) return this;
        int g = groupStack[--groupDepth];
        long descendants = f.fieldCount - g - 1;
        f.fmeta[g] = (f.fmeta[g] & 0xFFFFFFFFL) | (descendants << 32);
        return this;
    }

    /** Sets the byte length of a field already added (a group whose size is known only at its end). */
    public FrameBuilder setLength(int fieldIndex, int length) {
        f.fpos[fieldIndex] = Frame.pos(f.foff(fieldIndex), length);
        return this;
    }

    /** Records an anomaly on the open layer (or on the frame when no layer is open). */
    public FrameBuilder anomaly(Anomaly.Kind kind, int offset, String message) {
        Frame fr = f;
        if (fr.anomalies == null) {
            fr.anomalies = new ArrayList<>(2);
            fr.anomalyLayer = new int[4];
        }
        int n = fr.anomalies.size();
        if (n == fr.anomalyLayer.length) fr.anomalyLayer = Arrays.copyOf(fr.anomalyLayer, n * 2);
        Protocol p = openLayer >= 0 ? fr.layerProto[openLayer] : null;
        fr.anomalies.add(new Anomaly(kind, p, offset, message));
        fr.anomalyLayer[n] = openLayer;
        return this;
    }

    /**
     * Moves the fields added since {@code mark} (a {@link Frame#fieldCount()} taken before adding them) to the end
     * of layer {@code layer}'s fields. This is how a decoder adds to a layer it finished earlier: an Ethernet
     * trailer is known only once the layers above have said how long their PDU is. Groups record how many
     * descendants they have rather than where they end, so moving whole entries changes no group; only the later
     * layers' field ranges shift. Usually one entry moves (eth.padding): it goes through a small scratch table while
     * the entries it jumps over move up with {@link System#arraycopy}.
     */
    public FrameBuilder moveIntoLayer(int layer, int mark) {
        Frame fr = f;
        int n = fr.fieldCount;
        int p = fr.layerFieldEnd[layer];
        int m = n - mark;
        if (m <= 0 || p >= mark) return this;
        if (m > moveMeta.length) {
            moveMeta = new long[m];
            moveNum = new long[m];
            movePos = new long[m];
            moveObj = new Object[m];
        }
        System.arraycopy(fr.fmeta, mark, moveMeta, 0, m);
        System.arraycopy(fr.fnum, mark, moveNum, 0, m);
        System.arraycopy(fr.fpos, mark, movePos, 0, m);
        System.arraycopy(fr.fobj, mark, moveObj, 0, m);
        int jumped = mark - p;
        System.arraycopy(fr.fmeta, p, fr.fmeta, p + m, jumped);
        System.arraycopy(fr.fnum, p, fr.fnum, p + m, jumped);
        System.arraycopy(fr.fpos, p, fr.fpos, p + m, jumped);
        System.arraycopy(fr.fobj, p, fr.fobj, p + m, jumped);
        System.arraycopy(moveMeta, 0, fr.fmeta, p, m);
        System.arraycopy(moveNum, 0, fr.fnum, p, m);
        System.arraycopy(movePos, 0, fr.fpos, p, m);
        System.arraycopy(moveObj, 0, fr.fobj, p, m);
        java.util.Arrays.fill(moveObj, 0, m, null);
        fr.objectsEnd = Math.max(fr.objectsEnd, n);   // objects may have moved up to the end of the range
        fr.layerFieldEnd[layer] += m;
        for (int l = layer + 1; l < fr.layerCount; l++) {
            fr.layerFieldStart[l] += m;
            fr.layerFieldEnd[l] += m;
        }
        return this;
    }

    /** Closes whatever is open; the frame is complete. */
    public Frame finish() {
        if (openLayer >= 0 && f.layerFieldEnd[openLayer] < 0) endLayer(f.layerLen[openLayer]);
        openLayer = -1; // anomalies added from now on belong to the frame, not to a layer
        return f;
    }

    /** The next field entry: three stores (see {@link Frame}'s packed tables). */
    private int slot(FieldDef d, long value, int offset, int length) {
        Frame fr = f;
        int i = fr.fieldCount;
        if (i == fr.fmeta.length) growFields();
        fr.fmeta[i] = d.id();   // no descendants yet
        fr.fnum[i] = value;
        fr.fpos[i] = Frame.pos(offset, length);
        fr.fieldCount = i + 1;
        return i;
    }

    private void growFields() {
        Frame fr = f;
        int n = fr.fmeta.length * 2;
        fr.fmeta = Arrays.copyOf(fr.fmeta, n);
        fr.fnum = Arrays.copyOf(fr.fnum, n);
        fr.fpos = Arrays.copyOf(fr.fpos, n);
        fr.fobj = Arrays.copyOf(fr.fobj, n);
    }

    private void growLayers() {
        Frame fr = f;
        int n = fr.layerProto.length * 2;
        fr.layerProto = Arrays.copyOf(fr.layerProto, n);
        fr.layerOff = Arrays.copyOf(fr.layerOff, n);
        fr.layerLen = Arrays.copyOf(fr.layerLen, n);
        fr.layerFieldStart = Arrays.copyOf(fr.layerFieldStart, n);
        fr.layerFieldEnd = Arrays.copyOf(fr.layerFieldEnd, n);
    }
}
