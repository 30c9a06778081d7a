package io.pcapkit.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The output formats and their dumpers. */
public enum Format {
    /** JSON document in the original's shape. */
    JSON("json", ".json"),
    /** XML property list in the original's shape. */
    PLIST("plist", ".plist"),
    /** The original's tree-view text. */
    TREE("tree", ".txt"),
    /** {@code tshark -T fields} lines. */
    FIELDS("fields", ".tsv"),
    /** Classic PCAP (little-endian, microseconds): the frames themselves, for filtered extraction and trace. */
    PCAP("pcap", ".pcap"),
    /** PCAPNG (nanosecond time stamps, one interface block per interface and link type). */
    PCAPNG("pcapng", ".pcapng");

    private final String id;
    private final String extension;

    Format(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name {@code -f} takes. */
    public String id() { return id; }

    /** File extension, with its dot. */
    public String extension() { return extension; }

    /** By name ({@code json}, {@code plist}, {@code tree}, {@code fields}, {@code pcap}, {@code pcapng}; {@code xml}, {@code txt}, {@code text} too), or null. */
    public static Format parse(String name) {
        if (name == null) return null;
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "plist", "xml" -> PLIST;
            case "tree", "txt", "text" -> TREE;
            case "fields", "tsv" -> FIELDS;
            case "pcap" -> PCAP;
            case "pcapng" -> PCAPNG;
            default -> null;
        };
    }

    /** The format a file name's extension implies ({@code out.json} → JSON), or null. */
    public static Format ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return dot > slash + 1 ? parse(fileName.substring(dot + 1)) : null;
    }

    /**
     * A dumper writing this format to {@code out}. {@code fields} is used by {@link #FIELDS} only (and required
     * there). The dumper never closes {@code out}.
     */
    public Dumper open(OutputStream out, FieldsOptions fields) throws IOException {
        return switch (this) {
            case JSON -> new JsonDumper(out);
            case PLIST -> new PlistDumper(out);
            case TREE -> new TreeDumper(out);
            case PCAP -> new PcapWriter(out);
            case PCAPNG -> new PcapngWriter(out);
            case FIELDS -> {
                if (fields == null || fields.fields().isEmpty()) {
                    throw new IllegalArgumentException("the fields format needs at least one field (-e NAME)");
                }
                yield new FieldsDumper(out, fields);
            }
        };
    }

    /**
     * Makers of per-thread frame renderers for this format, for engines that decode on several threads and can
     * render there too; null when frames of this format are rendered on the writing thread only.
     */
    public java.util.function.Supplier<io.pcapkit.spi.FrameRenderer> renderers(FieldsOptions fields) {
        return switch (this) {
            case JSON -> JsonFrames::new;
            case FIELDS -> FieldsDumper.renderers(fields);
            case PLIST, TREE, PCAP, PCAPNG -> null;
        };
    }

    @Override public String toString() { return id; }
}
