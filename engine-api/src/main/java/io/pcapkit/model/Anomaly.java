package io.pcapkit.model;

/**
 * Something wrong with a frame, recorded instead of thrown (Zeek's "weird"): decoding stops at the damaged layer,
 * the rest of the frame becomes {@code Raw}, and the next frame is read as usual.
 *
 * @param kind     what went wrong
 * @param protocol the protocol whose header was damaged (null for the frame itself)
 * @param offset   byte offset in the frame where it was seen, or -1
 * @param message  a one-line human explanation
 */
public record Anomaly(Kind kind, Protocol protocol, int offset, String message) {

    public enum Kind {
        /** The header or payload runs past the captured bytes. */
        TRUNCATED,
        /** A length field disagrees with the bytes present. */
        BAD_LENGTH,
        /** A checksum was checked and is wrong. */
        BAD_CHECKSUM,
        /** A field holds a value the specification forbids. */
        BAD_VALUE,
        /** A configured bound (options, nesting, size) was hit; what lies beyond was not decoded. */
        LIMIT,
        /** The record itself is odd: captured length over the snaplen or original length, bad time stamp. */
        RECORD
    }

    @Override public String toString() {
        return (protocol == null ? "frame" : protocol.name()) + ": " + kind + ": " + message;
    }
}
