package io.pcapkit.formats;

import io.pcapkit.model.Frame;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON: one object whose members are the header block and the frames, in the original's layout (tab indentation,
 * as dictdumper writes). Each entry is rendered into bytes by {@link JsonFrames} and written; frames may also come
 * already rendered by a decoding thread ({@link #rendered}).
 */
final class JsonDumper extends DocumentDumper {
    private final OutputStream out;
    private final JsonFrames frames = new JsonFrames();
    private final RenderBuffer buf = new RenderBuffer(16384);
    private long entries;

    JsonDumper(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    @Override protected void begin() throws IOException { out.write('{'); }

    @Override protected void entry(Node node) throws IOException {
        frames.entry(node, buf.reset());
        place(buf);
    }

    @Override protected void frameEntry(Frame frame) throws IOException {
        frames.render(frame, buf.reset());
        place(buf);
    }

    @Override protected void renderedEntry(RenderBuffer bytes) throws IOException { place(bytes); }

    @Override public FrameRenderer renderer() { return new JsonFrames(); }

    private void place(RenderBuffer entry) throws IOException {
        if (entries++ > 0) out.write(',');
        out.write('\n');
        out.write('\t');
        entry.writeTo(out);
    }

    @Override protected void end() throws IOException {
        if (entries > 0) out.write('\n');
        out.write('}');
        out.write('\n');
        out.flush();
    }
}
