package io.pcapkit.nativeengine;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.read.Record;
import io.pcapkit.nativeengine.read.RecordReader;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.FrameSource;
import io.pcapkit.spi.RecordFilter;
import io.pcapkit.spi.RenderBuffer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Decodes on several threads and hands frames out in file order ({@code --workers N}).
 *
 * <p>One reader thread copies records into {@link Batch}es (one copy of the bytes, in bulk: the reader's buffer is
 * reused, and a batch must outlive it); N worker threads decode whole batches, each with its own
 * {@link FrameDecoder}, and, given a {@link FrameRenderer}, render every frame right after decoding it; the calling
 * thread takes batches in read order and returns their frames one by one. A fixed pool of batches bounds memory:
 * the reader waits when every batch is in flight. Frames, their numbers, anomalies and the capture information the
 * caller sees are exactly those of the one-thread source, so output does not depend on the number of workers.
 */
final class ParallelFrameSource implements FrameSource {
    /** Records per batch: large enough to make hand-offs rare, small enough to keep workers busy near the end. */
    static final int BATCH_RECORDS = 256;
    /** Byte budget of one batch before it is handed on (a batch grows past it only for one very large record). */
    static final int BATCH_BYTES = 1 << 20;

    private final RecordReader reader;
    private final CaptureInfo readerInfo;
    private final CaptureInfo info;
    private final RecordFilter filter;
    /** False: the caller reads no fields (EngineOptions.fieldsRead), so frames reach it without their field tables. */
    private final boolean fieldsRead;
    private final BlockingQueue<Batch> free;
    private final BlockingQueue<Batch> work;
    private final BlockingQueue<Batch> ordered;
    private final List<Thread> threads = new ArrayList<>();

    private Batch current;
    private int index;
    private volatile boolean closed;

    ParallelFrameSource(RecordReader reader, Supplier<FrameDecoder> decoders, int workers, RecordFilter filter,
                        Supplier<FrameRenderer> renderers, boolean fieldsRead) {
        this.reader = reader;
        this.readerInfo = reader.info();
        this.info = copyOf(readerInfo);
        this.filter = filter;
        this.fieldsRead = fieldsRead;
        int pool = workers * 4;
        free = new ArrayBlockingQueue<>(pool);
        work = new ArrayBlockingQueue<>(pool);
        ordered = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) free.add(new Batch());
        start("pcapkit-reader", this::readLoop);
        for (int i = 0; i < workers; i++) {
            FrameDecoder d = decoders.get();
            FrameRenderer r = renderers == null ? null : renderers.get();
            start("pcapkit-decoder-" + (i + 1), () -> decodeLoop(d, r));
        }
    }

    private void start(String name, Runnable body) {
        Thread t = Thread.ofPlatform().name(name).daemon().unstarted(body);
        threads.add(t);
        t.start();
    }

    // ------------------------------------------------------------------ caller side

    @Override public Frame next() throws IOException {
        while (true) {
            if (current != null && index < current.size) {
                Batch b = current;
                int i = index++;
                applyInfo(b, i);
                if (b.failure[i] != null) throw rethrow(b.failure[i]);
                return b.frames[i];
            }
            if (current != null) {
                if (current.end != null) return end(current);
                if (current.last) {
                    applyInfo(current, current.size);
                    return null;
                }
                free.add(current);
                current = null;
            }
            Batch b;
            try {
                b = ordered.take();
                b.awaitDecoded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for decoded frames");
            }
            current = b;
            index = 0;
        }
    }

    private Frame end(Batch b) throws IOException {
        applyInfo(b, b.size);
        Throwable e = b.end;
        b.end = null;
        b.last = true;
        throw rethrow(e);
    }

    private static IOException rethrow(Throwable e) {
        if (e instanceof IOException io) return io;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        return new IOException(e);
    }

    @Override public RenderBuffer rendered() {
        Batch b = current;
        return b == null || index == 0 ? null : b.rendered[index - 1];
    }

    @Override public CaptureInfo info() { return info; }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        reader.close();
    }

    /**
     * Brings the caller's capture information up to what the reader knew when record {@code i} of the batch was
     * read (PCAPNG sections and interfaces met so far), so the caller never sees blocks "from the future".
     */
    private void applyInfo(Batch b, int i) {
        while (b.infoNext < b.infoCount && b.infoAt[b.infoNext] <= i) {
            Object o = b.infoItems.get(b.infoNext++);
            if (o instanceof CaptureInfo.Section s) info.addSection(s);
            else if (o instanceof CaptureInfo.Interface f) info.addInterface(f);
            else if (o instanceof String counter) info.count(counter);
        }
    }

    private static CaptureInfo copyOf(CaptureInfo src) {
        CaptureInfo c = new CaptureInfo(src.format(), src.source());
        src.header().forEach(c::put);
        src.sections().forEach(c::addSection);
        src.interfaces().forEach(c::addInterface);
        src.counters().forEach((k, v) -> {
            for (long n = 0; n < v; n++) c.count(k);
        });
        return c;
    }

    // ------------------------------------------------------------------ reader thread

    private void readLoop() {
        Record rec = new Record();
        long number = 0;
        int sections = readerInfo.sections().size();
        int interfaces = readerInfo.interfaces().size();
        java.util.Map<String, Long> counted = new java.util.HashMap<>(readerInfo.counters());
        Batch b = null;
        try {
            while (!closed) {
                if (b == null) b = free.take().clear();
                rec.anomaly = null;
                boolean more;
                try {
                    more = reader.next(rec);
                } catch (IOException | RuntimeException | Error e) {
                    // an Error too: the caller must learn of it, not wait for frames that never come
                    b.end = e;
                    noteInfo(b, sections, interfaces, counted);
                    handOn(b);
                    return;
                }
                // blocks met while reading this record come before its frame
                sections = noteSections(b, sections);
                interfaces = noteInterfaces(b, interfaces);
                if (!more) {
                    noteCounters(b, counted);
                    b.last = true;
                    handOn(b);
                    return;
                }
                number++;
                if (filter != null && !filter.accept(rec.linkType.code(), rec.data, rec.offset, rec.capturedLength,
                        (int) Math.min(rec.originalLength, Integer.MAX_VALUE))) {
                    continue;
                }
                b.add(rec, number);
                if (b.size == BATCH_RECORDS || b.used >= BATCH_BYTES) {
                    handOn(b);
                    b = null;
                }
            }
        } catch (InterruptedException e) {
            // closed by the caller
        }
    }

    private void noteInfo(Batch b, int sections, int interfaces, java.util.Map<String, Long> counted) {
        noteSections(b, sections);
        noteInterfaces(b, interfaces);
        noteCounters(b, counted);
    }

    private int noteSections(Batch b, int known) {
        List<CaptureInfo.Section> s = readerInfo.sections();
        for (; known < s.size(); known++) b.note(s.get(known));
        return known;
    }

    private int noteInterfaces(Batch b, int known) {
        List<CaptureInfo.Interface> s = readerInfo.interfaces();
        for (; known < s.size(); known++) b.note(s.get(known));
        return known;
    }

    /** Counters (blocks skipped …) are only read when the capture ends: passed on in the last batch. */
    private void noteCounters(Batch b, java.util.Map<String, Long> counted) {
        readerInfo.counters().forEach((k, v) -> {
            for (long n = counted.getOrDefault(k, 0L); n < v; n++) b.note(k);
        });
    }

    private void handOn(Batch b) throws InterruptedException {
        ordered.put(b);
        if (b.size > 0) work.put(b);
        else b.markDecoded();
    }

    // ------------------------------------------------------------------ worker threads

    private void decodeLoop(FrameDecoder decoder, FrameRenderer renderer) {
        // Decoding writes some 70 scattered table entries per frame. Into the worker's own frame they stay in its
        // core's cache; into each record's frame (one of the 2,048 in flight, long out of the cache) they cost about
        // as much again as the decoding. The worker decodes into its own frame, renders from it, and copies into
        // the record's frame what the caller reads: the whole tree, or, when it reads no fields, the record,
        // layers and anomalies (then 2 workers use about the CPU of one instead of twice it).
        Frame own = new Frame();
        try {
            while (!closed) {
                Batch b = work.take();
                for (int i = 0; i < b.size; i++) {
                    try {
                        Frame f = decoder.decode(own, b.number[i], b.ts[i], b.capLen[i], b.origLen[i],
                                b.linkType[i], b.ifId[i], b.data, b.offset[i]);
                        if (b.anomaly[i] != null) decoder.context().out().anomaly(Anomaly.Kind.RECORD, -1, b.anomaly[i]);
                        if (renderer != null) renderer.render(f, b.renderBuffer(i).reset());
                        f.copyTo(b.frames[i], fieldsRead);
                    } catch (IOException e) {
                        b.failure[i] = new UncheckedIOException(e);
                    } catch (RuntimeException | Error e) {
                        b.failure[i] = e;
                    }
                }
                b.markDecoded();
            }
        } catch (InterruptedException e) {
            // closed by the caller
        }
    }

    /** Up to {@link #BATCH_RECORDS} records with their bytes, then their decoded frames. */
    private static final class Batch {
        byte[] data = new byte[BATCH_BYTES + 65536];
        int used;
        int size;
        final int[] offset = new int[BATCH_RECORDS];
        final int[] capLen = new int[BATCH_RECORDS];
        final long[] origLen = new long[BATCH_RECORDS];
        final long[] ts = new long[BATCH_RECORDS];
        final long[] number = new long[BATCH_RECORDS];
        final int[] ifId = new int[BATCH_RECORDS];
        final LinkType[] linkType = new LinkType[BATCH_RECORDS];
        final String[] anomaly = new String[BATCH_RECORDS];
        final Frame[] frames = new Frame[BATCH_RECORDS];
        final Throwable[] failure = new Throwable[BATCH_RECORDS];
        /** Each frame's rendered bytes (entries stay null without a renderer). */
        final RenderBuffer[] rendered = new RenderBuffer[BATCH_RECORDS];
        /** Capture-information items (sections, interfaces, counter names) and the record index they precede. */
        final List<Object> infoItems = new ArrayList<>();
        int[] infoAt = new int[8];
        int infoCount;
        int infoNext;
        /** The read error that ends the capture after this batch's records, or null. */
        Throwable end;
        boolean last;
        private boolean decoded;

        Batch() {
            for (int i = 0; i < BATCH_RECORDS; i++) frames[i] = new Frame();
        }

        Batch clear() {
            used = 0;
            size = 0;
            infoItems.clear();
            infoCount = 0;
            infoNext = 0;
            end = null;
            last = false;
            java.util.Arrays.fill(failure, null);
            synchronized (this) {
                decoded = false;
            }
            return this;
        }

        void add(Record r, long n) {
            int i = size;
            if (used + r.capturedLength > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, used + r.capturedLength));
            }
            System.arraycopy(r.data, r.offset, data, used, r.capturedLength);
            offset[i] = used;
            capLen[i] = r.capturedLength;
            origLen[i] = r.originalLength;
            ts[i] = r.timestampNanos;
            number[i] = n;
            ifId[i] = r.interfaceId;
            linkType[i] = r.linkType;
            anomaly[i] = r.anomaly;
            used += r.capturedLength;
            size = i + 1;
        }

        void note(Object item) {
            if (infoCount == infoAt.length) infoAt = java.util.Arrays.copyOf(infoAt, infoCount * 2);
            infoAt[infoCount++] = size;
            infoItems.add(item);
        }

        RenderBuffer renderBuffer(int i) {
            RenderBuffer r = rendered[i];
            if (r == null) rendered[i] = r = new RenderBuffer(2048);
            return r;
        }

        synchronized void markDecoded() {
            decoded = true;
            notifyAll();
        }

        synchronized void awaitDecoded() throws InterruptedException {
            while (!decoded) wait();
        }
    }
}
