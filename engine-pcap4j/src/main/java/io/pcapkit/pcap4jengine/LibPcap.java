package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.Availability;
import org.pcap4j.core.Pcaps;

/** Whether libpcap loads here through JNA, asked once per JVM. */
final class LibPcap {
    private static volatile Availability cached;

    private LibPcap() { }

    static Availability availability() {
        Availability a = cached;
        if (a == null) cached = a = probe();
        return a;
    }

    private static Availability probe() {
        try {
            return Availability.ok("Pcap4J 1.8.2, " + Pcaps.libVersion());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            int nl = why.indexOf('\n');
            if (nl > 0) why = why.substring(0, nl);
            return Availability.unavailable("libpcap could not be loaded through JNA (" + why
                    + "); install it (Debian/Ubuntu: apt-get install libpcap0.8) or name it with -Djna.library.path");
        }
    }
}
