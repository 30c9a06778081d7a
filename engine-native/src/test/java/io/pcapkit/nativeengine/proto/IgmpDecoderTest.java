package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values are tshark 4.0's {@code -T fields} output for the same bytes (the hand-built messages, laid out
 * as RFC 1112 / 2236 / 3376 describe them, were written to a pcap and read back by tshark).
 */
class IgmpDecoderTest {
    /** tcpdump/IGMP_V2.pcap frame 1: a v2 general query (max response 10 s), padded to Ethernet's minimum. */
    static final String V2_QUERY = """
            01005e000001001b1110261108004500001c655100000102b2e3c0a80102e00000011164ee9b000000000000000000000000000000
            00000000000000""";
    /** tcpdump/IGMP_V2.pcap frame 2: a v2 report for 239.255.255.250, in IPv4 with a Router Alert option. */
    static final String V2_REPORT = """
            01005e7ffffa001c23aabead0800460000208c6200000102e692c0a80140effffffa940400001600fa04effffffa""";
    /** tcpdump/IGMP_V2.pcap frame 5: a v2 leave for 225.1.1.3. */
    static final String V2_LEAVE = """
            01005e0000020002021951280800460000200000400001023864c0a80bc9e000000294040000170006fbe1010103000000000000000
            0000000000000""";
    /** pcapplusplus/ipv4-options.pcap frame 3: a v3 general query (QRV 2, QQIC 125, no sources). */
    static final String V3_QUERY = """
            01005e000001c412f5ff72e8080046000024000040000102fa480a00008ae000000194040000110aec7800000000027d00000000000
            0000000000000""";
    /** Hand-built v3 query: max response code 0x90 (25.6 s), S set, two sources. */
    static final String V3_QUERY_SOURCES = """
            0200000000aa0200000000bb08004500002800010000400266d10a0000010a0000021190cfed000000000a7d00020a0000010a000002""";
    /** Hand-built v3 report: two group records, the first with two sources. */
    static final String V3_REPORT = """
            0200000000aa0200000000bb08004600003c000100004002d1b80a0000010a0000029404000022000f080000000204000002e1010101
            c0a80001c0a8000201000001ef000001aabbccdd""";
    /** Hand-built v1 query (max response 0, so version 1). */
    static final String V1_QUERY = "0200000000aa0200000000bb08004500001c00010000400266dd0a0000010a0000021100eeff00000000";

    @Test void v2QueryReportLeave() {
        Frame f = decode(1, V2_QUERY);
        assertEquals("Ethernet:IPv4:IGMP", f.protochain());
        assertCells(f, "igmp.version=2", "igmp.type=0x11", "igmp.max_resp=100", "igmp.checksum=0xee9b",
                "igmp.checksum.status=1", "igmp.maddr=0.0.0.0", "igmp.reserved=");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
        assertCells(decode(1, V2_REPORT), "igmp.version=2", "igmp.type=0x16", "igmp.max_resp=0",
                "igmp.checksum=0xfa04", "igmp.checksum.status=1", "igmp.maddr=239.255.255.250");
        assertCells(decode(1, V2_LEAVE), "igmp.type=0x17", "igmp.checksum=0x06fb", "igmp.maddr=225.1.1.3");
    }

    @Test void v3Queries() {
        assertCells(decode(1, V3_QUERY), "igmp.version=3", "igmp.max_resp=10", "igmp.checksum=0xec78",
                "igmp.checksum.status=1", "igmp.s=0", "igmp.qrv=2", "igmp.qqic=125", "igmp.num_src=0", "igmp.saddr=");
        assertCells(decode(1, V3_QUERY_SOURCES), "igmp.max_resp=256", "igmp.max_resp.exp=0x01",
                "igmp.max_resp.mant=0x00", "igmp.s=1", "igmp.qrv=2", "igmp.num_src=2", "igmp.saddr=10.0.0.1,10.0.0.2");
    }

    @Test void v3ReportGroupRecords() {
        Frame f = decode(1, V3_REPORT);
        assertCells(f, "igmp.version=3", "igmp.type=0x22", "igmp.reserved=00,0000", "igmp.checksum=0x0f08",
                "igmp.checksum.status=1", "igmp.num_grp_recs=2", "igmp.record_type=4,1", "igmp.aux_data_len=0,0",
                "igmp.num_src=2,1", "igmp.maddr=225.1.1.1,239.0.0.1",
                "igmp.saddr=192.168.0.1,192.168.0.2,170.187.204.221");
        assertFalse(f.hasAnomalies(), () -> f.anomalies().toString());
    }

    @Test void v1Query() {
        assertCells(decode(1, V1_QUERY), "igmp.version=1", "igmp.type=0x11", "igmp.reserved=00", "igmp.max_resp=",
                "igmp.checksum.status=1");
    }

    /** Malformed: the leave's checksum changed: status Bad (0), as tshark shows. */
    @Test void badChecksum() {
        byte[] b = hex(V2_LEAVE);
        b[41] = 0x00;
        Frame f = decode(1, b, b.length);
        assertCells(f, "igmp.checksum=0x0600", "igmp.checksum.status=0");
        assertTrue(hasAnomaly(f, Anomaly.Kind.BAD_CHECKSUM));
    }

    /** Malformed: the second record claims one 32-bit word of aux data that is not there. */
    @Test void auxDataPastTheEnd() {
        byte[] b = hex(V3_REPORT);
        b[63] = 1;
        Frame f = decode(1, b, b.length);
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "igmp.aux_data_len=0,1", "igmp.saddr=192.168.0.1,192.168.0.2,170.187.204.221", "igmp.aux_data=");
    }

    /** Malformed: the report captured only 6 bytes into IGMP: type, then nothing Wireshark can show. */
    @Test void cutShort() {
        byte[] b = Arrays.copyOf(hex(V2_REPORT), 44);
        Frame f = decode(1, b, 46);
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
        assertCells(f, "igmp.type=0x16", "igmp.maddr=");
    }
}
