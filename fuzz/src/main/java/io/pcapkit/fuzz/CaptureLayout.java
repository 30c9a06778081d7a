package io.pcapkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a capture file's raw bytes: the file or section headers, every record (classic PCAP) or block
 * (PCAPNG) with its byte order, and for packet records where the captured bytes and the length fields sit. Mutators
 * patch bytes at these offsets; the two rebuild methods produce a new file with a packet's bytes replaced or packets
 * added, with every length field consistent. Parsing stops quietly at the first thing that does not fit (the corpus
 * holds damaged captures on purpose): what was found before stays usable.
 */
public final class CaptureLayout {
    public enum Format { PCAP, PCAPNG, UNKNOWN }

    /** PCAPNG block types the mutators care about. */
    static final int SHB = 0x0A0D0D0A, IDB = 1, OPB = 2, SPB = 3, EPB = 6;

    /**
     * One record or block. For a classic PCAP record {@code type} is -1 and {@code length} covers header and data.
     *
     * @param capLenAt  offset of the captured-length field (-1: none, as in a simple packet block)
     * @param origLenAt offset of the original-length field (-1: none)
     * @param dataAt    offset of the packet bytes (-1: not a packet)
     * @param optionsAt offset of the PCAPNG options (-1: block has none); they end 4 bytes before the block's end
     */
    public record Block(int type, int offset, int length, boolean bigEndian, int capLenAt, int origLenAt,
                        int dataAt, int capLen, int optionsAt) {
        public boolean isPacket() { return dataAt >= 0; }

        public int end() { return offset + length; }
    }

    public final byte[] bytes;
    public final Format format;
    /** Header byte order of the file (classic PCAP) or first section (PCAPNG). */
    public final boolean bigEndian;
    /** Every record or block parsed, in file order. */
    public final List<Block> blocks;
    /** The packet records only, in file order (the n-th is frame n+1). */
    public final List<Block> packets;
    /** Offsets of the snapshot-length fields (the PCAP header's, every interface block's). */
    public final List<Integer> snapLenAt;
    /** Byte order of each snapLenAt entry. */
    public final List<Boolean> snapLenBigEndian;

    private CaptureLayout(byte[] bytes, Format format, boolean bigEndian, List<Block> blocks,
                          List<Integer> snapLenAt, List<Boolean> snapLenBigEndian) {
        this.bytes = bytes;
        this.format = format;
        this.bigEndian = bigEndian;
        this.blocks = List.copyOf(blocks);
        this.packets = blocks.stream().filter(Block::isPacket).toList();
        this.snapLenAt = List.copyOf(snapLenAt);
        this.snapLenBigEndian = List.copyOf(snapLenBigEndian);
    }

    public static CaptureLayout parse(byte[] b) {
        if (b.length >= 24) {
            long le = u32(b, 0, false);
            if (le == 0xA1B2C3D4L || le == 0xA1B23C4DL) return parsePcap(b, false);
            long be = u32(b, 0, true);
            if (be == 0xA1B2C3D4L || be == 0xA1B23C4DL) return parsePcap(b, true);
        }
        if (b.length >= 12 && u32(b, 0, false) == SHB) return parsePcapng(b);
        return new CaptureLayout(b, Format.UNKNOWN, false, List.of(), List.of(), List.of());
    }

    private static CaptureLayout parsePcap(byte[] b, boolean be) {
        List<Block> blocks = new ArrayList<>();
        int off = 24;
        while (off + 16 <= b.length) {
            long cap = u32(b, off + 8, be);
            if (cap > b.length - off - 16) break;
            blocks.add(new Block(-1, off, 16 + (int) cap, be, off + 8, off + 12, off + 16, (int) cap, -1));
            off += 16 + (int) cap;
        }
        return new CaptureLayout(b, Format.PCAP, be, blocks, List.of(16), List.of(be));
    }

    private static CaptureLayout parsePcapng(byte[] b) {
        List<Block> blocks = new ArrayList<>();
        List<Integer> snap = new ArrayList<>();
        List<Boolean> snapBe = new ArrayList<>();
        boolean first = b.length >= 12 && u32(b, 8, true) == 0x1A2B3C4DL;
        boolean be = first;
        int off = 0;
        // a block is at least 12 bytes, so the loop ends after at most length/12 rounds
        while (off + 12 <= b.length) {
            int type = (int) u32(b, off, false);
            if (type == SHB) {
                if (off + 28 > b.length) break;
                be = u32(b, off + 8, true) == 0x1A2B3C4DL;
            } else {
                type = (int) u32(b, off, be);
            }
            long len = u32(b, off + 4, be);
            if (len < 12 || len % 4 != 0 || len > b.length - off) break;
            int l = (int) len;
            int body = off + 8;
            int bodyEnd = off + l - 4;
            Block blk = switch (type) {
                case SHB -> new Block(type, off, l, be, -1, -1, -1, 0, opts(body + 16, bodyEnd));
                case IDB -> {
                    if (body + 8 <= bodyEnd) {
                        snap.add(body + 4);
                        snapBe.add(be);
                    }
                    yield new Block(type, off, l, be, -1, -1, -1, 0, opts(body + 8, bodyEnd));
                }
                case EPB, OPB -> {
                    if (body + 20 > bodyEnd) yield new Block(type, off, l, be, -1, -1, -1, 0, -1);
                    long cap = u32(b, body + 12, be);
                    if (cap > bodyEnd - body - 20) yield new Block(type, off, l, be, -1, -1, -1, 0, -1);
                    int data = body + 20;
                    yield new Block(type, off, l, be, body + 12, body + 16, data, (int) cap,
                            opts(data + pad4((int) cap), bodyEnd));
                }
                case SPB -> {
                    if (body + 4 > bodyEnd) yield new Block(type, off, l, be, -1, -1, -1, 0, -1);
                    long orig = u32(b, body, be);
                    int cap = (int) Math.min(orig, bodyEnd - body - 4);
                    yield new Block(type, off, l, be, -1, body, body + 4, cap, -1);
                }
                default -> new Block(type, off, l, be, -1, -1, -1, 0, -1);
            };
            blocks.add(blk);
            off += l;
        }
        return new CaptureLayout(b, Format.PCAPNG, first, blocks, snap, snapBe);
    }

    private static int opts(int at, int end) { return at < end ? at : -1; }

    static int pad4(int n) { return (n + 3) & ~3; }

    public static long u32(byte[] b, int off, boolean be) {
        if (be) {
            return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                    | (b[off + 3] & 0xFF);
        }
        return ((b[off + 3] & 0xFFL) << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8)
                | (b[off] & 0xFF);
    }

    public static void put32(byte[] b, int off, long v, boolean be) {
        for (int i = 0; i < 4; i++) {
            int shift = be ? 24 - 8 * i : 8 * i;
            b[off + i] = (byte) (v >>> shift);
        }
    }

    public static int u16(byte[] b, int off, boolean be) {
        return be ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public static void put16(byte[] b, int off, int v, boolean be) {
        b[off + (be ? 0 : 1)] = (byte) (v >>> 8);
        b[off + (be ? 1 : 0)] = (byte) v;
    }

    /** The captured bytes of packet {@code i}. */
    public byte[] packetData(int i) {
        Block p = packets.get(i);
        byte[] d = new byte[p.capLen()];
        System.arraycopy(bytes, p.dataAt(), d, 0, d.length);
        return d;
    }

    /**
     * A new file whose packet {@code i} holds {@code data} (both lengths set to its size), or null when that
     * packet's record kind cannot be rebuilt (simple and obsolete packet blocks).
     */
    public byte[] withPacketData(int i, byte[] data) {
        return rebuild(i, List.of(data), true);
    }

    /** A new file with {@code extra} packets inserted after packet {@code i}, each a copy of its record header. */
    public byte[] withPacketsAfter(int i, List<byte[]> extra) {
        return rebuild(i, extra, false);
    }

    private byte[] rebuild(int i, List<byte[]> datas, boolean replace) {
        Block p = packets.get(i);
        if (format == Format.PCAPNG && p.type() != EPB) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
        out.write(bytes, 0, p.offset());
        if (!replace) out.write(bytes, p.offset(), p.length());
        for (byte[] d : datas) out.writeBytes(record(p, d));
        out.write(bytes, p.end(), bytes.length - p.end());
        return out.toByteArray();
    }

    /** A record like {@code p} (same time stamp and interface) holding {@code d}, without options. */
    private byte[] record(Block p, byte[] d) {
        boolean be = p.bigEndian();
        if (format == Format.PCAP) {
            byte[] r = new byte[16 + d.length];
            System.arraycopy(bytes, p.offset(), r, 0, 8);
            put32(r, 8, d.length, be);
            put32(r, 12, d.length, be);
            System.arraycopy(d, 0, r, 16, d.length);
            return r;
        }
        int len = 12 + 20 + pad4(d.length);
        byte[] r = new byte[len];
        System.arraycopy(bytes, p.offset(), r, 0, 4);
        put32(r, 4, len, be);
        System.arraycopy(bytes, p.offset() + 8, r, 8, 12);   // interface id, time stamp
        put32(r, 20, d.length, be);
        put32(r, 24, d.length, be);
        System.arraycopy(d, 0, r, 28, d.length);
        put32(r, len - 4, len, be);
        return r;
    }
}
