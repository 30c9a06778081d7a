package io.pcapkit.nativeengine.proto;

import io.pcapkit.model.FieldColumns;
import io.pcapkit.model.Frame;
import io.pcapkit.nativeengine.decode.FrameDecoder;
import io.pcapkit.nativeengine.decode.Registrations;
import io.pcapkit.nativeengine.read.CaptureReaders;
import io.pcapkit.nativeengine.read.Record;
import io.pcapkit.nativeengine.read.RecordReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Throwaway: per-field agreement of the link-layer / L2 fields with tshark over the corpus. Run with -Dtest=. */
class L2TsharkComparison {
    static final List<String> FIELDS = Arrays.asList(("""
            eth.dst eth.src eth.addr eth.dst.oui eth.src.oui eth.addr.oui eth.dst.lg eth.dst.ig eth.src.lg eth.src.ig
            eth.lg eth.ig eth.type eth.len eth.invalid_lentype eth.padding eth.trailer eth.fcs eth.fcs.status
            null.family null.type
            sll.pkttype sll.hatype sll.halen sll.src.eth sll.src.ipv4 sll.src.other sll.unused sll.ltype sll.gretype
            sll.etype sll.ifindex sll.trailer
            llc.dsap llc.dsap.sap llc.dsap.ig llc.ssap llc.ssap.sap llc.ssap.cr llc.control llc.control.n_r
            llc.control.n_s llc.control.p llc.control.f llc.control.s_ftype llc.control.u_modifier_cmd
            llc.control.u_modifier_resp llc.control.ftype llc.type llc.oui llc.pid llc.cisco_pid
            vlan.priority vlan.dei vlan.id vlan.etype vlan.len vlan.trailer
            ieee8021ad.priority ieee8021ad.dei ieee8021ad.id ieee8021ad.svid ieee8021ad.cvid ieee8021ah.etype
            arp.hw.type arp.proto.type arp.hw.size arp.proto.size arp.opcode arp.isgratuitous arp.isprobe
            arp.isannouncement arp.src.hw_mac arp.src.proto_ipv4 arp.dst.hw_mac arp.dst.proto_ipv4 arp.src.hw
            arp.src.proto arp.dst.hw arp.dst.proto arp.dst.drarp_error_status frame.protocols""").trim().split("\\s+"));
    static final Set<Integer> LINK_TYPES = Set.of(0, 1, 12, 14, 101, 108, 113, 276);
    static final Set<String> L2 = Set.of("eth", "null", "raw", "sll", "llc", "vlan", "ieee8021ad", "arp");

    @Test void compare() throws Exception {
        Path dir = Path.of(System.getProperty("captures.dir", "../shared/captures"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "no capture corpus at " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        }
        Map<String, long[]> perField = new TreeMap<>(); // total, agree
        Map<String, String> example = new TreeMap<>();
        long total = 0, agree = 0;
        FrameDecoder dec = new FrameDecoder(Registrations.standard(), null, null);
        FieldColumns cols = new FieldColumns(FIELDS);
        for (Path p : files) {
            List<String> tshark = tshark(p);
            if (tshark == null) continue;
            List<String[]> ours = new ArrayList<>();
            List<Integer> lts = new ArrayList<>();
            try (InputStream in = Files.newInputStream(p); RecordReader r = CaptureReaders.open(in, p.toString(), 1 << 26)) {
                Record rec = new Record();
                Frame f = new Frame();
                long n = 0;
                while (r.next(rec)) {
                    dec.decode(f, ++n, rec.timestampNanos, rec.capturedLength, rec.originalLength, rec.linkType,
                            rec.interfaceId, rec.data, rec.offset);
                    cols.load(f);
                    String[] row = new String[FIELDS.size()];
                    for (int i = 0; i < row.length; i++) row[i] = cols.cell(i).toString();
                    ours.add(row);
                    lts.add(rec.linkType.code());
                }
            } catch (Exception e) {
                System.out.println("READ " + dir.relativize(p) + ": " + e);
            }
            if (ours.size() != tshark.size()) {
                System.out.println("FRAMES " + dir.relativize(p) + ": tshark " + tshark.size() + " ours " + ours.size());
            }
            for (int i = 0; i < Math.min(ours.size(), tshark.size()); i++) {
                if (!LINK_TYPES.contains(lts.get(i))) continue;
                String[] t = tshark.get(i).split("\t", -1);
                String[] o = ours.get(i);
                for (int j = 0; j < FIELDS.size(); j++) {
                    String name = FIELDS.get(j);
                    String tv = j < t.length ? t[j] : "";
                    String ov = o[j];
                    if (name.equals("frame.protocols")) {
                        name = "frame.protocols(L2 prefix)";
                        tv = l2Prefix(tv);
                        ov = l2Prefix(ov);
                    }
                    if (tv.isEmpty() && ov.isEmpty()) continue;
                    long[] c = perField.computeIfAbsent(name, k -> new long[2]);
                    c[0]++;
                    total++;
                    if (tv.equals(ov)) {
                        c[1]++;
                        agree++;
                    } else {
                        example.putIfAbsent(name, dir.relativize(p) + " #" + (i + 1) + " tshark=" + trim(tv) + " ours=" + trim(ov));
                    }
                }
            }
        }
        System.out.println("field\tcells\tagree\t%");
        perField.forEach((k, v) -> System.out.printf("%s\t%d\t%d\t%.2f%s%n", k, v[0], v[1], 100.0 * v[1] / v[0],
                example.containsKey(k) ? "\t e.g. " + example.get(k) : ""));
        System.out.printf("TOTAL\t%d\t%d\t%.3f%n", total, agree, 100.0 * agree / Math.max(total, 1));
    }

    private static String trim(String s) { return s.length() > 70 ? s.substring(0, 70) + "…" : s; }

    private static String l2Prefix(String protocols) {
        StringBuilder sb = new StringBuilder();
        for (String p : protocols.split(":")) {
            if (p.equals("ethertype") || p.isEmpty()) continue;
            if (!L2.contains(p)) break;
            if (sb.length() > 0) sb.append(':');
            sb.append(p);
        }
        return sb.toString();
    }

    private static List<String> tshark(Path p) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", p.toString(), "-T", "fields"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process pr = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(pr.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = br.readLine()) != null) lines.add(l);
        }
        pr.waitFor();
        return lines.isEmpty() ? null : lines;
    }
}
