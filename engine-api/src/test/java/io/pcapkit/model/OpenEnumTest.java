package io.pcapkit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value names that field declarations take from the open enums agree with the enums' own lookups. */
class OpenEnumTest {
    @Test void etherTypeNamesMatchEveryCode() {
        int known = 0;
        for (int code = 0; code <= 0xFFFF; code++) {
            EtherType t = EtherType.valueOf(code);
            assertEquals(t.isKnown() ? t.name() : null, EtherType.names().name(code), "0x" + Integer.toHexString(code));
            if (t.isKnown()) known++;
        }
        assertEquals(23, known);
        assertEquals("IPv4", EtherType.names().name(0x0800));
        assertEquals("802.1Q", EtherType.names().name(0x8100));
    }

    @Test void ipProtocolAndLinkTypeNamesMatchEveryCode() {
        for (int code = 0; code <= 0xFF; code++) {
            IpProtocol p = IpProtocol.valueOf(code);
            assertEquals(p.isKnown() ? p.name() : null, IpProtocol.names().name(code), "protocol " + code);
        }
        for (int code = 0; code <= 0xFFFF; code++) {
            LinkType l = LinkType.valueOf(code);
            assertEquals(l.isKnown() ? l.name() : null, LinkType.names().name(code), "link type " + code);
        }
        assertEquals("TCP", IpProtocol.names().name(6));
        assertTrue(LinkType.valueOf(1).isKnown());
    }

    @Test void namesAreBuiltOncePerTable() {
        assertSame(EtherType.names(), EtherType.names());
        assertSame(IpProtocol.names(), IpProtocol.names());
    }
}
