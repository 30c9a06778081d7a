package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Base;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.FieldType;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The data-connection endpoints FTP commands and replies carry: PORT and 227 "h1,h2,h3,h4,p1,p2" (RFC 959), EPRT
 * "|af|address|port|" and 229 "(|||port|)" (RFC 2428). tshark flags NAT when a PORT/PASV address is not the
 * packet's own source address.
 */
final class FtpAddresses {
    static final FieldDef PASSIVE_IP = Fields.ipv4("ftp.passive.ip", "Passive IP address");
    static final FieldDef PASSIVE_PORT = Fields.uint("ftp.passive.port", "Passive port", 16);
    static final FieldDef PASSIVE_NAT = Fields.define("ftp.passive.nat", "Passive IP NAT", FieldType.BOOL, Base.NONE,
            0, 0, null, "");
    static final FieldDef ACTIVE_IP = Fields.ipv4("ftp.active.cip", "Active IP address");
    static final FieldDef ACTIVE_PORT = Fields.uint("ftp.active.port", "Active port", 16);
    static final FieldDef ACTIVE_NAT = Fields.define("ftp.active.nat", "Active IP NAT", FieldType.BOOL, Base.NONE,
            0, 0, null, "");
    static final FieldDef EPRT_AF = Fields.uint("ftp.eprt.af", "Extended active address family", 8);
    static final FieldDef EPRT_IP = Fields.ipv4("ftp.eprt.ip", "Extended active IP address");
    static final FieldDef EPRT_PORT = Fields.uint("ftp.eprt.port", "Extended active port", 16);
    static final FieldDef EPSV_IP = Fields.ipv4("ftp.epsv.ip", "Extended passive IPv4 address");
    static final FieldDef EPSV_IPV6 = Fields.ipv6("ftp.epsv.ipv6", "Extended passive IPv6 address");
    static final FieldDef EPSV_PORT = Fields.uint("ftp.epsv.port", "Extended passive port", 16);

    private FtpAddresses() { }

    static void port(DecodeContext c, int p, int e) {
        long[] v = new long[6];
        if (sixNumbers(c, p, e, v) < 0) return;
        long ip = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
        c.add(ACTIVE_IP, ip, p, e - p);
        c.add(ACTIVE_PORT, v[4] * 256 + v[5], p, e - p);
        long src = TcpEndpoints.ipv4Source(c);
        if (src >= 0 && src != ip) c.add(ACTIVE_NAT, 1, p, 0);
    }

    /** 227: the first "h1,h2,h3,h4,p1,p2" in the text, wherever the server put it. */
    static void pasv(DecodeContext c, int p, int e) {
        long[] v = new long[6];
        for (int k = 0; k < c.maxOptions() && p < e; k++) {
            while (p < e && (c.u8(p) < '0' || c.u8(p) > '9')) p++;
            if (p >= e) return;
            int stop = sixNumbers(c, p, e, v);
            if (stop >= 0) {
                long ip = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
                c.add(PASSIVE_IP, ip, p, stop - p);
                c.add(PASSIVE_PORT, v[4] * 256 + v[5], p, stop - p);
                long src = TcpEndpoints.ipv4Source(c);
                if (src >= 0 && src != ip) c.add(PASSIVE_NAT, 1, p, 0);
                return;
            }
            while (p < e && c.u8(p) >= '0' && c.u8(p) <= '9') p++;
        }
    }

    /** Six comma-separated numbers of 0..255 at {@code p}: the offset after them, or -1. */
    private static int sixNumbers(DecodeContext c, int p, int e, long[] out) {
        for (int i = 0; i < 6; i++) {
            int s = p;
            while (p < e && c.u8(p) >= '0' && c.u8(p) <= '9' && p - s < 3) p++;
            if (p == s) return -1;
            out[i] = HttpText.decimal(c, s, p);
            if (out[i] > 255) return -1;
            if (i < 5) {
                if (p >= e || c.u8(p) != ',') return -1;
                p++;
            }
        }
        return p;
    }

    /** EPRT |af|address|port| (IPv4 addresses only have a field of tshark's own kind here). */
    static void eprt(DecodeContext c, int p, int e) {
        if (p >= e) return;
        int d = c.u8(p);
        int a = HttpText.indexOf(c, p + 1, e, d);
        int b = a < 0 ? -1 : HttpText.indexOf(c, a + 1, e, d);
        int z = b < 0 ? -1 : HttpText.indexOf(c, b + 1, e, d);
        if (z < 0) return;
        long af = HttpText.decimal(c, p + 1, a);
        if (af < 0) return;
        c.add(EPRT_AF, af, p + 1, a - p - 1);
        if (af == 1) {
            long ip = dotted(c, a + 1, b);
            if (ip >= 0) c.add(EPRT_IP, ip, a + 1, b - a - 1);
        }
        long port = HttpText.decimal(c, b + 1, z);
        if (port >= 0 && port <= 65535) c.add(EPRT_PORT, port, b + 1, z - b - 1);
    }

    /** 229 "(|||port|)": the server's own address (the packet's source) and the port. */
    static void epsv(DecodeContext c, int p, int e) {
        int open = HttpText.indexOf(c, p, e, '(');
        if (open < 0 || open + 5 > e) return;
        int d = c.u8(open + 1);
        if (c.u8(open + 2) != d || c.u8(open + 3) != d) return;
        int close = HttpText.indexOf(c, open + 4, e, d);
        if (close < 0) return;
        long port = HttpText.decimal(c, open + 4, close);
        if (port < 0 || port > 65535) return;
        long src = TcpEndpoints.ipv4Source(c);
        int v6 = TcpEndpoints.ipv6SourceOffset(c);
        if (src >= 0) c.add(EPSV_IP, src, open + 4, 0);
        else if (v6 >= 0) c.ref(EPSV_IPV6, v6, 16);
        c.add(EPSV_PORT, port, open + 4, close - open - 4);
    }

    /** A dotted IPv4 address in [p, e), or -1. */
    private static long dotted(DecodeContext c, int p, int e) {
        long ip = 0;
        for (int i = 0; i < 4; i++) {
            int s = p;
            while (p < e && c.u8(p) >= '0' && c.u8(p) <= '9' && p - s < 3) p++;
            long x = p == s ? -1 : HttpText.decimal(c, s, p);
            if (x < 0 || x > 255) return -1;
            ip = (ip << 8) | x;
            if (i < 3) {
                if (p >= e || c.u8(p) != '.') return -1;
                p++;
            }
        }
        return p == e ? ip : -1;
    }
}
