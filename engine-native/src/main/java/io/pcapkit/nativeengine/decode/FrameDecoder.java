package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Level;
import io.pcapkit.model.LinkType;
import io.pcapkit.model.Protocol;
import io.pcapkit.nativeengine.proto.RawDecoder;

/**
 * Walks one frame from its link type up: looks the next protocol up in the registry's tables, opens its layer,
 * lets its decoder read the header, and goes on with what the decoder said comes next. Undecoded bytes end as one
 * {@code Raw} layer. Bounded: at most {@link DecodeLimits#maxLayers()} layers per frame. One instance per thread.
 */
public final class FrameDecoder {
    /**
     * Deeper nesting than this (tunnels in tunnels) is recorded as a LIMIT anomaly and the rest left Raw: the default
     * of {@link DecodeLimits#maxLayers()}.
     */
    public static final int MAX_LAYERS = 48;

    private final DecoderRegistry registry;
    private final DecodeContext c = new DecodeContext();
    private final Level stopLevel;
    private final Protocol stopProtocol;
    private final LayerDecoder raw = new RawDecoder();
    private final int maxLayers;
    /** The highest level whose fields are read (null: all): see {@link LayerDecoder#applicationOnly()}. */
    private final Level fieldsUpTo;

    public FrameDecoder(DecoderRegistry registry, Level stopLevel, Protocol stopProtocol) {
        this(registry, stopLevel, stopProtocol, DecodeLimits.DEFAULTS);
    }

    public FrameDecoder(DecoderRegistry registry, Level stopLevel, Protocol stopProtocol, DecodeLimits limits) {
        this(registry, stopLevel, stopProtocol, limits, null);
    }

    /**
     * With {@code fieldsUpTo} below {@link Level#APPLICATION}, a decoder whose layer could only be followed by
     * application layers ({@link LayerDecoder#applicationOnly()}) is not run: its bytes become one raw layer.
     */
    public FrameDecoder(DecoderRegistry registry, Level stopLevel, Protocol stopProtocol, DecodeLimits limits,
                        Level fieldsUpTo) {
        this.registry = registry;
        this.fieldsUpTo = fieldsUpTo == Level.APPLICATION ? null : fieldsUpTo;
        this.stopLevel = stopLevel;
        this.stopProtocol = stopProtocol;
        this.maxLayers = limits.maxLayers();
        c.maxOptions = limits.maxOptions();
        c.maxExtensionHeaders = limits.maxExtensionHeaders();
    }

    /**
     * Decodes the frame's bytes ({@code data[base .. base+capLen)}) into {@code frame}, replacing its tree.
     */
    public Frame decode(Frame frame, long number, long tsNanos, int capLen, long origLen, LinkType linkType,
                        int interfaceId, byte[] data, int base) {
        c.out.reset(frame, number, tsNanos, capLen, origLen, linkType, interfaceId, data, base);
        c.d = data;
        c.base = base;
        c.capLen = capLen;
        c.ipVersion = 0;
        c.radioFlags = 0;
        LayerDecoder dec = registry.lookup(Dispatch.LINK_TYPE, linkType.code());
        int off = 0;
        int len = capLen;
        int layers = 0;
        // the layer that handed the current one its bytes, for trailers (see TrailerDecoder)
        LayerDecoder parent = null;
        int parentLayer = -1, parentOff = 0, parentLen = 0;
        TrailerDecoder trailerOwner = null;
        int trailerLayer = -1, trailerPduOff = 0, trailerPduLen = 0, trailerOff = 0;
        while (len > 0 || (dec != null && off <= capLen && layers == 0)) {
            if (dec == null || (dec.protocol() != null && stopsBefore(dec.protocol()))) dec = raw;
            else if (fieldsUpTo != null && dec.applicationOnly() && dec.protocol().level().compareTo(fieldsUpTo) > 0) {
                dec = raw;   // nothing the caller reads can follow
            }
            if (++layers > maxLayers) {
                c.out.anomaly(Anomaly.Kind.LIMIT, off, "more than " + maxLayers + " layers; the rest is left raw");
                dec = raw;
            }
            c.resetNext();
            Protocol p = dec.protocol();
            if (p == null) {
                // a selector: it only picks the next decoder, there is no layer of its own
                dec.decode(c, off, len);
                dec = resolveNext(off, len);
                continue;
            }
            c.out.beginLayer(p, off);
            int hdr = dec.decode(c, off, len);
            if (hdr < 0) hdr = 0;
            if (hdr > len) hdr = len;
            c.out.endLayer(hdr);
            if (dec == raw || c.truncated) break;
            LayerDecoder current = dec;
            int payload = len - hdr;
            if (c.nextLen >= 0 && c.nextLen < payload) {
                payload = c.nextLen;
                // bytes after this PDU but inside the parent's: the parent's trailer (the outermost one wins)
                if (trailerOwner == null && parent instanceof TrailerDecoder t) {
                    trailerOwner = t;
                    trailerLayer = parentLayer;
                    trailerPduOff = parentOff;
                    trailerPduLen = parentLen;
                    trailerOff = off + hdr + payload;
                }
            }
            if (stopProtocol != null && current.protocol() == stopProtocol) dec = raw;
            else dec = resolveNext(off + hdr, payload);
            parent = current;
            parentLayer = c.out.currentLayer();
            parentOff = off;
            parentLen = len;
            off += hdr;
            len = payload;
        }
        c.out.finish();
        if (trailerOwner != null) {
            int mark = c.out.frame().fieldCount();
            trailerOwner.trailer(c, trailerPduOff, trailerPduLen, trailerOff);
            c.out.moveIntoLayer(trailerLayer, mark);
        }
        return c.out.frame();
    }

    private boolean stopsBefore(Protocol p) {
        return stopLevel != null && p.level().compareTo(stopLevel) > 0;
    }

    /**
     * The decoder of the payload at {@code at} ({@code n} captured bytes): Wireshark's order, a conversation's own
     * decoder first, then the keys (lower port, then higher), then content heuristics.
     */
    private LayerDecoder resolveNext(int at, int n) {
        if (c.nextTable == null) return c.nextDecoder;
        LayerDecoder d = null;
        if (n > 0) d = registry.heuristicLookup(c.nextTable, Heuristic.Stage.CONVERSATION, c, at, n);
        if (d == null && !c.nextByContent) {
            d = registry.lookup(c.nextTable, c.nextKey);
            if (d == null && c.nextKey2 >= 0) d = registry.lookup(c.nextTable, c.nextKey2);
            if (d == null && c.nextFallback != null) d = registry.lookup(c.nextFallback, c.nextFallbackKey);
        }
        if (d == null && n > 0) d = registry.heuristicLookup(c.nextTable, Heuristic.Stage.CONTENT, c, at, n);
        return d;
    }

    /** The per-thread context (tests use it to decode a single header). */
    public DecodeContext context() { return c; }
}
