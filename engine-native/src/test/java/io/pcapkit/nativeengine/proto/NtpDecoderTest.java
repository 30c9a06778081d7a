package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import org.junit.jupiter.api.Test;

import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static io.pcapkit.nativeengine.proto.TestFrames.change;
import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.hasAnomaly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NTP packets. Expected cells are tshark 4.0's {@code -n -T fields -E occurrence=a} output for the same bytes; the
 * changed frames were fed to tshark the same way.
 */
class NtpDecoderTest {
    /** pcapplusplus/many_interfaces-1.pcapng frame 6: a client request (NTP at 42). */
    static final String CLIENT = "94103e0536d3a45e60f17d93080045c0004c6e26000040112a8ec0a8018b11fd0cfd007b007b0038287f"
            + "23020aec00000d0b00000af611fd0cfdd97b623cbfe49dcdd97b6437ad7fd089d97b6437b6d0e9b0d97b647e296af531";
    static final int N = 42;

    @Test void clientRequest() {
        Frame f = decode(TestFrames.ETHERNET, CLIENT);
        assertEquals("Ethernet:IPv4:UDP:NTP", f.protochain());
        assertFalse(f.hasAnomalies());
        assertCells(f, "ntp.flags=0x23", "ntp.flags.li=0", "ntp.flags.vn=4", "ntp.flags.mode=3", "ntp.stratum=2",
                "ntp.ppoll=10", "ntp.precision=236", "ntp.rootdelay=3339", "ntp.rootdispersion=2806",
                "ntp.refid=11fd0cfd", "ntp.reftime=Aug 16, 2015 19:25:48.749582159 UTC",
                "ntp.org=Aug 16, 2015 19:34:15.677731545 UTC", "ntp.rec=Aug 16, 2015 19:34:15.714125256 UTC",
                "ntp.xmt=Aug 16, 2015 19:35:26.161788296 UTC");
    }

    @Test void zeroTimestampIsNullAndTheEraFollowsTheTopBit() {
        // reference time zeroed; origin 0x7fffffff.00000001 (era 1, RFC 4330) and receive 0x80000000.12345678
        String t = change(CLIENT, N + 16, "0000000000000000");
        t = change(t, N + 24, "7fffffff00000001");
        t = change(t, N + 32, "8000000012345678");
        Frame f = decode(TestFrames.ETHERNET, t);
        assertCells(f, "ntp.reftime=NULL", "ntp.org=Feb 26, 2104 09:42:23.000000000 UTC",
                "ntp.rec=Jan 20, 1968 03:14:08.071111110 UTC");
    }

    @Test void controlMessageHeader() {
        // mode 6 response, read variables, system status 0x0615 (built; checked with tshark 4.0)
        String ctrl = CLIENT.substring(0, 2 * N) + "1682000106150000000000000";
        Frame f = decode(TestFrames.ETHERNET, ctrl.substring(0, 2 * N + 24));
        assertCells(f, "ntp.flags=0x16", "ntp.flags.li=0", "ntp.flags.vn=2", "ntp.flags.mode=6",
                "ntp.ctrl.flags2=0x82", "ntp.ctrl.flags2.r=1", "ntp.ctrl.flags2.opcode=2", "ntp.ctrl.sequence=1",
                "ntp.ctrl.status=0x0615", "ntp.ctrl.sys_status.clksrc=6", "ntp.ctrl.sys_status.count=1",
                "ntp.ctrl.sys_status.code=5", "ntp.ctrl.count=0", "ntp.stratum=");
    }

    @Test void packetCutShortShowsWhatIsThere() {
        Frame f = decode(TestFrames.ETHERNET, CLIENT.substring(0, 2 * (N + 3)));
        assertCells(f, "ntp.flags=0x23", "ntp.stratum=2", "ntp.ppoll=10", "ntp.precision=", "ntp.xmt=");
        assertTrue(hasAnomaly(f, Anomaly.Kind.TRUNCATED));
    }
}
