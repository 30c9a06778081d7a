package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.RenderBuffer;

import java.io.IOException;

/**
 * The part the JSON, PLIST and TREE dumpers share: which entries a document holds and in what order. The document
 * is a sequence of named top-level entries: the header block, then one per frame. PCAPNG section and interface
 * blocks are entries too, written as soon as the source has met them (a PCAPNG file may declare an interface
 * after its first packets), so they always precede the first frame that refers to them.
 */
abstract class DocumentDumper implements Dumper {
    private CaptureInfo info;
    private int sectionsWritten;
    private int interfacesWritten;
    private boolean started;
    private boolean closed;

    /** Writes the document's head (once, before the first entry). */
    protected abstract void begin() throws IOException;

    /** Writes one top-level entry. */
    protected abstract void entry(Node node) throws IOException;

    /** Whether repeated field names at one level become one array (objects with unique keys) or stay apart. */
    protected boolean mergeRepeated() { return true; }

    /** Writes the document's tail and flushes. */
    protected abstract void end() throws IOException;

    @Override public final void header(CaptureInfo capture) throws IOException {
        start();
        this.info = capture;
        for (Node n : Documents.header(capture)) entry(n);
        newBlocks();
    }

    @Override public final void frame(Frame frame) throws IOException {
        start();
        newBlocks();
        frameEntry(frame);
    }

    @Override public final void rendered(Frame frame, RenderBuffer bytes) throws IOException {
        start();
        newBlocks();
        renderedEntry(bytes);
    }

    /** Writes a frame's entry; by default built as nodes. */
    protected void frameEntry(Frame frame) throws IOException {
        entry(Documents.frame(frame, mergeRepeated()));
    }

    /** Writes a frame's entry that this dumper's {@link #renderer()} rendered (only formats that have one). */
    protected void renderedEntry(RenderBuffer bytes) throws IOException {
        throw new IllegalStateException(getClass().getSimpleName() + " renders no frames ahead");
    }

    @Override public final void close() throws IOException {
        if (closed) return;
        start();
        closed = true;
        end();
    }

    private void start() throws IOException {
        if (closed) throw new IOException("dumper is closed");
        if (!started) {
            started = true;
            begin();
        }
    }

    private void newBlocks() throws IOException {
        if (info == null || info.format() != CaptureInfo.Format.PCAPNG) return;
        var sections = info.sections();
        while (sectionsWritten < sections.size()) {
            entry(Documents.section(sections.get(sectionsWritten), sectionsWritten));
            sectionsWritten++;
        }
        var interfaces = info.interfaces();
        while (interfacesWritten < interfaces.size()) {
            entry(Documents.iface(interfaces.get(interfacesWritten), interfacesWritten));
            interfacesWritten++;
        }
    }
}
