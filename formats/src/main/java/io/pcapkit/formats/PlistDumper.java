package io.pcapkit.formats;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * An XML property list, as the original writes it: one top-level {@code <dict>} whose keys are the header block
 * and the frames. dd-plist serializes whole documents only, so the document's head and tail are written here and
 * each entry is one {@link NSDictionary} serialized on its own and spliced in: the document streams, one frame
 * at a time.
 *
 * <p>XML 1.0 cannot carry most control characters, and dd-plist writes them raw; strings are therefore written
 * with C0 controls escaped ({@code \r}, {@code \n}, {@code \x01}), as tshark prints them.
 */
final class PlistDumper extends DocumentDumper {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
            """;
    private static final String TAIL = "</dict>\n</plist>\n";
    private static final String PLIST_OPEN = "<plist version=\"1.0\">";
    private static final String PLIST_CLOSE = "</plist>";

    private final Writer out;

    PlistDumper(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override protected void begin() throws IOException { out.write(HEAD); }

    @Override protected void entry(Node node) throws IOException {
        out.write("\t<key>");
        out.write(xmlEscape(node.key));
        out.write("</key>\n");
        String doc = toPlist(node).toXMLPropertyList();
        // keep what lies between <plist version="1.0"> and </plist>: the entry's own <dict>, one level deeper
        int from = doc.indexOf(PLIST_OPEN) + PLIST_OPEN.length();
        int to = doc.lastIndexOf(PLIST_CLOSE);
        for (String line : doc.substring(from, to).strip().split("\r?\n")) {
            out.write('\t');
            out.write(line);
            out.write('\n');
        }
    }

    @Override protected void end() throws IOException {
        out.write(TAIL);
        out.flush();
    }

    static NSObject toPlist(Node n) {
        return switch (n.kind) {
            case OBJECT -> {
                NSDictionary d = new NSDictionary();
                for (Node c : n.children) d.put(c.key, toPlist(c));
                yield d;
            }
            case ARRAY -> {
                NSArray a = new NSArray(n.children.size());
                for (int i = 0; i < n.children.size(); i++) a.setValue(i, toPlist(n.children.get(i)));
                yield a;
            }
            case VALUE -> switch (n.value) {
                case Long v -> new NSNumber(v);
                case Double v -> new NSNumber(v);
                case BigDecimal v -> new NSNumber(v.doubleValue());
                case Boolean v -> new NSNumber(v);
                case Node.Hex h -> new NSString(h.hex());
                case null -> new NSString("");
                // strings, addresses, and unsigned values above a plist <integer>'s signed 64 bits as their text
                default -> new NSString(Text.escapeControls(n.value.toString()));
            };
        };
    }

    private static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : Text.escapeControls(s).toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
