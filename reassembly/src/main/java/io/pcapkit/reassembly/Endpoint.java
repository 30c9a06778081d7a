package io.pcapkit.reassembly;

/** One side of a conversation: address and port. */
public record Endpoint(byte[] address, int port) {
    /** {@code 10.0.0.1:80} or {@code [2001:db8::1]:80}, as tshark's follow prints nodes. */
    public static String text(byte[] address, int port) {
        String a = Addresses.format(address);
        return (address.length == 16 ? "[" + a + "]" : a) + ":" + port;
    }

    @Override public String toString() { return text(address, port); }

    @Override public boolean equals(Object o) {
        return o instanceof Endpoint e && e.port == port && java.util.Arrays.equals(e.address, address);
    }

    @Override public int hashCode() { return java.util.Arrays.hashCode(address) * 31 + port; }
}
