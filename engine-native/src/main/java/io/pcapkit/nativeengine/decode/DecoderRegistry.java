package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch tables: (table, key) → decoder, backed by dense arrays. Filled once by {@link Registrations};
 * registering a key twice is an error unless it is an explicit {@link #override} (that is how
 * {@code --decode-as} works). Read-only after construction, so one registry serves every thread.
 */
public final class DecoderRegistry {
    // indexed by Dispatch.ordinal(): every payload looks a table up, so no map in between
    private final LayerDecoder[][] tables = new LayerDecoder[Dispatch.values().length][];
    private final Map<String, LayerDecoder> byProtocol = new LinkedHashMap<>();
    private final List<LayerDecoder> all = new ArrayList<>();
    // per table and stage: the heuristics in registration order (most tables have none: null)
    private final Heuristic[][][] tests = new Heuristic[Dispatch.values().length][][];
    private final LayerDecoder[][][] claims = new LayerDecoder[Dispatch.values().length][][];

    public DecoderRegistry() {
        for (Dispatch t : Dispatch.values()) tables[t.ordinal()] = new LayerDecoder[t.size()];
    }

    /** Registers {@code decoder} under {@code key} of {@code table}; a second registration of a key fails. */
    public DecoderRegistry register(Dispatch table, int key, LayerDecoder decoder) {
        LayerDecoder[] t = tables[table.ordinal()];
        if (key < 0 || key >= t.length) throw new IllegalArgumentException(table + " key " + key + " out of range");
        if (t[key] != null) {
            throw new IllegalStateException(table + " key " + key + " already taken by " + t[key].protocol()
                    + "; use override() to replace it");
        }
        t[key] = decoder;
        know(decoder);
        return this;
    }

    /** Replaces whatever is registered under {@code key} (null removes it). */
    public DecoderRegistry override(Dispatch table, int key, LayerDecoder decoder) {
        LayerDecoder[] t = tables[table.ordinal()];
        if (key < 0 || key >= t.length) throw new IllegalArgumentException(table + " key " + key + " out of range");
        t[key] = decoder;
        if (decoder != null) know(decoder);
        return this;
    }

    /** Makes a decoder known by protocol name without a table entry (reached through {@code nextDecoder}). */
    public DecoderRegistry know(LayerDecoder decoder) {
        Protocol p = decoder.protocol();
        if (!all.contains(decoder)) all.add(decoder);
        if (p == null) return this; // selectors have no protocol name
        byProtocol.putIfAbsent(p.name().toLowerCase(java.util.Locale.ROOT), decoder);
        byProtocol.putIfAbsent(p.abbrev().toLowerCase(java.util.Locale.ROOT), decoder);
        return this;
    }

    /**
     * Adds a content test to {@code table}: a payload that {@code test} accepts goes to {@code decoder}, tried at
     * {@code stage} (see {@link Heuristic.Stage}); tests of one stage are tried in registration order.
     */
    public DecoderRegistry heuristic(Dispatch table, Heuristic.Stage stage, Heuristic test, LayerDecoder decoder) {
        int stages = Heuristic.Stage.values().length;
        if (tests[table.ordinal()] == null) {
            tests[table.ordinal()] = new Heuristic[stages][0];
            claims[table.ordinal()] = new LayerDecoder[stages][0];
        }
        Heuristic[][] t = tests[table.ordinal()];
        LayerDecoder[][] d = claims[table.ordinal()];
        int s = stage.ordinal();
        t[s] = java.util.Arrays.copyOf(t[s], t[s].length + 1);
        d[s] = java.util.Arrays.copyOf(d[s], d[s].length + 1);
        t[s][t[s].length - 1] = test;
        d[s][d[s].length - 1] = decoder;
        know(decoder);
        return this;
    }

    /** The decoder of the first {@code stage} heuristic of {@code table} that accepts the payload, or null. */
    public LayerDecoder heuristicLookup(Dispatch table, Heuristic.Stage stage, DecodeContext c, int off, int len) {
        Heuristic[][] t = tests[table.ordinal()];
        if (t == null) return null;
        Heuristic[] ts = t[stage.ordinal()];
        for (int i = 0; i < ts.length; i++) {
            if (ts[i].matches(c, off, len)) return claims[table.ordinal()][stage.ordinal()][i];
        }
        return null;
    }

    /** The decoder under {@code key}, or null. */
    public LayerDecoder lookup(Dispatch table, int key) {
        LayerDecoder[] t = tables[table.ordinal()];
        return key >= 0 && key < t.length ? t[key] : null;
    }

    /** The decoder of a protocol, by pcapkit name or Wireshark abbreviation; null when none. */
    public LayerDecoder byProtocol(String name) {
        return byProtocol.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every decoder registered, in registration order. */
    public List<LayerDecoder> decoders() { return List.copyOf(all); }

    /** The registered (table, key) pairs, for {@code pcapkit} docs and the "every decoder is reachable" test. */
    public Map<Dispatch, List<Integer>> keys() {
        Map<Dispatch, List<Integer>> out = new EnumMap<>(Dispatch.class);
        for (Dispatch t : Dispatch.values()) {
            LayerDecoder[] arr = tables[t.ordinal()];
            List<Integer> ks = new ArrayList<>();
            for (int i = 0; i < arr.length; i++) if (arr[i] != null) ks.add(i);
            if (!ks.isEmpty()) out.put(t, ks);
        }
        return out;
    }
}
