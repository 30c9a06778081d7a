package io.pcapkit.kaitaiengine;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.pcapkit.kaitaiengine.gen.Pcap;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A classic PCAP file read record by record: the file header and each record header are parsed by pcap.ksy's
 * generated types from a few bytes read here, the record's bytes go into one reused buffer, and the frame is
 * decoded by {@link Packet}. Nothing of the file is held beyond the current record, so memory stays flat.
 */
final class PcapSource implements FrameSource {
    private final InputStream in;
    private final String name;
    private final EngineOptions options;
    private final Frame frame = new Frame();
    private final Packet packet = new Packet();
    private final byte[] recordHeader = new byte[16];
    private CaptureInfo info;
    private boolean bigEndian, nanos, done;
    private int link;
    private LinkType linkType;
    private long offset, number;
    private byte[] buf = new byte[2048];

    PcapSource(InputStream in, String name, EngineOptions options) throws IOException {
        this.in = in;
        this.name = name;
        this.options = options;
        try {
            readHeader();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private void readHeader() throws IOException {
        byte[] h = new byte[24];
        int n = readUpTo(h, 24);
        int magicLe = n >= 4 ? (h[0] & 0xFF) | (h[1] & 0xFF) << 8 | (h[2] & 0xFF) << 16 | (h[3] & 0xFF) << 24 : 0;
        switch (magicLe) {
            case 0xa1b2c3d4 -> { bigEndian = false; nanos = false; }
            case 0xa1b23c4d -> { bigEndian = false; nanos = true; }
            case 0xd4c3b2a1 -> { bigEndian = true; nanos = false; }
            case 0x4d3cb2a1 -> { bigEndian = true; nanos = true; }
            default -> throw new CaptureFormatException(name, 0, "not a PCAP file (magic "
                    + String.format("%02x%02x%02x%02x", h[0], h[1], h[2], h[3]) + ")");
        }
        if (n < 24) throw new CaptureFormatException(name, n, "PCAP file header cut short (" + n + " of 24 bytes)");
        offset = 24;
        long magic, snaplen, network;
        int major, minor, zone;
        long sigfigs;
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(h);
        if (bigEndian) {
            Pcap.HeaderBe g = new Pcap.HeaderBe(io);
            magic = g.magic(); major = g.versionMajor(); minor = g.versionMinor(); zone = g.thiszone();
            sigfigs = g.sigfigs(); snaplen = g.snaplen(); network = g.network();
        } else {
            Pcap.Header g = new Pcap.Header(io);
            magic = g.magic(); major = g.versionMajor(); minor = g.versionMinor(); zone = g.thiszone();
            sigfigs = g.sigfigs(); snaplen = g.snaplen(); network = g.network();
        }
        link = (int) (network & 0xFFFF);
        linkType = LinkType.valueOf(link);
        info = new CaptureInfo(CaptureInfo.Format.PCAP, name);
        info.put("magic_number", String.format("0x%08x", magic)).put("version_major", major)
                .put("version_minor", minor).put("thiszone", zone).put("sigfigs", sigfigs).put("snaplen", snaplen)
                .put("network", link).put("byteorder", bigEndian ? "big" : "little").put("nanosecond", nanos);
        info.addInterface(new CaptureInfo.Interface(0, 0, linkType, snaplen, nanos ? 1_000_000_000L : 1_000_000L, 0,
                Map.of()));
        info.addSection(new CaptureInfo.Section(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                major, minor, -1, Map.of()));
    }

    @Override public Frame next() throws IOException {
        if (done) return null;
        int n = readUpTo(recordHeader, 16);
        if (n == 0) {
            done = true;
            return null;
        }
        if (n < 16) {
            done = true;
            throw new CaptureFormatException(name, offset, "record header cut short (" + n + " of 16 bytes)");
        }
        long sec, frac, incl, orig;
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(recordHeader);
        if (bigEndian) {
            Pcap.RecordHeaderBe r = new Pcap.RecordHeaderBe(io);
            sec = r.tsSec(); frac = r.tsFrac(); incl = r.inclLen(); orig = r.origLen();
        } else {
            Pcap.RecordHeader r = new Pcap.RecordHeader(io);
            sec = r.tsSec(); frac = r.tsFrac(); incl = r.inclLen(); orig = r.origLen();
        }
        if (incl > options.maxFrameBytes()) {
            done = true;
            throw new CaptureFormatException(name, offset, "record of " + incl + " bytes is over the limit of "
                    + options.maxFrameBytes());
        }
        int cap = (int) incl;
        int got = readGrowing(cap);
        if (got < cap) {
            done = true;
            throw new CaptureFormatException(name, offset, "record of " + cap + " bytes cut short (" + got
                    + " present)");
        }
        offset += 16 + cap;
        long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
        packet.b.reset(frame, ++number, ts, cap, orig, linkType, Frame.NO_INTERFACE, buf, 0);
        packet.decode(link);
        packet.b.finish();
        return frame;
    }

    /**
     * Reads up to {@code n} bytes into {@link #buf}, growing it as bytes arrive rather than to {@code n} up front: a
     * damaged length near the limit would otherwise allocate (and zero) up to 256 MiB for a file that ends a few
     * bytes later, a pause of seconds (the fuzz harness's zeek/linux_dlt_sll2.pcap with a captured length of 0).
     */
    private int readGrowing(int n) throws IOException {
        int got = 0;
        while (got < n) {
            if (got == buf.length) buf = java.util.Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            int r = in.read(buf, got, Math.min(n, buf.length) - got);
            if (r < 0) break;
            got += r;
        }
        return got;
    }

    private int readUpTo(byte[] b, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) break;
            got += r;
        }
        return got;
    }

    @Override public CaptureInfo info() { return info; }

    @Override public void close() throws IOException {
        done = true;
        in.close();
    }
}
