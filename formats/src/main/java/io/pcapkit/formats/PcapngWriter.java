package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes frames as PCAPNG: one section header block, an interface description block for each (interface, link
 * type) met, and an enhanced packet block per frame with nanosecond time stamps ({@code if_tsresol} = 9). Link
 * types may differ from frame to frame, so any capture can be written.
 */
public final class PcapngWriter implements Dumper {
    private final OutputStream out;
    private boolean closed;
    private final boolean big;
    private final Map<Long, Integer> interfaces = new HashMap<>();
    private final Map<Integer, Long> snaplens = new HashMap<>();
    private boolean sectionWritten;

    public PcapngWriter(OutputStream out, ByteOrder order) {
        this.out = out;
        this.big = order == ByteOrder.BIG_ENDIAN;
    }

    public PcapngWriter(OutputStream out) { this(out, ByteOrder.LITTLE_ENDIAN); }

    @Override public void header(CaptureInfo info) throws IOException {
        section();
        if (info == null) return;
        for (CaptureInfo.Interface i : info.interfaces()) snaplens.put(i.id(), i.snaplen());
    }

    private void section() throws IOException {
        if (sectionWritten) return;
        byte[] b = new byte[28];
        put32(b, 0, 0x0A0D0D0AL);
        put32(b, 4, 28);
        put32(b, 8, 0x1A2B3C4DL);
        put16(b, 12, 1);
        put16(b, 14, 0);
        put32(b, 16, 0xFFFFFFFFL);   // section length unknown: we stream
        put32(b, 20, 0xFFFFFFFFL);
        put32(b, 24, 28);
        out.write(b);
        sectionWritten = true;
    }

    /** Our interface id for a frame's (interface, link type), writing its IDB the first time. */
    private int iface(Frame f) throws IOException {
        long k = (long) f.interfaceId() << 32 | (f.linkType().code() & 0xFFFFFFFFL);
        Integer id = interfaces.get(k);
        if (id != null) return id;
        id = interfaces.size();
        interfaces.put(k, id);
        long snap = snaplens.getOrDefault(Math.max(f.interfaceId(), 0), 0L);
        // IDB with one option if_tsresol (9: 10^-9 s), then opt_endofopt
        byte[] b = new byte[20 + 8 + 4 + 4];
        put32(b, 0, 1);
        put32(b, 4, b.length);
        put16(b, 8, f.linkType().code() & 0xFFFF);
        put32(b, 12, snap);
        put16(b, 16, 9);
        put16(b, 18, 1);
        b[20] = 9;
        put32(b, b.length - 4, b.length);
        // the end-of-options marker (code 0, length 0) sits in bytes 24..27, already zero
        out.write(b);
        return id;
    }

    @Override public void frame(Frame f) throws IOException {
        if (closed) throw new IOException("the writer is closed");
        if (f.linkType().code() < 0) return;   // custom/journal blocks are not packets
        section();
        int id = iface(f);
        int cap = f.capturedLength();
        int pad = (4 - cap % 4) % 4;
        int len = 28 + cap + pad + 4;
        byte[] h = new byte[28];
        long t = f.timestampNanos() == Frame.NO_TIMESTAMP ? 0 : f.timestampNanos();
        put32(h, 0, 6);
        put32(h, 4, len);
        put32(h, 8, id);
        put32(h, 12, t >>> 32);
        put32(h, 16, t);
        put32(h, 20, cap);
        put32(h, 24, Math.min(0xFFFFFFFFL, f.originalLength()));
        out.write(h);
        out.write(f.array(), f.dataOffset(), cap);
        byte[] tail = new byte[pad + 4];
        put32(tail, pad, len);
        out.write(tail);
    }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        section();
        out.flush();
    }

    private void put16(byte[] b, int at, int v) {
        if (big) { b[at] = (byte) (v >>> 8); b[at + 1] = (byte) v; }
        else { b[at] = (byte) v; b[at + 1] = (byte) (v >>> 8); }
    }

    private void put32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) b[at + (big ? 3 - i : i)] = (byte) (v >>> (8 * i));
    }

}
