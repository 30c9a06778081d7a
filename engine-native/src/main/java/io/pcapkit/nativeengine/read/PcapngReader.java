package io.pcapkit.nativeengine.read;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * PCAPNG (draft-ietf-opsawg-pcapng): blocks of {type, total length, body, total length again}, in sections that
 * each start with a Section Header Block giving the section's byte order. Packets come from Enhanced, Simple and
 * (obsolete) Packet Blocks; custom blocks and systemd journal blocks are handed out as records of their own, as
 * tshark numbers them as frames too. Name resolution, statistics, decryption-secrets and unknown blocks are skipped
 * (streamed past, never buffered whole) and counted in {@link CaptureInfo#counters()}.
 *
 * <p>Interface ids restart in every section; a record's interface id is the one inside its section, which is what
 * tshark 4.0 shows as {@code frame.interface_id}. {@code CaptureInfo} lists every interface with its section.
 */
final class PcapngReader implements RecordReader {
    static final int SHB = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int IDB = 1, PB = 2, SPB = 3, NRB = 4, ISB = 5, EPB = 6, JOURNAL = 9, DSB = 10;
    private static final int CB_COPY = 0x00000BAD, CB_NO_COPY = 0x40000BAD;
    /** Room for options beside the largest packet, as tshark allows (it refuses bigger blocks as damage). */
    private static final int OPTIONS_ALLOWANCE = 131_072;
    /** Interfaces and sections kept in {@code CaptureInfo}: a bound on what a damaged file can make us hold. */
    private static final int MAX_INTERFACES = 65_536, MAX_SECTIONS = 65_536;
    private static final long NANOS = 1_000_000_000L;
    /** Largest |seconds| whose nanoseconds fit a long (the year 2262). */
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS - 1;
    private static final long[] POW10 = new long[19];
    private static final byte[] REALTIME = "__REALTIME_TIMESTAMP=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private final ByteInput in;
    private final String name;
    private final int maxFrameBytes;
    private final long maxBlock;
    private final CaptureInfo info;
    private boolean big;
    private int section = -1;

    // the current section's interfaces, by id; time stamps: units per second as 10^exp or 2^exp (binary)
    private int ifCount;
    private LinkType[] ifLink = new LinkType[4];
    private long[] ifSnap = new long[4];
    private boolean[] ifBinary = new boolean[4];
    private int[] ifExp = new int[4];
    private long[] ifOffset = new long[4];
    private int interfacesSeen;
    private int optResolution;
    private long optOffset;
    private CaptureFormatException failed;

    PcapngReader(ByteInput in, String name, int maxFrameBytes) throws IOException {
        this.in = in;
        this.name = name;
        this.maxFrameBytes = maxFrameBytes;
        this.maxBlock = (long) maxFrameBytes + 32 + OPTIONS_ALLOWANCE;
        this.info = new CaptureInfo(CaptureInfo.Format.PCAPNG, name);
        readSectionHeader(in.offset());
        info.put("byteorder", big ? "big" : "little");
        CaptureInfo.Section first = info.sections().getFirst();
        info.put("version", first.versionMajor() + "." + first.versionMinor());
    }

    @Override public CaptureInfo info() { return info; }

    @Override public boolean next(Record rec) throws IOException {
        if (failed != null) throw failed;
        try {
            return readUntilRecord(rec);
        } catch (CaptureFormatException e) {
            failed = e;
            throw e;
        }
    }

    /** Reads blocks until one that is a record; every block read consumes at least 12 bytes, so this ends. */
    private boolean readUntilRecord(Record rec) throws IOException {
        while (true) {
            long off = in.offset();
            if (!in.fill(8)) {
                if (in.buffered() == 0) return false;
                throw fail(off, "cut short in the middle of a block header: " + in.buffered() + " of 8 bytes");
            }
            int type = in.i32(in.pos, big);
            if (type == SHB) {
                readSectionHeader(off);
                continue;
            }
            long len = in.u32(in.pos + 4, big);
            String what = blockName(type);
            checkLength(off, len, what);
            switch (type) {
                case EPB, PB -> {
                    packet(off, (int) len, type == EPB, rec);
                    return true;
                }
                case SPB -> {
                    simplePacket(off, (int) len, rec);
                    return true;
                }
                case IDB -> interfaceDescription(off, (int) len);
                case CB_COPY, CB_NO_COPY -> {
                    custom(off, (int) len, rec);
                    return true;
                }
                case JOURNAL -> {
                    journal(off, (int) len, rec);
                    return true;
                }
                default -> {
                    info.count("block." + what.replace(" block", ""));
                    if (!in.skip(len - 4) || !in.fill(4)) {
                        throw fail(off, "cut short in the middle of " + article(what));
                    }
                    checkTrailer(off, len, in.pos);
                    in.pos += 4;
                }
            }
        }
    }

    private static String blockName(int type) {
        return switch (type) {
            case IDB -> "IDB";
            case PB -> "PB";
            case SPB -> "SPB";
            case NRB -> "NRB";
            case ISB -> "ISB";
            case EPB -> "EPB";
            case JOURNAL -> "journal block";
            case DSB -> "DSB";
            case CB_COPY, CB_NO_COPY -> "custom block";
            default -> type >= 0x201 && type <= 0x2FF ? "sysdig block" : "unknown block";
        };
    }

    /** "an EPB", "an SPB", "a PB", "a custom block", "an unknown block": initials are read as letters. */
    private static String article(String what) {
        char c = what.charAt(0);
        boolean vowelSound = Character.isUpperCase(c) ? "AEFHILMNORSX".indexOf(c) >= 0 : "aeiou".indexOf(c) >= 0;
        return (vowelSound ? "an " : "a ") + what;
    }

    private void checkLength(long off, long len, String what) throws CaptureFormatException {
        if (len < 12) throw fail(off, "block total length " + len + " is less than the minimum block size 12");
        if ((len & 3) != 0) throw fail(off, "block total length " + len + " is not a multiple of 4");
        if (len > maxBlock) {
            throw fail(off, "block total length " + len + " of " + article(what) + " exceeds the " + maxBlock
                    + "-byte limit");
        }
    }

    /** Buffers the whole block at {@code off} (length already checked) and returns its index in the buffer. */
    private int whole(long off, int len, String what, int minimum) throws IOException {
        if (len < minimum) {
            throw fail(off, "block total length " + len + " of " + article(what) + " is less than its minimum "
                    + minimum);
        }
        if (!in.fill(len)) {
            throw fail(off, "cut short in the middle of " + article(what) + ": " + in.buffered() + " of " + len
                    + " bytes");
        }
        checkTrailer(off, len, in.pos + len - 4);
        return in.pos;
    }

    private void checkTrailer(long off, long len, int at) throws CaptureFormatException {
        long trailer = in.u32(at, big);
        if (trailer != len) {
            throw fail(off, "block total lengths differ: " + len + " at the start, " + trailer + " at the end");
        }
    }

    private void readSectionHeader(long off) throws IOException {
        if (!in.fill(12)) {
            throw fail(off, "cut short in the middle of a section header block: " + in.buffered() + " of 28 bytes");
        }
        int bom = in.i32(in.pos + 8, false);
        boolean order;
        if (bom == BYTE_ORDER_MAGIC) order = false;
        else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) order = true;
        else throw fail(off + 8, String.format("section header block with unknown byte-order magic 0x%08x",
                    Integer.reverseBytes(bom)));
        long len = in.u32(in.pos + 4, order);
        big = order;
        checkLength(off, len, "SHB");
        int p = whole(off, (int) len, "SHB", 28);
        int major = in.u16(p + 12, big);
        int minor = in.u16(p + 14, big);
        // 1.2 was written by some tools for what is format 1.0; tshark reads both and refuses every other version
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw fail(off, "unsupported PCAPNG section version " + major + "." + minor);
        }
        long sectionLength = in.i64(p + 16, big);
        Map<String, String> options = PcapngOptions.section(in, p + 24, p + (int) len - 4, big, name, off);
        if (section + 1 >= MAX_SECTIONS) throw fail(off, "more than " + MAX_SECTIONS + " sections");
        section++;
        ifCount = 0;
        info.addSection(new CaptureInfo.Section(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, major, minor,
                sectionLength, options));
        info.count("block.SHB");
        in.pos += (int) len;
    }

    private void interfaceDescription(long off, int len) throws IOException {
        int p = whole(off, len, "IDB", 20);
        int link = in.u16(p + 8, big);
        long snap = in.u32(p + 12, big);
        int end = p + len - 4;
        Map<String, String> options = PcapngOptions.iface(in, p + 16, end, big, name, off);
        optResolution = 6; // microseconds unless if_tsresol says otherwise
        optOffset = 0;
        PcapngOptions.walk(in, p + 16, end, big, this::timingOption, name, off, "interface description block");
        int resolution = optResolution;
        // seconds past what nanoseconds in a long can hold are clamped; such stamps are flagged per record
        long tsOffset = Math.clamp(optOffset, -MAX_SECONDS, MAX_SECONDS);
        if (interfacesSeen >= MAX_INTERFACES) throw fail(off, "more than " + MAX_INTERFACES + " interfaces");
        interfacesSeen++;
        if (ifCount == ifLink.length) {
            int n = ifCount * 2;
            ifLink = Arrays.copyOf(ifLink, n);
            ifSnap = Arrays.copyOf(ifSnap, n);
            ifBinary = Arrays.copyOf(ifBinary, n);
            ifExp = Arrays.copyOf(ifExp, n);
            ifOffset = Arrays.copyOf(ifOffset, n);
        }
        int id = ifCount++;
        LinkType lt = LinkType.valueOf(link);
        ifLink[id] = lt;
        ifSnap[id] = snap;
        ifBinary[id] = (resolution & 0x80) != 0;
        ifExp[id] = resolution & 0x7F;
        ifOffset[id] = tsOffset;
        long units = ifBinary[id] ? (ifExp[id] <= 62 ? 1L << ifExp[id] : 0) : (ifExp[id] <= 18 ? POW10[ifExp[id]] : 0);
        info.addInterface(new CaptureInfo.Interface(id, section, lt, snap, units, tsOffset, options));
        info.count("block.IDB");
        in.pos += len;
    }

    private void timingOption(int code, int at, int n) {
        if (code == PcapngOptions.IF_TSRESOL && n == 1) optResolution = in.u8(at);
        if (code == PcapngOptions.IF_TSOFFSET && n == 8) optOffset = in.i64(at, big);
    }

    /** Enhanced Packet Block, or the obsolete Packet Block (16-bit interface id and a drops count). */
    private void packet(long off, int len, boolean enhanced, Record rec) throws IOException {
        String what = enhanced ? "EPB" : "PB";
        if (len < 32) throw fail(off, "block total length " + len + " of " + article(what) + " is less than its minimum 32");
        if (!in.fill(28)) throw fail(off, "cut short in the middle of " + article(what) + ": " + in.buffered() + " of " + len
                + " bytes");
        int p = in.pos;
        long id = enhanced ? in.u32(p + 8, big) : in.u16(p + 8, big);
        long capLen = in.u32(p + 20, big);
        long origLen = in.u32(p + 24, big);
        if (capLen > maxFrameBytes) {
            throw fail(off, "record captured length " + capLen + " exceeds the " + maxFrameBytes + "-byte limit");
        }
        int padded = ((int) capLen + 3) & ~3;
        if (32 + padded > len) {
            throw fail(off, "block total length " + len + " of " + article(what) + " is too small for " + capLen
                    + " bytes of packet data");
        }
        if (id >= ifCount) {
            throw fail(off, "packet refers to interface " + id + ", but section " + section + " has "
                    + (ifCount == 0 ? "no interface" : ifCount == 1 ? "only 1 interface" : "only " + ifCount
                    + " interfaces"));
        }
        p = whole(off, len, what, 32);
        PcapngOptions.walk(in, p + 28 + padded, p + len - 4, big, null, name, off, what);
        int i = (int) id;
        long ts = (in.u32(p + 12, big) << 32) | in.u32(p + 16, big);
        rec.anomaly = null;
        rec.timestampNanos = timestamp(i, ts, rec);
        fill(rec, p + 28, (int) capLen, origLen, i, off);
        in.pos += len;
    }

    /** Simple Packet Block: interface 0, no time stamp, captured length = min(original length, snapshot length). */
    private void simplePacket(long off, int len, Record rec) throws IOException {
        if (len < 16) throw fail(off, "block total length " + len + " of an SPB is less than its minimum 16");
        if (!in.fill(12)) throw fail(off, "cut short in the middle of an SPB: " + in.buffered() + " of " + len
                + " bytes");
        if (ifCount == 0) throw fail(off, "simple packet block, but section " + section + " has no interface");
        long origLen = in.u32(in.pos + 8, big);
        long capLen = origLen;
        if (ifSnap[0] != 0 && capLen > ifSnap[0]) capLen = ifSnap[0];
        if (capLen > maxFrameBytes) {
            throw fail(off, "record captured length " + capLen + " exceeds the " + maxFrameBytes + "-byte limit");
        }
        int natural = 16 + (((int) capLen + 3) & ~3);
        if (len != natural && in.fill(natural) && in.u32(in.pos + natural - 4, big) == len) {
            // Both length fields hold the same wrong value, and the trailer sits where the packet data ends.
            // Wiretap sizes an SPB by its data and only compares the two length fields, so tshark reads this
            // block and every one after it; framing it by its data loses nothing, and the wrong length is told.
            rec.anomaly = "block total length " + len + " of an SPB disagrees with the " + natural
                    + " bytes its packet data take; read as " + natural;
            rec.timestampNanos = Frame.NO_TIMESTAMP;
            fill(rec, in.pos + 12, (int) capLen, origLen, 0, off);
            in.pos += natural;
            return;
        }
        if (16 + capLen > len) {
            throw fail(off, "block total length " + len + " of an SPB is too small for " + capLen
                    + " bytes of packet data");
        }
        int p = whole(off, len, "SPB", 16);
        rec.anomaly = null;
        rec.timestampNanos = Frame.NO_TIMESTAMP;
        fill(rec, p + 12, (int) capLen, origLen, 0, off);
        in.pos += len;
    }

    /** A packet of interface {@code id}; its length anomalies are added to any the caller has recorded. */
    private void fill(Record rec, int at, int capLen, long origLen, int id, long off) {
        place(rec, at, capLen, origLen, id, ifLink[id], off);
        long snap = ifSnap[id];
        if (capLen > origLen) {
            addAnomaly(rec, "captured length " + capLen + " exceeds the original length " + origLen);
        }
        if (snap != 0 && capLen > snap) {
            addAnomaly(rec, "captured length " + capLen + " exceeds the snapshot length " + snap);
        }
    }

    private static void addAnomaly(Record rec, String a) {
        rec.anomaly = rec.anomaly == null ? a : rec.anomaly + "; " + a;
    }

    /** Custom block: its data after the Private Enterprise Number, as tshark shows it (options included). */
    private void custom(long off, int len, Record rec) throws IOException {
        int p = whole(off, len, "custom block", 16);
        info.count("block.custom");
        int n = len - 16;
        if (n > maxFrameBytes) {
            throw fail(off, "custom block of " + n + " bytes exceeds the " + maxFrameBytes + "-byte limit");
        }
        nonPacket(rec, p + 12, n, Frame.NO_TIMESTAMP, LinkType.PCAPNG_CUSTOM_BLOCK, off);
        in.pos += len;
    }

    /** systemd Journal Export Block: one journal entry, stamped with its {@code __REALTIME_TIMESTAMP} (µs). */
    private void journal(long off, int len, Record rec) throws IOException {
        int p = whole(off, len, "journal block", 12 + 23);
        info.count("block.journal");
        int start = p + 8;
        int end = p + len - 4;
        while (end > start && in.buf[end - 1] == 0) end--; // padding
        if (end - start < 23) throw fail(off, "journal export entry of " + (end - start) + " bytes is too short");
        int at = indexOf(in.buf, start, end, REALTIME);
        if (at < 0) throw fail(off, "journal export entry without __REALTIME_TIMESTAMP");
        long micros = 0;
        int digits = 0;
        for (int i = at + REALTIME.length; i < end && digits <= 18; i++, digits++) {
            int d = in.buf[i] - '0';
            if (d < 0 || d > 9) break;
            micros = micros * 10 + d;
        }
        if (digits == 0 || digits > 18 || micros / 1_000_000 > MAX_SECONDS) {
            throw fail(off, "journal export entry with an unreadable __REALTIME_TIMESTAMP");
        }
        nonPacket(rec, start, end - start, micros * 1000, LinkType.PCAPNG_SYSTEMD_JOURNAL, off);
        in.pos += len;
    }

    private void nonPacket(Record rec, int at, int n, long ts, LinkType lt, long off) {
        place(rec, at, n, n, Frame.NO_INTERFACE, lt, off);
        rec.timestampNanos = ts;
        rec.anomaly = null;
    }

    /** Points {@code rec} at {@code capLen} bytes of the buffer from {@code at}; the callers set time and anomaly. */
    private void place(Record rec, int at, int capLen, long origLen, int id, LinkType lt, long off) {
        rec.data = in.buf;
        rec.offset = at;
        rec.capturedLength = capLen;
        rec.originalLength = origLen;
        rec.interfaceId = id;
        rec.linkType = lt;
        rec.fileOffset = off;
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i + what.length <= to; i++) {
            for (int k = 0; k < what.length; k++) if (b[i + k] != what[k]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * An unsigned 64-bit count of the interface's units (10^-n or 2^-n s, default µs) since the epoch, plus its
     * if_tsoffset seconds, in nanoseconds. Exact (the fraction is computed in 128 bits where needed).
     */
    private long timestamp(int id, long ts, Record rec) {
        int exp = ifExp[id];
        long secs;
        long frac;
        if (ifBinary[id]) {
            if (exp > 62) return outOfRange(rec, id);
            secs = ts >>> exp;
            long rem = ts & ((1L << exp) - 1);
            long lo = rem * NANOS;
            long hi = Math.unsignedMultiplyHigh(rem, NANOS);
            frac = exp == 0 ? 0 : (hi << (64 - exp)) | (lo >>> exp);
        } else {
            if (exp > 18) return outOfRange(rec, id);
            long units = POW10[exp];
            secs = Long.divideUnsigned(ts, units);
            long rem = Long.remainderUnsigned(ts, units);
            frac = exp <= 9 ? rem * POW10[9 - exp] : rem / POW10[exp - 9];
        }
        // secs is unsigned (negative here means >= 2^63); the offset was clamped to +-MAX_SECONDS
        long total = secs < 0 || secs > MAX_SECONDS ? Long.MAX_VALUE : secs + ifOffset[id];
        if (total > MAX_SECONDS || total < -MAX_SECONDS) {
            rec.anomaly = "time stamp beyond what nanoseconds since 1970 can hold (the year 2262)";
            return Math.clamp(total, -MAX_SECONDS, MAX_SECONDS) * NANOS;
        }
        return total * NANOS + frac;
    }

    /** A resolution finer than 64 bits of units can count: tshark shows time 0 plus the offset. */
    private long outOfRange(Record rec, int id) {
        rec.anomaly = "interface " + id + " time stamp resolution " + (ifBinary[id] ? "2^-" : "10^-") + ifExp[id]
                + " is out of range";
        return ifOffset[id] * NANOS;
    }

    private CaptureFormatException fail(long offset, String reason) {
        failed = new CaptureFormatException(name, offset, reason);
        return failed;
    }

    @Override public void close() throws IOException { in.close(); }
}
