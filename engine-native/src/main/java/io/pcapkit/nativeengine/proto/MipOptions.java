package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The mobility options after a Mobility Header message (RFC 6275 §6.2 and the RFCs that add option types). As in
 * Wireshark 4.0, each option is a node of its own ({@code mip6.options.*}, printed by tshark as the option's bytes)
 * holding its length and what {@link MipOptionBodies} reads from it; Pad1 is a one-byte node.
 */
final class MipOptions {
    static final FieldDef OPT = Fields.uint("mip6.mobility_opt", "Mobility Option", 8);
    static final FieldDef LEN = Fields.uint("mip6.mobility_opt.len", "Length", 8);
    static final FieldDef PAD1 = Fields.bytes("mip6.options.pad1", "Pad1");

    /** The node of each option type tshark knows, by type; null for the others. */
    private static final FieldDef[] NODES = new FieldDef[56];

    static {
        String[] abbrev = {null, "padn", "bra", "acoa", "ni", "bad_auth", "mnp", "mhlla", "mnid", "auth", "mseg_id",
                "cgapr", "cgar", "sign", "phkt", "coti", "cot", "dnsu", "em", "vsm", "ssm", "badff", "hnp", "hi",
                "att", "mnlli", "lla", "ts", "rc", "ipv4ha", "ipv4aa", "natd", "ipv4coa", "grek", "mhipv6ap", "bi",
                "ipv4hareq", "ipv4harep", "ipv4dra", "ipv4dsm", "cr", "lmaa", null, null, null, null, "recap",
                "redir", "load_inf", "alt_ip4", "mng", "mag_ipv6", "acc_net_id", null, null, "dmnp"};
        for (int t = 1; t < abbrev.length; t++) {
            if (abbrev[t] != null) NODES[t] = Fields.bytes("mip6.options." + abbrev[t], "MIPv6 Option " + t);
        }
    }

    private MipOptions() { }

    /**
     * Walks the options from {@code p} to {@code end} (the header length) within the captured bytes ending at
     * {@code capEnd}, for the Mobility Header at {@code mh}; false when an option runs past the captured bytes.
     */
    static boolean decode(DecodeContext c, int mh, int p, int end, int capEnd) {
        for (int n = 0; p < end; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, p, "more than " + c.maxOptions() + " mobility options");
                return true;
            }
            if (p >= capEnd) return false;
            int type = c.u8(p);
            if (type == 0) {
                c.out().beginGroup(PAD1, p, 1);
                c.out().endGroup();
                p++;
                continue;
            }
            if (p + 2 > end) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "mobility option " + type + ": length byte past the options");
                return true;
            }
            if (p + 2 > capEnd) return false;
            int olen = c.u8(p + 1);
            if (p + 2 + olen > capEnd) return false;
            FieldDef node = type < NODES.length ? NODES[type] : null;
            if (node == null) {
                // tshark's "Length" of an option it does not know is the Mobility Header's own length byte
                c.add(OPT, type, p, 1);
                c.add(LEN, c.u8(mh + 1), p + 1, 1);
            } else {
                c.out().beginGroup(node, p, 2 + olen);
                c.add(LEN, olen, p + 1, 1);
                MipOptionBodies.body(c, type, p, 2 + olen);
                c.out().endGroup();
                if (2 + olen < MipOptionBodies.need(c, type, p, 2 + olen)) {
                    c.anomaly(Anomaly.Kind.BAD_LENGTH, p, "mobility option " + type + " of " + olen + " bytes is too short");
                    return false;
                }
            }
            p += 2 + olen;
        }
        return true;
    }
}
