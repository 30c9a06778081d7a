package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tshark as the oracle for frames a test builds itself (a protocol the corpus lacks, a parameter no capture
 * carries): the frames go into a temporary pcap, tshark prints its fields, and every cell must equal what the
 * native engine gives for the same bytes. Skips visibly when tshark is missing.
 */
final class TsharkOracle {
    private TsharkOracle() { }

    /** Asserts that every non-empty cell of {@code fields} agrees for every frame (hex strings, link type 1). */
    static void assertAgrees(List<String> frames, List<String> fields) throws IOException {
        Corpus.assumeTshark();
        Path pcap = Files.createTempFile("pcapkit-oracle", ".pcap");
        try {
            Files.write(pcap, pcap(frames));
            Tshark.Result t = Tshark.fields(pcap, fields);
            assertEquals(frames.size(), t.rows().size(), () -> "tshark rows: " + t.stderr());
            List<String> diffs = new ArrayList<>();
            int cells = 0;
            for (int r = 0; r < frames.size(); r++) {
                Frame f = TestFrames.decode(TestFrames.ETHERNET, frames.get(r));
                String[] row = t.rows().get(r);
                for (int k = 0; k < fields.size(); k++) {
                    String theirs = k < row.length ? row[k] : "";
                    String ours = TestFrames.cell(f, fields.get(k));
                    if (theirs.isEmpty() && ours.isEmpty()) continue;
                    cells++;
                    if (!theirs.equals(ours)) {
                        diffs.add("frame " + (r + 1) + " " + fields.get(k) + ": tshark='" + theirs + "' native='" + ours + "'");
                    }
                }
            }
            assertTrue(cells > 0, "no field was present");
            assertTrue(diffs.isEmpty(), () -> String.join("\n", diffs));
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    /** A little-endian microsecond pcap of Ethernet frames, one second apart. */
    static byte[] pcap(List<String> frames) {
        int size = 24;
        for (String h : frames) size += 16 + h.replaceAll("\\s+", "").length() / 2;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int sec = 1000;
        for (String h : frames) {
            byte[] d = TestFrames.hex(h);
            b.putInt(sec++).putInt(0).putInt(d.length).putInt(d.length).put(d);
        }
        return b.array();
    }
}
