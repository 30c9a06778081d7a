package io.pcapkit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound flags (docs/limits.md) reach the engines and the reassembly: the default bites on a crafted capture, a
 * flag moves it, and a bound asked of an engine that has none is a usage error. The capture is built here: one
 * Ethernet frame with 60 stacked 802.1Q tags (IEEE 802.1Q), then TCP SYNs of 5 connections.
 */
class LimitOptionsTest {
    @TempDir Path tmp;

    /** A little-endian microsecond PCAP (Ethernet) of the given frames. */
    private Path pcap(byte[]... frames) throws IOException {
        int size = 24;
        for (byte[] f : frames) size += 16 + f.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        int t = 0;
        for (byte[] f : frames) b.putInt(1_700_000_000 + t++).putInt(0).putInt(f.length).putInt(f.length).put(f);
        return Files.write(tmp.resolve("limits.pcap"), b.array());
    }

    private static byte[] vlanStack(int tags) {
        byte[] f = new byte[14 + 4 * tags + 8];
        f[12] = (byte) 0x81;
        for (int i = 0; i < tags; i++) {
            int t = 14 + 4 * i;
            f[t + 1] = (byte) (i + 1);
            boolean last = i == tags - 1;
            f[t + 2] = (byte) (last ? 0x88 : 0x81);
            f[t + 3] = (byte) (last ? 0xB5 : 0x00);
        }
        return f;
    }

    /** Ethernet + IPv4 + TCP SYN from 10.0.0.1:{@code port} to 10.0.0.2:80. */
    private static byte[] syn(int port) {
        byte[] f = new byte[54];
        f[12] = 0x08;
        f[14] = 0x45;
        f[17] = 40;
        f[22] = 64;
        f[23] = 6;
        f[26] = 10; f[29] = 1;
        f[30] = 10; f[33] = 2;
        f[34] = (byte) (port >> 8); f[35] = (byte) port;
        f[37] = 80;
        f[41] = 1;
        f[46] = 0x50;
        f[47] = 0x02;
        f[48] = (byte) 0xFF;
        return f;
    }

    @Test void maxLayersMovesWhereTheChainIsCut() throws IOException {
        Path p = pcap(vlanStack(60));
        CliRun d = CliRun.of(p.toString(), "-e", "frame.protocols");
        assertEquals(0, d.code(), d.err());
        assertEquals(47, d.out().strip().split(":vlan", -1).length - 1, d.out());

        CliRun five = CliRun.of(p.toString(), "--max-layers", "5", "-j");
        assertEquals(0, five.code(), five.err());
        assertTrue(five.out().contains("more than 5 layers"), five.out());
        assertTrue(five.out().contains("\"protocols\": \"Ethernet:VLAN:VLAN:VLAN:VLAN:Raw\""), five.out());
    }

    @Test void aBoundOfAnotherEngineOrBelowOneIsAUsageError() throws IOException {
        Path p = pcap(syn(1000));
        CliRun r = CliRun.of(p.toString(), "-E", "kaitai", "--max-options", "4");
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().contains("--max-options is a bound of the native engine"), r.err());
        CliRun zero = CliRun.of(p.toString(), "--max-layers", "0");
        assertEquals(Cli.USAGE, zero.code());
        assertTrue(zero.err().contains("--max-layers must be at least 1"), zero.err());
        CliRun small = CliRun.of(p.toString(), "--max-frame-bytes", "60", "-e", "frame.len");
        assertEquals(Cli.USAGE, small.code(), small.err());
    }

    @Test void maxFrameBytesMakesABiggerRecordAFileError() throws IOException {
        Path p = pcap(syn(1000), vlanStack(60));
        CliRun r = CliRun.of(p.toString(), "--max-frame-bytes", "64", "-e", "frame.len");
        assertEquals(Cli.DAMAGED, r.code(), r.err());
        assertEquals("54", r.out().strip(), "the record within the bound is written first");
        assertTrue(r.err().contains("exceeds the 64-byte limit"), r.err());
    }

    @Test void traceCountsTheFlowsBeyondMaxFlows() throws IOException {
        Path p = pcap(syn(1000), syn(1001), syn(1002), syn(1003), syn(1004));
        Path out = tmp.resolve("flows");
        CliRun r = CliRun.of("trace", "-o", out.toString(), "--max-flows", "2", p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("bounds hit: flows.untraced=3, flows.untraced_frames=3"), r.err());
        String index = Files.readString(out.resolve("index.json"));
        assertTrue(index.contains("\"untraced_flows\": 3, \"untraced_frames\": 3"), index);
        try (var files = Files.list(out)) {
            assertEquals(3, files.count(), "two flow files and the index");
        }

        Path all = tmp.resolve("all");
        CliRun wide = CliRun.of("trace", "-o", all.toString(), p.toString());
        assertEquals("", wide.err());
        assertTrue(Files.readString(all.resolve("index.json")).contains("\"untraced_flows\": 0"));
    }

    @Test void reassembleTakesTheConnectionBound() throws IOException {
        Path p = pcap(syn(1000), syn(1001), syn(1002), syn(1003), syn(1004));
        Path out = tmp.resolve("r");
        CliRun r = CliRun.of("reassemble", "--tcp", "--max-tcp-connections", "2", "-o", out.toString(), p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("tcp.connections_evicted=3"), r.err());
        assertTrue(Files.readString(out.resolve("index.json")).contains("\"tcp.connections_evicted\": 3"));
    }
}
