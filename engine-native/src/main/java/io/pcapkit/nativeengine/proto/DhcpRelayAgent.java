package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;
import io.pcapkit.model.Fields;
import io.pcapkit.nativeengine.decode.DecodeContext;

/**
 * The sub-options of DHCP option 82, Relay Agent Information (RFC 3046 and the sub-options added since: RFC 3527
 * link selection, RFC 3993 subscriber id, RFC 5107 server identifier override, RFC 6925 relay id), with tshark
 * 4.0's {@code dhcp.option.agent_information_option.*} fields. At most {@link DecodeContext#MAX_OPTIONS}.
 */
final class DhcpRelayAgent {
    private static final String P = "dhcp.option.agent_information_option.";
    static final FieldDef SUBOPTION = Fields.uint(P + "suboption", "Agent Information Option", 8);
    static final FieldDef LENGTH = Fields.uint("dhcp.option.suboption_length", "Length", 8);
    static final FieldDef VALUE = Fields.bytes(P + "value", "Value");
    static final FieldDef CIRCUIT_ID = Fields.bytes(P + "agent_circuit_id", "Agent Circuit ID");
    static final FieldDef REMOTE_ID = Fields.bytes(P + "agent_remote_id", "Agent Remote ID");
    static final FieldDef LINK_SELECTION = Fields.ipv4(P + "link_selection", "Link selection");
    static final FieldDef SUBSCRIBER_ID = Fields.string(P + "subscriber_id", "Subscriber ID");
    static final FieldDef SERVER_ID_OVERRIDE = Fields.ipv4(P + "server_id_override", "Server ID Override");
    static final FieldDef RELAY_AGENT_ID = Fields.bytes(P + "relay_agent_id", "Relay Agent Identifier");

    private DhcpRelayAgent() { }

    static void decode(DecodeContext c, int v, int len) {
        int p = 0;
        for (int n = 0; p + 2 <= len; n++) {
            if (n == c.maxOptions()) {
                c.anomaly(Anomaly.Kind.LIMIT, v + p, "more than " + c.maxOptions() + " relay agent sub-options");
                return;
            }
            int at = v + p;
            int code = c.u8(at), slen = c.u8(at + 1);
            if (p + 2 + slen > len) {
                c.anomaly(Anomaly.Kind.BAD_LENGTH, at, "relay agent sub-option " + code + " runs past option 82");
                return;
            }
            int d = at + 2;
            c.out().beginGroup(SUBOPTION, code, at, 2 + slen);
            c.add(LENGTH, slen, at + 1, 1);
            if (slen > 0) c.ref(VALUE, d, slen);
            switch (code) {
                case 1 -> c.ref(CIRCUIT_ID, d, slen);
                case 2 -> c.ref(REMOTE_ID, d, slen);
                case 5 -> {
                    if (slen == 4) c.add(LINK_SELECTION, c.u32(d), d, 4);
                }
                case 6 -> c.out().addObject(SUBSCRIBER_ID, DhcpDecoder.zeroTerminated(c, d, slen), d, slen);
                case 11 -> {
                    if (slen == 4) c.add(SERVER_ID_OVERRIDE, c.u32(d), d, 4);
                }
                case 12 -> c.ref(RELAY_AGENT_ID, d, slen);
                default -> { }
            }
            c.out().endGroup();
            p += 2 + slen;
        }
    }
}
