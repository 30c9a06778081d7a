package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The configuration options of a PPP control protocol (RFC 1661 section 6: type, length, data), walked as
 * Wireshark 4.0's {@code ppp_dissect_options} walks them. A known option of a valid length adds Wireshark's fields
 * (a node over the whole option, then type, length and value); an unknown option or a bad length adds none. A
 * length below 2 or past the end of the options stops the walk.
 */
public abstract class PppOptions {
    /** LCP options (RFC 1661, 1570, 1990 …). */
    public static final PppOptions LCP = new LcpOptions();
    /** IPCP options (RFC 1332, 1877, 2290). */
    public static final PppOptions IPCP = new IpcpOptions(false);
    /** IPV6CP options (RFC 5072). */
    public static final PppOptions IPV6CP = new IpcpOptions(true);
    /** For a control protocol whose options are not decoded here: the header and codes still are. */
    public static final PppOptions NONE = new PppOptions() {
        @Override String name() { return "PPP"; }

        @Override boolean option(DecodeContext c, int type, int o, int olen) { return true; }
    };

    /** The protocol's name, for anomaly messages. */
    abstract String name();

    /**
     * Adds the fields of the option {@code type} spanning {@code olen} bytes at {@code o} (type and length bytes
     * included, all captured); does nothing for a type this protocol does not know. False stops the walk.
     */
    abstract boolean option(DecodeContext c, int type, int o, int olen);

    /** Walks the {@code len} bytes of options at {@code at}, all captured. */
    final void walk(DecodeContext c, int at, int len) {
        int p = 0;
        for (int n = 0; p < len; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, at + p, "more than " + c.maxOptions() + " " + name()
                        + " options");
                return;
            }
            int type = c.u8(at + p);
            if (p + 1 == len) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at + p, name() + " option " + type + ": length byte past the end");
                return;
            }
            int olen = c.u8(at + p + 1);
            if (olen < 2) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at + p + 1, name() + " option " + type
                        + ": too-short option length " + olen);
                return;
            }
            if (p + olen > len) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at + p + 1, name() + " option " + type + ": length " + olen
                        + " goes past the end of the options");
                return;
            }
            if (!option(c, type, at + p, olen)) return;
            p += olen;
        }
    }

    /**
     * Whether a known option has the length its definition needs ({@code exact}: exactly {@code min}); records a
     * BAD_LENGTH anomaly otherwise. Wireshark adds no field for such an option and goes on with the next.
     */
    static boolean lengthOk(DecodeContext c, String what, int o, int olen, int min, boolean exact) {
        if (exact ? olen == min : olen >= min) return true;
        c.anomaly(Anomaly.Kind.BAD_LENGTH, o + 1, what + " option with length " + olen + (exact ? "; should be "
                : "; needs at least ") + min);
        return false;
    }
}
