package io.pcapkit.reassembly;

/**
 * A run of new bytes delivered in one direction of a TCP connection, in stream order: what one segment added (or
 * what a held out-of-order segment added once the gap before it filled), or the marker of a gap. These are the
 * blocks of tshark's "follow TCP stream".
 *
 * @param server  false: from the client (the connection's first sender) to the server; true: the other way
 * @param frame   the frame that carried the bytes (for a gap marker, the frame whose ACK revealed the gap)
 * @param seq     sequence number of the first byte
 * @param data    the bytes (not shared)
 * @param gap     true for a gap marker: {@code data} is then tshark's text {@code [N bytes missing in capture file]}
 *                followed by a NUL
 * @param ack     the acknowledgment number of the segment that carried the bytes (for ACK-cut messages)
 * @param nanos   capture time of that frame
 */
public record TcpChunk(boolean server, long frame, long seq, byte[] data, boolean gap, long ack, long nanos) { }
