package io.pcapkit.hpack;

/**
 * One HPACK header table (RFC 7541 2.3): the fixed static entries and one direction's dynamic entries, newest first,
 * evicted oldest first whenever their size (name + value + 32 per entry) passes the maximum. The maximum is capped
 * at {@link #MAX_SIZE} whatever a peer announces, so a capture cannot make the decoder hold more than that per
 * direction.
 */
public final class HpackTable {
    /** Largest dynamic table kept (bytes as RFC 7541 4.1 counts them); larger announced sizes are clamped. */
    public static final int MAX_SIZE = 64 * 1024;
    /** RFC 7541 4.2 / RFC 9113 6.5.2: SETTINGS_HEADER_TABLE_SIZE starts at 4096. */
    public static final int DEFAULT_SIZE = 4096;

    private static final String[] STATIC_NAMES = {null, ":authority", ":method", ":method", ":path", ":path", ":scheme",
            ":scheme", ":status", ":status", ":status", ":status", ":status", ":status", ":status", "accept-charset",
            "accept-encoding", "accept-language", "accept-ranges", "accept", "access-control-allow-origin", "age",
            "allow", "authorization", "cache-control", "content-disposition", "content-encoding", "content-language",
            "content-length", "content-location", "content-range", "content-type", "cookie", "date", "etag",
            "expect", "expires", "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range",
            "if-unmodified-since", "last-modified", "link", "location", "max-forwards", "proxy-authenticate",
            "proxy-authorization", "range", "referer", "refresh", "retry-after", "server", "set-cookie",
            "strict-transport-security", "transfer-encoding", "user-agent", "vary", "via", "www-authenticate"};
    private static final String[] STATIC_VALUES = new String[STATIC_NAMES.length];
    public static final int STATIC_COUNT = STATIC_NAMES.length - 1;

    static {
        java.util.Arrays.fill(STATIC_VALUES, "");
        STATIC_VALUES[2] = "GET";
        STATIC_VALUES[3] = "POST";
        STATIC_VALUES[4] = "/";
        STATIC_VALUES[5] = "/index.html";
        STATIC_VALUES[6] = "http";
        STATIC_VALUES[7] = "https";
        String[] statuses = {"200", "204", "206", "304", "400", "404", "500"};
        for (int i = 0; i < statuses.length; i++) STATIC_VALUES[8 + i] = statuses[i];
        STATIC_VALUES[16] = "gzip, deflate";
    }

    /** An empty dynamic table of {@link #DEFAULT_SIZE} bytes, as each direction of a connection starts. */
    public HpackTable() { }

    // the dynamic entries as a ring, newest at head
    private String[] names = new String[16];
    private String[] values = new String[16];
    private int head, count, size;
    private int maxSize = DEFAULT_SIZE;

    /** Bytes the dynamic entries take (RFC 7541 4.1). */
    public int size() { return size; }

    public int dynamicCount() { return count; }

    /** Name at HPACK index {@code i} (1-based over static then dynamic), or null when out of range. */
    public String name(int i) {
        if (i >= 1 && i <= STATIC_COUNT) return STATIC_NAMES[i];
        int d = i - STATIC_COUNT - 1;
        return d >= 0 && d < count ? names[(head + d) % names.length] : null;
    }

    public String value(int i) {
        if (i >= 1 && i <= STATIC_COUNT) return STATIC_VALUES[i];
        int d = i - STATIC_COUNT - 1;
        return d >= 0 && d < count ? values[(head + d) % values.length] : null;
    }

    /** A dynamic table size update: evicts down to the new maximum (clamped to {@link #MAX_SIZE}). */
    public void setMaxSize(long max) {
        maxSize = (int) Math.min(max, MAX_SIZE);
        evictTo(maxSize);
    }

    /** Inserts an entry (RFC 7541 4.4): one larger than the maximum empties the table and is not kept. */
    public void add(String name, String value) {
        int entry = name.length() + value.length() + 32;
        if (entry > maxSize) {
            evictTo(0);
            return;
        }
        evictTo(maxSize - entry);
        if (count == names.length) grow();
        head = (head - 1 + names.length) % names.length;
        names[head] = name;
        values[head] = value;
        count++;
        size += entry;
    }

    private void evictTo(int limit) {
        while (size > limit && count > 0) {
            int last = (head + count - 1) % names.length;
            size -= names[last].length() + values[last].length() + 32;
            names[last] = values[last] = null;
            count--;
        }
    }

    private void grow() {
        String[] n = new String[names.length * 2], v = new String[names.length * 2];
        for (int i = 0; i < count; i++) {
            n[i] = names[(head + i) % names.length];
            v[i] = values[(head + i) % names.length];
        }
        names = n;
        values = v;
        head = 0;
    }
}
