package io.pcapkit.nativeengine.read;

import io.pcapkit.spi.CaptureFormatException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PCAPNG options (code, length, value padded to 4 bytes, ending with code 0): the walk every block shares, and the
 * Section Header and Interface Description options turned into the name → text maps of {@code CaptureInfo}.
 * An option running past its block is a damaged file (tshark refuses it too); 1 to 3 stray bytes at the end are
 * ignored, as tshark does. The walk is bounded by the block and by {@link #MAX_OPTIONS}.
 */
final class PcapngOptions {
    /** More options than this in one block are not read (a block of 128 KiB holds 32768 empty ones). */
    static final int MAX_OPTIONS = 65_536;

    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    private PcapngOptions() { }

    /** Receives each option of a block: its code and the offset and length of its value in the buffer. */
    interface Visitor {
        void option(int code, int valueOffset, int valueLength);
    }

    /**
     * Walks the options in {@code buf[from, to)}; {@code v} may be null (checking only). Returns normally, or throws
     * naming {@code blockOffset} when an option runs past the block.
     */
    static void walk(ByteInput in, int from, int to, boolean big, Visitor v, String file, long blockOffset,
                     String block) throws CaptureFormatException {
        int at = from;
        for (int n = 0; n < MAX_OPTIONS && at + 4 <= to; n++) {
            int code = in.u16(at, big);
            int len = in.u16(at + 2, big);
            if (code == OPT_ENDOFOPT) return;
            if (at + 4 + len > to) {
                throw new CaptureFormatException(file, blockOffset, "option " + code + " of " + len
                        + " bytes runs past the end of its " + block);
            }
            if (v != null) v.option(code, at + 4, len);
            at += 4 + ((len + 3) & ~3);
        }
    }

    /** The Section Header Block's options: {@code shb_hardware}, {@code shb_os}, {@code shb_userappl}, comments. */
    static Map<String, String> section(ByteInput in, int from, int to, boolean big, String file, long blockOffset)
            throws CaptureFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        walk(in, from, to, big, (code, off, len) -> {
            switch (code) {
                case OPT_COMMENT -> append(out, "opt_comment", text(in, off, len), "\n");
                case 2 -> out.put("shb_hardware", text(in, off, len));
                case 3 -> out.put("shb_os", text(in, off, len));
                case 4 -> out.put("shb_userappl", text(in, off, len));
                default -> { } // custom options (2988, 2989, 19372, 19373) and unknown ones
            }
        }, file, blockOffset, "section header block");
        return out;
    }

    /** The Interface Description Block's options, as their pcapng names. */
    static Map<String, String> iface(ByteInput in, int from, int to, boolean big, String file, long blockOffset)
            throws CaptureFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        walk(in, from, to, big, (code, off, len) -> {
            switch (code) {
                case OPT_COMMENT -> append(out, "opt_comment", text(in, off, len), "\n");
                case 2 -> out.put("if_name", text(in, off, len));
                case 3 -> out.put("if_description", text(in, off, len));
                case 4 -> {
                    if (len == 8) append(out, "if_IPv4addr", ipv4(in, off) + "/" + ipv4(in, off + 4), ",");
                }
                case 5 -> {
                    if (len == 17) append(out, "if_IPv6addr", hex(in, off, 16, ':', 2) + "/" + in.u8(off + 16), ",");
                }
                case 6 -> {
                    if (len == 6) out.put("if_MACaddr", hex(in, off, 6, ':', 1));
                }
                case 7 -> {
                    if (len == 8) out.put("if_EUIaddr", hex(in, off, 8, ':', 1));
                }
                case 8 -> {
                    if (len == 8) out.put("if_speed", Long.toUnsignedString(in.i64(off, big)));
                }
                case IF_TSRESOL -> {
                    if (len == 1) {
                        int r = in.u8(off);
                        out.put("if_tsresol", (r & 0x80) != 0 ? "2^-" + (r & 0x7F) : "10^-" + r);
                    }
                }
                case 10 -> {
                    if (len == 4) out.put("if_tzone", Integer.toString(in.i32(off, big)));
                }
                case 11 -> {
                    // first byte: filter kind (0 = libpcap filter string, 1 = BPF program)
                    if (len >= 1 && in.u8(off) == 0) out.put("if_filter", text(in, off + 1, len - 1));
                    else if (len >= 1) out.put("if_filter", "(kind " + in.u8(off) + ", " + (len - 1) + " bytes)");
                }
                case 12 -> out.put("if_os", text(in, off, len));
                case 13 -> {
                    if (len == 1) out.put("if_fcslen", Integer.toString(in.u8(off)));
                }
                case IF_TSOFFSET -> {
                    if (len == 8) out.put("if_tsoffset", Long.toString(in.i64(off, big)));
                }
                case 15 -> out.put("if_hardware", text(in, off, len));
                case 16 -> {
                    if (len == 8) out.put("if_txspeed", Long.toUnsignedString(in.i64(off, big)));
                }
                case 17 -> {
                    if (len == 8) out.put("if_rxspeed", Long.toUnsignedString(in.i64(off, big)));
                }
                default -> { }
            }
        }, file, blockOffset, "interface description block");
        return out;
    }

    private static void append(Map<String, String> out, String key, String value, String separator) {
        out.merge(key, value, (a, b) -> a + separator + b);
    }

    /** UTF-8 text; writers that add C string terminators get them dropped. */
    private static String text(ByteInput in, int off, int len) {
        int end = off + len;
        while (end > off && in.buf[end - 1] == 0) end--;
        return new String(in.buf, off, end - off, StandardCharsets.UTF_8);
    }

    private static String ipv4(ByteInput in, int off) {
        return in.u8(off) + "." + in.u8(off + 1) + "." + in.u8(off + 2) + "." + in.u8(off + 3);
    }

    private static String hex(ByteInput in, int off, int len, char sep, int group) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0 && i % group == 0) sb.append(sep);
            sb.append(Character.forDigit(in.u8(off + i) >> 4, 16)).append(Character.forDigit(in.u8(off + i) & 0xF, 16));
        }
        return sb.toString();
    }
}
