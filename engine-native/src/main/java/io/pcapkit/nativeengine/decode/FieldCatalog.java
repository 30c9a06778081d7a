package io.pcapkit.nativeengine.decode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes every field of the native decoders known before the first frame. Fields are declared as static constants,
 * and the JVM initialises a class (an option helper such as {@code TcpOptionValues}) only when a frame first
 * needs it; but {@code -e NAME} checks and {@code pcapkit fields} must see every field up front. So the first
 * registry built initialises every class of the {@code proto} package, from the jar or folder it was loaded from.
 */
final class FieldCatalog {
    private static final String PACKAGE = "io/pcapkit/nativeengine/proto/";
    private static volatile boolean loaded;

    private FieldCatalog() { }

    static void load() {
        if (loaded) return;
        synchronized (FieldCatalog.class) {
            if (loaded) return;
            try {
                Path where = Path.of(FieldCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(where)) {
                    try (Stream<Path> files = Files.list(where.resolve(PACKAGE))) {
                        files.forEach(p -> initialise(PACKAGE + p.getFileName()));
                    }
                } else {
                    try (JarFile jar = new JarFile(where.toFile())) {
                        jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(PACKAGE)).forEach(FieldCatalog::initialise);
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // an unusual class loader (nested jars …): fields still appear as frames need them
            }
            loaded = true;
        }
    }

    private static void initialise(String entry) {
        if (!entry.endsWith(".class") || entry.indexOf('/', PACKAGE.length()) >= 0) return;
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        try {
            Class.forName(name, true, FieldCatalog.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // not ours to fail on: the class is simply not initialised early
        }
    }
}
