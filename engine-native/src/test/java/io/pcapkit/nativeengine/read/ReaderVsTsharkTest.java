package io.pcapkit.nativeengine.read;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import io.pcapkit.spi.CaptureFormatException;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader against tshark, run live, on every capture of the corpus: the same frames with the same number, time,
 * lengths and interface id ({@code tshark -n -r F -T fields -e frame.number -e frame.time_epoch -e frame.len
 * -e frame.cap_len -e frame.interface_id}), formatted on our side by {@link FieldColumns} from the native engine's
 * frames. Where tshark stops with an error, the native engine must end with a {@link CaptureFormatException} after
 * the same frames; where tshark does not, it must not either. The few cells the model cannot hold as tshark prints
 * them are listed in {@link #KNOWN}, each with its reason; any other difference fails.
 */
class ReaderVsTsharkTest {
    static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
            "frame.interface_id");

    /** Cells where tshark and the model cannot agree: a capture, a frame range, a column and why. */
    record Known(String capture, long fromFrame, long toFrame, String field, String reason) {
        boolean covers(String rel, long frame, String f) {
            return capture.equals(rel) && frame >= fromFrame && frame <= toFrame && field.equals(f);
        }
    }

    static final List<Known> KNOWN = List.of(
            new Known("tcpdump/timestamp_invalid_nano.pcap", 2, 3, "frame.time_epoch",
                    "fractions of 1 s or more (deliberately damaged): tshark prints them as they are "
                            + "(1418145370.1000000000, and -1418145370.2147483648 for 0x80000000 ns read as a signed "
                            + "int); the model holds nanoseconds since 1970, so the fraction carries into the seconds"),
            new Known("pcapplusplus/pcapng-example.pcapng", 60, 159, "frame.time_epoch",
                    "interface 1 stamps 0xffffffff_e1dfd279 µs, i.e. the year 586524 (tshark: 18446744073204.126329); "
                            + "nanoseconds in a long end in the year 2262, so the reader clamps and flags the record"));

    @Test void everyCaptureReadsLikeTshark() throws IOException {
        Corpus.assumePresent();
        Corpus.assumeTshark();

        List<String> problems = new ArrayList<>();
        long[] knownSeen = new long[KNOWN.size()];
        String[] knownExample = new String[KNOWN.size()];
        int captures = 0;
        long frames = 0;
        int damaged = 0;
        for (Path cap : Corpus.captures()) {
            String rel = Corpus.dir().relativize(cap).toString().replace('\\', '/');
            captures++;
            Tshark.Result theirs = Tshark.fields(cap, FIELDS);
            boolean tsharkError = theirs.exitCode() != 0;
            List<String[]> ours = new ArrayList<>();
            CaptureFormatException ourError = null;
            try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults()); FrameSource src = e.open(cap)) {
                FieldColumns cols = new FieldColumns(FIELDS);
                for (Frame f; (f = src.next()) != null; ) {
                    cols.load(f);
                    String[] row = new String[FIELDS.size()];
                    for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                    ours.add(row);
                }
            } catch (CaptureFormatException e) {
                ourError = e;
            } catch (IOException | RuntimeException e) {
                problems.add(rel + ": " + e.getClass().getSimpleName() + " after " + ours.size() + " frames: "
                        + e.getMessage());
                continue;
            }
            if (tsharkError) damaged++;
            if (tsharkError && ourError == null) {
                problems.add(rel + ": tshark stops with an error (" + firstLine(theirs.stderr())
                        + ") but the native engine read to a clean end");
            } else if (!tsharkError && ourError != null) {
                problems.add(rel + ": tshark reads it cleanly but the native engine says: " + ourError.getMessage());
            }
            if (theirs.rows().size() != ours.size()) {
                problems.add(rel + ": tshark has " + theirs.rows().size() + " frames, the native engine "
                        + ours.size());
            }
            int n = Math.min(theirs.rows().size(), ours.size());
            frames += n;
            for (int r = 0; r < n; r++) {
                String[] t = theirs.rows().get(r);
                String[] o = ours.get(r);
                for (int c = 0; c < FIELDS.size(); c++) {
                    String tv = c < t.length ? t[c] : "";
                    if (tv.equals(o[c])) continue;
                    String where = rel + " frame " + (r + 1) + " " + FIELDS.get(c) + ": tshark '" + tv + "', native '"
                            + o[c] + "'";
                    long frame = r + 1;
                    String field = FIELDS.get(c);
                    int k = known(rel, frame, field);
                    if (k < 0) {
                        problems.add(where);
                    } else {
                        if (knownSeen[k]++ == 0) knownExample[k] = where;
                    }
                }
            }
        }
        System.out.printf("reader vs tshark: %d captures (%d that tshark calls damaged), %d frames compared, "
                + "%d problems%n", captures, damaged, frames, problems.size());
        for (int k = 0; k < KNOWN.size(); k++) {
            if (knownSeen[k] > 0) {
                System.out.printf("  known difference, %d cells, e.g. %s%n    because %s%n", knownSeen[k],
                        knownExample[k], KNOWN.get(k).reason());
            }
        }
        assertTrue(captures > 100, "expected the whole corpus, found " + captures + " captures");
        assertTrue(problems.isEmpty(), "the native reader differs from tshark:\n" + String.join("\n", problems));
    }

    private static int known(String rel, long frame, String field) {
        for (int k = 0; k < KNOWN.size(); k++) if (KNOWN.get(k).covers(rel, frame, field)) return k;
        return -1;
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> l.startsWith("tshark:") || l.startsWith("(")).reduce((a, b) -> a + " " + b)
                .orElse(s.strip());
    }
}
