package io.pcapkit.nativeengine.proto;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * tshark 4.0's text for an absolute time field ({@code FT_ABSOLUTE_TIME} shown in UTC) under {@code -T fields}:
 * {@code Aug 16, 2015 19:25:48.749582159 UTC}, the day padded with a space. The project prints these as strings:
 * the model's TIME type is the epoch form of {@code frame.time_epoch}.
 */
final class AbsoluteTimes {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private AbsoluteTimes() { }

    static String utc(long epochSeconds, long nanos) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(36);
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) sb.append(' ');
        sb.append(t.getDayOfMonth()).append(", ").append(t.getYear()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('.');
        String frac = Long.toString(nanos);
        for (int k = frac.length(); k < 9; k++) sb.append('0');
        return sb.append(frac).append(" UTC").toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }
}
