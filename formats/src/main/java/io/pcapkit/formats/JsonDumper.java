package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON: one object whose members are the header block and the frames, in the original's layout (tab indentation,
 * as dictdumper writes). Each entry is rendered by {@link JsonFrames} straight into one output buffer, written out
 * once it holds {@value #WRITE_AT} bytes: frames are several KiB of text each, so a second buffer between them and
 * the stream would copy every byte once more. Frames may also come already rendered by a decoding thread
 * ({@link #rendered}).
 */
final class JsonDumper extends DocumentDumper {
    private static final int WRITE_AT = 1 << 16;

    private final OutputStream out;
    private final JsonFrames frames = new JsonFrames();
    private final RenderBuffer buf = new RenderBuffer(WRITE_AT * 2);
    private long entries;

    JsonDumper(OutputStream out) {
        this.out = out;
    }

    @Override protected void begin() { buf.write('{'); }

    @Override protected void entry(Node node) throws IOException {
        separator();
        frames.entry(node, buf);
        drain();
    }

    @Override protected void frameEntry(Frame frame) throws IOException {
        separator();
        frames.render(frame, buf);
        drain();
    }

    @Override protected void renderedEntry(RenderBuffer bytes) throws IOException {
        separator();
        if (bytes.length() >= WRITE_AT) {
            buf.writeTo(out);
            buf.reset();
            bytes.writeTo(out);
        } else {
            buf.write(bytes.array(), 0, bytes.length());
            drain();
        }
    }

    @Override public FrameRenderer renderer() { return new JsonFrames(); }

    /** Before each entry: a comma after the previous one, a new line and one tab. */
    private void separator() {
        if (entries++ > 0) buf.write(',');
        buf.write('\n');
        buf.write('\t');
    }

    private void drain() throws IOException {
        if (buf.length() < WRITE_AT) return;
        buf.writeTo(out);
        buf.reset();
    }

    @Override protected void end() throws IOException {
        if (entries > 0) buf.write('\n');
        buf.write('}');
        buf.write('\n');
        buf.writeTo(out);
        buf.reset();
        out.flush();
    }
}
