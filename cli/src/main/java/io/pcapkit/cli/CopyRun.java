package io.pcapkit.cli;

import io.pcapkit.libpcap.Capture;
import io.pcapkit.libpcap.Packet;
import io.pcapkit.libpcap.PacketCopyWriter;
import io.pcapkit.libpcap.PcapException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code -f pcap} / {@code -f pcapng}: the capture's records copied unchanged (a filtered copy with --filter), read and
 * filtered by libpcap as {@code tcpdump -r IN -w OUT EXPR} does, from a file or a live interface. Nothing is decoded,
 * so the engine options do not apply. Written through {@link PacketCopyWriter} until {@code formats} has PCAP/PCAPNG
 * writers of its own.
 */
final class CopyRun {
    private CopyRun() { }

    /** The copy format {@code -f NAME} asks for, or null for a document format. */
    static PacketCopyWriter.Kind kind(String format) {
        if (format == null) return null;
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "pcap" -> PacketCopyWriter.Kind.PCAP;
            case "pcapng" -> PacketCopyWriter.Kind.PCAPNG;
            default -> null;
        };
    }

    static int run(PacketCopyWriter.Kind kind, CaptureOptions cap, String input, String output, long count,
                   OutputStream stdout, PrintStream err) throws IOException {
        Capture c;
        if (cap.live()) {
            c = cap.openLive(count);
        } else {
            if (input.equals("-")) {
                throw new PcapkitCommand.UsageException("-f " + kind.name().toLowerCase(Locale.ROOT)
                        + " copies a file or an interface, not standard input");
            }
            try {
                c = Capture.file(Path.of(input), cap.filter, nanosecondFile(Path.of(input)), count);
            } catch (PcapException e) {
                throw new PcapkitCommand.UsageException(e.getMessage());
            }
        }
        try (c) {
            OutputTarget target;
            try {
                target = output == null ? OutputTarget.stdout(stdout) : OutputTarget.file(Path.of(output));
            } catch (IOException e) {
                err.println("pcapkit: " + output + ": cannot write: " + e.getMessage());
                return Cli.DAMAGED;
            }
            PcapException readError = null;
            boolean committed = false;
            try {
                PacketCopyWriter w = PacketCopyWriter.open(kind, target.stream(), c.pcap(), cap.device);
                while (true) {
                    Packet p;
                    try {
                        p = c.next();
                    } catch (PcapException e) {
                        readError = e;   // a damaged file: what was read is kept, as for documents
                        break;
                    }
                    if (p == null) break;
                    w.write(p);
                }
                w.flush();
                target.commit();
                committed = true;
            } catch (IOException e) {
                if (target.isStdout()) return Cli.OK;   // the reader went away (`| head`)
                err.println("pcapkit: " + target.name() + ": cannot write: " + e.getMessage());
                return Cli.DAMAGED;
            } finally {
                if (!committed) target.abort();
            }
            cap.report(err);
            if (readError != null) {
                err.println("pcapkit: " + readError.getMessage());
                return Cli.DAMAGED;
            }
            return Cli.OK;
        }
    }

    /**
     * Whether to keep nanoseconds: for a nanosecond PCAP (either byte order) and for PCAPNG, whose resolution is per
     * interface. A microsecond PCAP is copied in microseconds, byte for byte as tcpdump -w writes it.
     */
    private static boolean nanosecondFile(Path file) {
        byte[] m = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(m, 0, 4) < 4) return false;
        } catch (IOException e) {
            return false;   // libpcap's open reports it with its own words
        }
        int be = ((m[0] & 0xFF) << 24) | ((m[1] & 0xFF) << 16) | ((m[2] & 0xFF) << 8) | (m[3] & 0xFF);
        return be == 0xa1b23c4d || be == 0x4d3cb2a1 || be == 0x0a0d0d0a;
    }
}
