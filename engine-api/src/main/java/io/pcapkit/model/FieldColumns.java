package io.pcapkit.model;

import io.pcapkit.spi.RenderBuffer;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code tshark -T fields} view of frames: a fixed list of field names resolved once, then, per frame, one
 * cell per name holding every occurrence comma-joined (empty when absent), each formatted by {@link FieldFormat}.
 * Besides decoded fields it knows the frame's own: {@code frame.number}, {@code frame.time_epoch},
 * {@code frame.len}, {@code frame.cap_len}, {@code frame.interface_id}, {@code frame.time_relative},
 * {@code frame.time_delta}. One pass over the frame's flat field table per row; no allocation once warmed up.
 */
public final class FieldColumns {
    private enum FrameField { NONE, NUMBER, TIME_EPOCH, LEN, CAP_LEN, INTERFACE_ID, TIME_RELATIVE, TIME_DELTA, PROTOCOLS }

    private final String[] names;
    private final FieldDef[] defs;
    private final FrameField[] frameFields;
    private final StringBuilder[] cells;
    private final boolean[] seen;
    private int[] columnOfDef = new int[0];   // def id -> first column index + 1 (0: not asked)
    private int[] nextSameDef;                // column -> next column asking the same def, + 1
    private long firstTs = Long.MIN_VALUE;
    private long prevTs = Long.MIN_VALUE;
    private final char occurrenceSeparator;
    // renderRow's occurrence chains: per column the first and last entry (+ 1, 0: none), per entry its field
    // index and the next entry of its column (+ 1)
    private final int[] chainHead;
    private final int[] chainTail;
    private int[] entryField = new int[128];
    private int[] entryNext = new int[128];
    private final StringBuilder scratch = new StringBuilder(64);

    public FieldColumns(List<String> fieldNames) { this(fieldNames, ','); }

    public FieldColumns(List<String> fieldNames, char occurrenceSeparator) {
        int n = fieldNames.size();
        this.names = fieldNames.toArray(new String[0]);
        this.defs = new FieldDef[n];
        this.frameFields = new FrameField[n];
        this.cells = new StringBuilder[n];
        this.seen = new boolean[n];
        this.nextSameDef = new int[n];
        this.occurrenceSeparator = occurrenceSeparator;
        this.chainHead = new int[n];
        this.chainTail = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = new StringBuilder(32);
            frameFields[i] = switch (names[i]) {
                case "frame.number" -> FrameField.NUMBER;
                case "frame.time_epoch" -> FrameField.TIME_EPOCH;
                case "frame.len" -> FrameField.LEN;
                case "frame.cap_len" -> FrameField.CAP_LEN;
                case "frame.interface_id" -> FrameField.INTERFACE_ID;
                case "frame.time_relative" -> FrameField.TIME_RELATIVE;
                case "frame.time_delta" -> FrameField.TIME_DELTA;
                case "frame.protocols" -> FrameField.PROTOCOLS;
                default -> FrameField.NONE;
            };
        }
        resolve();
    }

    /** Field names that no decoder has declared (their cells stay empty). */
    public List<String> unknownNames() {
        resolve();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) if (defs[i] == null && frameFields[i] == FrameField.NONE) out.add(names[i]);
        return out;
    }

    public int size() { return names.length; }

    /** Whether a column depends on earlier frames ({@code frame.time_delta}, {@code frame.time_relative}). */
    public boolean dependsOnOrder() {
        for (FrameField f : frameFields) if (f == FrameField.TIME_RELATIVE || f == FrameField.TIME_DELTA) return true;
        return false;
    }

    public String name(int column) { return names[column]; }

    /** Fills the cells from {@code f}; read them with {@link #cell(int)} or {@link #appendRow}. */
    public void load(Frame f) {
        if (columnOfDef.length < Fields.count()) resolve();
        for (int c = 0; c < cells.length; c++) {
            cells[c].setLength(0);
            seen[c] = false;
        }
        for (int c = 0; c < cells.length; c++) {
            if (frameFields[c] != FrameField.NONE) {
                seen[c] = true;
                frameCell(f, c, cells[c]);
            }
        }
        long[] fd = f.fmeta;
        int[] map = columnOfDef;
        for (int i = 0, n = f.fieldCount; i < n; i++) {
            int id = (int) fd[i];
            int col = id < map.length ? map[id] : 0;
            while (col != 0) {
                int c = col - 1;
                StringBuilder sb = cells[c];
                if (seen[c]) sb.append(occurrenceSeparator);
                seen[c] = true;
                FieldFormat.appendTshark(f, i, sb);
                col = nextSameDef[c];
            }
        }
        // tshark measures from a record without a time stamp as if it were stamped 0
        prevTs = f.timestampNanos == Frame.NO_TIMESTAMP ? 0 : f.timestampNanos;
    }

    /**
     * Writes {@code f}'s row, cells joined by {@code separator}, straight as UTF-8 bytes: the same text as
     * {@link #load} then {@link #appendRow}, without building the cells as characters first (values are written
     * by {@link FieldBytes}). Occurrences of a column are chained in frame order, then each column is written.
     */
    public void renderRow(Frame f, RenderBuffer out, char separator) {
        if (columnOfDef.length < Fields.count()) resolve();
        int n = cells.length;
        Arrays.fill(chainHead, 0);
        int entries = 0;
        long[] fd = f.fmeta;
        int[] map = columnOfDef;
        for (int i = 0, count = f.fieldCount; i < count; i++) {
            int id = (int) fd[i];
            int col = id < map.length ? map[id] : 0;
            while (col != 0) {
                int c = col - 1;
                if (entries == entryField.length) {
                    entryField = Arrays.copyOf(entryField, entries * 2);
                    entryNext = Arrays.copyOf(entryNext, entries * 2);
                }
                entryField[entries] = i;
                entryNext[entries] = 0;
                if (chainHead[c] == 0) chainHead[c] = entries + 1;
                else entryNext[chainTail[c] - 1] = entries + 1;
                chainTail[c] = ++entries;
                col = nextSameDef[c];
            }
        }
        for (int c = 0; c < n; c++) {
            if (c > 0) writeChar(out, separator);
            if (frameFields[c] != FrameField.NONE) {
                scratch.setLength(0);
                frameCell(f, c, scratch);
                FieldBytes.utf8(scratch, out);
                continue;
            }
            for (int e = chainHead[c]; e != 0; e = entryNext[e - 1]) {
                if (e != chainHead[c]) writeChar(out, occurrenceSeparator);
                FieldBytes.append(f, entryField[e - 1], out, scratch);
            }
        }
        prevTs = f.timestampNanos == Frame.NO_TIMESTAMP ? 0 : f.timestampNanos;
    }

    private static void writeChar(RenderBuffer out, char ch) {
        if (ch < 0x80) out.write(ch);
        else FieldBytes.utf8(String.valueOf(ch), out);
    }

    /** The cell of {@code column} for the frame last loaded. */
    public CharSequence cell(int column) { return cells[column]; }

    /** Appends the last loaded row, cells joined by {@code separator}. */
    public void appendRow(StringBuilder sb, char separator) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) sb.append(separator);
            sb.append(cells[c]);
        }
    }

    private void frameCell(Frame f, int c, StringBuilder sb) {
        switch (frameFields[c]) {
            case NUMBER -> sb.append(f.number);
            case TIME_EPOCH -> {
                if (f.timestampNanos != Frame.NO_TIMESTAMP) FieldFormat.appendEpoch(sb, f.timestampNanos);
            }
            case LEN -> sb.append(f.originalLength);
            case CAP_LEN -> sb.append(f.capturedLength);
            case INTERFACE_ID -> {
                if (f.interfaceId != Frame.NO_INTERFACE) sb.append(f.interfaceId);
            }
            case TIME_RELATIVE -> {
                long ts = f.timestampNanos == Frame.NO_TIMESTAMP ? 0 : f.timestampNanos;
                if (firstTs == Long.MIN_VALUE) firstTs = ts;
                if (f.timestampNanos != Frame.NO_TIMESTAMP) appendSeconds(sb, ts - firstTs);
            }
            case TIME_DELTA -> {
                if (f.timestampNanos != Frame.NO_TIMESTAMP) {
                    appendSeconds(sb, prevTs == Long.MIN_VALUE ? 0 : f.timestampNanos - prevTs);
                }
            }
            case PROTOCOLS -> {
                for (int i = 0; i < f.layerCount; i++) {
                    if (i > 0) sb.append(':');
                    sb.append(f.layerProto[i].abbrev());
                }
            }
            case NONE -> { }
        }
    }

    private static void appendSeconds(StringBuilder sb, long nanos) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        FieldFormat.appendEpoch(sb, nanos);
    }

    /** Maps declared field ids to the columns asking for them (fields may be declared after construction). */
    private void resolve() {
        int count = Fields.count();
        int[] map = new int[count];
        java.util.Arrays.fill(nextSameDef, 0);
        for (int c = names.length - 1; c >= 0; c--) {
            if (frameFields[c] != FrameField.NONE) continue;
            FieldDef d = Fields.find(names[c]);
            defs[c] = d;
            if (d == null || d.id() >= count) continue;
            nextSameDef[c] = map[d.id()];
            map[d.id()] = c + 1;
        }
        columnOfDef = map;
    }
}
