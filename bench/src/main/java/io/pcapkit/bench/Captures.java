package io.pcapkit.bench;

import io.pcapkit.nativeengine.read.CaptureReaders;
import io.pcapkit.nativeengine.read.Record;
import io.pcapkit.nativeengine.read.RecordReader;
import io.pcapkit.spi.EngineOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads a capture's records into memory once, so benchmarks measure decoding, not the disk. */
final class Captures {
    /** One record, copied out of the reader's reused buffer. */
    record Rec(byte[] data, int capturedLength, long originalLength, long timestampNanos,
               io.pcapkit.model.LinkType linkType) { }

    private Captures() { }

    /** The bundled sample, or the file the system property {@code bench.capture} names. */
    static Path capture() {
        String p = System.getProperty("bench.capture");
        return p != null ? Path.of(p) : projectFile("samples/loopback.pcap");
    }

    /** A file of the project, found from the working directory upwards. */
    static Path projectFile(String relative) {
        for (Path c = Path.of("").toAbsolutePath(); c != null; c = c.getParent()) {
            Path s = c.resolve(relative);
            if (Files.exists(s)) return s;
        }
        throw new IllegalStateException(relative + " not found: run from the project"
                + (relative.startsWith("samples/") ? " or set -Dbench.capture" : ""));
    }

    static List<Rec> load(Path file, int max) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             RecordReader r = CaptureReaders.open(in, file.toString(), EngineOptions.DEFAULT_MAX_FRAME_BYTES)) {
            Record rec = new Record();
            while (out.size() < max && r.next(rec)) {
                out.add(new Rec(Arrays.copyOfRange(rec.data, rec.offset, rec.offset + rec.capturedLength),
                        rec.capturedLength, rec.originalLength, rec.timestampNanos, rec.linkType));
            }
        }
        return out;
    }
}
