package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.nativeengine.decode.Registrations;
import io.pcapkit.nativeengine.diff.Corpus;
import io.pcapkit.nativeengine.diff.Tshark;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineOptions;
import io.pcapkit.spi.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.pcapkit.nativeengine.proto.TcpSegments.ascii;
import static io.pcapkit.nativeengine.proto.TestFrames.assertCells;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * FTP. The corpus' only FTP segment sits in an IP first fragment (zeek/ipv4/fragmented-3.pcap), so the session here
 * is built from RFC 959's commands and replies (section 4.2's reply texts, 5.3's command syntax) and RFC 2428's
 * EPRT/EPSV, in one TCP connection to port 21 plus one FTP-DATA segment from port 20; its fields are checked against
 * tshark run live on the same bytes, and a few are spelled out.
 */
class FtpDecoderTest {
    /** Client (true) or server (false), then the segment's text. */
    static final Object[][] SESSION = {
            {false, "220-Service ready\r\n Welcome to the test server\r\n220 Ready for new user\r\n"},
            {true, "USER anonymous\r\n"}, {false, "331 User name okay, need password.\r\n"},
            {true, "PASS guest@\r\n"}, {false, "230 User logged in, proceed.\r\n"},
            {true, "SYST\r\n"}, {false, "215 UNIX Type: L8\r\n"},
            {true, "CWD /pub\r\n"}, {false, "250 Requested file action okay, completed.\r\n"},
            {true, "TYPE I\r\n"}, {false, "200 Command okay.\r\n"},
            {true, "PASV\r\n"}, {false, "227 Entering Passive Mode (192,168,1,20,195,80).\r\n"},
            {true, "PORT 192,168,1,10,7,138\r\n"}, {false, "200 PORT command successful.\r\n"},
            {true, "EPSV\r\n"}, {false, "229 Entering Extended Passive Mode (|||50000|)\r\n"},
            {true, "EPRT |1|192.168.1.10|6275|\r\n"}, {false, "200 EPRT command successful.\r\n"},
            {true, "PORT 10,0,0,1,7,138\r\n"}, {false, "200 PORT command successful.\r\n"},
            {true, "RETR README\r\n"}, {false, "150 File status okay; about to open data connection.\r\n"},
            {false, "226 Closing data connection.\r\n"},
            {true, "QUIT\r\n"}, {false, "221 Service closing control connection.\r\n"}};

    static final List<String> FIELDS = List.of("ftp.request", "ftp.response", "ftp.request.command",
            "ftp.request.arg", "ftp.response.code", "ftp.response.arg", "ftp.passive.ip", "ftp.passive.port",
            "ftp.passive.nat", "ftp.active.cip", "ftp.active.port", "ftp.active.nat", "ftp.epsv.ip",
            "ftp.epsv.port", "ftp.eprt.af", "ftp.eprt.ip", "ftp.eprt.port");

    static byte[][] frames() {
        byte[][] out = new byte[SESSION.length + 1][];
        long cseq = 1000, sseq = 5000;
        for (int i = 0; i < SESSION.length; i++) {
            byte[] text = ascii((String) SESSION[i][1]);
            if ((Boolean) SESSION[i][0]) {
                out[i] = TcpSegments.frame(TcpSegments.CLIENT, TcpSegments.SERVER, 40000, 21, cseq, text);
                cseq += text.length;
            } else {
                out[i] = TcpSegments.frame(TcpSegments.SERVER, TcpSegments.CLIENT, 21, 40000, sseq, text);
                sseq += text.length;
            }
        }
        out[SESSION.length] = TcpSegments.frame(TcpSegments.SERVER, TcpSegments.CLIENT, 20, 40001, 9000,
                ascii("hello over ftp-data\n"));
        return out;
    }

    @Test void commandsRepliesAndDataAddresses() {
        Frame[] f = TcpSegments.decodeAll(Registrations.standard(), frames());
        assertEquals("Ethernet:IPv4:TCP:FTP", f[0].protochain());
        // a multi-line reply: the first line's code and text are the fields
        assertCells(f[0], "ftp.response=1", "ftp.request=0", "ftp.response.code=220",
                "ftp.response.arg=Service ready");
        assertCells(f[1], "ftp.request=1", "ftp.request.command=USER", "ftp.request.arg=anonymous");
        assertCells(f[5], "ftp.request.command=SYST", "ftp.request.arg=");
        assertCells(f[12], "ftp.response.code=227", "ftp.passive.ip=192.168.1.20", "ftp.passive.port=50000",
                "ftp.passive.nat=");
        assertCells(f[13], "ftp.active.cip=192.168.1.10", "ftp.active.port=1930", "ftp.active.nat=");
        assertCells(f[16], "ftp.epsv.ip=192.168.1.20", "ftp.epsv.port=50000");
        assertCells(f[17], "ftp.eprt.af=1", "ftp.eprt.ip=192.168.1.10", "ftp.eprt.port=6275");
        assertCells(f[19], "ftp.active.cip=10.0.0.1", "ftp.active.nat=1"); // not the sender's address: NAT
        assertEquals("Ethernet:IPv4:TCP:FTP-DATA:Raw", f[SESSION.length].protochain());
    }

    @Test void aReplyWithoutCodeIsText() {
        Frame f = TcpSegments.decodeAll(Registrations.standard(),
                TcpSegments.frame(TcpSegments.SERVER, TcpSegments.CLIENT, 21, 40000, 1, ascii(" more text\r\n")))[0];
        assertCells(f, "ftp.response=1", "ftp.response.code=", "ftp.response.arg= more text");
    }

    @Test void theSessionAgreesWithTsharkLive(@TempDir Path dir) throws IOException {
        Corpus.assumeTshark();
        Path pcap = dir.resolve("ftp-rfc959.pcap");
        Files.write(pcap, TcpSegments.pcap(frames()));
        List<String[]> theirs = Tshark.fields(pcap, FIELDS).rows();
        List<String[]> ours = new ArrayList<>();
        try (Engine e = new NativeEngineProvider().create(EngineOptions.defaults()); FrameSource src = e.open(pcap)) {
            FieldColumns cols = new FieldColumns(FIELDS);
            for (Frame f = src.next(); f != null; f = src.next()) {
                cols.load(f);
                String[] row = new String[FIELDS.size()];
                for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                ours.add(row);
            }
        }
        assertEquals(theirs.size(), ours.size());
        for (int r = 0; r < ours.size(); r++) {
            for (int c = 0; c < FIELDS.size(); c++) {
                String t = c < theirs.get(r).length ? theirs.get(r)[c] : "";
                assertEquals(t, ours.get(r)[c], "frame " + (r + 1) + " " + FIELDS.get(c));
            }
        }
    }
}
