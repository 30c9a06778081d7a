package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.Dispatch;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * UDP (RFC 768), as tshark 4.0 prints it with {@code -n}. udp.stream and the conversation time stamps need earlier
 * frames and are left to reassembly. A length below 8 ends the layer (the rest is Raw); a length beyond the IP
 * payload is an anomaly and the payload is what the IP payload holds.
 */
public final class UdpDecoder implements LayerDecoder {
    static final FieldDef SRCPORT = Fields.uint("udp.srcport", "Source Port", 16);
    static final FieldDef DSTPORT = Fields.uint("udp.dstport", "Destination Port", 16);
    static final FieldDef PORT = Fields.uint("udp.port", "Source or Destination Port", 16);
    static final FieldDef LENGTH = Fields.uint("udp.length", "Length", 16);
    static final FieldDef CHECKSUM = Fields.hex("udp.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("udp.checksum.status", "Checksum Status", 8,
            TcpDecoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef PAYLOAD = Fields.bytes("udp.payload", "Payload");

    // Wireshark's proto_checksum_enum_e: unchecked by default, absent (IPv4 zero), illegal (IPv6 zero, RFC 8200)
    static final int UNVERIFIED = 2, NOT_PRESENT = 3, ILLEGAL = 4;

    @Override public Protocol protocol() { return Protocols.UDP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 4) return c.truncated(len, "UDP header needs 8 bytes, has " + len);
        int src = c.u16(off), dst = c.u16(off + 2);
        c.add(SRCPORT, src, off, 2);
        c.add(DSTPORT, dst, off + 2, 2);
        c.add(PORT, src, off, 2);
        c.add(PORT, dst, off + 2, 2);
        if (len < 6) return c.truncated(len, "UDP header needs 8 bytes, has " + len);
        int length = c.u16(off + 4);
        c.add(LENGTH, length, off + 4, 2);
        int reported = c.reportedLength(off, len);
        boolean ipv6 = c.ipVersion == 6;
        int effective = length;
        if (length == 0 && ipv6) {
            // RFC 2675 jumbogram: the length is the IPv6 payload's
            effective = reported;
            if (reported < 65536) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "UDP length 0 but the payload is under 65536 bytes");
            }
        }
        if (effective < 8) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "bogus UDP length " + length + ", must be at least 8");
            return Math.min(8, len);
        }
        if (effective > reported) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 4, "UDP length " + length + " exceeds the IP payload ("
                    + reported + " bytes)");
        }
        if (len < 8) return c.truncated(len, "UDP header needs 8 bytes, has " + len);
        int checksum = c.u16(off + 6);
        c.add(CHECKSUM, checksum, off + 6, 2);
        int status = UNVERIFIED;
        if (checksum == 0) {
            status = ipv6 ? ILLEGAL : NOT_PRESENT;
            if (ipv6) c.anomaly(Anomaly.Kind.BAD_VALUE, off + 6, "UDP checksum 0 is illegal over IPv6");
        }
        c.add(CHECKSUM_STATUS, status, off + 6, 2);
        if (effective == 8) {
            c.nextRaw(0);
            return 8;
        }
        // tshark shows every payload byte the IP payload holds here, even past a short udp.length
        if (len > 8) c.ref(PAYLOAD, off + 8, len - 8);
        c.nextPorts(Dispatch.UDP_PORT, src, dst, Math.min(effective, reported) - 8);
        return 8;
    }
}
