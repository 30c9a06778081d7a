package io.pcapkit.nativeengine.read;

import io.pcapkit.model.LinkType;

/**
 * One packet record as a reader found it. {@link #data} is the reader's own buffer: the bytes are valid until the
 * reader's next call (no copy is made).
 */
public final class Record {
    /** Buffer holding the captured bytes at {@code [offset, offset + capturedLength)}. */
    public byte[] data;
    public int offset;
    public int capturedLength;
    public long originalLength;
    /** Capture time in nanoseconds since the epoch, or {@link io.pcapkit.model.Frame#NO_TIMESTAMP}. */
    public long timestampNanos;
    /** PCAPNG interface id within its section, or {@link io.pcapkit.model.Frame#NO_INTERFACE} (PCAP files). */
    public int interfaceId;
    public LinkType linkType;
    /** Byte offset of the record's header in the file (for messages). */
    public long fileOffset;
    /** Something odd about the record itself (caplen over snaplen, timestamp fraction ≥ 1 s …), or null. */
    public String anomaly;
}
