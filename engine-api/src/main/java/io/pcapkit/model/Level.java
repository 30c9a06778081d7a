package io.pcapkit.model;

/**
 * The four layers the original pcapkit speaks of: where a protocol sits, and where {@code -L} may stop decoding.
 * Ordered from the wire up, so {@code a.compareTo(b) > 0} means "a is above b".
 */
public enum Level {
    LINK("Link"), INTERNET("Internet"), TRANSPORT("Transport"), APPLICATION("Application");

    private final String title;

    Level(String title) { this.title = title; }

    /** The name as the original pcapkit prints it ("Link", "Internet" …). */
    public String title() { return title; }

    /** Parses "link", "Link", "l2"-style names case-insensitively; null when unknown. */
    public static Level parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "link", "l2", "datalink" -> LINK;
            case "internet", "network", "l3" -> INTERNET;
            case "transport", "l4" -> TRANSPORT;
            case "application", "app", "l7" -> APPLICATION;
            default -> null;
        };
    }
}
