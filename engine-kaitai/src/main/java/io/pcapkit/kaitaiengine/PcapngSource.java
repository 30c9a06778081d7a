package io.pcapkit.kaitaiengine;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.pcapkit.kaitaiengine.gen.Pcapng;
import io.pcapkit.model.Anomaly;
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
 * are handed to {@link Packet} in place. Custom blocks and systemd journal blocks are frames too, as tshark
 * numbers them (their bytes as the native reader gives them). Other blocks (name resolution, statistics …) are
 * counted and skipped. Interface ids restart in every section, as tshark shows them.
 */
final class PcapngSource implements FrameSource {
    private static final int SHB = 0x0A0D0D0A, IDB = 1, PB = 2, SPB = 3, EPB = 6, JOURNAL = 9;
    private static final int CB_COPY = 0x00000BAD, CB_NO_COPY = 0x40000BAD;
    private static final byte[] REALTIME = "__REALTIME_TIMESTAMP=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
            String recordAnomaly = null;
            if (type == SHB) {
                System.arraycopy(order, 0, body, 0, 4); // read already, to learn the byte order
                int got = readGrowing(4, len - 4);
                if (got < len - 4) throw fail(at, "section header block cut short");
            } else if (h.blockType() == SPB && !ifaces.isEmpty()) {
                recordAnomaly = spbByData(at, total);
                total = spbLength;
                len = (int) total - 8;
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
                    case SPB -> {
                        if (spb(io, at, len - 4)) {
                            if (recordAnomaly != null) packet.b.anomaly(Anomaly.Kind.RECORD, -1, recordAnomaly);
                            return frame;
                        }
                    }
                    case CB_COPY, CB_NO_COPY -> {
                        custom(io, at);
                        return frame;
                    }
                    case JOURNAL -> {
                        journal(at, len - 4);
                        return frame;
                    }
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
    /** The length {@link #spbByData} framed its block with. */
    private long spbLength;

    /**
     * The native reader's rule for a Simple Packet Block whose leading and trailing total lengths both hold the same
     * wrong value: wiretap sizes an SPB by its data (the original length, cut to the snapshot length) and only
     * compares the two length fields, so tshark reads the block and every one after it. When the block's length
     * differs from what its data take and a trailer equal to the stated length sits where the data end, the block is
     * framed by its data: its body is read into {@link #body}, {@link #spbLength} is set and the RECORD anomaly that
     * says so is returned. Otherwise the stream is put back just after the original length and null is returned.
     */
    private String spbByData(long at, long total) throws IOException {
        int got = readGrowing(0, 4);
        if (got < 4) throw fail(at, "block of " + total + " bytes cut short (" + (got + 8) + " present)");
        long orig = le ? (body[0] & 0xFFL) | (body[1] & 0xFFL) << 8 | (body[2] & 0xFFL) << 16 | (body[3] & 0xFFL) << 24
                : (body[0] & 0xFFL) << 24 | (body[1] & 0xFFL) << 16 | (body[2] & 0xFFL) << 8 | (body[3] & 0xFFL);
        long snap = ifaces.getFirst().snaplen();
        long cap = snap != 0 && orig > snap ? snap : orig;
        if (cap > options.maxFrameBytes()) return resumeSpb(at, total);
        int natural = 16 + (((int) cap + 3) & ~3);
        if (natural == total || !in.markSupported()) return resumeSpb(at, total);
        in.mark(natural);
        int rest = natural - 12; // data, padding and the trailing length
        if (readGrowing(4, rest) == rest && u32(body, rest, le) == total) {
            spbLength = natural;
            return "block total length " + total + " of an SPB disagrees with the " + natural
                    + " bytes its packet data take; read as " + natural;
        }
        in.reset();
        return resumeSpb(at, total);
    }

    /** Reads the rest of an SPB's body (after the 4 bytes of original length already in {@link #body}). */
    private String resumeSpb(long at, long total) throws IOException {
        int len = (int) total - 8;
        int got = readGrowing(4, len - 4);
        if (got < len - 4) throw fail(at, "block of " + total + " bytes cut short (" + (got + 12) + " present)");
        spbLength = total;
        return null;
    }

    private static long u32(byte[] b, int p, boolean le) {
        return le ? (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24
                : (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFFL) << 16 | (b[p + 2] & 0xFFL) << 8 | (b[p + 3] & 0xFFL);
    }

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

    /** A custom block: the frame is its bytes after the Private Enterprise Number, options included. */
    private void custom(ByteBufferKaitaiStream io, long at) throws CaptureFormatException {
        Pcapng.CustomBlock c = new Pcapng.CustomBlock(io, le);
        info.count("block.custom");
        int n = c.data().length;
        if (n > options.maxFrameBytes()) {
            throw fail(at, "custom block of " + n + " bytes exceeds the " + options.maxFrameBytes() + "-byte limit");
        }
        nonPacket(LinkType.PCAPNG_CUSTOM_BLOCK, Frame.NO_TIMESTAMP, 4, n);
    }

    /**
     * A systemd Journal Export Block: one journal entry (without its zero padding), stamped with its
     * {@code __REALTIME_TIMESTAMP} in microseconds, as the native reader and tshark read it.
     */
    private void journal(long at, int bodyLen) throws CaptureFormatException {
        int end = bodyLen;
        while (end > 0 && body[end - 1] == 0) end--;
        if (end < 23) throw fail(at, "journal export entry of " + end + " bytes is too short");
        int key = indexOf(body, end, REALTIME);
        if (key < 0) throw fail(at, "journal export entry without __REALTIME_TIMESTAMP");
        long micros = 0;
        int digits = 0;
        for (int i = key + REALTIME.length; i < end && digits <= 18; i++, digits++) {
            int d = body[i] - '0';
            if (d < 0 || d > 9) break;
            micros = micros * 10 + d;
        }
        if (digits == 0 || digits > 18 || micros / 1_000_000 > MAX_SECONDS) {
            throw fail(at, "journal export entry with an unreadable __REALTIME_TIMESTAMP");
        }
        info.count("block.journal");
        nonPacket(LinkType.PCAPNG_SYSTEMD_JOURNAL, micros * 1000, 0, end);
    }

    private static int indexOf(byte[] b, int to, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= to; i++) {
            for (int k = 0; k < what.length; k++) if (b[i + k] != what[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** A frame that is no packet of an interface: its bytes are left raw. */
    private void nonPacket(LinkType lt, long ts, int dataOffset, int n) {
        packet.b.reset(frame, ++number, ts, n, n, lt, Frame.NO_INTERFACE, body, dataOffset);
        packet.decode(lt.code());
        packet.b.finish();
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
