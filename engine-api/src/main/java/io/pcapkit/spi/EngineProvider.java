package io.pcapkit.spi;

import java.util.List;
import java.util.Set;

/**
 * A decoding engine plug-in, listed in {@code META-INF/services/io.pcapkit.spi.EngineProvider}. Providers are cheap
 * and stateless: the constructor does nothing, {@link #probe()} is quick, heavy work happens in {@link #create}.
 */
public interface EngineProvider {
    /** Matched by {@code --engine} (case-insensitive). */
    String name();

    /** Other names {@code --engine} accepts. */
    default List<String> aliases() { return List.of(); }

    /** One line for {@code pcapkit engines}. */
    String description();

    /** Whether this engine can run here (binary found, library loadable …) and its version. */
    Availability probe();

    Set<Capability> capabilities();

    /** Builds an engine for one run. */
    Engine create(EngineOptions options);
}
