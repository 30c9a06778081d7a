package io.pcapkit.nativeengine.decode;

import io.pcapkit.spi.EngineException;

import java.util.List;
import java.util.Locale;

/**
 * {@code --decode-as} rules applied to a registry. Accepts tshark's syntax {@code tcp.port==50051,http2} and the
 * short form {@code udp.port=8472:vxlan}. The selector names a dispatch table, the value its key, the last part
 * a protocol (pcapkit name or Wireshark abbreviation) whose decoder takes the key.
 */
public final class DecodeAs {
    private DecodeAs() { }

    public static void apply(DecoderRegistry registry, List<String> rules) {
        for (String rule : rules) apply(registry, rule);
    }

    static void apply(DecoderRegistry registry, String rule) {
        String r = rule.trim();
        int sep = r.indexOf("==");
        int sepLen = 2;
        if (sep < 0) {
            sep = r.indexOf('=');
            sepLen = 1;
        }
        int comma = Math.max(r.lastIndexOf(','), r.lastIndexOf(':'));
        if (sep <= 0 || comma <= sep + sepLen) throw bad(rule, "expected SELECTOR==VALUE,PROTOCOL");
        String selector = r.substring(0, sep).trim().toLowerCase(Locale.ROOT);
        String value = r.substring(sep + sepLen, comma).trim();
        String proto = r.substring(comma + 1).trim();
        Dispatch table = switch (selector) {
            case "tcp.port" -> Dispatch.TCP_PORT;
            case "udp.port" -> Dispatch.UDP_PORT;
            case "sctp.port" -> Dispatch.SCTP_PORT;
            case "sctp.ppi" -> Dispatch.SCTP_PPI;
            case "eth.type", "ethertype" -> Dispatch.ETHERTYPE;
            case "ip.proto", "ipv6.nxt" -> Dispatch.IP_PROTO;
            case "wtap_encap", "link_type", "linktype" -> Dispatch.LINK_TYPE;
            default -> throw bad(rule, "unknown selector '" + selector + "' (tcp.port, udp.port, sctp.port, sctp.ppi, eth.type, ip.proto, link_type)");
        };
        LayerDecoder d = registry.byProtocol(proto);
        if (d == null && !proto.equalsIgnoreCase("data") && !proto.equalsIgnoreCase("raw")) {
            throw bad(rule, "no decoder for protocol '" + proto + "'");
        }
        int lo, hi;
        try {
            int dash = value.indexOf('-');
            lo = parseInt(dash < 0 ? value : value.substring(0, dash));
            hi = dash < 0 ? lo : parseInt(value.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw bad(rule, "'" + value + "' is not a number");
        }
        if (lo < 0 || hi >= table.size() || lo > hi) throw bad(rule, "value out of range 0.." + (table.size() - 1));
        for (int k = lo; k <= hi; k++) registry.override(table, k, d);
    }

    private static int parseInt(String s) {
        s = s.trim();
        return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
    }

    private static EngineException bad(String rule, String why) {
        return new EngineException("bad --decode-as '" + rule + "': " + why);
    }
}
