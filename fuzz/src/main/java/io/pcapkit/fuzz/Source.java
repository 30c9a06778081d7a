package io.pcapkit.fuzz;

import java.nio.file.Path;

/**
 * A corpus capture as mutators see it: its bytes, their layout and (computed on first use) where the native
 * engine found each frame's protocol layers.
 */
public final class Source {
    private final String name;
    private final Path path;
    private final CaptureLayout layout;
    private LayerIndex layers;

    public Source(String name, Path path, byte[] bytes) {
        this.name = name;
        this.path = path;
        this.layout = CaptureLayout.parse(bytes);
    }

    /** Path relative to the corpus, e.g. {@code tcpdump/dns.pcap}. */
    public String name() { return name; }

    public Path path() { return path; }

    public byte[] bytes() { return layout.bytes; }

    public CaptureLayout layout() { return layout; }

    public LayerIndex layers() {
        if (layers == null) layers = LayerIndex.of(path, layout.packets.size());
        return layers;
    }

    /** The file extension to give mutated copies, so tools that look at names see the right kind. */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "pcap" : name.substring(dot + 1);
    }
}
