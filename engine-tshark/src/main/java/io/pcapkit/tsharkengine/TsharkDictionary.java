package io.pcapkit.tsharkengine;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * tshark's own field registry, from {@code tshark -G fields}: for each display-filter name, whether it is a protocol
 * or a field, and for fields the type, base, width and mask that make {@link io.pcapkit.model.FieldFormat} print a
 * value exactly as {@code tshark -T fields} does. Read once per tshark binary and version per process (about a
 * second for tshark 4.0), lazily, when the first capture is opened.
 */
final class TsharkDictionary {
    /** One name: a protocol (P line) or a field (F line) with its model declaration. */
    record Entry(boolean protocol, String label, FieldType type, Base base, int bits, long mask) { }

    private static final Map<String, TsharkDictionary> CACHE = new ConcurrentHashMap<>();

    /**
     * The registry kept compact, because it is large (240,000 names, 19 MB of text for tshark 4.0) and only a few
     * hundred names are ever met: one byte array of condensed lines {@code kind TAB label TAB name TAB type TAB base
     * TAB mask LF} and an open-addressing table of line starts hashed by name (about 12 MB in all, no object per
     * name). A name's entry is parsed when it is first asked for.
     */
    private final byte[] text;
    private final int[] slots;   // line start + 1, 0 when empty
    private final Map<String, Entry> parsed = new ConcurrentHashMap<>();
    private final int size;

    private TsharkDictionary(byte[] text, int[] slots, int size) {
        this.text = text;
        this.slots = slots;
        this.size = size;
    }

    /** For tests: a dictionary of the given {@code -G fields} lines. */
    static TsharkDictionary of(Iterable<String> lines) {
        Builder b = new Builder();
        for (String line : lines) b.add(line);
        return b.build();
    }

    /** The dictionary of {@code bin}, loaded on first use. */
    static TsharkDictionary of(TsharkBinary bin) throws IOException {
        String key = bin.path + "\u0000" + bin.version;
        TsharkDictionary d = CACHE.get(key);
        if (d != null) return d;
        synchronized (CACHE) {
            d = CACHE.get(key);
            if (d == null) {
                d = load(bin);
                CACHE.put(key, d);
            }
            return d;
        }
    }

    /** The entry of {@code name}, or null when tshark has no such protocol or field. */
    Entry get(String name) {
        Entry e = parsed.get(name);
        if (e != null) return e;
        int line = find(name);
        if (line < 0) return null;
        e = parse(line);
        parsed.put(name, e);
        return e;
    }

    int size() { return size; }

    private int find(String name) {
        int mask = slots.length - 1;
        for (int i = name.hashCode() & mask, probes = 0; probes < slots.length; i = (i + 1) & mask, probes++) {
            int at = slots[i] - 1;
            if (at < 0) return -1;
            if (nameIs(at, name)) return at;
        }
        return -1;
    }

    /** Whether the name column (the third) of the line at {@code at} is {@code name}. */
    private boolean nameIs(int at, String name) {
        int p = column(at, 2);
        int n = name.length();
        if (p + n >= text.length || text[p + n] != '\t') return false;
        for (int k = 0; k < n; k++) if (text[p + k] != (byte) name.charAt(k)) return false;
        return true;
    }

    private int column(int at, int col) {
        int p = at;
        for (int c = 0; c < col; c++) {
            while (text[p] != '\t') p++;
            p++;
        }
        return p;
    }

    private Entry parse(int at) {
        int end = at;
        while (text[end] != '\n') end++;
        String[] c = new String(text, at, end - at, StandardCharsets.UTF_8).split("\t", -1);
        if (c[0].equals("P")) return new Entry(true, c[1], FieldType.BYTES, Base.NONE, 0, 0);
        return field(c[1], c[3], c[4], c[5]);
    }

    private static TsharkDictionary load(TsharkBinary bin) throws IOException {
        Process p = new ProcessBuilder(bin.path, "-G", "fields").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        Builder b = new Builder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 16)) {
            for (String line; (line = r.readLine()) != null; ) b.add(line);
        } finally {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (b.lines == 0) throw new IOException(bin.path + " -G fields listed no fields");
        return b.build();
    }

    /** Condenses {@code -G fields} lines, then hashes them. */
    private static final class Builder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 20);
        private int[] starts = new int[1 << 12];
        private int[] hashes = new int[1 << 12];
        int lines;

        /** One line of {@code -G fields}: {@code P label abbrev} or {@code F label abbrev type parent base mask …}. */
        void add(String line) {
            String[] c = line.split("\t", -1);
            String condensed;
            if (c.length >= 3 && c[0].equals("P")) condensed = "P\t" + c[1] + "\t" + c[2] + "\t\t\t\n";
            else if (c.length >= 7 && c[0].equals("F")) {
                condensed = "F\t" + c[1] + "\t" + c[2] + "\t" + c[3] + "\t" + c[5] + "\t" + c[6] + "\n";
            } else return;
            if (lines == starts.length) {
                starts = java.util.Arrays.copyOf(starts, lines * 2);
                hashes = java.util.Arrays.copyOf(hashes, lines * 2);
            }
            starts[lines] = out.size();
            hashes[lines++] = c[2].hashCode();
            out.writeBytes(condensed.getBytes(StandardCharsets.UTF_8));
        }

        TsharkDictionary build() {
            int cap = Integer.highestOneBit(Math.max(16, lines * 2)) << 1;
            TsharkDictionary d = new TsharkDictionary(out.toByteArray(), new int[cap], lines);
            int mask = cap - 1;
            for (int i = 0; i < lines; i++) {
                int slot = hashes[i] & mask;
                boolean duplicate = false;
                while (d.slots[slot] != 0 && !(duplicate = d.sameName(d.slots[slot] - 1, starts[i]))) {
                    slot = (slot + 1) & mask;
                }
                // the first line of a name wins, as with tshark's own registry lookups
                if (!duplicate) d.slots[slot] = starts[i] + 1;
            }
            return d;
        }
    }

    /** Whether the lines at {@code a} and {@code b} have the same name column. */
    private boolean sameName(int a, int b) {
        int p = column(a, 2), q = column(b, 2);
        while (text[p] == text[q]) {
            if (text[p] == '\t') return true;
            p++;
            q++;
        }
        return false;
    }

    /** Maps Wireshark's FT_ type and BASE_ display onto the model's declaration. */
    static Entry field(String label, String ft, String base, String maskText) {
        long mask = parseMask(maskText);
        return switch (ft) {
            case "FT_UINT8", "FT_UINT16", "FT_UINT24", "FT_UINT32", "FT_UINT40", "FT_UINT48", "FT_UINT56", "FT_UINT64" ->
                    new Entry(false, label, FieldType.UINT, base(base), Integer.parseInt(ft.substring(7)), mask);
            case "FT_INT8", "FT_INT16", "FT_INT24", "FT_INT32", "FT_INT40", "FT_INT48", "FT_INT56", "FT_INT64" ->
                    new Entry(false, label, FieldType.INT, base(base), Integer.parseInt(ft.substring(6)), mask);
            case "FT_FRAMENUM" -> new Entry(false, label, FieldType.UINT, Base.DEC, 32, 0);
            // a boolean's base column is the width of the integer its mask applies to
            case "FT_BOOLEAN" -> new Entry(false, label, FieldType.BOOL, Base.NONE, parseInt(base), mask);
            case "FT_ETHER" -> new Entry(false, label, FieldType.MAC, Base.NONE, 48, 0);
            case "FT_IPv4" -> new Entry(false, label, FieldType.IPV4, Base.NONE, 32, 0);
            case "FT_IPv6" -> new Entry(false, label, FieldType.IPV6, Base.NONE, 128, 0);
            case "FT_BYTES", "FT_UINT_BYTES" -> new Entry(false, label, FieldType.BYTES, Base.NONE, 0, 0);
            case "FT_NONE" -> new Entry(false, label, FieldType.GROUP, Base.NONE, 0, 0);
            // strings, protocol labels, and every type the model has no exact form for (times, floats, OIDs,
            // GUIDs …) keep tshark's own text, which is what -T fields prints for them
            default -> new Entry(false, label, FieldType.STRING, Base.NONE, 0, 0);
        };
    }

    private static Base base(String b) {
        return switch (b) {
            case "BASE_HEX" -> Base.HEX;
            case "BASE_OCT" -> Base.OCT;
            case "BASE_DEC_HEX" -> Base.DEC_HEX;
            case "BASE_HEX_DEC" -> Base.HEX_DEC;
            default -> Base.DEC;
        };
    }

    private static long parseMask(String s) {
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
