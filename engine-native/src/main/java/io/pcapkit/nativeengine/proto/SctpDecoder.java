package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * SCTP (RFC 9260): the common header as Wireshark 4.0 shows it (checksum not verified, its default), then the
 * chunks ({@link SctpChunks}). The user data of the first DATA or I-DATA chunk that carries a whole message is
 * looked up by payload protocol identifier ({@link Dispatch#SCTP_PPI}), then by port ({@link Dispatch#SCTP_PORT}).
 * Only that one payload is decoded further: a frame is a chain of layers, and Wireshark's other bundled payloads
 * would be siblings.
 */
public final class SctpDecoder implements LayerDecoder {
    static final Protocol SCTP = Protocols.define("SCTP", "sctp", Level.TRANSPORT);

    static final FieldDef SRCPORT = Fields.uint("sctp.srcport", "Source port", 16);
    static final FieldDef DSTPORT = Fields.uint("sctp.dstport", "Destination port", 16);
    static final FieldDef PORT = Fields.uint("sctp.port", "Port", 16);
    static final FieldDef VTAG = Fields.hex("sctp.verification_tag", "Verification tag", 32);
    static final FieldDef ASSOC_INDEX = Fields.uint("sctp.assoc_index", "Association index", 16);
    static final FieldDef CHECKSUM = Fields.hex("sctp.checksum", "Checksum", 32);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("sctp.checksum.status", "Checksum Status", 8,
            TcpDecoder.CHECKSUM_STATUS_NAMES);

    static final int HEADER = 12;
    /** tshark's association index when association indexing is off (its default): 0xFFFF on every packet. */
    static final int NO_ASSOC_INDEX = 0xFFFF;

    private final DecoderRegistry registry;

    /**
     * {@code registry} is the one this decoder is registered in: a DATA payload is looked up there by payload protocol
     * identifier first, then by port, at decode time (so {@code --decode-as} rules apply).
     */
    public SctpDecoder(DecoderRegistry registry) { this.registry = registry; }

    @Override public Protocol protocol() { return SCTP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 4) return c.truncated(len, "SCTP common header needs 12 bytes, has " + len);
        int src = c.u16(off), dst = c.u16(off + 2);
        c.add(SRCPORT, src, off, 2);
        c.add(DSTPORT, dst, off + 2, 2);
        if (len < 8) return c.truncated(len, "SCTP common header needs 12 bytes, has " + len);
        c.add(VTAG, c.u32(off + 4), off + 4, 4);
        c.add(ASSOC_INDEX, NO_ASSOC_INDEX, off, 0);
        c.add(PORT, src, off, 2);
        c.add(PORT, dst, off + 2, 2);
        if (len < HEADER) return c.truncated(len, "SCTP common header needs 12 bytes, has " + len);
        c.add(CHECKSUM, c.u32(off + 8), off + 8, 4);
        c.add(CHECKSUM_STATUS, TcpDecoder.CHECKSUM_UNVERIFIED, off + 8, 0);
        long data = SctpChunks.decode(c, off + HEADER, off + len);
        if (data < 0) {
            c.nextRaw(0);
            return len;
        }
        // the user data of the first DATA / I-DATA chunk carrying a whole message is the next layer; the fields of
        // every chunk (those after it too) stay in this layer
        int at = (int) (data >>> 32), n = (int) data;
        long ppi = c.u32(at - 4);
        if (ppi < Dispatch.SCTP_PPI.size() && registry.lookup(Dispatch.SCTP_PPI, (int) ppi) != null) {
            c.next(Dispatch.SCTP_PPI, (int) ppi, n);
        } else {
            c.nextPorts(Dispatch.SCTP_PORT, src, dst, n);
        }
        return at - off;
    }
}
