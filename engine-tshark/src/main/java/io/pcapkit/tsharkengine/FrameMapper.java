package io.pcapkit.tsharkengine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Level;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One frame of {@code tshark -T json -x} into the model. tshark writes, per frame, {@code frame_raw} (the captured
 * bytes), the {@code frame} protocol (number, time, lengths), then each protocol as an object keyed by its
 * abbreviation. Inside, every field is a key with its display text, preceded by {@code NAME_raw}: {@code [hex,
 * offset, length, bitmask, type]}; a field with sub-fields is followed by {@code NAME_tree}: an object; a text item
 * with sub-items is an object keyed by its label. Repeated fields are repeated keys, so each is one occurrence.
 *
 * <p>Protocols become layers in document order (nested ones too: the packet an ICMP error quotes), fields become
 * fields of the open layer, {@code _tree} objects groups of the field before them. Types come from tshark's own
 * registry ({@link TsharkDictionary}), or from the declaration when another engine declared the name first.
 */
final class FrameMapper {
    /** Field name → declaration, filled as names are met. */
    private final Map<String, FieldDef> defs = new HashMap<>(1024);
    /** Keys that are no field (text labels): looked up once. */
    private final Map<String, Boolean> known = new HashMap<>(256);
    private int fieldsSeen = -1;
    private final TsharkDictionary dict;
    private final LinkType pcapLinkType;

    // record of the frame being read
    private byte[] data = new byte[2048];
    private int dataLen;
    private long number, tsNanos, origLen;
    private int capLen, interfaceId, encap;
    private boolean reset, seenRecord;
    private Level lastLevel;
    private int layerEnd, openLen;

    // the field read but not yet added: it becomes a group if a NAME_tree object follows
    private String pendName, pendText;
    private int pendOff, pendLen;
    // the latest NAME_raw array
    private String rawKey;
    private int rawOff, rawLen;

    /** Values tshark printed that did not parse as their declared type (skipped, counted). */
    long unparsed;

    FrameMapper(TsharkDictionary dict, LinkType pcapLinkType) {
        this.dict = dict;
        this.pcapLinkType = pcapLinkType;
    }

    /** Reads one frame object (the parser is on its START_OBJECT) into {@code frame}. */
    Frame read(JsonParser p, FrameBuilder b, Frame frame) throws IOException {
        dataLen = 0;
        number = 0;
        tsNanos = Frame.NO_TIMESTAMP;
        origLen = -1;
        capLen = -1;
        interfaceId = Frame.NO_INTERFACE;
        encap = -1;
        reset = false;
        seenRecord = false;
        lastLevel = null;
        layerEnd = 0;
        pendName = null;
        rawKey = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if ("_source".equals(key) && v == JsonToken.START_OBJECT) source(p, b, frame);
            else p.skipChildren();
        }
        start(b, frame);
        return b.finish();
    }

    private void source(JsonParser p, FrameBuilder b, Frame frame) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if ("layers".equals(key) && v == JsonToken.START_OBJECT) layers(p, b, frame);
            else p.skipChildren();
        }
    }

    private void layers(JsonParser p, FrameBuilder b, Frame frame) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                if ("frame_raw".equals(key)) frameRaw(p);
                else raw(p, key);
            } else if (v == JsonToken.START_OBJECT) {
                if ("frame".equals(key)) {
                    frameRecord(p);
                    seenRecord = true;
                } else if (!seenRecord) {
                    // a packet comment (pkt_comment) comes before the frame record: the record starts the frame
                    p.skipChildren();
                } else {
                    protocol(p, b, frame, key);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code frame_raw: [hex, 0, length, 0, 1]}: the captured bytes, decoded into a reused buffer. */
    private void frameRaw(JsonParser p) throws IOException {
        boolean first = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (first && t == JsonToken.VALUE_STRING) {
                int len = p.getTextLength();
                if (data.length < len / 2) data = new byte[Math.max(len / 2, data.length * 2)];
                int n = Values.hexInto(p.getTextCharacters(), p.getTextOffset(), len, data);
                dataLen = Math.max(n, 0);
            } else if (t.isStructStart()) {
                p.skipChildren();
            }
            first = false;
        }
    }

    private void frameRecord(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                p.skipChildren();
                continue;
            }
            switch (key) {
                case "frame.number" -> number = Values.integer(p.getText(), false);
                case "frame.time_epoch" -> tsNanos = orElse(Values.epochNanos(p.getText()), Frame.NO_TIMESTAMP);
                case "frame.len" -> origLen = Values.integer(p.getText(), false);
                case "frame.cap_len" -> capLen = (int) Values.integer(p.getText(), false);
                case "frame.interface_id" -> interfaceId = (int) Values.integer(p.getText(), false);
                case "frame.encap_type" -> encap = (int) Values.integer(p.getText(), true);
                default -> { }
            }
        }
    }

    private static long orElse(long v, long fallback) { return v == Values.BAD ? fallback : v; }

    /** Starts the frame in the builder once its record is known (before the first layer). */
    private void start(FrameBuilder b, Frame frame) {
        if (reset) return;
        reset = true;
        int cap = capLen >= 0 ? Math.min(capLen, dataLen) : dataLen;
        LinkType lt = pcapLinkType != null ? pcapLinkType : CaptureHeader.fromEncap(encap);
        b.reset(frame, number, tsNanos, cap, origLen < 0 ? cap : origLen, lt, interfaceId, data, 0);
    }

    /** A protocol object: a new layer, whose fields are the object's. */
    private void protocol(JsonParser p, FrameBuilder b, Frame frame, String abbrev) throws IOException {
        if (abbrev.startsWith("_ws.")) {
            // tshark's own annotations (expert info, malformed markers): their fields belong to the open layer
            start(b, frame);
            fields(p, b);
            return;
        }
        start(b, frame);
        int off = layerEnd, len = 0;
        if (rawKey != null && rawKey.length() == abbrev.length() + 4 && rawKey.startsWith(abbrev)
                && rawOff >= 0 && rawOff + rawLen <= b.capturedLength()) {
            off = rawOff;
            len = rawLen;
        } else if (off > b.capturedLength()) {
            off = b.capturedLength();
        }
        rawKey = null;
        Protocol proto = protocolOf(abbrev);
        b.beginLayer(proto, off);
        openLen = len;
        layerEnd = off + len;
        lastLevel = proto.level();
        fields(p, b);
        // the open layer is this one, or the last protocol nested inside it (whose fields then follow)
        b.endLayer(openLen);
    }

    /** The fields of one object, in order; nested protocol objects open layers of their own. */
    private void fields(JsonParser p, FrameBuilder b) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (v) {
                case START_ARRAY -> {
                    if (key.endsWith("_raw")) raw(p, key);
                    else occurrences(p, b, key);
                }
                case START_OBJECT -> {
                    if (pendName != null && key.length() == pendName.length() + 5 && key.endsWith("_tree")
                            && key.startsWith(pendName)) {
                        group(p, b);
                    } else {
                        flush(b);
                        TsharkDictionary.Entry e = dict.get(key);
                        if (e != null && e.protocol() && !key.startsWith("_ws.")) {
                            nested(p, b, key);
                        } else if (e != null && !key.startsWith("_ws.")) {
                            // a valueless field (FT_NONE) whose only content is its sub-items, e.g.
                            // tls.change_cipher_spec carrying an expert note: the field itself, then them
                            boolean ownRaw = rawKey != null && rawKey.length() == key.length() + 4 && rawKey.startsWith(key);
                            pendName = key;
                            pendText = "";
                            pendOff = ownRaw ? rawOff : -1;
                            pendLen = ownRaw ? rawLen : 0;
                            rawKey = null;
                            group(p, b);
                        } else {
                            fields(p, b); // a text item's sub-items, or tshark's annotations
                        }
                    }
                }
                default -> {
                    flush(b);
                    pendName = key;
                    pendText = v == JsonToken.VALUE_NULL ? "" : p.getText();
                    boolean ownRaw = rawKey != null && rawKey.length() == key.length() + 4 && rawKey.startsWith(key);
                    pendOff = ownRaw ? rawOff : -1;
                    pendLen = ownRaw ? rawLen : 0;
                    rawKey = null;
                }
            }
        }
        flush(b);
    }

    /** A protocol inside another one's object (an ICMP error's quoted packet, a tunnel): its own layer. */
    private void nested(JsonParser p, FrameBuilder b, String abbrev) throws IOException {
        // the outer layer keeps its own header length; fields after the nested object join the nested layer,
        // as the builder only appends to the open layer
        if (b.currentLayer() >= 0) b.endLayer(openLen);
        protocol(p, b, b.frame(), abbrev);
    }

    /** {@code NAME_raw: [hex, offset, length, bitmask, type]}: remembered for the field that follows. */
    private void raw(JsonParser p, String key) throws IOException {
        int i = 0;
        rawKey = key;
        rawOff = -1;
        rawLen = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t.isStructStart()) {
                p.skipChildren();
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                if (i == 1) rawOff = p.getIntValue();
                else if (i == 2) rawLen = p.getIntValue();
            }
            i++;
        }
    }

    /** A key whose value is an array of texts: one occurrence each (tshark's --no-duplicate-keys form). */
    private void occurrences(JsonParser p, FrameBuilder b, String key) throws IOException {
        flush(b);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t.isStructStart()) {
                p.skipChildren();
                continue;
            }
            pendName = key;
            pendText = t == JsonToken.VALUE_NULL ? "" : p.getText();
            pendOff = -1;
            pendLen = 0;
            flush(b);
        }
    }

    /** The pending field with the {@code _tree} object that follows it as its sub-fields. */
    private void group(JsonParser p, FrameBuilder b) throws IOException {
        String name = pendName;
        pendName = null;
        FieldDef d = def(name, pendText);
        if (d == null) {
            fields(p, b);
            return;
        }
        int off = offset(b, pendOff, pendLen), len = off < 0 ? 0 : pendLen;
        if (!addValue(b, d, pendText, off, len, true)) {
            fields(p, b);
            return;
        }
        fields(p, b);
        b.endGroup();
    }

    /** Adds the pending field as a leaf. */
    private void flush(FrameBuilder b) {
        if (pendName == null) return;
        String name = pendName;
        pendName = null;
        FieldDef d = def(name, pendText);
        if (d == null) return;
        int off = offset(b, pendOff, pendLen);
        addValue(b, d, pendText, off, off < 0 ? 0 : pendLen, false);
    }

    /** tshark's offsets are into the field's data source, which for reassembled PDUs is not the frame. */
    private static int offset(FrameBuilder b, int off, int len) {
        return off >= 0 && off + len <= b.capturedLength() ? off : -1;
    }

    /** Parses {@code text} as {@code d}'s type and adds it (as a group when asked); false when it does not parse. */
    private boolean addValue(FrameBuilder b, FieldDef d, String text, int off, int len, boolean asGroup) {
        long v = 0;
        Object o = null;
        switch (d.type()) {
            case UINT -> v = Values.integer(text, false);
            case INT -> v = Values.integer(text, true);
            case BOOL -> v = Values.bool(text);
            case MAC -> v = Values.mac(text);
            case IPV4 -> v = Values.ipv4(text);
            case TIME -> v = Values.epochNanos(text);
            case IPV6 -> {
                o = Values.ipv6(text);
                if (o == null) v = Values.BAD;
            }
            case BYTES -> {
                o = Values.bytes(text);
                if (o == null) v = Values.BAD;
            }
            case DOUBLE -> {
                try {
                    o = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    v = Values.BAD;
                }
            }
            case STRING -> o = text;
            case GROUP -> { }
        }
        if (v == Values.BAD) {
            unparsed++;
            return false;
        }
        if (asGroup) {
            if (o != null) b.beginGroupObject(d, o, off, len);
            else b.beginGroup(d, v, off, len);
        } else if (o != null) {
            b.addObject(d, o, off, len);
        } else {
            b.add(d, v, off, len);
        }
        return true;
    }

    /**
     * The declaration of a field name: the one already registered, else one built from tshark's registry. A hex
     * field's width is the one its first value shows: tshark pads to what the dissector adds, which is not always
     * the registered type's width (llc.control.ftype is registered as 16 bits and printed as 0x03).
     */
    private FieldDef def(String name, String firstText) {
        if (Fields.count() != fieldsSeen) {
            // a declaration may have replaced one of ours (another engine declared the name since)
            defs.clear();
            known.clear();
            fieldsSeen = Fields.count();
        }
        FieldDef d = defs.get(name);
        if (d != null || known.containsKey(name)) return d;
        d = Fields.find(name);
        if (d == null) {
            TsharkDictionary.Entry e = dict.get(name);
            if (e != null) {
                // a protocol met as a field is one of tshark's "in name only" protocols (tcp.options.mss):
                // its value is the bytes it covers, as -T fields prints them
                // provisional: another engine's own declaration of the name, met later, takes over
                d = e.protocol() ? Fields.provisional(name, e.label(), FieldType.BYTES, Base.NONE, 0, 0)
                        : Fields.provisional(name, e.label(), e.type(), e.base(), shownBits(e, firstText), e.mask());
                fieldsSeen = Fields.count();
            }
        }
        if (d == null) {
            // text items are keyed by their label, which may differ in every frame: a bounded memory of them
            if (known.size() >= 4096) known.clear();
            known.put(name, Boolean.FALSE);
        }
        else defs.put(name, d);
        return d;
    }

    static int shownBits(TsharkDictionary.Entry e, String text) {
        boolean hex = e.base() == Base.HEX || e.base() == Base.HEX_DEC;
        if (!hex || text == null || !text.startsWith("0x") || text.length() < 3) return e.bits();
        return Math.min(64, 4 * (text.length() - 2));
    }

    /**
     * The model's protocol for a tshark abbreviation: one already defined with that abbreviation, else a new one
     * named in capitals one level up from the layer before it (a protocol above a transport is an application).
     */
    private Protocol protocolOf(String abbrev) {
        Protocol p = ProtocolsByAbbrev.find(abbrev);
        if (p != null) return p;
        Level level = lastLevel == null ? Level.LINK
                : lastLevel.compareTo(Level.TRANSPORT) >= 0 ? Level.APPLICATION : lastLevel;
        String name = abbrev.toUpperCase(Locale.ROOT);
        Protocol clash = Protocols.find(name);
        if (clash != null && !clash.abbrev().equals(abbrev)) name = "tshark:" + abbrev;
        try {
            p = Protocols.define(name, abbrev, level);
        } catch (IllegalStateException sameNameOtherLevel) {
            p = Protocols.find(name);
        }
        ProtocolsByAbbrev.add(p);
        return p;
    }

    /** Abbreviation → protocol; Protocols.find also matches display names ("raw" would find Raw, which is "data"). */
    static final class ProtocolsByAbbrev {
        private static final Map<String, Protocol> MAP = new java.util.concurrent.ConcurrentHashMap<>();
        private static volatile int seen;

        static Protocol find(String abbrev) {
            Protocol p = MAP.get(abbrev);
            if (p != null) return p;
            java.util.List<Protocol> all = Protocols.all();
            if (all.size() != seen) {
                // first definition wins: SLL before SLL2, ARP before RARP, as tshark names both alike
                for (Protocol q : all) MAP.putIfAbsent(q.abbrev(), q);
                seen = all.size();
            }
            return MAP.get(abbrev);
        }

        static void add(Protocol p) { MAP.putIfAbsent(p.abbrev(), p); }
    }
}
