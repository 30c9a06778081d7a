package io.pcapkit.kaitaiengine;

import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One run of the Kaitai engine: opens captures as {@link PcapSource}s or {@link PcapngSource}s. */
final class KaitaiEngine implements Engine {
    private final EngineOptions options;

    KaitaiEngine(EngineOptions options) {
        this.options = options;
        // declare every field now, before any engine that learns names at run time (tshark) guesses at them
        Catalog.field("data.data");
        java.util.Objects.requireNonNull(DnsLayer.DNS);
    }

    @Override public String name() { return "kaitai"; }

    @Override public FrameSource open(Path file) throws IOException {
        return open(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file.toString(), options);
    }

    @Override public FrameSource open(InputStream in, String displayName) throws IOException {
        return open(new BufferedInputStream(in, 1 << 16), displayName, options);
    }

    /** The format is told by the first four bytes: the PCAPNG Section Header's block type, or a PCAP magic. */
    private static FrameSource open(BufferedInputStream in, String name, EngineOptions options) throws IOException {
        in.mark(4);
        byte[] m = in.readNBytes(4);
        in.reset();
        boolean ng = m.length == 4 && m[0] == 0x0A && m[1] == 0x0D && m[2] == 0x0D && m[3] == 0x0A;
        return ng ? new PcapngSource(in, name, options) : new PcapSource(in, name, options);
    }
}
