package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.Capability;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.EngineProvider;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Pcap4J 1.8.2 as a decoding engine: libpcap (the system's, through JNA) reads the capture, Pcap4J's static packet
 * factory decodes each frame, and {@link PacketMapper} maps what it decoded into the shared model.
 */
public final class Pcap4jEngineProvider implements EngineProvider {
    @Override public String name() { return "pcap4j"; }

    @Override public String description() {
        return "Pcap4J 1.8.2 over the system's libpcap (JNA): Ethernet, 802.1Q, ARP, SLL, IPv4/IPv6, ICMP, TCP, UDP, "
                + "SCTP, GTPv1, DNS";
    }

    @Override public Availability probe() { return LibPcap.availability(); }

    /**
     * PCAP and PCAPNG through libpcap (PCAPNG as libpcap reads it: one link type per file); link types beyond
     * Ethernet that Pcap4J's factory decodes (Linux SLL, BSD loopback, raw IP); the captured bytes; the record
     * filter. No stream input (libpcap reads a file path), no layer or protocol stop, no decode-as.
     */
    @Override public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PCAP, Capability.PCAPNG, Capability.LINK_TYPES, Capability.RAW_BYTES,
                Capability.APPLICATION_PROTOCOLS, Capability.RECORD_FILTER);
    }

    @Override public List<String> aliases() { return List.of("libpcap-pcap4j"); }

    @Override public Engine create(EngineOptions options) { return new Pcap4jEngine(options); }
}
