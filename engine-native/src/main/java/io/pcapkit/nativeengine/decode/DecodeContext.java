package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FrameBuilder;
import io.pcapkit.model.Protocol;

/**
 * Per-thread decoding state for one frame at a time: the frame's bytes with absolute-offset getters, the
 * {@link FrameBuilder} that receives fields, and the "what comes next" a decoder leaves for the dispatcher.
 * Reused for every frame; nothing here allocates.
 */
public final class DecodeContext {
    /** How many option / extension / parameter entries one header may hold before decoding stops there. */
    public static final int MAX_OPTIONS = 256;

    /** This engine's bound on entries per list ({@link DecodeLimits#maxOptions()}; {@link #MAX_OPTIONS} by default). */
    int maxOptions = MAX_OPTIONS;
    /** This engine's bound on IPv6 extension headers in a row ({@link DecodeLimits#maxExtensionHeaders()}). */
    int maxExtensionHeaders = DecodeLimits.DEFAULT_EXTENSION_HEADERS;

    final FrameBuilder out = new FrameBuilder();
    byte[] d;
    int base;
    int capLen;

    // what the current decoder asked for next
    Dispatch nextTable;
    /** Asked when {@link #nextTable} has nothing under the key(s); null when there is no second table. */
    Dispatch nextFallback;
    int nextFallbackKey;
    int nextKey;
    int nextKey2 = -1;
    LayerDecoder nextDecoder;
    int nextLen = -1;
    boolean nextByContent;
    boolean truncated;

    /** Frame-wide scratch shared between layers (e.g. the IP version a transport header sits on). */
    public int ipVersion;

    /**
     * Frame-wide scratch: what a radio header tells the 802.11 layer after it (Wireshark's pseudo-header), as
     * {@code RADIO_*} bits. Cleared for every frame.
     */
    public int radioFlags;
    /** {@link #radioFlags}: the 802.11 frame ends with its 4-byte FCS. */
    public static final int RADIO_FCS = 1;
    /** {@link #radioFlags}: the 802.11 header is padded to a multiple of 4 bytes before the body. */
    public static final int RADIO_DATAPAD = 2;
    /** {@link #radioFlags}: the radio header reports a 0-length PSDU: no 802.11 frame follows. */
    public static final int RADIO_NO_PSDU = 4;

    /**
     * How many option / extension / parameter entries one list may hold here: decoders bound their loops with it and
     * record a LIMIT anomaly where it bites.
     */
    public int maxOptions() { return maxOptions; }

    /** How many IPv6 extension headers may follow each other before the rest is left raw. */
    public int maxExtensionHeaders() { return maxExtensionHeaders; }

    /** The builder that records this frame's layers and fields. */
    public FrameBuilder out() { return out; }

    /** Number of captured bytes in the frame. */
    public int capturedLength() { return capLen; }

    // ------------------------------------------------------------------ bytes, by frame offset

    public int u8(int off) { return d[base + off] & 0xFF; }

    /** The {@code len} bytes at frame offset {@code off} as a Latin-1 string (one copy, no builder). */
    public String latin1(int off, int len) {
        return new String(d, base + off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * First frame offset in [{@code from}, {@code end}) holding byte {@code a} or {@code b}, or -1. Text protocols
     * scan most of their bytes through here, so it loops over the array itself.
     */
    public int indexOf(int from, int end, int a, int b) {
        byte[] bytes = d;
        byte x = (byte) a, y = (byte) b;
        for (int i = base + from, stop = base + end; i < stop; i++) {
            byte v = bytes[i];
            if (v == x || v == y) return i - base;
        }
        return -1;
    }

    public int u16(int off) {
        int i = base + off;
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    public int u16le(int off) {
        int i = base + off;
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8);
    }

    public int u24(int off) {
        int i = base + off;
        return ((d[i] & 0xFF) << 16) | ((d[i + 1] & 0xFF) << 8) | (d[i + 2] & 0xFF);
    }

    /** Unsigned 32-bit big-endian value in a long. */
    public long u32(int off) {
        int i = base + off;
        return ((long) (d[i] & 0xFF) << 24) | ((d[i + 1] & 0xFF) << 16) | ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
    }

    public long u32le(int off) {
        int i = base + off;
        return (d[i] & 0xFF) | ((d[i + 1] & 0xFF) << 8) | ((d[i + 2] & 0xFF) << 16) | ((long) (d[i + 3] & 0xFF) << 24);
    }

    /** 48-bit big-endian value (a MAC address). */
    public long u48(int off) {
        return ((long) u16(off) << 32) | u32(off + 2);
    }

    public long u64(int off) {
        return (u32(off) << 32) | u32(off + 4);
    }

    /**
     * How many bytes of the PDU at {@code off}, of which {@code len} were captured, were on the wire (Wireshark's
     * "reported length", which tcp.len and the udp.length check count): {@code len}, plus what the capture cut off
     * (original minus captured length) when the PDU runs to the end of the captured bytes.
     */
    public int reportedLength(int off, int len) {
        long cut = out.frame().originalLength() - capLen;
        return cut > 0 && off + len >= capLen ? (int) Math.min(Integer.MAX_VALUE, len + cut) : len;
    }

    // ------------------------------------------------------------------ field shorthands

    public int add(FieldDef f, long value, int off, int len) { return out.add(f, value, off, len); }

    public int ref(FieldDef f, int off, int len) { return out.addRef(f, off, len); }

    // ------------------------------------------------------------------ what comes next

    /** The payload is looked up as {@code key} in {@code table}; it spans {@code payloadLen} bytes (-1: the rest). */
    public void next(Dispatch table, int key, int payloadLen) {
        nextTable = table;
        nextFallback = null;
        nextKey = key;
        nextKey2 = -1;
        nextLen = payloadLen;
        nextByContent = false;
    }

    /**
     * After {@link #next} or {@link #nextPorts}: when that lookup finds no decoder, {@code key} in {@code table} is
     * tried. For headers with a second way to name their payload: GRE's protocol types are mostly EtherTypes plus a
     * few of its own, IPX tries its sockets and then its packet type.
     */
    public void orElse(Dispatch table, int key) {
        nextFallback = table;
        nextFallbackKey = key;
    }

    /**
     * The payload is looked up by port: the lower port first, then the higher (Wireshark's habit, so the server
     * port usually wins).
     */
    public void nextPorts(Dispatch table, int src, int dst, int payloadLen) {
        nextTable = table;
        nextFallback = null;
        nextKey = Math.min(src, dst);
        nextKey2 = Math.max(src, dst);
        nextLen = payloadLen;
        nextByContent = false;
    }

    /**
     * The payload is claimed by content alone: {@code table}'s heuristics are asked, its keys are not (the bytes
     * after an HTTP protocol switch speak whatever the connection switched to, whatever its port says).
     */
    public void nextByContent(Dispatch table, int payloadLen) {
        nextTable = table;
        nextKey = -1;
        nextKey2 = -1;
        nextLen = payloadLen;
        nextByContent = true;
    }

    /** Whether the payload being dispatched is claimed by content alone (see {@link #nextByContent}). */
    public boolean claimedByContentOnly() { return nextByContent; }

    /** The payload is decoded by {@code decoder} directly (a header whose next protocol is fixed). */
    public void nextDecoder(LayerDecoder decoder, int payloadLen) {
        nextTable = null;
        nextDecoder = decoder;
        nextLen = payloadLen;
    }

    /** Nothing is dispatched; payload bytes, if any, become {@code Raw} (spanning {@code payloadLen}, -1 the rest). */
    public void nextRaw(int payloadLen) {
        nextTable = null;
        nextDecoder = null;
        nextLen = payloadLen;
    }

    /**
     * The header is cut short: records a TRUNCATED anomaly and returns the header length to report ({@code have}),
     * so a decoder can {@code return c.truncated(…)}. Nothing follows.
     */
    public int truncated(int have, String message) {
        out.anomaly(Anomaly.Kind.TRUNCATED, -1, message);
        truncated = true;
        return have;
    }

    /** Records an anomaly on the current layer; decoding goes on. */
    public void anomaly(Anomaly.Kind kind, int off, String message) {
        out.anomaly(kind, off, message);
    }

    /** The protocol of the layer being decoded. */
    public Protocol currentProtocol() {
        return out.frame().protocolAt(out.currentLayer());
    }

    void resetNext() {
        nextTable = null;
        nextFallback = null;
        nextDecoder = null;
        nextKey = 0;
        nextKey2 = -1;
        nextLen = -1;
        nextByContent = false;
        truncated = false;
    }
}
