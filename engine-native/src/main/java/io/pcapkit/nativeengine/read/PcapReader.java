package io.pcapkit.nativeengine.read;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classic libpcap format: a 24-byte file header, then records of a 16-byte header and the captured bytes.
 * Reads all four magics (µs / ns, either byte order) and the "modified" (Kuznetzov) magic, whose record headers
 * are longer; the record layout of a file is chosen the way tshark chooses it ({@link PcapVariant}).
 */
final class PcapReader implements RecordReader {
    static final int MAGIC_USEC = 0xa1b2c3d4;
    static final int MAGIC_NSEC = 0xa1b23c4d;
    static final int MAGIC_MODIFIED = 0xa1b2cd34;
    private static final int FILE_HEADER = 24;

    private final ByteInput in;
    private final String name;
    private final int maxFrameBytes;
    private final CaptureInfo info;
    private final boolean big;
    private final boolean nanos;
    private final long snaplen;
    private final LinkType linkType;
    private final PcapVariant variant;
    /** Versions before 2.3 (and DG/UX's 543) store the original length before the captured one. */
    private final boolean lengthsSwapped;
    /** Version 2.3: some writers swapped them, some did not; a captured length over the original tells. */
    private final boolean lengthsMaybeSwapped;
    private CaptureFormatException failed;

    PcapReader(ByteInput in, String name, int maxFrameBytes) throws IOException {
        this.in = in;
        this.name = name;
        this.maxFrameBytes = maxFrameBytes;
        if (!in.fill(FILE_HEADER)) {
            throw new CaptureFormatException(name, in.buffered(), "cut short in the PCAP file header: "
                    + in.buffered() + " of " + FILE_HEADER + " bytes");
        }
        int p = in.pos;
        int magicBe = in.i32(p, true);
        big = magicBe == MAGIC_USEC || magicBe == MAGIC_NSEC || magicBe == MAGIC_MODIFIED;
        int magic = in.i32(p, big);
        nanos = magic == MAGIC_NSEC;
        int major = in.u16(p + 4, big);
        int minor = in.u16(p + 6, big);
        int thiszone = in.i32(p + 8, big);
        long sigfigs = in.u32(p + 12, big);
        snaplen = in.u32(p + 16, big);
        long network = in.u32(p + 20, big);
        if (major < 2) {
            throw new CaptureFormatException(name, 4, "unsupported PCAP version " + major + "." + minor);
        }
        // the upper 16 bits of the network field: FCS length (4 bits), a reserved bit, "FCS length present",
        // then 10 reserved bits that must be zero (tshark refuses the file otherwise)
        if ((network & 0x03FF_0000L) != 0) {
            throw new CaptureFormatException(name, 20, String.format(
                    "the network field's reserved bits are not zero (0x%08x)", network));
        }
        linkType = LinkType.valueOf((int) (network & 0xFFFF));
        lengthsSwapped = major == 543 || (major == 2 && minor < 3);
        lengthsMaybeSwapped = major == 2 && minor == 3;
        in.pos += FILE_HEADER;

        // As wiretap 4.0: every standard-magic file is tried against the layouts sharing its magic, whatever its
        // version, except what it takes for AIX's tcpdump (version 2.2 with an interface type where a link type
        // belongs), which has standard record headers.
        long maxCapLen = linkType.code() == 231 ? PcapVariant.MAX_CAPLEN_DBUS : PcapVariant.MAX_CAPLEN;
        boolean aix = major == 2 && minor == 2 && (network == 6 || network == 9 || network == 15 || network == 24);
        if (magic == MAGIC_MODIFIED) {
            variant = PcapVariant.choose(in, big, snaplen, lengthsSwapped, lengthsMaybeSwapped, maxCapLen,
                    PcapVariant.MODIFIED_MAGIC);
        } else if (magic == MAGIC_USEC && !aix) {
            variant = PcapVariant.choose(in, big, snaplen, lengthsSwapped, lengthsMaybeSwapped, maxCapLen,
                    PcapVariant.STANDARD_MAGIC);
        } else {
            variant = PcapVariant.PCAP;
        }

        info = new CaptureInfo(CaptureInfo.Format.PCAP, name);
        info.put("magic_number", String.format("0x%08x", magic));
        info.put("version_major", major);
        info.put("version_minor", minor);
        info.put("thiszone", thiszone);
        info.put("sigfigs", sigfigs);
        info.put("snaplen", snaplen);
        info.put("network", linkType.code());
        info.put("byteorder", big ? "big" : "little");
        info.put("nanosecond", nanos);
        Map<String, String> options = new LinkedHashMap<>();
        if ((network & 0x0400_0000L) != 0) {
            options.put("if_fcslen", Long.toString(((network >>> 28) & 0xF) * 16)); // in bits, as pcapng says it
        }
        if (variant != PcapVariant.PCAP) options.put("pcap_variant", variant.description);
        info.addInterface(new CaptureInfo.Interface(0, 0, linkType, snaplen,
                nanos ? 1_000_000_000L : 1_000_000L, 0, Map.copyOf(options)));
    }

    @Override public CaptureInfo info() { return info; }

    @Override public boolean next(Record rec) throws IOException {
        if (failed != null) throw failed;
        int hdr = variant.headerLength;
        long off = in.offset();
        if (!in.fill(hdr)) {
            if (in.buffered() == 0) return false;
            throw fail(off, "cut short in the middle of a packet record header: " + in.buffered() + " of " + hdr
                    + " bytes");
        }
        int p = in.pos;
        long sec = in.u32(p, big);
        long frac = in.u32(p + 4, big);
        long capLen = in.u32(p + 8, big);
        long origLen = in.u32(p + 12, big);
        if (lengthsSwapped || (lengthsMaybeSwapped && capLen > origLen)) {
            long t = capLen;
            capLen = origLen;
            origLen = t;
        }
        if (capLen > maxFrameBytes) {
            throw fail(off, "record captured length " + capLen + " exceeds the " + maxFrameBytes + "-byte limit");
        }
        int total = hdr + (int) capLen;
        if (!in.fill(total)) {
            throw fail(off, "cut short in the middle of a packet record: " + (in.buffered() - hdr) + " of " + capLen
                    + " bytes");
        }
        p = in.pos; // filling may have moved the bytes to the front of the buffer
        rec.data = in.buf;
        rec.offset = p + hdr;
        rec.capturedLength = (int) capLen;
        rec.originalLength = origLen;
        rec.timestampNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
        rec.interfaceId = Frame.NO_INTERFACE;
        rec.linkType = linkType;
        rec.fileOffset = off;
        rec.anomaly = null;
        long unit = nanos ? 1_000_000_000L : 1_000_000L;
        if (frac >= unit || capLen > origLen || (snaplen != 0 && capLen > snaplen)) {
            rec.anomaly = anomaly(frac, unit, capLen, origLen);
        }
        in.pos += total;
        return true;
    }

    /** Only built for odd records: the normal path allocates nothing. */
    private String anomaly(long frac, long unit, long capLen, long origLen) {
        StringBuilder sb = new StringBuilder();
        if (frac >= unit) {
            sb.append("time stamp fraction ").append(frac).append(nanos ? " ns" : " µs").append(" is 1 s or more");
        }
        if (capLen > origLen) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append("captured length ").append(capLen).append(" exceeds the original length ").append(origLen);
        }
        if (snaplen != 0 && capLen > snaplen) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append("captured length ").append(capLen).append(" exceeds the snapshot length ").append(snaplen);
        }
        return sb.toString();
    }

    private CaptureFormatException fail(long offset, String reason) {
        failed = new CaptureFormatException(name, offset, reason);
        return failed;
    }

    @Override public void close() throws IOException { in.close(); }
}
