package io.pcapkit.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The original's tree-view text (dictdumper's {@code Tree}): each entry's name, then its branches drawn with
 * {@code |--}, human labels instead of field names, and values in their display form ({@code 0x0800 (IPv4)},
 * {@code True}, spaced hex). Strings longer than 40 characters and bytes longer than 16 wrap onto their own
 * lines, as dictdumper wraps them. Unlike JSON and PLIST, a field met twice at one level is printed twice, in
 * header order.
 *
 * <pre>
 * Frame 1
 *   |-- number -> 1
 *   |-- ethernet
 *         |-- Destination -> 00:00:00:00:00:00
 *         |-- Type -> 0x0800 (IPv4)
 * </pre>
 */
final class TreeDumper extends DocumentDumper {
    private static final String BRANCH = "  |   ";
    private static final String SPACES = "      ";
    private static final int STRING_WRAP = 40;
    private static final int BYTES_WRAP = 16;

    private final Writer out;
    private final StringBuilder ctx = new StringBuilder(64);
    private int entries;

    TreeDumper(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override protected void begin() { }

    /** A text tree may repeat a label: fields stay in header order, as Wireshark shows them. */
    @Override protected boolean mergeRepeated() { return false; }

    @Override protected void entry(Node node) throws IOException {
        if (entries++ > 0) out.write('\n');
        out.write(node.key);
        ctx.setLength(0);
        children(node.children, true);
        out.write('\n');
    }

    @Override protected void end() throws IOException { out.flush(); }

    /**
     * An object's members ({@code |-- label}, labelled) or an array's items ({@code |-}), one line each; the value
     * goes on that line unless it is drawn below it (a sub-tree or a wrapped value), and its own lines are indented
     * under a {@code |} while later siblings follow.
     */
    private void children(List<Node> items, boolean labelled) throws IOException {
        if (items.isEmpty()) {
            out.write(" -> NIL");
            return;
        }
        for (int k = 0; k < items.size(); k++) {
            Node item = items.get(k);
            boolean below = isBranch(item) || wraps(item);
            out.write('\n');
            out.append(ctx);
            if (labelled) {
                out.append("  |-- ").append(Text.escapeControls(item.label));
                if (!below) out.write(' ');
            } else {
                out.append("  |-");
                if (below) out.write("-> --");
            }
            int mark = ctx.length();
            ctx.append(k < items.size() - 1 ? BRANCH : SPACES);
            value(item);
            ctx.setLength(mark);
        }
    }

    /** Objects and arrays drawn as sub-trees (an object with a one-line text is drawn as a value). */
    private static boolean isBranch(Node n) {
        return n.kind == Node.Kind.ARRAY || (n.kind == Node.Kind.OBJECT && n.text == null);
    }

    /** Values too long for one line: written on lines of their own below their key. */
    private static boolean wraps(Node n) {
        if (isBranch(n)) return false;
        if (n.value instanceof Node.Hex h) return h.hex().length() > 2 * BYTES_WRAP;
        return text(n).length() > STRING_WRAP;
    }

    private void value(Node n) throws IOException {
        if (n.kind == Node.Kind.ARRAY) {
            children(n.children, false);
            return;
        }
        if (n.kind == Node.Kind.OBJECT && n.text == null) {
            children(n.children, true);
            return;
        }
        if (n.value instanceof Node.Hex h) {
            hex(h.hex());
            return;
        }
        String t = text(n);
        if (t.isEmpty()) {
            out.write("-> NIL");
        } else if (t.length() <= STRING_WRAP) {
            out.write("-> ");
            out.write(t);
        } else {
            wrapped(t, STRING_WRAP, false);
        }
    }

    private void hex(String hex) throws IOException {
        if (hex.isEmpty()) {
            out.write("-> NIL");
        } else if (hex.length() <= 2 * BYTES_WRAP) {
            out.write("-> ");
            out.write(spaced(hex, 0, hex.length()));
        } else {
            wrapped(hex, 2 * BYTES_WRAP, true);
        }
    }

    /**
     * A long value on lines of its own below the key: {@code |-> first line}, then aligned continuations. Text
     * breaks at the last space that fits, as Python's textwrap does; hex breaks every {@code width} digits.
     */
    private void wrapped(String t, int width, boolean hex) throws IOException {
        boolean first = true;
        int from = 0;
        while (from < t.length()) {
            int to = Math.min(t.length(), from + width);
            int next = to;
            if (!hex && to < t.length()) {
                int space = t.lastIndexOf(' ', to);
                if (space > from) {
                    to = space;
                    next = space + 1;
                }
            }
            out.write('\n');
            out.append(ctx).append(first ? "  |--> " : "       ").append(hex ? spaced(t, from, to) : t.substring(from, to));
            first = false;
            from = next;
            while (!hex && from < t.length() && t.charAt(from) == ' ') from++;
        }
    }

    private static String spaced(String hex, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 3 / 2);
        for (int i = from; i < to; i += 2) {
            if (i > from) sb.append(' ');
            sb.append(hex, i, Math.min(to, i + 2));
        }
        return sb.toString();
    }

    private static String text(Node n) {
        if (n.text != null) return Text.escapeControls(n.text);
        return switch (n.value) {
            case null -> "";
            case Boolean b -> b ? "True" : "False";
            case BigDecimal d -> d.toPlainString();
            default -> Text.escapeControls(n.value.toString());
        };
    }
}
