package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.model.Fields;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.pcapkit.nativeengine.proto.TestFrames.decode;
import static io.pcapkit.nativeengine.proto.TestFrames.fitLengths;
import static io.pcapkit.nativeengine.proto.TestFrames.hex;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input never throws: the decoders of the UDP applications get real messages with random bytes changed,
 * cut at random places, and random payloads, on each of their ports (a fixed seed: the run is repeatable). Every
 * frame must decode and print all its fields.
 */
class UdpApplicationsRobustnessTest {
    /** Real messages (the corpus frames of the decoder tests), Ethernet + IPv4 + UDP/TCP headers included. */
    static final List<String> SEEDS = List.of(
            DnsDecoderTest.UDP_RESPONSE, DnsDecoderTest.TCP_QUERY, DnsDecoderTest.URI_RESPONSE,
            DhcpDecoderTest.OFFER, NtpDecoderTest.CLIENT, DnsDecoderTest.LLMNR_QUERY);
    /** UDP ports of the decoders, with a payload offset of 42 (Ethernet + IPv4 + UDP). */
    static final int[] UDP_PORTS = {53, 5353, 5355, 67, 68, 546, 547, 123};

    @Test void mutatedMessagesDecodeWithoutThrowing() {
        SplittableRandom rnd = new SplittableRandom(20261126);
        FieldColumns everything = new FieldColumns(Fields.all().stream().map(d -> d.name()).toList());
        int frames = 0;
        for (String seed : SEEDS) {
            byte[] base = hex(seed);
            for (int i = 0; i < 300; i++) {
                byte[] b = base.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = 42 + rnd.nextInt(Math.max(1, b.length - 42));
                    if (at < b.length) b[at] = (byte) rnd.nextInt(256);
                }
                int len = rnd.nextInt(4) == 0 ? 42 + rnd.nextInt(Math.max(1, b.length - 41)) : b.length;
                Frame f = decode(TestFrames.ETHERNET, java.util.Arrays.copyOf(b, Math.min(len, b.length)), b.length);
                everything.load(f);
                frames++;
            }
        }
        assertTrue(frames > 0);
    }

    @Test void randomPayloadsOnEveryPortDecodeWithoutThrowing() {
        SplittableRandom rnd = new SplittableRandom(5353);
        String head = DnsDecoderTest.QUERY.substring(0, 2 * 42);
        FieldColumns everything = new FieldColumns(Fields.all().stream().map(d -> d.name()).toList());
        for (int port : UDP_PORTS) {
            for (int i = 0; i < 250; i++) {
                byte[] p = new byte[rnd.nextInt(400)];
                for (int k = 0; k < p.length; k++) p[k] = (byte) rnd.nextInt(256);
                // small values are where lengths, counts and pointers bite: bias some payloads towards them
                if (i % 2 == 0) for (int k = 0; k < p.length; k++) p[k] = (byte) (p[k] & 0x0F);
                String frame = TestFrames.change(head, 34, String.format("%04x%04x", 40000, port))
                        + java.util.HexFormat.of().formatHex(p);
                Frame f = decode(TestFrames.ETHERNET, fitLengths(frame));
                everything.load(f);
            }
        }
    }
}
