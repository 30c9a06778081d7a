package io.pcapkit.model;

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
        for (int c = 0; c < cells.length; c++) if (frameFields[c] != FrameField.NONE) frameCell(f, c);
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

    /** The cell of {@code column} for the frame last loaded. */
    public CharSequence cell(int column) { return cells[column]; }

    /** Appends the last loaded row, cells joined by {@code separator}. */
    public void appendRow(StringBuilder sb, char separator) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) sb.append(separator);
            sb.append(cells[c]);
        }
    }

    private void frameCell(Frame f, int c) {
        StringBuilder sb = cells[c];
        seen[c] = true;
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
