package io.pcapkit.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds engines through {@link ServiceLoader}. One broken provider (a missing class, a failing constructor) is
 * reported in {@link #problems()} and never hides the others. An unknown or unavailable engine is an error listing
 * the available ones: there is no silent fallback.
 */
public final class Engines {
    /** The engine used when none is named. */
    public static final String DEFAULT = "native";

    private final List<EngineProvider> providers;
    private final List<String> problems;

    private Engines(List<EngineProvider> providers, List<String> problems) {
        this.providers = List.copyOf(providers);
        this.problems = List.copyOf(problems);
    }

    /** Discovers the providers visible to the context class loader (or this class's loader). */
    public static Engines discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : Engines.class.getClassLoader());
    }

    public static Engines discover(ClassLoader loader) {
        List<EngineProvider> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<EngineProvider> it = ServiceLoader.load(EngineProvider.class, loader).iterator();
        // Bounded: a provider file listing thousands of broken entries must not spin forever.
        for (int guard = 0; guard < 1000; guard++) {
            try {
                if (!it.hasNext()) break;
                EngineProvider p = it.next();
                found.add(p);
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("engine provider failed to load: " + e.getMessage());
            }
        }
        return new Engines(found, problems);
    }

    /** Every provider found, in discovery order. */
    public List<EngineProvider> providers() { return providers; }

    /** Providers that could not be loaded, one line each. */
    public List<String> problems() { return problems; }

    /** The provider named (or aliased) {@code name}, case-insensitive, or null. */
    public EngineProvider find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (EngineProvider p : providers) {
            if (p.name().equalsIgnoreCase(n)) return p;
        }
        for (EngineProvider p : providers) {
            for (String a : p.aliases()) if (a.equalsIgnoreCase(n)) return p;
        }
        return null;
    }

    /**
     * The provider named {@code name}, probed: throws {@link EngineException} when it is unknown or unavailable,
     * with the list of engines that would work.
     */
    public EngineProvider require(String name) {
        EngineProvider p = find(name);
        if (p == null) {
            throw new EngineException("unknown engine '" + name + "'; available: " + availableNames());
        }
        Availability a = p.probe();
        if (!a.available()) {
            throw new EngineException("engine '" + p.name() + "' is not available: " + a.detail()
                    + "; available: " + availableNames());
        }
        return p;
    }

    /** Names of the engines whose probe succeeds, comma-separated (or "none"). */
    public String availableNames() {
        List<String> names = new ArrayList<>();
        for (EngineProvider p : providers) {
            try {
                if (p.probe().available()) names.add(p.name());
            } catch (RuntimeException | LinkageError e) {
                // a probe that throws counts as unavailable
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
