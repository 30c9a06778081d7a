package io.pcapkit.nativeengine.decode;

/**
 * A decoder whose header is followed, after its payload, by bytes that still belong to it (Ethernet padding,
 * trailer and FCS). How long the payload is becomes known only when the layer above says so (IPv4's total
 * length), so the dispatcher calls back once the frame's chain has ended, and the fields added here join this
 * decoder's layer.
 */
public interface TrailerDecoder extends LayerDecoder {
    /**
     * Adds the fields of the bytes from {@code trailerOff} to the end of this layer's PDU, which starts at
     * {@code pduOff} and spans {@code pduLen} captured bytes.
     */
    void trailer(DecodeContext c, int pduOff, int pduLen, int trailerOff);
}
