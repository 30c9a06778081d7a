package io.pcapkit.libpcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes libpcap packets unchanged into a PCAP or PCAPNG file: the filtered copy of {@code -f pcap} / {@code -f pcapng}
 * and what {@code tcpdump -w} does. Records keep their bytes, lengths and time stamps exactly; a PCAP file's header is
 * the one {@code tcpdump -w} writes (version 2.4, thiszone 0, the handle's snaplen and link type). PCAPNG gets one
 * section and one interface (libpcap reads one link type per file); options, comments and other blocks of a PCAPNG
 * input are not carried over.
 *
 * <p>Kept to the minimum on purpose: a general PCAP/PCAPNG writer belongs in {@code formats}; this class can be replaced
 * by it without touching the callers beyond their construction of it.
 */
public abstract class PacketCopyWriter {
    /** The file formats it writes. */
    public enum Kind { PCAP, PCAPNG }

    final OutputStream out;
    final ByteBuffer head = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
    byte[] copy = new byte[64 * 1024];

    PacketCopyWriter(OutputStream out) { this.out = out; }

    /**
     * Starts a file on {@code out} (never closed here) for packets of {@code pcap}'s link type, snaplen and
     * time-stamp precision. {@code interfaceName}: PCAPNG's {@code if_name}, or null.
     */
    public static PacketCopyWriter open(Kind kind, OutputStream out, Pcap pcap, String interfaceName)
            throws IOException {
        PacketCopyWriter w = kind == Kind.PCAP ? new PcapFile(out) : new PcapngFile(out);
        w.start(pcap.linkType(), pcap.snaplen(), pcap.nanosecond(), interfaceName);
        return w;
    }

    abstract void start(int linkType, int snaplen, boolean nano, String interfaceName) throws IOException;

    /** Appends one packet. */
    public abstract void write(Packet p) throws IOException;

    /** Flushes what is buffered (never closes the stream). */
    public void flush() throws IOException { out.flush(); }

    void writeHead() throws IOException {
        out.write(head.array(), 0, head.position());
        head.clear();
    }

    void writeData(Packet p, int pad) throws IOException {
        int n = p.capturedLength();
        if (copy.length < n + 3) copy = new byte[n + 3];
        p.copyTo(copy, 0);
        for (int i = 0; i < pad; i++) copy[n + i] = 0;
        out.write(copy, 0, n + pad);
    }

    /** The 24-byte PCAP global header, in this machine's byte order as libpcap writes it. */
    static void pcapHeader(ByteBuffer b, boolean nano, int snaplen, int linkType) {
        b.putInt(nano ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snaplen).putInt(linkType);
    }

    /** A PCAP record header for {@code p}. */
    static void pcapRecord(ByteBuffer b, Packet p) {
        b.putInt((int) p.seconds()).putInt((int) p.fraction()).putInt(p.capturedLength()).putInt(p.originalLength());
    }

    private static final class PcapFile extends PacketCopyWriter {
        PcapFile(OutputStream out) { super(out); }

        @Override void start(int linkType, int snaplen, boolean nano, String interfaceName) throws IOException {
            pcapHeader(head, nano, snaplen, linkType);
            writeHead();
        }

        @Override public void write(Packet p) throws IOException {
            pcapRecord(head, p);
            writeHead();
            writeData(p, 0);
        }
    }

    private static final class PcapngFile extends PacketCopyWriter {
        private long unitsPerSecond;

        PcapngFile(OutputStream out) { super(out); }

        @Override void start(int linkType, int snaplen, boolean nano, String interfaceName) throws IOException {
            // Section Header Block: byte-order magic, version 1.0, section length unknown (-1)
            head.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                    .putLong(-1L).putInt(28);
            writeHead();
            byte[] name = interfaceName == null ? new byte[0] : interfaceName.getBytes(StandardCharsets.UTF_8);
            int nameOpt = name.length == 0 ? 0 : 4 + pad4(name.length);
            int tsresolOpt = nano ? 8 : 0;
            int total = 16 + nameOpt + tsresolOpt + 4 + 4;
            ByteBuffer idb = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
            idb.putInt(1).putInt(total).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
            if (nameOpt > 0) {
                idb.putShort((short) 2).putShort((short) name.length).put(name);
                idb.position(idb.position() + pad4(name.length) - name.length);
            }
            if (nano) idb.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]);
            idb.putInt(0).putInt(total);
            out.write(idb.array());
            unitsPerSecond = nano ? 1_000_000_000L : 1_000_000L;
        }

        @Override public void write(Packet p) throws IOException {
            int caplen = p.capturedLength();
            int padded = pad4(caplen);
            int total = 32 + padded;
            long ts = p.seconds() * unitsPerSecond + p.fraction();
            head.putInt(6).putInt(total).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(caplen)
                    .putInt(p.originalLength());
            writeHead();
            writeData(p, padded - caplen);
            head.putInt(total);
            writeHead();
        }
    }

    static int pad4(int n) { return (n + 3) & ~3; }
}
