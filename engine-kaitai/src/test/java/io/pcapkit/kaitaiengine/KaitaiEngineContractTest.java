package io.pcapkit.kaitaiengine;

import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineProvider;

/** The engine contract, for the Kaitai engine. */
class KaitaiEngineContractTest extends EngineContractTest {
    @Override protected EngineProvider provider() { return new KaitaiEngineProvider(); }
}
