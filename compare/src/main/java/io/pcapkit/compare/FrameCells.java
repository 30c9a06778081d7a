package io.pcapkit.compare;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldFormat;
import io.pcapkit.model.Frame;

import java.util.Arrays;
import java.util.List;

/**
 * One frame as {@code tshark -T fields} would print every field it carries: per field, all occurrences in frame
 * order, comma-joined, each formatted by {@link FieldFormat}. Cells are indexed by {@link FieldDef#id()} (engines
 * share declarations by name, so the same id means the same field in every engine). Frame fields come first under
 * the names of {@link #FRAME_FIELDS}. Reused from frame to frame: no allocation once grown.
 */
final class FrameCells {
    /** The record fields every engine gives, under tshark's names. frame.number is the key, not a cell. */
    static final List<String> FRAME_FIELDS = List.of("frame.time_epoch", "frame.len", "frame.cap_len",
            "frame.interface_id");

    final StringBuilder[] frame = new StringBuilder[FRAME_FIELDS.size()];
    private StringBuilder[] byDef = new StringBuilder[256];
    private FieldDef[] defOf = new FieldDef[256];
    private int[] stamp = new int[256];     // == generation: the field is in the current frame
    private int generation;
    private int[] touched = new int[64];
    private int touchedCount;
    long number;

    FrameCells() {
        for (int i = 0; i < frame.length; i++) frame[i] = new StringBuilder(24);
    }

    void load(Frame f) {
        for (int i = 0; i < touchedCount; i++) byDef[touched[i]].setLength(0);
        touchedCount = 0;
        generation++;
        number = f.number();
        for (StringBuilder sb : frame) sb.setLength(0);
        if (f.timestampNanos() != Frame.NO_TIMESTAMP) FieldFormat.appendEpoch(frame[0], f.timestampNanos());
        frame[1].append(f.originalLength());
        frame[2].append(f.capturedLength());
        if (f.interfaceId() != Frame.NO_INTERFACE) frame[3].append(f.interfaceId());
        for (int i = 0, n = f.fieldCount(); i < n; i++) {
            FieldDef d = f.defAt(i);
            int id = d.id();
            if (id >= byDef.length) grow(id);
            StringBuilder sb = byDef[id];
            if (sb == null) byDef[id] = sb = new StringBuilder(16);
            defOf[id] = d;
            if (stamp[id] != generation) {
                stamp[id] = generation;
                if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
                touched[touchedCount++] = id;
            } else {
                sb.append(',');
            }
            FieldFormat.appendTshark(f, i, sb);
        }
    }

    int touchedCount() { return touchedCount; }

    int touchedId(int i) { return touched[i]; }

    FieldDef def(int id) { return defOf[id]; }

    /** The cell of field {@code id}, or null when the frame does not carry it. */
    CharSequence cell(int id) {
        return id < byDef.length && stamp[id] == generation ? byDef[id] : null;
    }

    private void grow(int id) {
        int n = Math.max(id + 1, byDef.length * 2);
        byDef = Arrays.copyOf(byDef, n);
        defOf = Arrays.copyOf(defOf, n);
        stamp = Arrays.copyOf(stamp, n);
    }
}
