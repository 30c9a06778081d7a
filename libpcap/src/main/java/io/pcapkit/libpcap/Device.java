package io.pcapkit.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static io.pcapkit.libpcap.Libpcap.rethrow;

/**
 * One capture device as {@code pcap_findalldevs} lists it.
 *
 * @param name        what {@code -i} takes
 * @param description libpcap's description, or ""
 * @param loopback    a loopback interface
 * @param up          administratively up
 * @param running     operationally up
 * @param addresses   its IPv4/IPv6 addresses, each {@code address/prefix} where the mask is known
 */
public record Device(String name, String description, boolean loopback, boolean up, boolean running,
                     List<String> addresses) {
    /** Bound on the lists libpcap returns, against a corrupted list that never ends. */
    private static final int MAX_ITEMS = 4096;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    /** Every device libpcap can capture on, in its order; an error carries libpcap's text. */
    public static List<Device> list() throws PcapException {
        Libpcap.require();
        List<Device> out = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment head = a.allocate(Libpcap.C_POINTER);
            MemorySegment err = a.allocate(Libpcap.PCAP_ERRBUF_SIZE);
            int r = (int) Libpcap.FINDALLDEVS.invokeExact(head, err);
            if (r != 0) throw new PcapException("cannot list interfaces: " + err.getString(0), r);
            MemorySegment first = head.get(Libpcap.C_POINTER, 0);
            try {
                MemorySegment d = first;
                for (int i = 0; i < MAX_ITEMS && !d.equals(MemorySegment.NULL); i++) {
                    int flags = d.get(ValueLayout.JAVA_INT, Libpcap.IF_FLAGS);
                    out.add(new Device(Libpcap.cString(d.get(Libpcap.C_POINTER, Libpcap.IF_NAME)),
                            Libpcap.cString(d.get(Libpcap.C_POINTER, Libpcap.IF_DESCRIPTION)),
                            (flags & Libpcap.PCAP_IF_LOOPBACK) != 0, (flags & Libpcap.PCAP_IF_UP) != 0,
                            (flags & Libpcap.PCAP_IF_RUNNING) != 0,
                            addresses(d.get(Libpcap.C_POINTER, Libpcap.IF_ADDRESSES))));
                    d = d.get(Libpcap.C_POINTER, Libpcap.IF_NEXT);
                }
            } finally {
                if (!first.equals(MemorySegment.NULL)) Libpcap.FREEALLDEVS.invokeExact(first);
            }
        } catch (PcapException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return out;
    }

    private static List<String> addresses(MemorySegment a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS && !a.equals(MemorySegment.NULL); i++) {
            String addr = sockaddr(a.get(Libpcap.C_POINTER, Libpcap.ADDR_ADDR));
            if (addr != null) {
                int prefix = prefix(a.get(Libpcap.C_POINTER, Libpcap.ADDR_NETMASK));
                out.add(prefix >= 0 ? addr + "/" + prefix : addr);
            }
            a = a.get(Libpcap.C_POINTER, Libpcap.ADDR_NEXT);
        }
        return List.copyOf(out);
    }

    /** The raw address bytes of an AF_INET/AF_INET6 sockaddr (Linux layout), or null for other families. */
    private static byte[] rawAddress(MemorySegment sa) {
        if (sa.equals(MemorySegment.NULL)) return null;
        int family = sa.get(ValueLayout.JAVA_SHORT, 0) & 0xFFFF;
        if (family == AF_INET) return sa.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE);
        if (family == AF_INET6) return sa.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        return null;
    }

    private static String sockaddr(MemorySegment sa) {
        byte[] raw = rawAddress(sa);
        if (raw == null) return null;
        if (raw.length == 16) return ipv6(raw);
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            return null;   // only for a wrong length, which rawAddress never returns
        }
    }

    /** RFC 5952 text: lower-case groups, the longest run of two or more zero groups as "::". */
    static String ipv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    private static int prefix(MemorySegment mask) {
        byte[] raw = rawAddress(mask);
        if (raw == null) return -1;
        int bits = 0;
        for (byte b : raw) bits += Integer.bitCount(b & 0xFF);
        return bits;
    }
}
