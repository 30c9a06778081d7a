package io.pcapkit.nativeengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The default engine: pcapkit's own zero-copy reader and decoders. Always available (pure Java). */
public final class NativeEngineProvider implements EngineProvider {
    @Override public String name() { return "native"; }

    @Override public List<String> aliases() { return List.of("default", "pcapkit"); }

    @Override public String description() { return "pcapkit's own zero-copy PCAP/PCAPNG reader and protocol decoders"; }

    @Override public Availability probe() {
        return Availability.ok("built in, Java " + Runtime.version().feature());
    }

    @Override public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PCAP, Capability.PCAPNG, Capability.STREAM_INPUT, Capability.LAYER_STOP,
                Capability.PROTOCOL_STOP, Capability.LINK_TYPES, Capability.DECODE_AS, Capability.RAW_BYTES,
                Capability.RECORD_FILTER, Capability.PARALLEL);
    }

    @Override public Engine create(EngineOptions options) { return new NativeEngine(options); }
}
