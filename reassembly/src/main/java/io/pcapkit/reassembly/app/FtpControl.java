package io.pcapkit.reassembly.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** FTP control connection (RFC 959): commands from the client, numbered replies from the server, one per line. */
final class FtpControl {
    static final int MAX_LINES = 100_000;
    private static final Pattern REPLY = Pattern.compile("^[1-5][0-5][0-9][ -].*");
    private static final Pattern COMMAND = Pattern.compile("^(USER|PASS|ACCT|CWD|CDUP|QUIT|PORT|PASV|EPRT|EPSV|TYPE|STRU|MODE"
            + "|RETR|STOR|STOU|APPE|ALLO|REST|RNFR|RNTO|ABOR|DELE|RMD|MKD|PWD|LIST|NLST|SITE|SYST|STAT|HELP|NOOP|FEAT"
            + "|OPTS|AUTH|PBSZ|PROT|SIZE|MDTM|MLSD|MLST)( .*)?$", Pattern.CASE_INSENSITIVE);

    private FtpControl() { }

    /** A server greeting "220 …" or a client's first command. */
    static boolean detect(byte[] b, boolean server) {
        int e = Bytes.crlf(b, 0, Math.min(b.length, 512));
        if (e < 0) return false;
        String line = Bytes.latin1(b, 0, e);
        return server ? line.startsWith("220") && REPLY.matcher(line).matches() : COMMAND.matcher(line).matches();
    }

    static List<AppMessage> parse(int stream, boolean server, byte[] b) {
        List<AppMessage> out = new ArrayList<>();
        int at = 0;
        while (at < b.length && out.size() < MAX_LINES) {
            int e = Bytes.crlf(b, at, b.length);
            if (e < 0) break;
            String line = Bytes.latin1(b, at, e);
            Map<String, Object> f = new LinkedHashMap<>();
            if (server && REPLY.matcher(line).matches()) {
                f.put("code", Integer.parseInt(line.substring(0, 3)));
                f.put("continued", line.charAt(3) == '-');
                f.put("text", line.substring(4));
            } else if (!server && COMMAND.matcher(line).matches()) {
                int sp = line.indexOf(' ');
                f.put("command", (sp < 0 ? line : line.substring(0, sp)).toUpperCase(java.util.Locale.ROOT));
                f.put("argument", sp < 0 ? "" : line.substring(sp + 1));
            } else {
                f.put("line", line);
            }
            out.add(new AppMessage(stream, server, "ftp", at, f, null));
            at = e + 2;
        }
        return out;
    }
}
