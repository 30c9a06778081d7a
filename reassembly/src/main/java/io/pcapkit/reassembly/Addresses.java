package io.pcapkit.reassembly;

/** IP addresses as text the way Wireshark prints them (IPv6 in RFC 5952's compressed form). */
public final class Addresses {
    private Addresses() { }

    public static String format(byte[] a) {
        if (a.length == 4) return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (a[2 * i] & 0xFF) << 8 | a[2 * i + 1] & 0xFF;
        // longest run of zero words, at least two long, the first of equal runs (RFC 5952 4.2)
        int bestAt = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) { bestAt = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        // IPv4-mapped and -compatible forms as inet_ntop writes them
        if (bestAt == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xFFFF)) {
            sb.append(bestLen == 6 ? "::" : "::ffff:");
            return sb.append(a[12] & 0xFF).append('.').append(a[13] & 0xFF).append('.').append(a[14] & 0xFF)
                    .append('.').append(a[15] & 0xFF).toString();
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }
}
