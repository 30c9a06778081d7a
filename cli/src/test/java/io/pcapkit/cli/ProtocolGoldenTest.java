package io.pcapkit.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden output for one corpus capture per protocol family, so every decoded protocol shows nested in the frame in
 * TREE, JSON and PLIST, and any change to it is seen. The captures are read from the shared corpus (skipped, with a
 * message, when it is absent); the expected outputs live in cli/src/test/resources/golden/protocols/. Regenerate
 * with {@code mvn -q test -pl cli -Dtest=ProtocolGoldenTest -Dgolden.update=true} and review the diff.
 */
class ProtocolGoldenTest {
    private static final String REGENERATE = "mvn -q test -pl cli -Dtest=ProtocolGoldenTest -Dgolden.update=true";

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({
            // tunnels and routing
            "tcpdump/pptp.pcap,                     tree,  12, pptp-gre-ppp.txt",
            "tcpdump/ospf-gmpls.pcap,               tree,  10, ospf-gmpls.txt",
            "tcpdump/ipx.pcap,                      tree,   4, ipx.txt",
            "pcapplusplus/ipsec.pcapng,             tree,  10, ipsec-ah-esp.txt",
            "tcpdump/l2tp-avp-overflow.pcap,        json,  10, l2tp.json",
            // IPv6 mobility
            "cutehip/hip.pcap,                      tree,   6, hip.txt",
            "tcpdump/ipv6_mobility_1.pcap,          tree,  10, mobility-header.txt",
            // UDP applications
            "tcpdump/LINKTYPE_IPV4.pcap,            tree,  10, dns.txt",
            "tcpdump/dhcp-option-108.pcapng,        tree,  10, dhcp.txt",
            "packetnet/LinuxCookedCapturev2.pcap,   plist, 10, sll2-mdns-http.plist",
            // TCP applications
            "tcpdump/ipv4_tcp_http_xml.pcap,        tree,  10, http.txt",
            "scapy/http2_h2c.pcap,                  json,  20, http2.json",
            "pcapplusplus/sll2.pcap,                tree,  10, tls.txt",
            // wireless and encapsulations
            "tcpdump/ieee802.11_exthdr.pcap,        tree,   8, radiotap-wlan.txt",
            "tcpdump/IGMP_V2.pcap,                  tree,   6, igmp.txt",
    })
    void outputMatchesGolden(String capture, String format, int count, String golden) throws IOException {
        Path input = CliRun.captures().resolve(capture);
        Assumptions.assumeTrue(Files.isRegularFile(input), () -> {
            System.out.println("SKIPPED: ProtocolGoldenTest " + golden + ": corpus capture " + input + " absent");
            return input + " absent";
        });
        CliRun r = CliRun.of("-f", format, "-c", Integer.toString(count), input.toString());
        String command = "pcapkit -f " + format + " -c " + count + " ../shared/captures/" + capture;
        Path file = CliRun.root().resolve("cli/src/test/resources/golden/protocols").resolve(golden);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
            System.out.println("golden file written: " + file + " (" + command + ")");
            return;
        }
        assertTrue(Files.isRegularFile(file), file + " is missing; make it with: " + REGENERATE);
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(),
                command + " differs from " + golden + "; if intended: " + REGENERATE);
    }
}
