package io.pcapkit.spi;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer a {@link FrameRenderer} writes one frame's output into. Reused from frame to frame: the
 * bytes are valid until the next {@link #reset()}.
 */
public final class RenderBuffer extends OutputStream {
    private byte[] buf;
    private int len;

    public RenderBuffer() { this(4096); }

    public RenderBuffer(int capacity) { buf = new byte[Math.max(16, capacity)]; }

    /** Empties the buffer, keeping its capacity. */
    public RenderBuffer reset() {
        len = 0;
        return this;
    }

    /** The backing array: bytes 0 to {@link #length()} are the content. */
    public byte[] array() { return buf; }

    public int length() { return len; }

    /** Room for {@code n} more bytes; returns the index to write them at (then call {@link #advance}). */
    public int reserve(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        return len;
    }

    /** Marks {@code n} bytes written after {@link #reserve}. */
    public void advance(int n) { len += n; }

    @Override public void write(int b) {
        if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        buf[len++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int n) {
        int at = reserve(n);
        System.arraycopy(b, off, buf, at, n);
        len += n;
    }

    /** Writes the content to {@code out}. */
    public void writeTo(OutputStream out) throws java.io.IOException { out.write(buf, 0, len); }
}
