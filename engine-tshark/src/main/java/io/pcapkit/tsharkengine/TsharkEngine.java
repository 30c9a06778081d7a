package io.pcapkit.tsharkengine;

import io.pcapkit.model.Fields;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * tshark as an engine: each {@link #open} starts one {@code tshark -n -r INPUT -T json -x} (plus {@code -d} for
 * every {@code --decode-as} rule and the words of the {@code tshark.args} option) and reads its output as frames.
 * Closing the engine kills every tshark it started that is still running.
 */
final class TsharkEngine implements Engine {
    /** Extra tshark arguments, space-separated (e.g. {@code -o tcp.desegment_tcp_streams:FALSE}). */
    static final String ARGS_OPTION = "tshark.args";

    private final EngineOptions options;
    private final TsharkBinary bin;
    private final TsharkFrameSource.Limits limits;
    private final List<TsharkFrameSource> sources = new ArrayList<>();

    TsharkEngine(EngineOptions options) {
        this.options = options;
        this.limits = TsharkFrameSource.Limits.of(options);
        this.bin = TsharkBinary.of(options);
        if (!bin.usable()) throw new EngineException(bin.availability().detail());
    }

    @Override public String name() { return "tshark"; }

    @Override public FrameSource open(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        byte[] head = new byte[CaptureHeader.PCAP_HEADER];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
            if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) n = gunzipHead(file, head);
        }
        CaptureHeader header = CaptureHeader.of(head, n, file.toString());
        TsharkDictionary dict = TsharkDictionary.of(bin);
        TsharkProcess proc = TsharkProcess.start(TsharkFrameSource.command(bin, file.toString(), options.decodeAs(),
                options.extra(ARGS_OPTION, null)));
        proc.closeStdin();
        return track(source(proc, dict, header, file.toString(), file));
    }

    @Override public FrameSource open(InputStream in, String displayName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(CaptureHeader.PCAP_HEADER);
        byte[] head = buffered.readNBytes(CaptureHeader.PCAP_HEADER);
        buffered.reset();
        CaptureHeader header = CaptureHeader.of(head, head.length, displayName);
        TsharkDictionary dict = TsharkDictionary.of(bin);
        TsharkProcess proc = TsharkProcess.start(TsharkFrameSource.command(bin, "-", options.decodeAs(),
                options.extra(ARGS_OPTION, null)));
        proc.feed(buffered);
        return track(source(proc, dict, header, displayName, null));
    }

    private TsharkFrameSource source(TsharkProcess proc, TsharkDictionary dict, CaptureHeader header,
                                     String name, Path file) throws IOException {
        try {
            return new TsharkFrameSource(proc, new FrameMapper(dict, header.pcapLinkType), header, name, file, limits);
        } catch (IOException | RuntimeException e) {
            proc.kill();
            throw e;
        }
    }

    /** Every name in tshark's registry (read here if no capture was opened yet). */
    @Override public boolean knowsField(String name) {
        if (Fields.find(name) != null) return true;
        try {
            return TsharkDictionary.of(bin).get(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int gunzipHead(Path file, byte[] head) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return 0; // tshark says what is wrong with it
        }
    }

    private synchronized TsharkFrameSource track(TsharkFrameSource s) {
        sources.removeIf(TsharkFrameSource::isClosed);
        sources.add(s);
        return s;
    }

    @Override public synchronized void close() {
        for (TsharkFrameSource s : sources) s.close();
        sources.clear();
    }
}
