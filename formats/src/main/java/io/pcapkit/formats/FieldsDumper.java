package io.pcapkit.formats;

import io.pcapkit.model.FieldBytes;
import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameRenderer;
import io.pcapkit.spi.RenderBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * {@code tshark -T fields}: one line per frame, one column per asked field, the occurrences of a field in a frame
 * joined by the aggregator, an absent field an empty cell. Values are formatted by {@link FieldColumns} exactly as
 * tshark 4.0 prints them. When every occurrence is wanted and nothing is quoted, rows go straight from the
 * columns to the output; otherwise cells are joined with an internal mark and then picked and re-joined.
 * Rows are rendered by {@link Rows}, here or, one instance per thread, on the threads that decode the frames.
 */
final class FieldsDumper implements Dumper {
    /** Joins occurrences while a cell still has to be picked from; no field value holds it. */
    private static final char MARK = '\u0001';

    /** Rows gather in one buffer, written out at this size: no second buffer copies them again. */
    private static final int WRITE_AT = 1 << 16;

    private final FieldsOptions options;
    private final Rows rows;
    private final OutputStream out;
    private final RenderBuffer buf = new RenderBuffer(WRITE_AT * 2);
    private boolean headerDone;
    private boolean closed;

    FieldsDumper(OutputStream stream, FieldsOptions options) {
        this.options = options;
        this.rows = new Rows(options);
        this.out = stream;
    }

    /**
     * Row renderers for decoding threads, or null when a column depends on the frames before it
     * ({@code frame.time_delta}, {@code frame.time_relative}): those rows are rendered here, in order.
     */
    static Supplier<FrameRenderer> renderers(FieldsOptions options) {
        if (new FieldColumns(options.fields()).dependsOnOrder()) return null;
        return () -> new Rows(options);
    }

    @Override public void header(CaptureInfo info) throws IOException {
        if (closed) throw new IOException("dumper is closed");
        writeHeader();
    }

    @Override public void frame(Frame frame) throws IOException {
        if (closed) throw new IOException("dumper is closed");
        writeHeader();
        rows.render(frame, buf);
        drain();
    }

    @Override public void rendered(Frame frame, RenderBuffer bytes) throws IOException {
        if (closed) throw new IOException("dumper is closed");
        writeHeader();
        buf.write(bytes.array(), 0, bytes.length());
        drain();
    }

    private void drain() throws IOException {
        if (buf.length() < WRITE_AT) return;
        buf.writeTo(out);
        buf.reset();
    }

    private void writeHeader() throws IOException {
        if (headerDone) return;
        headerDone = true;
        if (!options.header()) return;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < rows.columns.size(); c++) {
            if (c > 0) sb.append(options.separator());
            sb.append(rows.columns.name(c));
        }
        sb.append('\n');
        FieldBytes.utf8(sb, buf);
    }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        writeHeader();
        buf.writeTo(out);
        buf.reset();
        out.flush();
    }

    /** Renders one frame's row as UTF-8 bytes. Keeps the columns' state, so one instance per thread. */
    static final class Rows implements FrameRenderer {
        private final FieldsOptions options;
        final FieldColumns columns;
        private final boolean direct;
        private final StringBuilder row = new StringBuilder(256);

        Rows(FieldsOptions options) {
            this.options = options;
            this.direct = options.occurrence() == 0 && options.quote() == 0;
            this.columns = new FieldColumns(options.fields(), direct ? options.aggregator() : MARK);
        }

        @Override public void render(Frame frame, RenderBuffer out) {
            if (direct) {
                // every occurrence, nothing quoted: values go straight to bytes
                columns.renderRow(frame, out, options.separator());
                out.write('\n');
                return;
            }
            columns.load(frame);
            row.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) row.append(options.separator());
                appendCell(columns.cell(c));
            }
            row.append('\n');
            FieldBytes.utf8(row, out);
        }

        private void appendCell(CharSequence cell) {
            if (cell.isEmpty()) return;
            int start = row.length();
            if (options.quote() != 0) row.append(options.quote());
            int occ = options.occurrence();
            int n = 1;
            int from = 0;
            for (int i = 0; i <= cell.length(); i++) {
                if (i < cell.length() && cell.charAt(i) != MARK) continue;
                if (occ == 0) {
                    if (n > 1) row.append(options.aggregator());
                    row.append(cell, from, i);
                } else if (occ == n || (occ == -1 && i == cell.length())) {
                    row.append(cell, from, i);
                }
                n++;
                from = i + 1;
            }
            if (row.length() == start + (options.quote() != 0 ? 1 : 0)) {
                row.setLength(start);   // the asked occurrence does not exist: an empty cell, unquoted as tshark's
            } else if (options.quote() != 0) {
                row.append(options.quote());
            }
        }
    }
}
