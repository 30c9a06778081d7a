package io.pcapkit.spi;

/** An engine cannot be found, is unavailable on this machine, or cannot do what was asked. */
public class EngineException extends RuntimeException {
    public EngineException(String message) { super(message); }

    public EngineException(String message, Throwable cause) { super(message, cause); }
}
