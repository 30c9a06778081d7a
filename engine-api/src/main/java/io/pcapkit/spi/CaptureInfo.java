package io.pcapkit.spi;

import io.pcapkit.model.LinkType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a capture's headers say: the PCAP global header, or the PCAPNG sections and interfaces. Dumpers print it
 * as the document's header block. For PCAPNG, sections and interfaces are appended as the source meets them.
 */
public final class CaptureInfo {
    public enum Format { PCAP, PCAPNG, OTHER }

    /** One PCAPNG Section Header Block. */
    public record Section(ByteOrder byteOrder, int versionMajor, int versionMinor, long sectionLength,
                          Map<String, String> options) { }

    /** One interface: a PCAPNG IDB, or the PCAP file itself as interface 0. */
    public record Interface(int id, int section, LinkType linkType, long snaplen, long tsUnitsPerSecond,
                            long tsOffsetSeconds, Map<String, String> options) {
        /** Human label, e.g. "eth0" or "interface 0". */
        public String label() { return options.getOrDefault("if_name", "interface " + id); }
    }

    private final Format format;
    private final String source;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Interface> interfaces = new ArrayList<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();

    public CaptureInfo(Format format, String source) {
        this.format = format;
        this.source = source;
    }

    public Format format() { return format; }

    /** The file name (or "-" for stdin). */
    public String source() { return source; }

    /**
     * Global-header fields in file order as the original's "Global Header" prints them: {@code magic_number},
     * {@code version_major}, {@code version_minor}, {@code thiszone}, {@code sigfigs}, {@code snaplen},
     * {@code network}, {@code byteorder}, {@code nanosecond} (PCAP); format and counts for PCAPNG.
     */
    public Map<String, Object> header() { return Collections.unmodifiableMap(header); }

    public CaptureInfo put(String key, Object value) {
        header.put(key, value);
        return this;
    }

    public List<Section> sections() { return Collections.unmodifiableList(sections); }

    public List<Interface> interfaces() { return Collections.unmodifiableList(interfaces); }

    public void addSection(Section s) { sections.add(s); }

    public void addInterface(Interface i) { interfaces.add(i); }

    /** Counts of things met and skipped: {@code block.NRB}, {@code block.custom}, {@code block.unknown} … */
    public Map<String, Long> counters() { return Collections.unmodifiableMap(counters); }

    public void count(String what) { counters.merge(what, 1L, Long::sum); }

    /** Length of the PCAP global header. */
    public static final int PCAP_HEADER = 24;

    /**
     * What the first {@code n} bytes of a capture file ({@code head}, up to {@link #PCAP_HEADER}) say, for engines
     * that read records through someone else (tshark, libpcap) but still show the file's own header: PCAPNG by its
     * section header block type, PCAP with its global header and the one interface it implies, else {@code OTHER}.
     */
    public static CaptureInfo fromFileStart(byte[] head, int n, String source) {
        if (n >= 4 && ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt() == 0x0A0D0D0A) {
            return new CaptureInfo(Format.PCAPNG, source);
        }
        if (n >= PCAP_HEADER) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                ByteBuffer h = ByteBuffer.wrap(head, 0, PCAP_HEADER).order(order);
                int magic = h.getInt(0);
                boolean micro = magic == 0xA1B2C3D4 || magic == 0xA1B2CD34;
                boolean nano = magic == 0xA1B23C4D;
                if (!micro && !nano) continue;
                LinkType lt = LinkType.valueOf(h.getInt(20) & 0x0FFFFFFF);
                long snaplen = h.getInt(16) & 0xFFFFFFFFL;
                CaptureInfo info = new CaptureInfo(Format.PCAP, source);
                info.put("magic_number", String.format("0x%08x", magic));
                info.put("version_major", h.getShort(4) & 0xFFFF);
                info.put("version_minor", h.getShort(6) & 0xFFFF);
                info.put("thiszone", h.getInt(8));
                info.put("sigfigs", h.getInt(12) & 0xFFFFFFFFL);
                info.put("snaplen", snaplen);
                info.put("network", lt.code());
                info.put("byteorder", order == ByteOrder.BIG_ENDIAN ? "big" : "little");
                info.put("nanosecond", nano);
                info.addInterface(new Interface(0, 0, lt, snaplen, nano ? 1_000_000_000L : 1_000_000L, 0, Map.of()));
                return info;
            }
        }
        return new CaptureInfo(Format.OTHER, source);
    }

    /** Link type of the first interface (the PCAP header's), or null when none is known yet. */
    public LinkType linkType() { return interfaces.isEmpty() ? null : interfaces.getFirst().linkType(); }
}
