package io.pcapkit.nativeengine.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built PCAP and PCAPNG bytes for the reader tests, field by field as the formats lay them out. Every case
 * built here was also written to a file by an equivalent script and read with tshark 4.0; the tests quote what
 * tshark printed.
 */
final class CaptureBytes {
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private CaptureBytes() { }

    /** 60 bytes 00 01 02 … 3b: a stand-in packet. */
    static byte[] packet(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) i;
        return b;
    }

    static ByteBuffer buf(int n, ByteOrder o) { return ByteBuffer.allocate(n).order(o); }

    // ------------------------------------------------------------------ PCAP

    static byte[] pcapHeader(int magic, ByteOrder o, int major, int minor, long snaplen, long network) {
        return buf(24, o).putInt(magic).putShort((short) major).putShort((short) minor).putInt(0).putInt(0)
                .putInt((int) snaplen).putInt((int) network).array();
    }

    static byte[] pcapHeader(int magic, ByteOrder o) { return pcapHeader(magic, o, 2, 4, 65535, 1); }

    static byte[] pcapRecord(ByteOrder o, long sec, long frac, byte[] data, long capLen, long origLen) {
        return concat(buf(16, o).putInt((int) sec).putInt((int) frac).putInt((int) capLen).putInt((int) origLen)
                .array(), data);
    }

    static byte[] pcapRecord(ByteOrder o, long sec, long frac, byte[] data) {
        return pcapRecord(o, sec, frac, data, data.length, data.length);
    }

    // ------------------------------------------------------------------ PCAPNG

    /** A PCAPNG file being written, block by block, in the byte order of its current section. */
    static final class Ng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder o = LE;

        Ng shb(ByteOrder order, int major, int minor, byte[] options) {
            o = order;
            return block(0x0A0D0D0A, concat(buf(16, o).putInt(0x1A2B3C4D).putShort((short) major)
                    .putShort((short) minor).putLong(-1).array(), options));
        }

        Ng shb(ByteOrder order) { return shb(order, 1, 0, new byte[0]); }

        Ng idb(int linkType, long snaplen, byte[] options) {
            return block(1, concat(buf(8, o).putShort((short) linkType).putShort((short) 0).putInt((int) snaplen)
                    .array(), options));
        }

        Ng epb(int iface, long ts, byte[] data, long origLen) {
            return block(6, concat(buf(20, o).putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts)
                    .putInt(data.length).putInt((int) origLen).array(), data));
        }

        Ng epb(int iface, long ts, byte[] data) { return epb(iface, ts, data, data.length); }

        /** An EPB whose captured-length field says {@code capLen} whatever data follows. */
        Ng epbClaiming(int iface, long ts, long capLen, byte[] data) {
            return block(6, concat(buf(20, o).putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts)
                    .putInt((int) capLen).putInt(data.length).array(), data));
        }

        Ng spb(long origLen, byte[] data) { return block(3, concat(buf(4, o).putInt((int) origLen).array(), data)); }

        Ng pb(int iface, long ts, byte[] data) {
            return block(2, concat(buf(20, o).putShort((short) iface).putShort((short) -1).putInt((int) (ts >>> 32))
                    .putInt((int) ts).putInt(data.length).putInt(data.length).array(), data));
        }

        /** A block with its body padded to 4 bytes and both lengths right. */
        Ng block(int type, byte[] body) {
            int pad = (-body.length) & 3;
            int len = 12 + body.length + pad;
            return raw(buf(8, o).putInt(type).putInt(len).array(), body, new byte[pad], buf(4, o).putInt(len).array());
        }

        /** A block with the given leading and trailing lengths, for damaged files. */
        Ng blockWithLengths(int type, byte[] body, int leading, int trailing) {
            return raw(buf(8, o).putInt(type).putInt(leading).array(), body, buf(4, o).putInt(trailing).array());
        }

        Ng raw(byte[]... parts) {
            for (byte[] p : parts) out.writeBytes(p);
            return this;
        }

        /** One option: code, length, value, padding. */
        byte[] opt(int code, byte[] value) {
            return concat(buf(4, o).putShort((short) code).putShort((short) value.length).array(), value,
                    new byte[(-value.length) & 3]);
        }

        byte[] opt(int code, String value) { return opt(code, value.getBytes(StandardCharsets.UTF_8)); }

        byte[] end() { return new byte[4]; }

        byte[] u32(long v) { return buf(4, o).putInt((int) v).array(); }

        byte[] i64(long v) { return buf(8, o).putLong(v).array(); }

        byte[] bytes() { return out.toByteArray(); }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] cut(byte[] b, int removeFromEnd) { return java.util.Arrays.copyOf(b, b.length - removeFromEnd); }

    // ------------------------------------------------------------------ reading

    /** What one record said, copied out of the reader's buffer. */
    record Rec(long ts, int capLen, long origLen, int iface, int linkType, byte[] data, String anomaly) { }

    /** Every record, then the error (or null) that ended the file. */
    record Read(List<Rec> records, IOException error, RecordReader reader) { }

    static Read readAll(byte[] file, int maxFrameBytes) { return readAll(new ByteArrayInputStream(file), maxFrameBytes); }

    static Read readAll(byte[] file) { return readAll(file, io.pcapkit.spi.EngineOptions.DEFAULT_MAX_FRAME_BYTES); }

    static Read readAll(InputStream in, int maxFrameBytes) {
        List<Rec> out = new ArrayList<>();
        RecordReader r = null;
        try {
            r = CaptureReaders.open(in, "test.cap", maxFrameBytes);
            Record rec = new Record();
            while (r.next(rec)) {
                byte[] data = java.util.Arrays.copyOfRange(rec.data, rec.offset, rec.offset + rec.capturedLength);
                out.add(new Rec(rec.timestampNanos, rec.capturedLength, rec.originalLength, rec.interfaceId,
                        rec.linkType.code(), data, rec.anomaly));
            }
            return new Read(out, null, r);
        } catch (IOException e) {
            return new Read(out, e, r);
        }
    }

    /** A stream that hands out at most a few bytes per read, sometimes none: a slow pipe on stdin. */
    static InputStream trickle(byte[] data) {
        return new InputStream() {
            private int pos;
            private int call;

            @Override public int read() {
                return pos < data.length ? data[pos++] & 0xFF : -1;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                if (pos >= data.length) return -1;
                int n = Math.min(len, Math.min(data.length - pos, call++ % 4)); // 0, 1, 2, 3, 0, 1 …
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
