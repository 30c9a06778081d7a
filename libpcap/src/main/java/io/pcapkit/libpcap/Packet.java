package io.pcapkit.libpcap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The packet {@link Pcap#next} returned last: libpcap's own header and data, not copied. Valid until the handle's next
 * call or its close; one instance is reused for every packet.
 */
public final class Packet {
    MemorySegment header = MemorySegment.NULL;
    MemorySegment data = MemorySegment.NULL;

    /** Seconds since 1970. */
    public long seconds() { return header.get(ValueLayout.JAVA_LONG, Libpcap.PKTHDR_SEC); }

    /** The fraction of the second, in the handle's precision (microseconds, or nanoseconds when asked for). */
    public long fraction() { return header.get(ValueLayout.JAVA_LONG, Libpcap.PKTHDR_FRAC); }

    /** Bytes captured (present in {@link #data()}). */
    public int capturedLength() { return header.get(ValueLayout.JAVA_INT, Libpcap.PKTHDR_CAPLEN); }

    /** Bytes on the wire. */
    public int originalLength() { return header.get(ValueLayout.JAVA_INT, Libpcap.PKTHDR_LEN); }

    /** The captured bytes, as a segment of {@link #capturedLength()} bytes in libpcap's buffer. */
    @SuppressWarnings("restricted")   // libpcap's pointer, sized by its own header
    public MemorySegment data() { return data.reinterpret(capturedLength()); }

    /** Copies the captured bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, dst, offset, capturedLength());
    }
}
