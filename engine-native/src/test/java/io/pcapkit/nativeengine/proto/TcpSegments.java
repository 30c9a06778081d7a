package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.decode.DecoderRegistry;
import io.pcapkit.nativeengine.decode.FrameDecoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds Ethernet/IPv4/TCP frames around a payload, for the TCP application tests whose protocol the corpus lacks
 * or whose malformed cases no capture holds; and decodes several frames with one decoder, as a capture is decoded
 * (the HTTP/2 tests need the connection's HPACK tables to carry over).
 */
final class TcpSegments {
    static final byte[] CLIENT = {(byte) 192, (byte) 168, 1, 10}, SERVER = {(byte) 192, (byte) 168, 1, 20};

    private TcpSegments() { }

    static byte[] ascii(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    /** An Ethernet II / IPv4 / TCP (PSH, ACK) frame carrying {@code payload}. */
    static byte[] frame(byte[] src, byte[] dst, int srcPort, int dstPort, long seq, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.put(TestFrames.hex("020000000002 020000000001 0800"));
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        int sum = 0;
        for (int i = ip; i < ip + 20; i += 2) sum += ((b.get(i) & 0xFF) << 8) | (b.get(i + 1) & 0xFF);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >>> 16);
        b.putShort(ip + 10, (short) ~sum);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt(1).put((byte) 0x50)
                .put((byte) 0x18).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    /** A client-to-server segment of the test connection (client port 40000). */
    static byte[] toServer(int serverPort, byte[] payload) {
        return frame(CLIENT, SERVER, 40000, serverPort, 1000, payload);
    }

    static byte[] toClient(int serverPort, byte[] payload) {
        return frame(SERVER, CLIENT, serverPort, 40000, 5000, payload);
    }

    /** Decodes one Ethernet frame through the standard registry. */
    static Frame decode(byte[] frame) {
        return TestFrames.decode(TestFrames.ETHERNET, frame, frame.length);
    }

    /** Decodes frames in order with one decoder of {@code registry}; returns detached copies. */
    static Frame[] decodeAll(DecoderRegistry registry, byte[]... frames) {
        FrameDecoder d = new FrameDecoder(registry, null, null);
        Frame[] out = new Frame[frames.length];
        for (int i = 0; i < frames.length; i++) {
            out[i] = d.decode(new Frame(), i + 1, 0, frames[i].length, frames[i].length, LinkType.valueOf(1), 0,
                    frames[i], 0);
        }
        return out;
    }

    /** A little-endian microsecond pcap file of Ethernet frames. */
    static byte[] pcap(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        for (int i = 0; i < frames.length; i++) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(1_700_000_000 + i).putInt(0).putInt(frames[i].length).putInt(frames[i].length);
            out.writeBytes(r.array());
            out.writeBytes(frames[i]);
        }
        return out.toByteArray();
    }
}
