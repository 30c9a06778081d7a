package io.pcapkit.nativeengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.read.Record;
import io.pcapkit.nativeengine.read.RecordReader;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RecordFilter;

import java.io.IOException;

/** Reads records and decodes each into one reused {@link Frame}: the streaming, zero-copy path. */
final class NativeFrameSource implements FrameSource {
    private final RecordReader reader;
    private final FrameDecoder decoder;
    private final RecordFilter filter;
    private final Record rec = new Record();
    private final Frame frame = new Frame();
    private long number;

    NativeFrameSource(RecordReader reader, FrameDecoder decoder, RecordFilter filter) {
        this.reader = reader;
        this.decoder = decoder;
        this.filter = filter;
    }

    @Override public Frame next() throws IOException {
        // a rejected record still counts: frame numbers are record indexes in the file, as tshark and tcpdump number
        do {
            rec.anomaly = null;
            if (!reader.next(rec)) return null;
            number++;
        } while (filter != null && !filter.accept(rec.linkType.code(), rec.data, rec.offset, rec.capturedLength,
                (int) Math.min(rec.originalLength, Integer.MAX_VALUE)));
        decoder.decode(frame, number, rec.timestampNanos, rec.capturedLength, rec.originalLength, rec.linkType,
                rec.interfaceId, rec.data, rec.offset);
        if (rec.anomaly != null) {
            decoder.context().out().anomaly(Anomaly.Kind.RECORD, -1, rec.anomaly);
        }
        return frame;
    }

    @Override public CaptureInfo info() { return reader.info(); }

    @Override public void close() throws IOException { reader.close(); }
}
