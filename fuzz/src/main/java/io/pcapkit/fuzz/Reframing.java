package io.pcapkit.fuzz;

/**
 * Whether tshark read a classic PCAP file with other record boundaries than the file's own. Wiretap guesses the
 * record-header variant of a classic PCAP (standard, Red Hat 6.1, SuSE 6.3, Nokia, ... with 16 to 24-byte record
 * headers) from the first two records; when damage makes the standard 16-byte headers fail there, it picks
 * another variant and "reads" frames that are slices of the file at shifted offsets. Those frames are not the
 * capture's records, and an engine that reads the standard format cannot and should not produce them: the
 * harness reports them as REFRAMED, apart from frames lost.
 *
 * <p>The second case is any format: when wiretap cannot open a damaged file as a capture at all but recognises
 * its first bytes (a PCAPNG section header, say), its MIME-file reader returns the whole file as one frame of
 * encapsulation MIME; a file whose damaged magic no capture reader accepts may be taken by the JSON reader the
 * same way (seen: a PCAPNG with one bit of its block type flipped). That frame is the file, not a packet of it.
 *
 * <p>The test for the first case: under standard framing (as {@link CaptureLayout} parses it, record after record until one does not
 * fit) record k has a captured length; tshark's frame k must have the same one, and tshark can have no frame past
 * the last record standard framing yields. Any difference means tshark framed the file differently.
 */
public final class Reframing {
    private Reframing() { }

    public static boolean byTshark(CaptureLayout standard, TsharkOracle.Frames tshark) {
        if (tshark.wholeFile(standard.bytes.length)) return true;
        int[] tsharkCapLens = tshark.capLens();
        if (standard.format != CaptureLayout.Format.PCAP || tsharkCapLens == null) return false;
        for (int k = 0; k < tsharkCapLens.length; k++) {
            if (k >= standard.packets.size()) return true;
            if (standard.packets.get(k).capLen() != tsharkCapLens[k]) return true;
        }
        return false;
    }
}
