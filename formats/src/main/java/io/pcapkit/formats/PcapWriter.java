package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

/**
 * Writes frames as a classic PCAP file (version 2.4): microsecond (magic a1b2c3d4) or nanosecond (a1b23c4d)
 * time stamps, either byte order. A PCAP file has one link type: the header takes the capture's (or the first
 * frame's), and a frame of another link type is an error that says to write PCAPNG instead.
 */
public final class PcapWriter implements Dumper {
    private final OutputStream out;
    private boolean closed;
    private final boolean nanos;
    private final boolean big;
    private final byte[] rec = new byte[16];
    private LinkType linkType;
    private long snaplen = 262_144;
    private boolean headerWritten;

    public PcapWriter(OutputStream out, ByteOrder order, boolean nanos) {
        this.out = out;
        this.big = order == ByteOrder.BIG_ENDIAN;
        this.nanos = nanos;
    }

    /**
     * A writer that appends records to a PCAP file whose header is already written (same byte order, resolution
     * and link type): how a caller that closes files to stay under the open-file limit reopens one.
     */
    public static PcapWriter appending(OutputStream out, ByteOrder order, boolean nanos, LinkType linkType) {
        PcapWriter w = new PcapWriter(out, order, nanos);
        w.linkType = linkType;
        w.headerWritten = true;
        return w;
    }

    /** Little-endian, microseconds: what libpcap writes on most machines. */
    public PcapWriter(OutputStream out) { this(out, ByteOrder.LITTLE_ENDIAN, false); }

    @Override public void header(CaptureInfo info) throws IOException {
        if (headerWritten || info == null || info.linkType() == null) return;
        linkType = info.linkType();
        long snap = info.interfaces().getFirst().snaplen();
        if (snap > 0) snaplen = snap;
        writeHeader();
    }

    private void writeHeader() throws IOException {
        byte[] h = new byte[24];
        put32(h, 0, nanos ? 0xA1B23C4DL : 0xA1B2C3D4L);
        put16(h, 4, 2);
        put16(h, 6, 4);
        put32(h, 16, snaplen);
        put32(h, 20, linkType.code() & 0xFFFFFFFFL);
        out.write(h);
        headerWritten = true;
    }

    @Override public void frame(Frame f) throws IOException {
        if (closed) throw new IOException("the writer is closed");
        if (f.linkType().code() < 0) return;   // PCAPNG custom/journal blocks are not packets
        if (!headerWritten) {
            linkType = f.linkType();
            writeHeader();
        } else if (f.linkType().code() != linkType.code()) {
            throw new IOException("frame " + f.number() + " has link type " + f.linkType().code() + ", the PCAP file "
                    + linkType.code() + ": one PCAP file holds one link type (write PCAPNG: -f pcapng)");
        }
        long t = f.timestampNanos() == Frame.NO_TIMESTAMP ? 0 : f.timestampNanos();
        long sec = Math.floorDiv(t, 1_000_000_000L);
        long frac = Math.floorMod(t, 1_000_000_000L);
        put32(rec, 0, sec);
        put32(rec, 4, nanos ? frac : frac / 1000);
        put32(rec, 8, f.capturedLength());
        put32(rec, 12, Math.min(0xFFFFFFFFL, f.originalLength()));
        out.write(rec);
        out.write(f.array(), f.dataOffset(), f.capturedLength());
    }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (!headerWritten && linkType == null) {
            // an empty capture still makes a valid file
            linkType = LinkType.ETHERNET;
            writeHeader();
        }
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
