package io.pcapkit.tsharkengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.TestCorpus;

import java.nio.file.Path;
import java.util.List;

/** The shared capture corpus (engine-api's {@link TestCorpus}) and tshark; both skip visibly when missing. */
final class Corpus {
    private Corpus() { }

    static Path dir() { return TestCorpus.dir(); }

    static Path root() { return TestCorpus.root(); }

    static void assumePresent() { TestCorpus.assumePresent(); }

    static void assumeTshark() {
        Availability a = new TsharkEngineProvider().probe();
        TestCorpus.assume(a.available(), a.detail());
    }

    static List<Path> captures() { return TestCorpus.captures(); }
}
