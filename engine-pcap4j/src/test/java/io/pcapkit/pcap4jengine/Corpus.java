package io.pcapkit.pcap4jengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.TestCorpus;

import java.nio.file.Path;
import java.util.List;

/** The shared capture corpus (engine-api's {@link TestCorpus}) and libpcap; both skip visibly when missing. */
final class Corpus {
    private Corpus() { }

    static Path dir() { return TestCorpus.dir(); }

    static Path root() { return TestCorpus.root(); }

    static void assumePresent() { TestCorpus.assumePresent(); }

    static void assumeLibpcap() {
        Availability a = new Pcap4jEngineProvider().probe();
        TestCorpus.assume(a.available(), a.detail());
    }

    static Path capture(String rel) { return TestCorpus.capture(rel); }

    static List<Path> captures() { return TestCorpus.captures(); }
}
