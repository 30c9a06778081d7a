package io.pcapkit.formats;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Field;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Layer;
import io.pcapkit.model.OpenEnum;
import io.pcapkit.spi.CaptureInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the document shape of the original pcapkit: a header block, then {@code Frame N} entries holding the
 * frame's own information, its protocol chain and its layers nested by lower-case protocol name
 * ({@code ethernet → ipv4 → tcp → raw}), each layer with its fields keyed by Wireshark name.
 *
 * <p>Values are typed: integers as numbers, flags as booleans, addresses and text as strings, bytes as hex. A field
 * with a value-name table becomes {@code {"value": 6, "name": "TCP"}}. A field with sub-fields (flag sets, options)
 * becomes an object of them, with its own value first under {@code "value"}. A name met several times at one
 * level (two NOP options) becomes one array in the place of its first occurrence, as tshark's
 * {@code -T json --no-duplicate-keys} does, so no object ever holds a key twice.
 */
final class Documents {
    private Documents() { }

    // ------------------------------------------------------------------ frames

    static String frameName(Frame f) { return "Frame " + f.number(); }

    static Node frame(Frame f) { return frame(f, true); }

    /**
     * The frame's entry. {@code merge}: repeated names at one level become one array (JSON and PLIST objects
     * cannot hold a key twice); without it they stay separate entries in header order, as TREE prints them.
     */
    static Node frame(Frame f, boolean merge) {
        Node n = Node.object(frameName(f), frameName(f));
        long ts = f.timestampNanos();
        n.add(Node.value("number", f.number()));
        n.add(Node.value("time", Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L),
                Math.floorMod(ts, 1_000_000_000L)).toString()));
        BigDecimal epoch = BigDecimal.valueOf(ts, 9);
        n.add(Node.value("time_epoch", "time_epoch", epoch, epoch.toPlainString()));
        n.add(Node.value("len", f.originalLength()));
        n.add(Node.value("cap_len", (long) f.capturedLength()));
        if (f.interfaceId() >= 0) n.add(Node.value("interface_id", (long) f.interfaceId()));
        n.add(named("link_type", "link_type", (long) f.linkType().code(), Integer.toString(f.linkType().code()),
                f.linkType().name()));
        if (f.hasAnomalies()) {
            Node list = Node.array("anomalies", "anomalies");
            for (Anomaly a : f.anomalies()) list.add(anomaly(a));
            n.add(list);
        }
        n.add(Node.value("protocols", f.protochain()));
        if (f.layerCount() > 0) n.add(layer(f.layer(0), merge));
        return n;
    }

    private static Node anomaly(Anomaly a) {
        Node n = Node.object(null, null);
        n.add(Node.value("kind", a.kind().name()));
        if (a.protocol() != null) n.add(Node.value("protocol", a.protocol().name()));
        if (a.offset() >= 0) n.add(Node.value("offset", (long) a.offset()));
        n.add(Node.value("message", a.message()));
        n.text = a.toString();
        return n;
    }

    /** A layer, holding its fields and then, nested, the layer above it. */
    private static Node layer(Layer l, boolean merge) {
        Node n = Node.object(l.protocol().key(), l.protocol().name());
        addFields(n, l.fields(), merge);
        Layer next = l.next();
        if (next != null) n.add(layer(next, merge));
        return n;
    }

    /** Adds fields under {@code parent}; with {@code merge}, a repeated name becomes one array where it first appears. */
    private static void addFields(Node parent, List<Field> fields, boolean merge) {
        if (!merge) {
            for (Field fd : fields) parent.add(field(fd, fd.name(), false));
            return;
        }
        Map<FieldDef, List<Field>> byDef = new IdentityHashMap<>();
        boolean repeated = false;
        for (Field fd : fields) {
            List<Field> same = byDef.computeIfAbsent(fd.def(), d -> new ArrayList<>(1));
            same.add(fd);
            repeated |= same.size() > 1;
        }
        if (!repeated) {
            for (Field fd : fields) parent.add(field(fd, fd.name(), true));
            return;
        }
        Map<FieldDef, Boolean> done = new IdentityHashMap<>();
        for (Field fd : fields) {
            if (done.put(fd.def(), Boolean.TRUE) != null) continue;
            List<Field> same = byDef.get(fd.def());
            if (same.size() == 1) {
                parent.add(field(fd, fd.name(), true));
            } else {
                Node arr = Node.array(fd.name(), fd.def().label());
                for (Field each : same) arr.add(field(each, null, true));
                parent.add(arr);
            }
        }
    }

    /** One field under {@code key} (null inside an array). */
    static Node field(Field fd, String key, boolean merge) {
        FieldDef d = fd.def();
        String label = key == null ? null : d.label();
        List<Field> children = fd.children();
        if (d.type() == FieldType.GROUP || !children.isEmpty()) {
            Node n = Node.object(key, label);
            if (d.type() != FieldType.GROUP) {
                n.add(Node.value("value", "Value", typed(fd), merge ? null : text(fd)));
                String name = d.names() == null ? null : fd.valueName();
                if (name != null) n.add(Node.value("name", "Name", name, null));
            }
            addFields(n, children, merge);
            return n;
        }
        if (d.names() != null && isInteger(d.type())) {
            return named(key, label, typed(fd), merge ? null : text(fd), fd.valueName());
        }
        // only TREE prints the one-line text (TREE is the one format that does not merge repeated names)
        return Node.value(key, label, typed(fd), merge ? null : text(fd));
    }

    private static boolean isInteger(FieldType t) { return t == FieldType.UINT || t == FieldType.INT; }

    /** {@code {"value": v, "name": n}}; TREE shows it on one line as {@code "text (name)"}. */
    private static Node named(String key, String label, Object value, String text, String name) {
        Node n = Node.object(key, label);
        n.add(Node.value("value", value));
        if (name != null) n.add(Node.value("name", name));
        n.text = name == null || text == null ? text : text + " (" + name + ")";
        return n;
    }

    /** The value as the JSON/PLIST writers type it. */
    private static Object typed(Field fd) {
        return switch (fd.type()) {
            case UINT -> {
                long v = fd.asLong();
                yield v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
            }
            case INT -> fd.asLong();
            case BOOL -> fd.asBoolean();
            case DOUBLE -> fd.asDouble();
            case TIME -> BigDecimal.valueOf(fd.asLong(), 9);
            case BYTES -> new Node.Hex(HexFormat.of().formatHex(fd.asBytes())); // "" when empty, not tshark's "<none>"
            case STRING -> fd.asString();
            case MAC, IPV4, IPV6, GROUP -> fd.display();
        };
    }

    /** The one-line human form TREE prints: tshark's display (hex integers in their base), True/False flags. */
    private static String text(Field fd) {
        return switch (fd.type()) {
            case BOOL -> fd.asBoolean() ? "True" : "False";
            case STRING -> fd.asString();
            case BYTES -> null;
            default -> fd.display();
        };
    }

    // ------------------------------------------------------------------ capture headers

    /**
     * The header entries known when the document starts: {@code Global Header} for PCAP; for PCAPNG the capture's
     * own header map (when the engine gave one) under {@code Capture Header}. PCAPNG sections and interfaces are
     * written by the dumper as they become known ({@link #section}, {@link #iface}).
     */
    static List<Node> header(CaptureInfo info) {
        List<Node> out = new ArrayList<>(2);
        if (info.format() == CaptureInfo.Format.PCAP) {
            Node g = Node.object("Global Header", "Global Header");
            if (!info.header().isEmpty()) {
                for (Map.Entry<String, Object> e : info.header().entrySet()) g.add(convert(e.getKey(), e.getValue()));
            } else if (!info.interfaces().isEmpty()) {
                CaptureInfo.Interface i = info.interfaces().getFirst();
                g.add(Node.value("snaplen", i.snaplen()));
                g.add(convert("network", i.linkType()));
            }
            out.add(g);
        } else if (!info.header().isEmpty()) {
            Node h = Node.object("Capture Header", "Capture Header");
            for (Map.Entry<String, Object> e : info.header().entrySet()) h.add(convert(e.getKey(), e.getValue()));
            out.add(h);
        }
        return out;
    }

    /** Entry name and content of the {@code index}-th (0-based) PCAPNG section. */
    static Node section(CaptureInfo.Section s, int index) {
        String name = "Section Header " + (index + 1);
        Node n = Node.object(name, name);
        n.add(convert("byteorder", s.byteOrder()));
        n.add(Node.value("version_major", (long) s.versionMajor()));
        n.add(Node.value("version_minor", (long) s.versionMinor()));
        n.add(Node.value("section_length", s.sectionLength()));
        if (!s.options().isEmpty()) n.add(convert("options", s.options()));
        return n;
    }

    /** Entry of the {@code index}-th (0-based) interface, matching {@code interface_id} of frames. */
    static Node iface(CaptureInfo.Interface i, int index) {
        String name = "Interface " + index;
        Node n = Node.object(name, name);
        n.add(Node.value("id", (long) i.id()));
        n.add(Node.value("section", (long) i.section()));
        n.add(convert("link_type", i.linkType()));
        n.add(Node.value("snaplen", i.snaplen()));
        n.add(Node.value("ts_resolution", i.tsUnitsPerSecond()));
        n.add(Node.value("ts_offset", i.tsOffsetSeconds()));
        if (!i.options().isEmpty()) n.add(convert("options", i.options()));
        return n;
    }

    /** Any header value an engine may put in {@link CaptureInfo#header()}, typed as the frame fields are. */
    static Node convert(String key, Object v) {
        return switch (v) {
            case null -> Node.value(key, key, null, "NIL");
            case Boolean b -> Node.value(key, key, b, b ? "True" : "False");
            case Double x -> Node.value(key, x);
            case Float x -> Node.value(key, x.doubleValue());
            case BigInteger x -> Node.value(key, x);
            case BigDecimal x -> Node.value(key, key, x, x.toPlainString());
            case Number x -> Node.value(key, x.longValue());
            case byte[] b -> Node.value(key, new Node.Hex(HexFormat.of().formatHex(b)));
            case ByteOrder o -> Node.value(key, o == ByteOrder.BIG_ENDIAN ? "big" : "little");
            case OpenEnum e -> named(key, key, (long) e.code(), Integer.toString(e.code()), e.name());
            case Enum<?> e -> Node.value(key, e.name().toLowerCase(java.util.Locale.ROOT));
            case Map<?, ?> m -> {
                Node n = Node.object(key, key);
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, val) -> copy.put(String.valueOf(k), val));
                copy.forEach((k, val) -> n.add(convert(k, val)));
                yield n;
            }
            case Collection<?> c -> {
                Node n = Node.array(key, key);
                for (Object o : c) {
                    Node e = convert(null, o);
                    n.add(e);
                }
                yield n;
            }
            default -> Node.value(key, v.toString());
        };
    }
}
