package io.pcapkit.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One decoded field: its declaration, its typed value and where it sits in the frame. A light view over the frame's
 * flat storage, valid as long as the frame is.
 */
public final class Field {
    private final Frame frame;
    private final int i;

    Field(Frame frame, int index) {
        this.frame = frame;
        this.i = index;
    }

    public FieldDef def() { return Fields.byId(frame.fid(i)); }

    /** Wireshark display-filter name. */
    public String name() { return def().name(); }

    public FieldType type() { return def().type(); }

    /** Index in the frame's flat field table. */
    public int index() { return i; }

    /** Byte offset of the field in the frame, or -1 when the producer did not say. */
    public int offset() { return frame.foff(i); }

    /** Length in bytes in the frame (0 when unknown). */
    public int length() { return frame.flen(i); }

    /** Integer value (integers, flags, MAC and IPv4 as raw bits, time as epoch ns). */
    public long asLong() {
        Object o = frame.fobj[i];
        if (o instanceof Number n) return n.longValue();
        return frame.fnum[i];
    }

    public boolean asBoolean() { return asLong() != 0; }

    public double asDouble() { return Double.longBitsToDouble(frame.fnum[i]); }

    /** The value's bytes: for IPv6/bytes/strings the stored bytes, for MAC/IPv4 their network-order form. */
    public byte[] asBytes() {
        Object o = frame.fobj[i];
        if (o instanceof byte[] b) return b.clone();
        if (o instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        switch (type()) {
            case MAC -> { return longBytes(frame.fnum[i], 6); }
            case IPV4 -> { return longBytes(frame.fnum[i], 4); }
            default -> { }
        }
        int from = frame.dataOffset + frame.foff(i);
        return Arrays.copyOfRange(frame.data, from, from + frame.flen(i));
    }

    /** Text value for strings; the tshark display form for everything else. */
    public String asString() {
        Object o = frame.fobj[i];
        if (o instanceof String s) return s;
        if (type() == FieldType.STRING) {
            return new String(frame.data, frame.dataOffset + frame.foff(i), frame.flen(i), StandardCharsets.ISO_8859_1);
        }
        return display();
    }

    /**
     * The value as a Java object: Long for integers, Boolean for flags, String for MAC (colon form) and strings,
     * InetAddress for IP addresses, byte[] for bytes, Double, Long (epoch ns) for time, null for groups.
     */
    public Object value() {
        return switch (type()) {
            case UINT, INT, TIME -> asLong();
            case BOOL -> asBoolean();
            case DOUBLE -> asDouble();
            case MAC, STRING -> asString();
            case IPV4, IPV6 -> {
                try {
                    yield InetAddress.getByAddress(asBytes());
                } catch (UnknownHostException e) {
                    yield null;
                }
            }
            case BYTES -> asBytes();
            case GROUP -> null;
        };
    }

    /** The name of the value from the field's value table ({@code 6 → "TCP"}), or null. */
    public String valueName() {
        ValueNames n = def().names();
        return n == null ? null : n.name(asLong());
    }

    /** The value exactly as {@code tshark -T fields} prints it. */
    public String display() {
        StringBuilder sb = new StringBuilder(24);
        FieldFormat.appendTshark(frame, i, sb);
        return sb.toString();
    }

    /** Sub-fields of a group field (empty for leaves). */
    public List<Field> children() {
        List<Field> out = new ArrayList<>();
        for (int j = i + 1; j < frame.fend(i); j = frame.fend(j)) out.add(new Field(frame, j));
        return out;
    }

    public boolean hasChildren() { return frame.fend(i) > i + 1; }

    private static byte[] longBytes(long v, int n) {
        byte[] b = new byte[n];
        for (int k = n - 1; k >= 0; k--, v >>>= 8) b[k] = (byte) v;
        return b;
    }

    @Override public String toString() { return name() + "=" + display(); }
}
