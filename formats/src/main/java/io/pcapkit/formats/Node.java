package io.pcapkit.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an output document: an object, an array or a value. The document of one frame is built as a small
 * tree of nodes, handed to a writer and dropped: the JSON, PLIST and TREE writers then share one document shape
 * and differ only in how they print it.
 *
 * <p>{@code key} is the machine name (a Wireshark field name, a lower-case protocol key, a frame-info key) used by
 * JSON and PLIST; {@code label} the human name TREE prints. Array elements have neither. {@code text}, when set,
 * is the one-line human form TREE prints instead of the value or the object's children (an integer in its
 * display base with its value name, {@code "0x0800 (IPv4)"}).
 */
final class Node {
    enum Kind { OBJECT, ARRAY, VALUE }

    /** Opaque bytes, printed as lower-case hex (JSON, PLIST) or spaced hex (TREE). */
    record Hex(String hex) { }

    final Kind kind;
    final String key;
    final String label;
    /** VALUE only: Long, BigInteger, BigDecimal, Double, Boolean, String, {@link Hex}, or null. */
    final Object value;
    String text;
    final List<Node> children;

    private Node(Kind kind, String key, String label, Object value, String text) {
        this.kind = kind;
        this.key = key;
        this.label = label == null ? key : label;
        this.value = value;
        this.text = text;
        this.children = kind == Kind.VALUE ? List.of() : new ArrayList<>();
    }

    static Node object(String key, String label) { return new Node(Kind.OBJECT, key, label, null, null); }

    static Node array(String key, String label) { return new Node(Kind.ARRAY, key, label, null, null); }

    static Node value(String key, String label, Object value, String text) {
        return new Node(Kind.VALUE, key, label, value, text);
    }

    static Node value(String key, Object value) { return new Node(Kind.VALUE, key, key, value, null); }

    Node add(Node child) {
        children.add(child);
        return this;
    }

    @Override public String toString() {
        return kind == Kind.VALUE ? key + "=" + value : key + children;
    }
}
