package io.pcapkit.kaitaiengine;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.pcapkit.kaitaiengine.gen.Pcapng;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PCAPNG file read block by block: each block's 8-byte head is read here and parsed by pcapng.ksy's
 * {@code block_head}, its body is read into one reused buffer and parsed by the type its block type names
 * (section header, interface description, enhanced or simple packet). A packet's bytes stay in that buffer and
 * are handed to {@link Packet} in place. Other blocks (name resolution, statistics, custom …) are counted and
 * skipped. Interface ids restart in every section, as tshark shows them.
 */
final class PcapngSource implements FrameSource {
    private static final int SHB = 0x0A0D0D0A, IDB = 1, PB = 2, SPB = 3, EPB = 6;
    private static final int MAX_INTERFACES = 65_536;

    /** One interface of the current section: link type, snaplen, time-stamp units per second and offset. */
    private record Iface(int link, LinkType linkType, long snaplen, long unitsPerSecond, long offsetSeconds) { }

    private final InputStream in;
    private final String name;
    private final EngineOptions options;
    private final Frame frame = new Frame();
    private final Packet packet = new Packet();
    private final byte[] head = new byte[8];
    private final List<Iface> ifaces = new ArrayList<>();
    private final CaptureInfo info;
    private boolean le = true, done;
    private int section = -1, globalIfaces;
    private long offset, number;
    private byte[] body = new byte[4096];

    PcapngSource(InputStream in, String name, EngineOptions options) {
        this.in = in;
        this.name = name;
        this.options = options;
        this.info = new CaptureInfo(CaptureInfo.Format.PCAPNG, name);
    }

    @Override public Frame next() throws IOException {
        while (!done) {
            long at = offset;
            int n = readUpTo(head, 8);
            if (n == 0) {
                done = true;
                return null;
            }
            if (n < 8) throw fail(at, "block header cut short (" + n + " of 8 bytes)");
            int type = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
            if (type == SHB) le = byteOrder(at);
            else if (section < 0) throw fail(0, "not a PCAPNG file: it does not start with a section header");
            Pcapng.BlockHead h = new Pcapng.BlockHead(new ByteBufferKaitaiStream(head), le);
            long total = h.totalLength();
            if (total < 12 || total % 4 != 0 || total - 8 > (long) options.maxFrameBytes() + 64 * 1024) {
                throw fail(at, "bad block total length " + total);
            }
            int len = (int) total - 8;
            if (type == SHB) {
                System.arraycopy(order, 0, body, 0, 4); // read already, to learn the byte order
                int got = readGrowing(4, len - 4);
                if (got < len - 4) throw fail(at, "section header block cut short");
            } else {
                int got = readGrowing(0, len);
                if (got < len) throw fail(at, "block of " + total + " bytes cut short (" + (got + 8) + " present)");
            }
            offset += total;
            ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(java.nio.ByteBuffer.wrap(body, 0, len - 4).slice());
            try {
                switch ((int) h.blockType()) {
                    case SHB -> section(io, at);
                    case IDB -> iface(io, at);
                    case EPB -> { if (epb(io, at, len - 4)) return frame; }
                    case PB -> { if (pb(io, at, len - 4)) return frame; }
                    case SPB -> { if (spb(io, at, len - 4)) return frame; }
                    default -> info.count("block.0x" + Long.toHexString(h.blockType()));
                }
            } catch (RuntimeException e) {
                if (!(e instanceof java.nio.BufferUnderflowException || e.getClass().getName().startsWith("io.kaitai"))) {
                    throw e;
                }
                throw fail(at, "damaged block of type " + h.blockType() + ": " + e);
            }
        }
        return null;
    }

    private final byte[] order = new byte[4];

    /** Reads the Section Header's byte-order magic (just after the head) to learn the section's byte order. */
    private boolean byteOrder(long at) throws IOException {
        if (readUpTo(order, 0, 4) < 4) throw fail(at, "section header block cut short");
        int m = (order[0] & 0xFF) << 24 | (order[1] & 0xFF) << 16 | (order[2] & 0xFF) << 8 | (order[3] & 0xFF);
        if (m == 0x4D3C2B1A) return true;
        if (m == 0x1A2B3C4D) return false;
        throw fail(at, "bad byte-order magic 0x" + Integer.toHexString(m) + " in the section header");
    }

    private void section(ByteBufferKaitaiStream io, long at) throws CaptureFormatException {
        Pcapng.SectionHeader s = new Pcapng.SectionHeader(io, le);
        if (s.majorVersion() != 1) throw fail(at, "unsupported PCAPNG section version " + s.majorVersion() + "."
                + s.minorVersion());
        section++;
        ifaces.clear();
        info.addSection(new CaptureInfo.Section(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
                s.majorVersion(), s.minorVersion(), s.sectionLength(), Map.of()));
    }

    private void iface(ByteBufferKaitaiStream io, long at) throws CaptureFormatException {
        Pcapng.InterfaceDescription d = new Pcapng.InterfaceDescription(io, le);
        long units = 1_000_000L, offsetSeconds = 0;
        if (d.options() != null) {
            for (Pcapng.Option o : d.options()) {
                byte[] v = o.value();
                if (o.code() == 9 && v.length >= 1) {
                    int r = v[0] & 0xFF;
                    int exp = r & 0x7F;
                    // section 4.2 if_tsresol: the high bit chooses a power of 2 over a power of 10
                    if ((r & 0x80) != 0) units = exp >= 63 ? Long.MAX_VALUE : 1L << exp;
                    else units = exp >= 19 ? Long.MAX_VALUE : pow10(exp);
                } else if (o.code() == 14 && v.length == 8) {
                    long x = 0;
                    for (int i = 0; i < 8; i++) x |= (long) (v[i] & 0xFF) << (le ? 8 * i : 8 * (7 - i));
                    offsetSeconds = x;
                }
            }
        }
        if (globalIfaces++ >= MAX_INTERFACES) throw fail(at, "more than " + MAX_INTERFACES + " interfaces");
        LinkType lt = LinkType.valueOf(d.linkType());
        ifaces.add(new Iface(d.linkType(), lt, d.snapLen(), units, offsetSeconds));
        info.addInterface(new CaptureInfo.Interface(ifaces.size() - 1, section, lt, d.snapLen(), units,
                offsetSeconds, Map.of()));
    }

    private boolean epb(ByteBufferKaitaiStream io, long at, int bodyLen) throws CaptureFormatException {
        Pcapng.EnhancedPacket e = new Pcapng.EnhancedPacket(io, le);
        return packet(at, e.interfaceId(), e.timestampHigh(), e.timestampLow(), e.capturedLen(), e.originalLen(),
                bodyLen);
    }

    /** An Enhanced or obsolete Packet Block: the 20-byte fixed part, then the packet's bytes in place. */
    private boolean packet(long at, long id, long tsHigh, long tsLow, long cap, long orig, int bodyLen)
            throws CaptureFormatException {
        if (id >= ifaces.size()) {
            throw fail(at, "packet refers to interface " + id + ", but section " + section + " has "
                    + ifaces.size());
        }
        if (cap > bodyLen - 20) throw fail(at, "captured length " + cap + " runs past the block");
        Iface f = ifaces.get((int) id);
        emit((int) id, f, nanos((tsHigh << 32) | tsLow, f), (int) cap, orig, 20);
        return true;
    }

    private boolean pb(ByteBufferKaitaiStream io, long at, int bodyLen) throws CaptureFormatException {
        Pcapng.ObsoletePacket e = new Pcapng.ObsoletePacket(io, le);
        return packet(at, e.interfaceId(), e.timestampHigh(), e.timestampLow(), e.capturedLen(), e.originalLen(),
                bodyLen);
    }

    private boolean spb(ByteBufferKaitaiStream io, long at, int bodyLen) throws CaptureFormatException {
        Pcapng.SimplePacket s = new Pcapng.SimplePacket(io, le);
        if (ifaces.isEmpty()) throw fail(at, "simple packet block before any interface description");
        Iface f = ifaces.getFirst();
        long cap = Math.min(s.originalLen(), bodyLen - 4);
        if (f.snaplen() > 0) cap = Math.min(cap, f.snaplen());
        emit(0, f, Frame.NO_TIMESTAMP, (int) cap, s.originalLen(), 4);
        return true;
    }

    private void emit(int id, Iface f, long ts, int cap, long orig, int dataOffset) {
        packet.b.reset(frame, ++number, ts, cap, orig, f.linkType(), id, body, dataOffset);
        packet.decode(f.link());
        packet.b.finish();
    }

    /** Seconds a nanosecond count since 1970 can hold (to the year 2262). */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    /**
     * A count of {@code units} per second since 1970, plus the interface's offset, in nanoseconds. Beyond what the
     * model's nanoseconds hold (tshark shows such dates with 64-bit unsigned seconds) it is clamped, as the native
     * reader does.
     */
    private static long nanos(long ts, Iface f) {
        long u = f.unitsPerSecond();
        long sec = Long.divideUnsigned(ts, u), frac = Long.remainderUnsigned(ts, u);
        long fracNanos = u == 1_000_000_000L ? frac : u < 1_000_000_000L ? frac * (1_000_000_000L / u)
                : (long) (frac * (1e9 / u));
        long total = sec < 0 || sec > MAX_SECONDS ? Long.MAX_VALUE : sec + f.offsetSeconds();
        if (total > MAX_SECONDS || total < -MAX_SECONDS) return Math.clamp(total, -MAX_SECONDS, MAX_SECONDS) * 1_000_000_000L;
        return total * 1_000_000_000L + fracNanos;
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) v *= 10;
        return v;
    }

    private CaptureFormatException fail(long at, String why) {
        done = true;
        return new CaptureFormatException(name, at, why);
    }

    private int readUpTo(byte[] b, int n) throws IOException { return readUpTo(b, 0, n); }

    /**
     * Reads up to {@code n} bytes into {@link #body} from {@code from}, growing it as bytes arrive rather than to
     * the block's claimed length up front: a damaged length near the limit would otherwise allocate (and zero) up
     * to 256 MiB for a file that ends a few bytes later.
     */
    private int readGrowing(int from, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int end = from + got;
            if (end == body.length) body = java.util.Arrays.copyOf(body, (int) Math.min(from + n, 2L * body.length));
            int r = in.read(body, end, Math.min(from + n, body.length) - end);
            if (r < 0) break;
            got += r;
        }
        return got;
    }

    private int readUpTo(byte[] b, int from, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(b, from + got, n - got);
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
