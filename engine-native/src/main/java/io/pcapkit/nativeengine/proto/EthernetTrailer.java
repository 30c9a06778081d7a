package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The bytes after a length-delimited IEEE 802.3 payload (Ethernet or VLAN with a length field), split the way
 * Wireshark 4.0's {@code add_ethernet_trailer} splits them: zero padding up to the 60-byte minimum frame
 * ({@code eth.padding}), then a trailer (the caller's field), then a guessed FCS. Only used where the payload
 * length is known before the payload is decoded; Ethernet II trailers need the upper layer's length and are not
 * shown. Wireshark's heuristic trailer dissectors (F5, Arista, …) are not emulated.
 */
final class EthernetTrailer {
    static final FieldDef PADDING = Fields.bytes("eth.padding", "Padding");
    static final FieldDef FCS = Fields.hex("eth.fcs", "Frame check sequence", 32);
    static final FieldDef FCS_STATUS = Fields.uint("eth.fcs.status", "FCS Status", 8);

    /** Wireshark does not check the FCS by default: the status is always "unverified". */
    static final int FCS_UNVERIFIED = 2;
    /** Frames shorter than this (without FCS) are padded on the wire. */
    private static final int MIN_FRAME = 60;

    private EthernetTrailer() { }

    /**
     * Adds the padding / trailer / FCS fields of the bytes from frame offset {@code trailerOff} to the end of the
     * PDU that starts at {@code pduOff} and has {@code pduLen} captured bytes (the "tvb" Wireshark measures for the
     * 64-byte FCS guess). {@code fcsLen} is 0 when there is surely no FCS and -1 when it has to be guessed.
     */
    static void add(DecodeContext c, FieldDef trailerField, int pduOff, int pduLen, int trailerOff, int fcsLen) {
        long pktLen = c.out().frame().originalLength();
        long pduReported = c.reportedLength(pduOff, pduLen);
        long reported = pduOff + pduReported - trailerOff;
        if (reported <= 0) return;
        int have = (int) Math.min(Math.max(0, pduOff + pduLen - trailerOff), reported);

        int padding = 0;
        boolean maybePadded = pktLen >= MIN_FRAME && pktLen - reported < MIN_FRAME;
        if (maybePadded) {
            padding = (int) (MIN_FRAME - (pktLen - reported));
            if (padding > have) return; // Wireshark reads the padding bytes and stops at the capture's end
            for (int i = 0; i < padding; i++) {
                if (c.u8(trailerOff + i) != 0) {
                    padding = 0;
                    break;
                }
            }
            if (padding > 0) {
                c.ref(PADDING, trailerOff, padding);
                have -= padding;
                reported -= padding;
            }
        }
        long afterPadding = reported;
        boolean hasFcs = false;
        if (fcsLen != 0 && (fcsLen == 4 || (pduReported >= 64 && reported >= 4))) {
            if (have < reported) {
                reported -= 4;
                if (have > reported) have = (int) reported;
            } else {
                have -= 4;
            }
            hasFcs = true;
        }
        int trailerStart = trailerOff + padding;
        if (afterPadding != 0 && have > 0) c.ref(trailerField, trailerStart, have);
        int fcsOff = trailerStart + have;
        if (hasFcs && fcsOff + 4 <= pduOff + pduLen) {
            c.add(FCS, c.u32(fcsOff), fcsOff, 4);
            c.add(FCS_STATUS, FCS_UNVERIFIED, fcsOff, 0);
        }
    }
}
