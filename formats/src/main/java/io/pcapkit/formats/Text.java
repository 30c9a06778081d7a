package io.pcapkit.formats;

/** Small text helpers shared by the text-based writers. */
final class Text {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Text() { }

    /**
     * {@code s} with C0 control characters and DEL escaped as tshark prints them ({@code \r}, {@code \n},
     * {@code \t}, {@code \x01}) and backslashes doubled; {@code s} itself when there is nothing to escape.
     */
    static String escapeControls(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') break;
            i++;
        }
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
