package io.pcapkit.reassembly;

import java.util.Arrays;

/**
 * Identifies the fragments of one datagram: IPv4 (source, destination, identification, protocol) as RFC 791 says;
 * IPv6 (source, destination, identification) as RFC 8200 says (the next header is not part of it, unlike the
 * original pcapkit's key).
 */
public record FragmentKey(int version, byte[] src, byte[] dst, long id, int protocol) {
    @Override public boolean equals(Object o) {
        return o instanceof FragmentKey k && k.version == version && k.id == id && k.protocol == protocol
                && Arrays.equals(k.src, src) && Arrays.equals(k.dst, dst);
    }

    @Override public int hashCode() {
        return (Arrays.hashCode(src) * 31 + Arrays.hashCode(dst)) * 31 + Long.hashCode(id) * 7 + protocol;
    }

    @Override public String toString() {
        return version == 4
                ? "IPv4 " + Addresses.format(src) + " > " + Addresses.format(dst) + " id 0x"
                        + String.format("%04x", id) + " proto " + protocol
                : "IPv6 " + Addresses.format(src) + " > " + Addresses.format(dst) + " id 0x" + String.format("%08x", id);
    }
}
