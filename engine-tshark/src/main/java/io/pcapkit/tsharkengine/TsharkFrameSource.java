package io.pcapkit.tsharkengine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pcapkit.model.Frame;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.CaptureInfo;
import io.pcapkit.spi.FrameSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames of one capture as tshark decodes them: {@code tshark -T json -x} read with Jackson's streaming parser,
 * one frame object at a time into a reused {@link Frame}, so memory stays flat whatever the file size. When tshark
 * ends, its exit status and stderr decide: a clean end, a damaged capture ({@link CaptureFormatException}, after
 * every frame tshark wrote), or tshark itself failing (an {@link IOException} quoting its stderr).
 */
final class TsharkFrameSource implements FrameSource {
    /** Engine option: the longest string token accepted in tshark's JSON (a frame's hex is 2 characters a byte). */
    static final String MAX_TOKEN_OPTION = "tshark.maxTokenChars";
    /** Engine option: bytes of tshark's JSON accepted for one frame. */
    static final String MAX_FRAME_JSON_OPTION = "tshark.maxFrameJsonBytes";
    /** Jackson's own default, the bound this engine always had. */
    static final int DEFAULT_MAX_TOKEN = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_STRING_LEN;
    /** 256 MiB: far above the JSON of a full 262,144-byte frame with every field (a few MiB). */
    static final long DEFAULT_MAX_FRAME_JSON = 256L << 20;
    /**
     * Jackson checks a string's length as its buffer grows (by a few hundred characters) and reads its input 8 KiB
     * at a time, so bounds below these would bite at the wrong place.
     */
    static final long MIN_TOKEN = 1024, MIN_FRAME_JSON = 64 * 1024;
    /** tshark's words for a capture that is damaged or not a capture at all. */
    private static final Pattern DAMAGE = Pattern.compile(
            "cut short|damaged or corrupt|isn't a capture file|unknown format|not a capture file|"
                    + "unsupported|has a packet larger|bad record|invalid", Pattern.CASE_INSENSITIVE);
    private static final Pattern TSHARK_PREFIX = Pattern.compile("^tshark: ");
    private static final Pattern QUOTED_FILE = Pattern.compile("The file \"[^\"]*\" ");

    private final TsharkProcess proc;
    private final JsonParser parser;
    private final FrameMapper mapper;
    private final CaptureHeader header;
    private final String name;
    private final Path file;
    private final FrameBuilder builder = new FrameBuilder();
    private final Frame frame = new Frame();
    private long frames;
    /** Where the next PCAP record starts: the offset of the damage when tshark stops on a damaged record. */
    private long pcapOffset = CaptureHeader.PCAP_HEADER;
    private boolean started;
    private boolean done;
    private boolean closed;
    private IOException failure;
    private final Limits limits;
    private final FrameBudget budget;

    /** The bounds on tshark's output and on the frames it describes (see docs/limits.md). */
    record Limits(int maxTokenChars, long maxFrameJsonBytes, int maxFrameBytes) {
        static Limits of(io.pcapkit.spi.EngineOptions o) {
            return new Limits((int) atLeast(o, MAX_TOKEN_OPTION, DEFAULT_MAX_TOKEN, MIN_TOKEN, Integer.MAX_VALUE),
                    atLeast(o, MAX_FRAME_JSON_OPTION, DEFAULT_MAX_FRAME_JSON, MIN_FRAME_JSON, Long.MAX_VALUE),
                    o.maxFrameBytes());
        }

        static Limits defaults() { return of(io.pcapkit.spi.EngineOptions.defaults()); }

        private static long atLeast(io.pcapkit.spi.EngineOptions o, String key, long fallback, long min, long max) {
            String v = o.extra(key, null);
            if (v == null) return fallback;
            try {
                long n = Long.parseLong(v.trim());
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // said below
            }
            throw new io.pcapkit.spi.EngineException(key + " needs a whole number from " + min + " to " + max
                    + ", not '" + v + "'");
        }
    }

    TsharkFrameSource(TsharkProcess proc, FrameMapper mapper, CaptureHeader header, String name, Path file)
            throws IOException {
        this(proc, mapper, header, name, file, Limits.defaults());
    }

    TsharkFrameSource(TsharkProcess proc, FrameMapper mapper, CaptureHeader header, String name, Path file,
                      Limits limits) throws IOException {
        this.proc = proc;
        this.mapper = mapper;
        this.header = header;
        this.name = name;
        this.file = file;
        this.limits = limits;
        // tshark 4.0 copies string field bytes into its JSON as they are, so a damaged or binary payload yields
        // invalid UTF-8 (seen in pcapplusplus/one_tcp_stream.pcap frame 15); a byte parser stops there and every
        // later frame would be lost. The reader decodes with replacement characters instead.
        this.budget = new FrameBudget(new java.io.InputStreamReader(proc.stdout(),
                java.nio.charset.StandardCharsets.UTF_8), limits.maxFrameJsonBytes);
        JsonFactory json = JsonFactory.builder().streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints
                .builder().maxStringLength(limits.maxTokenChars).build()).build();
        this.parser = json.createParser(budget);
    }

    /**
     * tshark's output as characters, counting those read since the frame being parsed started: one frame's JSON past
     * the bound ends the read with {@link TooLong}, so a runaway output is a clear error, never a heap filled with one
     * frame's fields. Characters are counted (one per byte in tshark's JSON, ASCII but for the odd field value), exact
     * to within one read-ahead of the parser (8 K characters).
     */
    private static final class FrameBudget extends java.io.FilterReader {
        private final long max;
        private long read;
        private long frameStart;

        FrameBudget(java.io.Reader in, long max) {
            super(in);
            this.max = max;
        }

        /** The frame starts at character {@code consumed} (what the parser has used of what was read). */
        void nextFrame(long consumed) { frameStart = consumed; }

        private void spend(int n) throws IOException {
            if (n > 0 && (read += n) - frameStart > max) throw new TooLong(max);
        }

        @Override public int read() throws IOException {
            int c = super.read();
            if (c >= 0) spend(1);
            return c;
        }

        @Override public int read(char[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            spend(n);
            return n;
        }
    }

    /** One frame's JSON went past {@link Limits#maxFrameJsonBytes}. */
    private static final class TooLong extends IOException {
        TooLong(long max) { super("more than " + max + " bytes of JSON", null); }
    }

    static List<String> command(TsharkBinary bin, String input, List<String> decodeAs, String extraArgs) {
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.path, "-n", "-r", input, "-T", "json", "-x"));
        for (String rule : decodeAs) {
            cmd.add("-d");
            cmd.add(rule);
        }
        if (extraArgs != null && !extraArgs.isBlank()) cmd.addAll(List.of(extraArgs.trim().split("\\s+")));
        return cmd;
    }

    @Override public Frame next() throws IOException {
        if (closed) throw new IOException(name + ": source is closed");
        if (failure != null) throw failure;
        if (done) return null;
        try {
            if (!started) {
                started = true;
                JsonToken t = parser.nextToken();
                if (t != JsonToken.START_ARRAY) return end(false, null);
            }
            // this frame's JSON budget counts from where the parser stands: the end of the previous frame
            budget.nextFrame(parser.currentLocation().getCharOffset());
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) return end(t == JsonToken.END_ARRAY, null);
            Frame f = mapper.read(parser, builder, frame);
            if (f.capturedLength() > limits.maxFrameBytes) {
                return tooBig(new CaptureFormatException(name, pcapOffset, "record captured length "
                        + f.capturedLength() + " exceeds the " + limits.maxFrameBytes + "-byte limit"));
            }
            frames++;
            pcapOffset += CaptureHeader.PCAP_RECORD_HEADER + f.capturedLength();
            return f;
        } catch (TooLong e) {
            return tooBig(new IOException(name + ": frame " + (frames + 1) + ": tshark wrote " + e.getMessage()
                    + " for it (bound: " + MAX_FRAME_JSON_OPTION + ", --max-json-frame)", e));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            return tooBig(new IOException(name + ": frame " + (frames + 1) + ": a value in tshark's JSON is longer "
                    + "than " + limits.maxTokenChars + " characters (bound: " + MAX_TOKEN_OPTION + ", --max-json-token)",
                    e));
        } catch (IOException e) {
            if (e == failure) throw e;   // a bound that bit, said already
            if (closed) throw new IOException(name + ": source is closed", e);
            return end(false, e);
        }
    }

    /** A bound bit: tshark is stopped (the rest of its output is not wanted) and the run ends with {@code why}. */
    private Frame tooBig(IOException why) throws IOException {
        done = true;
        proc.kill();
        failure = why;
        throw why;
    }

    /** tshark's output is over (cleanly or not): its exit status and stderr say how the capture ended. */
    private Frame end(boolean cleanEnd, IOException cause) throws IOException {
        done = true;
        // output we could not parse leaves tshark blocked writing the rest: waiting for it would only stall
        if (cause != null) proc.kill();
        int status = proc.waitFor(cleanEnd ? 60 : 5);
        if (status == -1) proc.kill();
        if (cleanEnd && status == 0) return null;
        String stderr = proc.stderr();
        String reason = reason(stderr);
        if (status == 0 && cause == null && frames == 0) return null; // an empty capture: no array at all
        if (reason != null && DAMAGE.matcher(reason).find()) {
            failure = new CaptureFormatException(name, damageOffset(reason), reason + " (tshark, after frame " + frames + ")");
        } else {
            String how = status == -1 ? "did not exit" : status > 128 ? "was killed (signal " + (status - 128) + ")"
                    : "exited with status " + status;
            String where = cleanEnd ? "" : " in the middle of its output";
            failure = new IOException(name + ": tshark " + how + where + " after frame " + frames
                    + (stderr.isEmpty() ? "" : ": " + stderr.replace('\n', ' ').replace('\t', ' ')), cause);
        }
        throw failure;
    }

    /** The first line of tshark's stderr that says something, without "tshark: " and the quoted file name. */
    private static String reason(String stderr) {
        for (String line : stderr.split("\n")) {
            String l = TSHARK_PREFIX.matcher(line.trim()).replaceFirst("");
            if (l.isEmpty()) continue;
            Matcher m = QUOTED_FILE.matcher(l);
            return m.find() ? "the file " + l.substring(m.end()) : l;
        }
        return null;
    }

    /**
     * Where the damage is: for PCAP the start of the record after the last one tshark wrote (exact); for a file
     * that is not a capture the start; for a cut PCAPNG file its end (tshark does not say more); for stdin the
     * bytes handed to tshark.
     */
    private long damageOffset(String reason) {
        if (header.info.format() == CaptureInfo.Format.PCAP) return pcapOffset;
        if (frames == 0 && !reason.contains("cut short")) return 0;
        if (file == null) return proc.fed();
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public CaptureInfo info() { return header.info; }

    boolean isClosed() { return closed; }

    /** Values tshark printed that did not parse as their field's type and were left out. */
    long unparsedValues() { return mapper.unparsed; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        proc.kill();
        try {
            parser.close();
        } catch (IOException e) {
            // the pipe is gone with the process
        }
    }
}
