package io.pcapkit.nativeengine.diff;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native engine against tshark, run live, over every corpus capture whose link types the foundation covers:
 * the same frames, and at least 99.5% of the (frame, field) cells of the 67 core fields agreeing with
 * {@code tshark -T fields}. Cells both leave empty do not count. The per-field table is printed and written to
 * {@code target/core-fields-vs-tshark.txt}.
 */
class CoreFieldsVsTsharkTest {
    /** The core field list (the same 67 as the project's comparison scripts). */
    static final List<String> CORE = List.of(("frame.len frame.cap_len eth.dst eth.src eth.type vlan.id vlan.priority "
            + "vlan.etype arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4 "
            + "ip.version ip.hdr_len ip.dsfield ip.len ip.id ip.flags ip.flags.df ip.flags.mf ip.frag_offset ip.ttl "
            + "ip.proto ip.checksum ip.src ip.dst ipv6.tclass ipv6.flow ipv6.plen ipv6.nxt ipv6.hlim ipv6.src ipv6.dst "
            + "ipv6.fraghdr.nxt ipv6.fraghdr.offset ipv6.fraghdr.more ipv6.fraghdr.ident ipv6.hopopts.nxt "
            + "ipv6.routing.type icmp.type icmp.code icmp.checksum icmpv6.type icmpv6.code icmpv6.checksum "
            + "tcp.srcport tcp.dstport tcp.seq_raw tcp.ack_raw tcp.hdr_len tcp.flags tcp.flags.syn tcp.flags.ack "
            + "tcp.flags.fin tcp.window_size_value tcp.checksum tcp.urgent_pointer tcp.options.mss_val "
            + "tcp.options.wscale.shift tcp.options.timestamp.tsval tcp.options.timestamp.tsecr "
            + "tcp.options.sack.count udp.srcport udp.dstport udp.length udp.checksum").split(" "));

    static final double REQUIRED = 99.5;

    @Test void coreFieldsAgreeWithTshark() throws IOException {
        Corpus.assumePresent();
        Corpus.assumeTshark();

        TsharkComparison.Report rep = TsharkComparison.run(CORE);
        rep.publish("core-fields-vs-tshark.txt");
        assertTrue(rep.compared > 50, "expected most corpus captures in scope, compared only " + rep.compared);
        assertTrue(rep.frameMismatches.isEmpty(),
                "frame counts differ from tshark:\n" + String.join("\n", rep.frameMismatches));
        assertTrue(rep.percent() >= REQUIRED,
                String.format("agreement %.3f%% below %.1f%%:%n%s", rep.percent(), REQUIRED, rep.text()));
    }
}
