package io.pcapkit.libpcap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binding itself: loading, version, compile errors, devices, the filter over hand-made packets. */
class LibpcapTest {
    @BeforeAll static void libpcap() { TestEnv.assumeLibpcap(); }

    @Test void versionIsLibpcapsOwnText() throws PcapException {
        assertTrue(Libpcap.version().startsWith("libpcap version "), Libpcap.version());
        assertTrue(Libpcap.status().startsWith("available: libpcap version "), Libpcap.status());
    }

    @Test void badExpressionIsOneLineWithLibpcapsMessage() {
        PcapException e = assertThrows(PcapException.class, () -> BpfFilter.of("tcp prot 80", 1));
        assertEquals("filter 'tcp prot 80': can't parse filter expression: syntax error (link type EN10MB)",
                e.getMessage());
        PcapException port = assertThrows(PcapException.class, () -> BpfFilter.of("port 99999", 1));
        assertEquals("filter 'port 99999': illegal port number 99999 > 65535 (link type EN10MB)", port.getMessage());
    }

    @Test void expressionValidForOneLinkTypeOnly() throws PcapException {
        try (BpfFilter f = BpfFilter.of("ether host 00:11:22:33:44:55", -1)) {
            f.prepare(1);
            // raw IP has no link-layer addresses
            PcapException e = assertThrows(PcapException.class, () -> f.prepare(101));
            assertTrue(e.getMessage().startsWith("filter 'ether host 00:11:22:33:44:55': "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(link type RAW)"), e.getMessage());
        }
    }

    @Test void missingInterfaceIsOneLine() {
        PcapException e = assertThrows(PcapException.class, () -> Pcap.openLive("nosuch0", 65535, false, 100));
        assertTrue(e.getMessage().startsWith("interface 'nosuch0': No such device exists"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test void ipv6AddressesAreWrittenShort() {
        byte[] lo = new byte[16];
        lo[15] = 1;
        assertEquals("::1", Device.ipv6(lo));
        byte[] ula = {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
        assertEquals("fd00::2", Device.ipv6(ula));
        byte[] one = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        assertEquals("2001:db8:0:1:1:1:1:1", Device.ipv6(one));   // RFC 5952 4.2.2: one zero group stays
        assertEquals("::", Device.ipv6(new byte[16]));
    }

    @Test void devicesIncludeLoopback() throws PcapException {
        List<Device> all = Device.list();
        Device lo = all.stream().filter(Device::loopback).findFirst().orElseThrow();
        assertEquals("lo", lo.name());
        assertTrue(lo.addresses().contains("127.0.0.1/8"), lo.addresses().toString());
        assertTrue(lo.loopback() && lo.up(), lo.toString());
    }

    /** An Ethernet/IPv4/TCP SYN to port 80, made from RFC 791/793 header layouts (no capture needed). */
    private static byte[] syn(int dstPort) {
        byte[] f = new byte[54];
        f[12] = 0x08;                       // EtherType IPv4
        f[14] = 0x45;                       // version 4, IHL 5
        f[17] = 40;                         // total length
        f[22] = 64;                         // TTL
        f[23] = 6;                          // TCP
        f[26] = 10; f[29] = 1;              // 10.0.0.1
        f[30] = 10; f[33] = 2;              // 10.0.0.2
        f[34] = (byte) 0xc3; f[35] = 0x50;  // source port 50000
        f[36] = (byte) (dstPort >> 8); f[37] = (byte) dstPort;
        f[46] = 0x50;                       // data offset 5
        f[47] = 0x02;                       // SYN
        return f;
    }

    @Test void filterAcceptsWhatTheExpressionSays() throws PcapException {
        try (BpfFilter port80 = BpfFilter.of("tcp dst port 80", 1);
             BpfFilter syns = BpfFilter.of("tcp[tcpflags] & tcp-syn != 0 and net 10.0.0.0/8", 1)) {
            byte[] a = syn(80);
            byte[] b = syn(443);
            assertTrue(port80.accept(1, a, 0, a.length, a.length));
            assertFalse(port80.accept(1, b, 0, b.length, b.length));
            assertTrue(syns.accept(1, b, 0, b.length, b.length));
            // the record may sit anywhere in the reader's buffer
            byte[] shifted = new byte[a.length + 7];
            System.arraycopy(a, 0, shifted, 7, a.length);
            assertTrue(port80.accept(1, shifted, 7, a.length, a.length));
            // a record cut before the TCP header does not match (BPF reads past caplen as a reject)
            assertFalse(port80.accept(1, a, 0, 34, a.length));
        }
    }

    @Test void largeRecordsGrowTheBuffer() throws PcapException {
        try (BpfFilter f = BpfFilter.of("greater 100000", 1)) {
            byte[] big = new byte[200_000];
            big[12] = 0x08;
            assertTrue(f.accept(1, big, 0, big.length, big.length));
            assertFalse(f.accept(1, big, 0, 60, 60));
        }
    }

    @Test void compiledProgramMatchesThroughTheRawApi() throws PcapException {
        try (Pcap dead = Pcap.openCompiler(1); BpfProgram prog = dead.compile("tcp port 80", 0);
             Arena a = Arena.ofConfined()) {
            byte[] s = syn(80);
            MemorySegment hdr = a.allocate(Libpcap.PKTHDR);
            hdr.set(ValueLayout.JAVA_INT, Libpcap.PKTHDR_CAPLEN, s.length);
            hdr.set(ValueLayout.JAVA_INT, Libpcap.PKTHDR_LEN, s.length);
            MemorySegment data = a.allocate(s.length);
            MemorySegment.copy(s, 0, data, ValueLayout.JAVA_BYTE, 0, s.length);
            assertTrue(prog.matches(hdr, data));
            assertEquals("EN10MB", dead.linkTypeName());
            assertEquals(1, dead.linkType());
        }
    }
}
