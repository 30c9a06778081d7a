package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureFormatException;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * One large reused buffer over an {@link InputStream} (a file or stdin alike): readers ask for the next {@code n}
 * bytes with {@link #fill}, read them in place at {@code buf[pos ..]} and hand out views of them. The unread tail is
 * moved to the front when the end of the buffer is reached, so memory stays at one buffer whatever the input size.
 * The buffer grows (doubling) only when one record is bigger than it and only as that record's bytes actually
 * arrive, so a damaged length field can never cause a large allocation by itself.
 */
final class ByteInput implements Closeable {
    static final int INITIAL_SIZE = 1 << 20;

    private final InputStream in;
    private final String name;
    private final boolean compressed;
    /** The buffer; bytes {@code [pos, lim)} are read from the input and not consumed yet. */
    byte[] buf;
    int pos;
    int lim;
    /** Input offset of {@code buf[0]}: a long, so inputs over 2 GiB are fine. */
    private long base;
    private boolean eof;

    ByteInput(InputStream in, String name, boolean compressed) {
        this(in, name, compressed, INITIAL_SIZE);
    }

    ByteInput(InputStream in, String name, boolean compressed, int initialSize) {
        this.in = in;
        this.name = name;
        this.compressed = compressed;
        this.buf = new byte[initialSize];
    }

    /** Input offset of {@code buf[pos]}. */
    long offset() { return base + pos; }

    /** Bytes read and not consumed yet. */
    int buffered() { return lim - pos; }

    /**
     * Makes at least {@code n} bytes available from {@code pos}. Returns false when the input ends first; then
     * {@link #buffered()} says how many there were. The caller has bounded {@code n}.
     */
    boolean fill(int n) throws IOException {
        if (lim - pos >= n) return true;
        if (buf.length - pos < n) makeRoom(n);
        while (lim - pos < n) {
            if (eof) return false;
            if (lim == buf.length) makeRoom(n);
            int r = read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return true;
    }

    /** Consumes {@code n} bytes, reading and dropping what is not buffered yet. False when the input ends first. */
    boolean skip(long n) throws IOException {
        int have = lim - pos;
        if (n <= have) {
            pos += (int) n;
            return true;
        }
        n -= have;
        base += lim;
        pos = 0;
        lim = 0;
        while (n > 0) {
            if (eof) return false;
            int r = read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                eof = true;
            } else {
                base += r;
                n -= r;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front, and grows the buffer when {@code n} bytes cannot fit even then. */
    private void makeRoom(int n) {
        int have = lim - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, have);
            base += pos;
            pos = 0;
            lim = have;
        }
        if (n > buf.length && lim == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
        }
    }

    /** One read that never returns 0 (a stream that does is asked for one byte, which must block). */
    private int read(byte[] b, int off, int len) throws IOException {
        try {
            int r = in.read(b, off, len);
            if (r != 0) return r;
            int one = in.read();
            if (one < 0) return -1;
            b[off] = (byte) one;
            return 1;
        } catch (ZipException | EOFException e) {
            if (!compressed) throw e;
            // a damaged or cut gzip stream is the capture's own damage, reported like any other
            throw new CaptureFormatException(name, base + lim, "compressed data is damaged: " + e.getMessage());
        }
    }

    int u8(int i) { return buf[i] & 0xFF; }

    int u16(int i, boolean big) {
        int a = buf[i] & 0xFF, b = buf[i + 1] & 0xFF;
        return big ? (a << 8) | b : (b << 8) | a;
    }

    int i32(int i, boolean big) {
        int a = buf[i] & 0xFF, b = buf[i + 1] & 0xFF, c = buf[i + 2] & 0xFF, d = buf[i + 3] & 0xFF;
        return big ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    long u32(int i, boolean big) { return i32(i, big) & 0xFFFF_FFFFL; }

    long i64(int i, boolean big) {
        long a = u32(i, big), b = u32(i + 4, big);
        return big ? (a << 32) | b : (b << 32) | a;
    }

    @Override public void close() throws IOException { in.close(); }
}
