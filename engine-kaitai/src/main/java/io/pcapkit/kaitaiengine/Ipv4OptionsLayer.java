package io.pcapkit.kaitaiengine;

import io.pcapkit.kaitaiengine.gen.Ipv4;
import io.pcapkit.model.Anomaly;
import io.pcapkit.model.FieldDef;

/**
 * IPv4 options (ipv4.ksy {@code option}), one generated parse per option. Mapped: the type octet with its copy,
 * class and number bits, the length, Router Alert, and the addresses of Record Route and the source routes.
 */
final class Ipv4OptionsLayer {
    static final FieldDef TYPE = Catalog.field("ip.opt.type");
    static final FieldDef TYPE_COPY = Catalog.field("ip.opt.type.copy");
    static final FieldDef TYPE_CLASS = Catalog.field("ip.opt.type.class");
    static final FieldDef TYPE_NUMBER = Catalog.field("ip.opt.type.number");
    static final FieldDef LEN = Catalog.field("ip.opt.len");
    static final FieldDef RA = Catalog.field("ip.opt.ra");
    static final FieldDef ADDR = Catalog.field("ip.opt.addr");

    /** 40 option bytes at most: 40 one-byte options bound the walk. */
    private static final int MAX_OPTIONS = 40;

    private Ipv4OptionsLayer() { }

    static void decode(Packet p, int off, int len) {
        int at = off, end = off + len;
        for (int count = 0; at < end && count < MAX_OPTIONS; count++) {
            Ipv4.Option o;
            try {
                o = new Ipv4.Option(p.at(at));
            } catch (RuntimeException e) {
                p.b.anomaly(Anomaly.Kind.BAD_LENGTH, at, "IPv4 option at " + at + " runs past the header");
                return;
            }
            int t = o.type();
            if (o.isSingleOctet()) {
                type(p, o, t, at);
                at++;
                if (t == 0) return;
                continue;
            }
            int olen = o.length();
            if (olen < 2 || olen > end - at) {
                p.b.anomaly(Anomaly.Kind.BAD_LENGTH, at, "IPv4 option " + t + " has a bad length " + olen);
                return;
            }
            type(p, o, t, at);
            p.b.add(LEN, olen, at + 1, 1);
            switch (t) {
                case 148 -> { if (olen == 4) p.b.add(RA, p.u16(at + 2), at + 2, 2); }
                case 7, 131, 137 -> {
                    // RFC 791: a pointer octet, then the route's addresses
                    for (int a = at + 3; a + 4 <= at + olen; a += 4) p.b.add(ADDR, p.u32(a), a, 4);
                }
                default -> { }
            }
            at += olen;
        }
    }

    private static void type(Packet p, Ipv4.Option o, int t, int at) {
        p.b.beginGroup(TYPE, t, at, 1);
        p.b.add(TYPE_COPY, o.copied() ? 1 : 0, at, 1);
        p.b.add(TYPE_CLASS, o.optionClass(), at, 1);
        p.b.add(TYPE_NUMBER, o.number(), at, 1);
        p.b.endGroup();
    }
}
