package io.pcapkit.pcap4jengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocols;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RecordFilter;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.factory.PacketFactory;
import org.pcap4j.packet.namednumber.DataLinkType;

import io.pcapkit.nativeengine.read.CaptureReaders;
import io.pcapkit.nativeengine.read.Record;
import io.pcapkit.nativeengine.read.RecordReader;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;

/**
 * Frames of one capture file read by libpcap through Pcap4J ({@code pcap_open_offline_with_tstamp_precision} in
 * nanoseconds, so every file's own precision is kept exactly) and decoded by Pcap4J's static packet factory.
 *
 * <p>libpcap frames, but it does not read every file wiretap (tshark) reads: it refuses a PCAP version it does not
 * know and a PCAPNG file whose interfaces differ in link type or snapshot length, skips custom and journal blocks,
 * which tshark numbers as frames, and trusts a Simple Packet Block's damaged total length, swallowing the blocks
 * after it. So the native engine's record reader, which frames as wiretap does, reads the same file in lockstep:
 * each libpcap record must match its record's captured and original lengths. Where libpcap refuses the file, stops
 * with an error, ends early or disagrees, the native reader frames the rest of the file (one more sequential read of
 * the file; reusing that reader keeps one framer besides libpcap rather than a third); where it meets a block
 * libpcap skips, that block is a frame of its own. Such records' bytes still go to Pcap4J's packet factory, and each
 * such frame carries a RECORD anomaly saying why libpcap did not frame it (counted in {@link CaptureInfo#counters()}
 * as {@code records.framed_without_libpcap}). A damaged file: every frame either framer could read is handed out,
 * then one {@link CaptureFormatException}.
 */
final class Pcap4jFrameSource implements FrameSource {
    @SuppressWarnings("unchecked")
    private static final PacketFactory<Packet, DataLinkType> FACTORY =
            PacketFactories.getFactory(Packet.class, DataLinkType.class);

    private static final byte[] EMPTY = new byte[0];
    static final String COUNTER = "records.framed_without_libpcap";

    /** libpcap, while it frames; null once it refused, stopped or disagreed. */
    private PcapHandle handle;
    private final Path file;
    private final String name;
    private final CaptureInfo info;
    private final DataLinkType dlt;
    private final LinkType linkType;
    private final RecordFilter filter;
    private final int maxFrameBytes;
    /** The native reader in lockstep with libpcap (and the framer once libpcap is given up); null once it failed. */
    private RecordReader shadow;
    private final Record rec = new Record();
    /** Why libpcap no longer frames this file, once it does not. */
    private String without;
    /** Declarations resolved now that every engine of the run exists (see {@link F}). */
    private final F fields = new F();
    private final FrameBuilder builder = new FrameBuilder();
    private final Frame frame = new Frame();
    private long number;
    private boolean done;
    private boolean closed;
    private CaptureFormatException failure;

    private Pcap4jFrameSource(PcapHandle handle, RecordReader shadow, String refused, Path file, CaptureInfo info,
                              EngineOptions options) {
        this.handle = handle;
        this.shadow = shadow;
        this.without = refused;
        this.file = file;
        this.name = file.toString();
        this.info = info;
        this.dlt = handle != null ? handle.getDlt() : null;
        LinkType lt = info.linkType() != null ? info.linkType() : dlt != null ? linkTypeOf(dlt.value()) : null;
        this.linkType = lt != null ? lt : LinkType.valueOf(1);
        if (info.linkType() == null && dlt != null) {
            info.addInterface(new CaptureInfo.Interface(0, 0, linkType, 0, 1_000_000_000L, 0, java.util.Map.of()));
        }
        if (refused != null) info.put("libpcap_refused", refused);
        this.filter = options.filter();
        this.maxFrameBytes = options.maxFrameBytes();
    }

    static Pcap4jFrameSource open(Path file, EngineOptions options) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such capture file");
        RecordReader shadow;
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            shadow = CaptureReaders.open(in, file.toString(), options.maxFrameBytes());
        } catch (CaptureFormatException e) {
            in.close();
            shadow = null; // libpcap alone, as far as it reads
        }
        PcapHandle h;
        try {
            h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            if (shadow == null) {
                throw new CaptureFormatException(file.toString(), 0, "libpcap cannot read it: " + libpcapReason(e));
            }
            return new Pcap4jFrameSource(null, shadow, "libpcap refused the file: " + libpcapReason(e), file,
                    shadow.info(), options);
        }
        return new Pcap4jFrameSource(h, shadow, null, file, CaptureFiles.info(file), options);
    }

    @Override public Frame next() throws IOException {
        if (closed) throw new IOException(name + ": source is closed");
        if (failure != null) throw failure;
        if (done) return null;
        while (true) {
            if (shadow != null) {
                boolean more;
                try {
                    more = shadow.next(rec);
                } catch (CaptureFormatException e) {
                    if (handle == null) throw fail(e);
                    dropShadow(); // the native reader stops at damage libpcap reads past: libpcap alone from here
                    more = false;
                }
                if (shadow != null) {
                    if (!more) {
                        // the native reader's clean end: what libpcap still reads is past it
                        dropShadow();
                        if (handle == null) return end();
                    } else if (handle == null) {
                        Frame f = fromRecord(without);
                        if (f != null) return f;
                        continue;
                    } else if (rec.linkType.code() < 0) {
                        Frame f = fromRecord("a PCAPNG " + (rec.linkType == LinkType.PCAPNG_CUSTOM_BLOCK
                                ? "custom block" : "systemd journal block") + ", which libpcap does not hand out");
                        if (f != null) return f;
                        continue;
                    }
                }
            }
            if (handle == null) return end();
            byte[] raw;
            try {
                raw = handle.getNextRawPacketEx();
            } catch (EOFException e) {
                if (shadow != null) {
                    giveUpLibpcap("libpcap ended the file after " + number + " records");
                    Frame f = fromRecord(without);
                    if (f != null) return f;
                    continue;
                }
                return end();
            } catch (PcapNativeException e) {
                if (shadow != null) {
                    giveUpLibpcap("libpcap stopped: " + libpcapReason(e));
                    Frame f = fromRecord(without);
                    if (f != null) return f;
                    continue;
                }
                done = true;
                failure = new CaptureFormatException(name, CaptureFiles.recordOffset(file, info, number),
                        libpcapReason(e));
                throw failure;
            } catch (TimeoutException | NotOpenException e) {
                throw new IOException(name + ": libpcap: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // libpcap read the record, Pcap4J failed on its header (a time stamp with >= 10^9 ns makes
                // java.sql.Timestamp throw) and dropped its bytes: the frame is kept, empty, with the reason
                number++;
                builder.reset(frame, number, Frame.NO_TIMESTAMP, 0, 0, linkType, Frame.NO_INTERFACE, EMPTY, 0);
                builder.anomaly(Anomaly.Kind.RECORD, -1, "Pcap4J could not read this record's header: " + e);
                return builder.finish();
            }
            Integer orig = handle.getOriginalLength();
            long originalLength = orig == null ? raw.length : orig & 0xFFFFFFFFL;
            if (shadow != null && (rec.capturedLength != raw.length || rec.originalLength != originalLength)) {
                giveUpLibpcap("libpcap read record " + (number + 1) + " as " + raw.length + " of " + originalLength
                        + " bytes where its file says " + rec.capturedLength + " of " + rec.originalLength);
                Frame f = fromRecord(without);
                if (f != null) return f;
                continue;
            }
            number++;
            if (raw.length > maxFrameBytes) {
                done = true;
                failure = new CaptureFormatException(name, CaptureFiles.recordOffset(file, info, number - 1),
                        "record " + number + " has " + raw.length + " captured bytes, more than the limit "
                                + maxFrameBytes);
                throw failure;
            }
            if (filter != null && !filter.accept(linkType.code(), raw, 0, raw.length, (int) originalLength)) continue;
            builder.reset(frame, number, epochNanos(handle.getTimestamp()), raw.length, originalLength, linkType,
                    shadow != null ? rec.interfaceId : Frame.NO_INTERFACE, raw, 0);
            decode(raw, dlt);
            return builder.finish();
        }
    }

    /** libpcap frames no more of this file: the native reader, already at the record libpcap did not give, goes on. */
    private void giveUpLibpcap(String why) {
        without = why;
        handle.close();
        handle = null;
    }

    /**
     * The native reader's current record as a frame (null when the record filter rejects it), marked as framed
     * without libpcap and why. Its bytes are the reader's buffer, valid until its next call, as a frame's are.
     */
    private Frame fromRecord(String why) {
        number++;
        info.count(COUNTER);
        if (filter != null && !filter.accept(rec.linkType.code(), rec.data, rec.offset, rec.capturedLength,
                (int) Math.min(rec.originalLength, Integer.MAX_VALUE))) {
            return null;
        }
        builder.reset(frame, number, rec.timestampNanos, rec.capturedLength, rec.originalLength, rec.linkType,
                rec.interfaceId, rec.data, rec.offset);
        if (rec.linkType.code() < 0) {
            builder.beginLayer(Protocols.RAW, 0);
            builder.endLayer(rec.capturedLength);
        } else {
            decode(rec.data, rec.offset, rec.capturedLength, DataLinkType.getInstance(dltOf(rec.linkType)));
        }
        builder.finish();
        builder.anomaly(Anomaly.Kind.RECORD, -1, "framed without libpcap: " + why);
        if (rec.anomaly != null) builder.anomaly(Anomaly.Kind.RECORD, -1, rec.anomaly);
        return frame;
    }

    private void dropShadow() {
        try {
            shadow.close();
        } catch (IOException e) {
            // a read-only file: closing it loses nothing
        }
        shadow = null;
    }

    private Frame end() {
        done = true;
        return null;
    }

    private CaptureFormatException fail(CaptureFormatException e) {
        done = true;
        failure = e;
        return e;
    }

    private void decode(byte[] raw, DataLinkType type) {
        decode(raw, 0, raw.length, type);
    }

    private void decode(byte[] raw, int offset, int length, DataLinkType type) {
        Packet p;
        try {
            p = FACTORY.newInstance(raw, offset, length, type);
        } catch (RuntimeException e) {
            // a Pcap4J defect on odd bytes (it throws where it should build an IllegalPacket): the frame stays Raw
            builder.beginLayer(Protocols.RAW, 0);
            builder.anomaly(Anomaly.Kind.BAD_VALUE, 0, "Pcap4J failed on this frame: " + e);
            builder.endLayer(length);
            return;
        }
        PacketMapper.map(p, builder, fields);
    }

    static long epochNanos(Timestamp ts) {
        if (ts == null) return Frame.NO_TIMESTAMP;
        return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
    }

    /** The DLT_ value libpcap would give for a LINKTYPE_ (raw IP is DLT_RAW, 12 on Linux). */
    static int dltOf(LinkType lt) {
        return lt.code() == 101 ? 12 : lt.code();
    }

    /** libpcap returns DLT_ values; the model speaks LINKTYPE_ (they differ for raw IP only, among common ones). */
    static LinkType linkTypeOf(int dltValue) {
        return LinkType.valueOf(dltValue == 12 || dltValue == 14 ? 101 : dltValue);
    }

    private static String libpcapReason(PcapNativeException e) {
        String m = e.getMessage() == null ? "unknown error" : e.getMessage().strip();
        return m.replace("\n", " ");
    }

    @Override public CaptureInfo info() { return info; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (handle != null) handle.close();
        if (shadow != null) dropShadow();
    }
}
