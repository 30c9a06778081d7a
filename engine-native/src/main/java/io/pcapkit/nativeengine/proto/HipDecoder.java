package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Level;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;
import io.pcapkit.model.ValueNames;
import io.pcapkit.nativeengine.decode.DecodeContext;
import io.pcapkit.nativeengine.decode.LayerDecoder;

/**
 * Host Identity Protocol, v1 (RFC 5201) and v2 (RFC 7401), carried directly over IP as protocol 139: the fixed
 * header as Wireshark 4.0 shows it (the SHIM6 fixed bits included), the checksum verified over the IP
 * pseudo-header, then the parameters ({@link HipParameters}) up to the header length.
 */
public final class HipDecoder implements LayerDecoder {
    static final Protocol HIP = Protocols.define("HIP", "hip", Level.TRANSPORT);

    static final ValueNames PACKET_TYPES = ValueNames.of(1, "I1", 2, "R1", 3, "I2", 4, "R2", 16, "UPDATE",
            17, "NOTIFY", 18, "CLOSE", 19, "CLOSE_ACK");
    static final FieldDef PROTO = Fields.uint("hip.proto", "Payload Protocol", 8);
    static final FieldDef HDR_LEN = Fields.uint("hip.hdr_len", "Header Length", 8);
    static final FieldDef FIXED_P = Fields.uint("hip.shim6_fixed_p", "Header fixed bit P", 8);
    static final FieldDef PACKET_TYPE = Fields.uint("hip.packet_type", "Packet Type", 8, PACKET_TYPES);
    static final FieldDef VERSION = Fields.uint("hip.version", "Version", 8);
    static final FieldDef FIXED_S = Fields.uint("hip.shim6_fixed_s", "Header fixed bit S", 8);
    static final FieldDef CHECKSUM = Fields.hex("hip.checksum", "Checksum", 16);
    static final FieldDef CHECKSUM_STATUS = Fields.uint("hip.checksum.status", "Checksum Status", 8,
            TcpDecoder.CHECKSUM_STATUS_NAMES);
    static final FieldDef CONTROLS = Fields.hex("hip.controls", "HIP Controls", 16);
    static final FieldDef CONTROLS_A = Fields.flag("hip.controls.a", "Anonymous (Sender's HI is anonymous)", 16, 0x1);
    static final FieldDef HIT_SNDR = Fields.bytes("hip.hit_sndr", "Sender's HIT");
    static final FieldDef HIT_RCVR = Fields.bytes("hip.hit_rcvr", "Receiver's HIT");

    static final int HEADER = 40, IP_PROTO_HIP = 139;

    @Override public Protocol protocol() { return HIP; }

    @Override public int decode(DecodeContext c, int off, int len) {
        if (len < 8) return c.truncated(len, "HIP header needs 40 bytes, has " + len);
        int hdrLen = c.u8(off + 1), type = c.u8(off + 2), resVer = c.u8(off + 3);
        c.add(PROTO, c.u8(off), off, 1);
        c.add(HDR_LEN, hdrLen, off + 1, 1);
        c.add(FIXED_P, type >>> 7, off + 2, 1);
        c.add(PACKET_TYPE, type & 0x7F, off + 2, 1);
        c.add(VERSION, resVer >>> 4, off + 3, 1);
        c.add(FIXED_S, resVer & 0x01, off + 3, 1);
        int checksum = c.u16(off + 4);
        c.add(CHECKSUM, checksum, off + 4, 2);
        int status = checksumStatus(c, off, len);
        c.add(CHECKSUM_STATUS, status, off + 4, 0);
        if (status == 0) c.anomaly(Anomaly.Kind.BAD_CHECKSUM, off + 4, "bad HIP checksum 0x" + Integer.toHexString(checksum));
        int controls = c.u16(off + 6);
        c.out().beginGroup(CONTROLS, controls, off + 6, 2);
        c.add(CONTROLS_A, controls, off + 7, 1);
        c.out().endGroup();
        if (len < 24) return c.truncated(len, "HIP header needs 40 bytes, has " + len);
        c.ref(HIT_SNDR, off + 8, 16);
        if (len < HEADER) return c.truncated(len, "HIP header needs 40 bytes, has " + len);
        c.ref(HIT_RCVR, off + 24, 16);
        int end = (hdrLen + 1) * 8;
        if (end < HEADER) {
            c.anomaly(Anomaly.Kind.BAD_LENGTH, off + 1, "HIP header length " + end + " is under the fixed 40 bytes");
        }
        HipParameters.decode(c, off, off + HEADER, off + end, off + len);
        c.nextRaw(0); // tshark shows nothing after the parameters: the payload protocol is "no next header"
        return len;
    }

    /**
     * Good (1) or bad (0) over the pseudo-header of the IP header below, as tshark checks it when the whole message
     * was captured and the IP packet is not a fragment; unverified (2) otherwise.
     */
    private static int checksumStatus(DecodeContext c, int off, int len) {
        int reported = c.reportedLength(off, len);
        if (reported != len) return TcpDecoder.CHECKSUM_UNVERIFIED;
        Frame f = c.out().frame();
        for (int i = c.out().currentLayer() - 1; i >= 0; i--) {
            Protocol p = f.protocolAt(i);
            int ip = f.layer(i).offset();
            if (p == Protocols.IPV4) {
                if ((c.u16(ip + 6) & 0x3FFF) != 0) return TcpDecoder.CHECKSUM_UNVERIFIED;
                long sum = c.u16(ip + 12) + c.u16(ip + 14) + c.u16(ip + 16) + c.u16(ip + 18) + IP_PROTO_HIP + len;
                return IcmpChecksums.internet(c, off, len, sum) == 0 ? 1 : 0;
            }
            if (p == Protocols.IPV6) {
                return IcmpChecksums.internet(c, off, len,
                        IcmpChecksums.ipv6PseudoHeader(c, ip + 8, ip + 24, len, IP_PROTO_HIP)) == 0 ? 1 : 0;
            }
            if (p == Protocols.IPV6_FRAG) return TcpDecoder.CHECKSUM_UNVERIFIED;
            if (!Ipv6Extension.isExtension(p)) break;
        }
        return TcpDecoder.CHECKSUM_UNVERIFIED;
    }
}
