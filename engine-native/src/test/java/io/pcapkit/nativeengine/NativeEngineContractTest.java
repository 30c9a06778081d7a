package io.pcapkit.nativeengine;

import io.pcapkit.spi.EngineContractTest;
import io.pcapkit.spi.EngineProvider;

/** The engine contract, for the native engine. */
class NativeEngineContractTest extends EngineContractTest {
    @Override protected EngineProvider provider() { return new NativeEngineProvider(); }
}
