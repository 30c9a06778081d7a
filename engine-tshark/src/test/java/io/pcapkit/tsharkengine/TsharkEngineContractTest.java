package io.pcapkit.tsharkengine;

import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineProvider;

/** The engine contract, for the tshark engine (skipped, saying why, where no tshark runs). */
class TsharkEngineContractTest extends EngineContractTest {
    @Override protected EngineProvider provider() { return new TsharkEngineProvider(); }
}
