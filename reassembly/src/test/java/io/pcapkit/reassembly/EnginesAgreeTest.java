package io.pcapkit.reassembly;

import io.pcapkit.Pcapkit;
import io.pcapkit.ReassemblyKind;
import io.pcapkit.spi.EngineProvider;
import io.pcapkit.spi.Engines;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reassembly reads only the model, so every engine that decodes a capture gives the same datagrams and streams as
 * the native engine: same keys, frames, statuses and bytes. Runs each other engine found on the class path and
 * available here (tshark, pcap4j, kaitai once they land) over captures that exercise fragments and TCP order.
 */
class EnginesAgreeTest {
    static final List<String> CAPTURES = List.of("pcapplusplus/frag_http_req.pcap", "pcapplusplus/ip4_fragments.pcap",
            "pcapplusplus/ip6_fragments.pcap", "zeek/ipv6-http-atomic-frag.pcap", "zeek/tcp/reassembly.pcap",
            "pkts/out_of_order.pcap", "pkts/ports_reused.pcap", "pcapplusplus/example2.pcap");

    /** Engine + capture pairs that cannot agree, for a reason in the engine itself (printed when met). */
    static final Map<String, String> KNOWN = Map.of(
            "pcap4j zeek/ipv6-http-atomic-frag.pcap",
            "Pcap4J leaves the payload of an IPv6 atomic fragment undecoded, so the TCP inside is not seen");

    @Test void everyEngineReassemblesAsNativeDoes() throws IOException {
        TestCorpus.assumePresent();
        List<String> others = new ArrayList<>();
        for (EngineProvider p : Engines.discover().providers()) {
            if (p.name().equalsIgnoreCase("native")) continue;
            try {
                if (p.probe().available()) others.add(p.name());
            } catch (RuntimeException e) {
                System.out.println("engine " + p.name() + " cannot run here: " + e);
            }
        }
        if (others.isEmpty()) {
            System.out.println("SKIPPED: only the native engine is on the class path; the tshark, pcap4j and kaitai "
                    + "engines join this comparison as soon as their modules provide an engine");
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "no other engine to compare with");
        for (String c : CAPTURES) {
            Path cap = TestCorpus.dir().resolve(c);
            if (!Files.exists(cap)) continue;
            Map<String, String> want = fingerprint(cap, "native");
            for (String e : others) {
                String known = KNOWN.get(e + " " + c);
                if (known != null) {
                    System.out.println("not compared: " + c + " with engine " + e + ": " + known);
                    continue;
                }
                assertEquals(want, fingerprint(cap, e), c + " with engine " + e);
            }
        }
    }

    /** Every datagram and stream, with digests of their bytes. */
    static Map<String, String> fingerprint(Path cap, String engine) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Map<Integer, MessageDigest[]> digests = new TreeMap<>();
        Reassembly r = Reassembly.of(ReassemblyKind.IPV4, ReassemblyKind.IPV6, ReassemblyKind.TCP)
                .onStream(new StreamListener() {
                    @Override public void opened(TcpStream s) { digests.put(s.index(), new MessageDigest[] {sha(), sha()}); }

                    @Override public void chunk(TcpStream s, TcpChunk c) { digests.get(s.index())[c.server() ? 1 : 0].update(c.data()); }
                });
        r.over(Pcapkit.extract(cap).engine(engine));
        int i = 0;
        for (Datagram d : r.datagrams()) {
            m.put("datagram " + i++, d.status() + " " + d.key() + " " + java.util.Arrays.toString(d.frames()) + " "
                    + HexFormat.of().formatHex(sha().digest(d.payload())));
        }
        for (TcpStream s : r.streams()) {
            MessageDigest[] md = digests.get(s.index());
            m.put("stream " + s.index(), s.client() + " " + s.server() + " " + s.status() + " "
                    + HexFormat.of().formatHex(md[0].digest()) + " " + HexFormat.of().formatHex(md[1].digest()));
        }
        return m;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
