package io.pcapkit.formats;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.spi.CaptureInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code tshark -T fields}: one line per frame, one column per asked field, the occurrences of a field in a frame
 * joined by the aggregator, an absent field an empty cell. Values are formatted by {@link FieldColumns} exactly as
 * tshark 4.0 prints them. When every occurrence is wanted and nothing is quoted, rows go straight from the
 * columns to the output; otherwise cells are joined with an internal mark and then picked and re-joined.
 */
final class FieldsDumper implements Dumper {
    /** Joins occurrences while a cell still has to be picked from; no field value holds it. */
    private static final char MARK = '\u0001';

    private final FieldsOptions options;
    private final FieldColumns columns;
    private final boolean direct;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private boolean headerDone;
    private boolean closed;

    FieldsDumper(OutputStream stream, FieldsOptions options) {
        this.options = options;
        this.direct = options.occurrence() == 0 && options.quote() == 0;
        this.columns = new FieldColumns(options.fields(), direct ? options.aggregator() : MARK);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override public void header(CaptureInfo info) throws IOException {
        if (closed) throw new IOException("dumper is closed");
        writeHeader();
    }

    @Override public void frame(Frame frame) throws IOException {
        if (closed) throw new IOException("dumper is closed");
        writeHeader();
        columns.load(frame);
        row.setLength(0);
        if (direct) {
            columns.appendRow(row, options.separator());
        } else {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) row.append(options.separator());
                appendCell(columns.cell(c));
            }
        }
        row.append('\n');
        out.append(row);
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

    private void writeHeader() throws IOException {
        if (headerDone) return;
        headerDone = true;
        if (!options.header()) return;
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) out.write(options.separator());
            out.write(columns.name(c));
        }
        out.write('\n');
    }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        writeHeader();
        out.flush();
    }
}
