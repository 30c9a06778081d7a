package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldDef;
import io.pcapkit.model.IpProtocol;
import io.pcapkit.model.Fields;
import io.pcapkit.model.Protocol;
import io.pcapkit.model.Protocols;

/** IPv6 Destination Options header (RFC 8200 §4.6); its options are the same TLVs as Hop-by-Hop's. */
public final class Ipv6DstOptsDecoder extends Ipv6OptionsHeader {
    static final FieldDef NXT = Fields.uint("ipv6.dstopts.nxt", "Next Header", 8, IpProtocol.names());
    static final FieldDef LEN = Fields.uint("ipv6.dstopts.len", "Length", 8);
    static final FieldDef LEN_OCT = Fields.uint("ipv6.dstopts.len_oct", "Length", 16);

    public Ipv6DstOptsDecoder() { super(NXT, LEN, LEN_OCT); }

    @Override public Protocol protocol() { return Protocols.IPV6_DSTOPTS; }
}
