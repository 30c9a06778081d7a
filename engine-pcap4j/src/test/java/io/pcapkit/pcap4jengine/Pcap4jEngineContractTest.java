package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineProvider;

/** The engine contract, for the Pcap4J engine (skipped, saying why, where libpcap does not load). */
class Pcap4jEngineContractTest extends EngineContractTest {
    @Override protected EngineProvider provider() { return new Pcap4jEngineProvider(); }
}
