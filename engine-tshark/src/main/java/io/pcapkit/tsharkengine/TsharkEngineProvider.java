package io.pcapkit.tsharkengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Wireshark's tshark as a decoding engine (the Python original's PyShark engine): every protocol tshark knows,
 * mapped into the shared model with Wireshark's own field names. Available when a tshark 3.0 or later runs here;
 * {@code --tshark PATH} (engine option {@code tshark.path}) names another binary.
 */
public final class TsharkEngineProvider implements EngineProvider {
    @Override public String name() { return "tshark"; }

    @Override public List<String> aliases() { return List.of("wireshark", "pyshark"); }

    @Override public String description() {
        return "Wireshark's tshark as a subprocess (-T json -x), every protocol it dissects";
    }

    @Override public Availability probe() { return TsharkBinary.of((String) null).availability(); }

    @Override public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PCAP, Capability.PCAPNG, Capability.STREAM_INPUT, Capability.LINK_TYPES,
                Capability.DECODE_AS, Capability.RAW_BYTES, Capability.APPLICATION_PROTOCOLS);
    }

    @Override public Engine create(EngineOptions options) {
        loadOtherDeclarations();
        return new TsharkEngine(options);
    }

    private static volatile boolean othersLoaded;

    /**
     * The native engine's decoders declare their protocols in static initialisers. A protocol this engine invents
     * first under the same name (L2TP above UDP, where the native engine declares it a link) made those
     * initialisers fail when the native engine was used later in the same JVM: a NoClassDefFoundError the fuzz
     * harness hit on its first IPv6 capture after a tshark-engine run. Creating the other engines once, before
     * any frame is mapped, lets their declarations come first and this engine reuse them.
     */
    private static void loadOtherDeclarations() {
        if (othersLoaded) return;
        othersLoaded = true;
        for (EngineProvider p : io.pcapkit.spi.Engines.discover().providers()) {
            if (p instanceof TsharkEngineProvider) continue;
            try (Engine e = p.create(EngineOptions.defaults())) {
                // created for its declarations only
            } catch (RuntimeException | LinkageError e) {
                // an engine that cannot be created here declares nothing: nothing to clash with
            }
        }
    }
}
