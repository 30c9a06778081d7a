package io.pcapkit.tsharkengine;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * tshark's own field registry, from {@code tshark -G fields}: for each display-filter name, whether it is a protocol
 * or a field, and for fields the type, base, width and mask that make {@link io.pcapkit.model.FieldFormat} print a
 * value exactly as {@code tshark -T fields} does. Read once per tshark binary and version per process (about a
 * second and 240,000 lines for tshark 4.0), lazily, when the first capture is opened.
 */
final class TsharkDictionary {
    /** One name: a protocol (P line) or a field (F line) with its model declaration. */
    record Entry(boolean protocol, String label, FieldType type, Base base, int bits, long mask) { }

    private static final Map<String, TsharkDictionary> CACHE = new ConcurrentHashMap<>();

    private final Map<String, Entry> byName;

    TsharkDictionary(Map<String, Entry> byName) { this.byName = byName; }

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

    Entry get(String name) { return byName.get(name); }

    int size() { return byName.size(); }

    private static TsharkDictionary load(TsharkBinary bin) throws IOException {
        Process p = new ProcessBuilder(bin.path, "-G", "fields").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        Map<String, Entry> map = new HashMap<>(1 << 19);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8),
                1 << 16)) {
            for (String line; (line = r.readLine()) != null; ) parseLine(line, map);
        } finally {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (map.isEmpty()) throw new IOException(bin.path + " -G fields listed no fields");
        return new TsharkDictionary(map);
    }

    /** One line of {@code -G fields}: {@code P label abbrev} or {@code F label abbrev type parent base mask descr}. */
    static void parseLine(String line, Map<String, Entry> into) {
        String[] c = line.split("\t", -1);
        if (c.length >= 3 && c[0].equals("P")) {
            into.putIfAbsent(c[2], new Entry(true, c[1], FieldType.BYTES, Base.NONE, 0, 0));
        } else if (c.length >= 7 && c[0].equals("F")) {
            into.putIfAbsent(c[2], field(c[1], c[3], c[5], c[6]));
        }
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
