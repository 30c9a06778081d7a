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

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;

/**
 * Frames of one capture file read by libpcap through Pcap4J ({@code pcap_open_offline_with_tstamp_precision} in
 * nanoseconds, so every file's own precision is kept exactly) and decoded by Pcap4J's static packet factory. A
 * damaged file: every frame libpcap could read is handed out, then one {@link CaptureFormatException} with libpcap's
 * reason and the damaged record's offset.
 */
final class Pcap4jFrameSource implements FrameSource {
    @SuppressWarnings("unchecked")
    private static final PacketFactory<Packet, DataLinkType> FACTORY =
            PacketFactories.getFactory(Packet.class, DataLinkType.class);

    private static final byte[] EMPTY = new byte[0];

    private final PcapHandle handle;
    private final Path file;
    private final String name;
    private final CaptureInfo info;
    private final DataLinkType dlt;
    private final LinkType linkType;
    private final RecordFilter filter;
    private final int maxFrameBytes;
    /** Declarations resolved now that every engine of the run exists (see {@link F}). */
    private final F fields = new F();
    private final FrameBuilder builder = new FrameBuilder();
    private final Frame frame = new Frame();
    private long number;
    private boolean done;
    private boolean closed;
    private CaptureFormatException failure;

    private Pcap4jFrameSource(PcapHandle handle, Path file, CaptureInfo info, EngineOptions options) {
        this.handle = handle;
        this.file = file;
        this.name = file.toString();
        this.info = info;
        this.dlt = handle.getDlt();
        this.linkType = info.linkType() != null ? info.linkType() : linkTypeOf(dlt.value());
        if (info.linkType() == null) {
            info.addInterface(new CaptureInfo.Interface(0, 0, linkType, 0, 1_000_000_000L, 0, java.util.Map.of()));
        }
        this.filter = options.filter();
        this.maxFrameBytes = options.maxFrameBytes();
    }

    static Pcap4jFrameSource open(Path file, EngineOptions options) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such capture file");
        CaptureInfo info = CaptureFiles.info(file);
        PcapHandle h;
        try {
            h = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new CaptureFormatException(file.toString(), 0, "libpcap cannot read it: " + libpcapReason(e));
        }
        return new Pcap4jFrameSource(h, file, info, options);
    }

    @Override public Frame next() throws IOException {
        if (closed) throw new IOException(name + ": source is closed");
        if (failure != null) throw failure;
        if (done) return null;
        while (true) {
            byte[] raw;
            try {
                raw = handle.getNextRawPacketEx();
            } catch (EOFException e) {
                done = true;
                return null;
            } catch (PcapNativeException e) {
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
            number++;
            if (raw.length > maxFrameBytes) {
                done = true;
                failure = new CaptureFormatException(name, CaptureFiles.recordOffset(file, info, number - 1),
                        "record " + number + " has " + raw.length + " captured bytes, more than the limit "
                                + maxFrameBytes);
                throw failure;
            }
            Integer orig = handle.getOriginalLength();
            long originalLength = orig == null ? raw.length : orig & 0xFFFFFFFFL;
            if (filter != null && !filter.accept(linkType.code(), raw, 0, raw.length, (int) originalLength)) continue;
            builder.reset(frame, number, epochNanos(handle.getTimestamp()), raw.length, originalLength, linkType,
                    Frame.NO_INTERFACE, raw, 0);
            decode(raw);
            return builder.finish();
        }
    }

    private void decode(byte[] raw) {
        Packet p;
        try {
            p = FACTORY.newInstance(raw, 0, raw.length, dlt);
        } catch (RuntimeException e) {
            // a Pcap4J defect on odd bytes (it throws where it should build an IllegalPacket): the frame stays Raw
            builder.beginLayer(Protocols.RAW, 0);
            builder.anomaly(Anomaly.Kind.BAD_VALUE, 0, "Pcap4J failed on this frame: " + e);
            builder.endLayer(raw.length);
            return;
        }
        PacketMapper.map(p, builder, fields);
    }

    static long epochNanos(Timestamp ts) {
        if (ts == null) return Frame.NO_TIMESTAMP;
        return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
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
        handle.close();
    }
}
