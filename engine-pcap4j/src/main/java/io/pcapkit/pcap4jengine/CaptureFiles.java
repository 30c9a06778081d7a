package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.CaptureInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What libpcap does not tell through Pcap4J, read from the file itself: the format and PCAP global header (the
 * document's header block and the records' LINKTYPE_), and, once libpcap has failed, the byte offset of the
 * damaged record for the error message.
 */
final class CaptureFiles {
    static final int PCAP_HEADER = CaptureInfo.PCAP_HEADER;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    /** Bound on blocks walked when looking for a damaged record (the error path only). */
    private static final long MAX_BLOCKS = 50_000_000L;

    private CaptureFiles() { }

    static CaptureInfo info(Path file) throws IOException {
        byte[] head = new byte[PCAP_HEADER];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return CaptureInfo.fromFileStart(head, n, file.toString());
    }

    /**
     * Offset of the record after the first {@code recordsRead} ones: where libpcap met the damage. PCAP: the
     * records' headers are walked; PCAPNG: the blocks, counting packet blocks (enhanced, simple, obsolete).
     */
    static long recordOffset(Path file, CaptureInfo info, long recordsRead) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(16);
            if (info.format() == CaptureInfo.Format.PCAP) {
                ByteOrder order = "big".equals(info.header().get("byteorder")) ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN;
                long off = PCAP_HEADER;
                for (long i = 0; i < recordsRead && off + PCAP_RECORD_HEADER <= size; i++) {
                    if (!read(ch, buf.order(order), off, 16)) break;
                    off += PCAP_RECORD_HEADER + (buf.getInt(8) & 0xFFFFFFFFL);
                }
                return off;
            }
            long off = 0;
            long packets = 0;
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            for (long blocks = 0; blocks < MAX_BLOCKS && off + 12 <= size; blocks++) {
                if (!read(ch, buf.order(ByteOrder.BIG_ENDIAN), off, 12)) break;
                if (buf.getInt(0) == PCAPNG_SHB) {
                    order = buf.getInt(8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                }
                buf.order(order);
                int type = buf.getInt(0);
                long len = buf.getInt(4) & 0xFFFFFFFFL;
                boolean packet = type == 6 || type == 3 || type == 2;
                if (packet && packets++ == recordsRead) return off;
                if (len < 12) return off;
                off += len;
            }
            return off;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean read(FileChannel ch, ByteBuffer buf, long pos, int n) throws IOException {
        buf.clear().limit(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) return false;
        }
        return true;
    }
}
