package io.pcapkit.hpack;

/**
 * HPACK's Huffman code (RFC 7541 Appendix B). The code is canonical: codes of one length are consecutive in symbol
 * order and shorter codes come first, so the table of code lengths alone rebuilds it, and decoding walks one bit at
 * a time against the first code of each length (as DEFLATE decoders do).
 */
public final class HpackHuffman {
    /** Code length in bits of each symbol 0..255 and EOS (256), from RFC 7541 Appendix B. */
    private static final byte[] LENGTHS = {
            13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28,
            28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6,
            6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8,
            7, 8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7,
            7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23,
            24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22,
            23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25,
            26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24,
            20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27,
            27, 27, 27, 26, 30};
    public static final int EOS = 256;
    private static final int MAX_BITS = 30;

    /** Per length: the first code, how many codes, and where its symbols start in {@link #SYMBOLS}. */
    private static final int[] FIRST = new int[MAX_BITS + 2];
    private static final int[] COUNT = new int[MAX_BITS + 2];
    private static final int[] START = new int[MAX_BITS + 2];
    private static final int[] SYMBOLS = new int[257];

    static {
        for (byte l : LENGTHS) COUNT[l]++;
        int code = 0, at = 0;
        for (int len = 1; len <= MAX_BITS; len++) {
            code = (code + COUNT[len - 1]) << 1;
            FIRST[len] = code;
            START[len] = at;
            at += COUNT[len];
        }
        int[] fill = START.clone();
        for (int s = 0; s < LENGTHS.length; s++) SYMBOLS[fill[LENGTHS[s]]++] = s;
    }

    private HpackHuffman() { }

    /**
     * Decodes {@code n} Huffman-coded bytes at {@code at} into {@code out}; false when the input is not a valid
     * encoding (EOS inside the string, or padding longer than 7 bits or not all ones: RFC 7541 5.2).
     */
    public static boolean decode(Octets in, int at, int n, StringBuilder out) {
        int code = 0, len = 0;
        int ones = 0; // the bits read since the last symbol, all ones so far?
        boolean allOnes = true;
        for (int i = at, end = at + n; i < end; i++) {
            int b = in.u8(i);
            for (int bit = 7; bit >= 0; bit--) {
                int v = (b >>> bit) & 1;
                code = (code << 1) | v;
                len++;
                ones++;
                allOnes &= v == 1;
                int k = code - FIRST[len];
                if (k >= 0 && k < COUNT[len]) {
                    int sym = SYMBOLS[START[len] + k];
                    if (sym == EOS) return false;
                    out.append((char) sym);
                    code = 0;
                    len = 0;
                    ones = 0;
                    allOnes = true;
                } else if (len >= MAX_BITS) {
                    return false;
                }
            }
        }
        return ones <= 7 && allOnes;
    }
}
