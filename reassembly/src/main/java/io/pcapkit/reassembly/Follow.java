package io.pcapkit.reassembly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the chunks of one TCP stream and prints them in the layout of {@code tshark -qz follow,tcp,MODE,N}
 * (modes ascii, hex, raw), so scripts written for tshark's output read ours.
 */
public final class Follow implements StreamListener {
    public enum Mode { ASCII, HEX, RAW;
        public static Mode parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
    }

    private static final String SEPARATOR = "===================================================================\n";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int index;
    private TcpStream stream;
    private final List<TcpChunk> chunks = new ArrayList<>();

    public Follow(int streamIndex) { this.index = streamIndex; }

    @Override public void opened(TcpStream s) {
        if (s.index() == index) stream = s;
    }

    @Override public void chunk(TcpStream s, TcpChunk c) {
        if (s.index() == index) chunks.add(c);
    }

    /** The stream followed (null when the capture had no such stream). */
    public TcpStream stream() { return stream; }

    public List<TcpChunk> chunks() { return List.copyOf(chunks); }

    /** All bytes of one direction, concatenated. */
    public byte[] bytes(boolean fromServer) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (TcpChunk c : chunks) if (c.server() == fromServer) b.writeBytes(c.data());
        return b.toByteArray();
    }

    /** Writes the follow document. */
    public void print(Mode mode, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        sb.append('\n').append(SEPARATOR);
        sb.append("Follow: tcp,").append(mode.name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("Filter: tcp.stream eq ").append(index).append('\n');
        if (stream != null) {
            sb.append("Node 0: ").append(stream.client()).append('\n');
            sb.append("Node 1: ").append(stream.server()).append('\n');
        } else {
            // tshark with a stream number that does not exist: empty nodes
            sb.append("Node 0: :0\nNode 1: :0\n");
        }
        flush(sb, out);
        long[] pos = new long[2];
        for (TcpChunk c : chunks) {
            int side = c.server() ? 1 : 0;
            byte[] b = c.data();
            switch (mode) {
                case ASCII -> {
                    if (c.server()) sb.append('\t');
                    sb.append(b.length).append('\n');
                    for (byte x : b) {
                        int v = x & 0xFF;
                        sb.append(v == '\r' || v == '\n' || v >= 0x20 && v < 0x7F ? (char) v : '.');
                    }
                    sb.append('\n');
                }
                case RAW -> {
                    if (c.server()) sb.append('\t');
                    for (byte x : b) sb.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
                    sb.append('\n');
                }
                case HEX -> hex(sb, c.server() ? "\t" : "", pos[side], b);
            }
            pos[side] += b.length;
            if (sb.length() > 1 << 16) flush(sb, out);
        }
        sb.append(SEPARATOR);
        flush(sb, out);
    }

    /** tshark's follow_print_hex: offset, 16 bytes in two groups of eight, their printable characters. */
    private static void hex(StringBuilder sb, String prefix, long offset, byte[] b) {
        char[] line = new char[78];
        for (int i = 0; i < b.length; i += 16) {
            java.util.Arrays.fill(line, ' ');
            String off = String.format("%08X", offset + i);
            off.getChars(0, 8, line, 0);
            int jj = 10, kk = 10 + 48 + 2;
            int n = Math.min(16, b.length - i);
            for (int k = 0; k < n; k++) {
                int v = b[i + k] & 0xFF;
                line[jj++] = HEX[v >> 4];
                line[jj++] = HEX[v & 0xF];
                jj++;
                line[kk++] = v >= ' ' && v < 0x7F ? (char) v : '.';
                if (k + 1 == 8) {
                    jj++;
                    kk++;
                }
            }
            if (line[kk - 1] == ' ') kk--;
            sb.append(prefix).append(line, 0, kk).append('\n');
        }
    }

    private static void flush(StringBuilder sb, Appendable out) throws IOException {
        out.append(sb);
        sb.setLength(0);
    }
}
