package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Anomaly;
import io.pcapkit.model.Frame;
import io.pcapkit.model.LinkType;
import io.pcapkit.nativeengine.NativeEngineProvider;
import io.pcapkit.spi.Engine;
import io.pcapkit.spi.EngineException;
import io.pcapkit.spi.EngineOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native engine's decode bounds (docs/limits.md): each one bites on a crafted frame at its default, and moving
 * it moves where it bites. The frames are built here (no capture holds 60 VLAN tags): their shapes follow
 * IEEE 802.1Q and RFC 8200 (Hop-by-Hop Pad1 options, Destination Options headers chained by next header 60).
 */
class DecodeLimitsTest {
    private static Frame decode(LinkType lt, byte[] bytes, String... extra) {
        EngineOptions.Builder b = EngineOptions.builder();
        for (int i = 0; i < extra.length; i += 2) b.extra(extra[i], extra[i + 1]);
        try (Engine e = new NativeEngineProvider().create(b.build())) {
            return e.decode(lt, bytes, 1, 0);
        }
    }

    private static List<Anomaly> limits(Frame f) {
        return f.anomalies().stream().filter(a -> a.kind() == Anomaly.Kind.LIMIT).toList();
    }

    /** Ethernet with {@code tags} 802.1Q tags (TPID 0x8100 each), then 8 bytes no one decodes. */
    private static byte[] vlanStack(int tags) {
        byte[] f = new byte[14 + 4 * tags + 8];
        f[12] = (byte) 0x81;
        for (int i = 0; i < tags; i++) {
            int t = 14 + 4 * i;
            f[t + 1] = (byte) (i + 1);                       // VLAN id
            boolean last = i == tags - 1;
            f[t + 2] = (byte) (last ? 0x88 : 0x81);          // the next TPID; the last one an unassigned EtherType
            f[t + 3] = (byte) (last ? 0xB5 : 0x00);
        }
        return f;
    }

    /** IPv6 (no payload after) with {@code n} empty Destination Options headers in a row, then No Next Header. */
    private static byte[] dstOptsChain(int n) {
        byte[] f = new byte[40 + 8 * n];
        f[0] = 0x60;
        f[4] = (byte) ((8 * n) >>> 8);
        f[5] = (byte) (8 * n);
        f[6] = 60;
        f[7] = 64;
        f[23] = 1;
        f[39] = 2;
        for (int i = 0; i < n; i++) {
            int h = 40 + 8 * i;
            f[h] = (byte) (i == n - 1 ? 59 : 60);
            f[h + 2] = 1;                                    // PadN covering the 6 bytes after the prologue
            f[h + 3] = 4;
        }
        return f;
    }

    /** IPv6 with one Hop-by-Hop header holding {@code pad1} Pad1 options (rounded up to 8 bytes with more). */
    private static byte[] hopByHopPads(int pad1) {
        int hl = (2 + pad1 + 7) / 8 * 8;
        byte[] f = new byte[40 + hl];
        f[0] = 0x60;
        f[4] = (byte) (hl >>> 8);
        f[5] = (byte) hl;
        f[6] = 0;
        f[7] = 64;
        f[40] = 59;
        f[41] = (byte) (hl / 8 - 1);
        return f;
    }

    @Test void layersBiteAtTheDefaultAndWhereTold() {
        Frame f = decode(LinkType.valueOf(1), vlanStack(60));
        assertEquals(1, limits(f).size(), f.anomalies().toString());
        assertTrue(limits(f).getFirst().message().contains("more than 48 layers"), limits(f).toString());
        assertEquals(49, f.layerCount());

        Frame wide = decode(LinkType.valueOf(1), vlanStack(60), DecodeLimits.LAYERS_KEY, "100");
        assertEquals(List.of(), limits(wide));
        assertEquals(62, wide.layerCount(), wide.protochain());   // Ethernet, 60 VLANs, Raw

        Frame narrow = decode(LinkType.valueOf(1), vlanStack(60), DecodeLimits.LAYERS_KEY, "5");
        assertEquals(1, limits(narrow).size());
        assertEquals(6, narrow.layerCount(), narrow.protochain());
        assertEquals("Raw", narrow.protocolAt(5).name());
    }

    @Test void extensionHeadersBiteAtSixteenAndWhereTold() {
        Frame f = decode(LinkType.IPV6, dstOptsChain(20));
        assertEquals(1, limits(f).size(), f.anomalies().toString());
        assertTrue(limits(f).getFirst().message().contains("more than 16 IPv6 extension headers"));

        assertEquals(List.of(), limits(decode(LinkType.IPV6, dstOptsChain(20), DecodeLimits.EXTENSION_HEADERS_KEY, "20")));

        Frame two = decode(LinkType.IPV6, dstOptsChain(20), DecodeLimits.EXTENSION_HEADERS_KEY, "2");
        assertTrue(limits(two).getFirst().message().contains("more than 2 IPv6"), limits(two).toString());
        // IPv6, two headers, the third (an empty layer holding the anomaly), then its bytes left raw
        assertEquals("IPv6:IPv6_Opts:IPv6_Opts:IPv6_Opts:Raw", two.protochain());
        assertEquals(0, two.layer(3).length());
    }

    @Test void optionsBiteAtTwoHundredFiftySixAndWhereTold() {
        Frame f = decode(LinkType.IPV6, hopByHopPads(300));
        assertEquals(1, limits(f).size(), f.anomalies().toString());
        assertTrue(limits(f).getFirst().message().contains("more than 256 IPv6 options"));

        assertEquals(List.of(), limits(decode(LinkType.IPV6, hopByHopPads(300), DecodeLimits.OPTIONS_KEY, "400")));

        Frame few = decode(LinkType.IPV6, hopByHopPads(300), DecodeLimits.OPTIONS_KEY, "10");
        assertTrue(limits(few).getFirst().message().contains("more than 10 IPv6 options"), limits(few).toString());
        assertEquals(10, few.fields("ipv6.opt.type").size());
    }

    @Test void aValueThatIsNoPositiveNumberIsAnEngineError() {
        EngineOptions o = EngineOptions.builder().extra(DecodeLimits.OPTIONS_KEY, "0").build();
        EngineException e = assertThrows(EngineException.class, () -> new NativeEngineProvider().create(o));
        assertTrue(e.getMessage().contains("native.maxOptions"), e.getMessage());
        EngineOptions huge = EngineOptions.builder().extra(DecodeLimits.LAYERS_KEY, "2000000000").build();
        assertThrows(EngineException.class, () -> new NativeEngineProvider().create(huge));
    }
}
