package io.pcapkit.formats;

import java.util.List;
import java.util.Locale;

/**
 * Settings of the {@link Format#FIELDS} output, tshark's {@code -e} and {@code -E} options.
 *
 * @param fields      field names, one column each ({@code -e}); frame fields such as {@code frame.number} included
 * @param header      print the field names as the first line ({@code -E header=y})
 * @param separator   between columns ({@code -E separator=/t}, {@code /s} or one character)
 * @param aggregator  between occurrences of one field in a cell ({@code -E aggregator=,})
 * @param occurrence  which occurrences a cell shows: 0 all ({@code a}), -1 the last ({@code l}), n the n-th
 *                    (1-based; {@code f} is 1)
 * @param quote       character wrapped around every non-empty cell, or 0 ({@code -E quote=d|s|n})
 */
public record FieldsOptions(List<String> fields, boolean header, char separator, char aggregator, int occurrence,
                            char quote) {

    public FieldsOptions {
        fields = List.copyOf(fields);
    }

    /** tshark's defaults: no header, tab-separated, every occurrence comma-joined, no quotes. */
    public static FieldsOptions of(List<String> fields) {
        return new FieldsOptions(fields, false, '\t', ',', 0, (char) 0);
    }

    /**
     * This with one tshark {@code -E} setting applied, e.g. {@code header=y}, {@code separator=,},
     * {@code occurrence=f}, {@code aggregator=/s}, {@code quote=d}.
     *
     * @throws IllegalArgumentException naming the setting and what it accepts
     */
    public FieldsOptions with(String setting) {
        int eq = setting.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("'" + setting + "' is not KEY=VALUE");
        String key = setting.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String v = setting.substring(eq + 1);
        return switch (key) {
            case "header" -> new FieldsOptions(fields, yesNo(key, v), separator, aggregator, occurrence, quote);
            case "separator" -> new FieldsOptions(fields, header, oneChar(key, v), aggregator, occurrence, quote);
            case "aggregator" -> new FieldsOptions(fields, header, separator, oneChar(key, v), occurrence, quote);
            case "occurrence" -> new FieldsOptions(fields, header, separator, aggregator, occurrence(v), quote);
            case "quote" -> new FieldsOptions(fields, header, separator, aggregator, occurrence, switch (v) {
                case "d" -> '"';
                case "s" -> '\'';
                case "n" -> (char) 0;
                default -> throw new IllegalArgumentException("quote=" + v + ": expected d, s or n");
            });
            default -> throw new IllegalArgumentException("unknown fields setting '" + key
                    + "' (header, separator, aggregator, occurrence, quote)");
        };
    }

    private static boolean yesNo(String key, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "1" -> true;
            case "n", "no", "false", "0" -> false;
            default -> throw new IllegalArgumentException(key + "=" + v + ": expected y or n");
        };
    }

    private static char oneChar(String key, String v) {
        return switch (v) {
            case "/t" -> '\t';
            case "/s" -> ' ';
            default -> {
                if (v.length() != 1) throw new IllegalArgumentException(key + "=" + v + ": expected /t, /s or one character");
                yield v.charAt(0);
            }
        };
    }

    private static int occurrence(String v) {
        switch (v) {
            case "a": return 0;
            case "f": return 1;
            case "l": return -1;
            default:
                try {
                    int n = Integer.parseInt(v);
                    if (n >= 1) return n;
                } catch (NumberFormatException e) {
                    // fall through to the message
                }
                throw new IllegalArgumentException("occurrence=" + v + ": expected f, l, a or a number from 1");
        }
    }
}
