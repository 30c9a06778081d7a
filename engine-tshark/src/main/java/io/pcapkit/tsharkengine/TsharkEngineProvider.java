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

    @Override public Engine create(EngineOptions options) { return new TsharkEngine(options); }
}
