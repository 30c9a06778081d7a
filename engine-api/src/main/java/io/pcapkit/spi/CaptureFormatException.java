package io.pcapkit.spi;

import java.io.IOException;

/**
 * The capture file itself is damaged or not a capture: thrown once every readable frame has been handed out.
 * Its message is the one line a user sees: {@code FILE: offset N: REASON}.
 */
public class CaptureFormatException extends IOException {
    private final String file;
    private final long offset;
    private final String reason;

    public CaptureFormatException(String file, long offset, String reason) {
        super(file + ": offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    public String file() { return file; }

    /** Byte offset in the file where the damage was found. */
    public long offset() { return offset; }

    public String reason() { return reason; }
}
