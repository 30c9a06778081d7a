package io.pcapkit.nativeengine.decode;

import io.pcapkit.model.Fields;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code -e tcp.options.mss_val} and {@code pcapkit fields} must know fields whose declaring class no frame has
 * needed yet. Checked in a fresh class loader, so that classes other tests initialised do not hide a miss.
 */
class FieldCatalogTest {
    @Test void buildingARegistryDeclaresEveryFieldUpFront() throws Exception {
        URL nativeClasses = LayerDecoder.class.getProtectionDomain().getCodeSource().getLocation();
        URL apiClasses = Fields.class.getProtectionDomain().getCodeSource().getLocation();
        // the HTTP/2 decoder's HPACK tables come from the hpack module
        URL hpackClasses = io.pcapkit.hpack.HpackTable.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[]{nativeClasses, apiClasses, hpackClasses},
                ClassLoader.getPlatformClassLoader())) {
            fresh.loadClass(Registrations.class.getName()).getMethod("standard").invoke(null);
            Object mss = fresh.loadClass(Fields.class.getName()).getMethod("find", String.class)
                    .invoke(null, "tcp.options.mss_val");
            assertNotNull(mss, "a field declared in an option helper class is known before any frame");
            Object ra = fresh.loadClass(Fields.class.getName()).getMethod("find", String.class)
                    .invoke(null, "icmpv6.nd.ra.router_lifetime");
            assertNotNull(ra);
        }
    }
}
