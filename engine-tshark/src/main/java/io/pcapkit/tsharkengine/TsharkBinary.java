package io.pcapkit.tsharkengine;

import io.pcapkit.spi.Availability;
import io.pcapkit.spi.EngineOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tshark to run and what version it is. The binary is, in order: the engine option {@value #OPTION}
 * ({@code pcapkit --tshark PATH}), the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, else {@code tshark} on the PATH. {@code tshark -v} runs once per binary per process.
 */
final class TsharkBinary {
    static final String OPTION = "tshark.path";
    static final String PROPERTY = "pcapkit.tshark.path";
    static final String ENV = "PCAPKIT_TSHARK";
    /** JSON output with per-field [hex, offset, length, mask, type] arrays under -x is stable from 3.0 on. */
    static final int MIN_MAJOR = 3;
    static final String INSTALL = "install Wireshark's tshark 3.0 or later (Debian/Ubuntu: apt-get install tshark; "
            + "Fedora: dnf install wireshark-cli; macOS: brew install wireshark) or name it with --tshark PATH";

    private static final Pattern VERSION = Pattern.compile("TShark \\(Wireshark\\) (\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Map<String, TsharkBinary> PROBED = new ConcurrentHashMap<>();

    final String path;
    /** "4.0.17", or null when the binary did not run. */
    final String version;
    final int major;
    final int minor;
    /** Why it cannot be used, or null. */
    final String problem;

    private TsharkBinary(String path, String version, int major, int minor, String problem) {
        this.path = path;
        this.version = version;
        this.major = major;
        this.minor = minor;
        this.problem = problem;
    }

    /** The binary named by the options (or the defaults), probed once per process. */
    static TsharkBinary of(EngineOptions options) {
        return of(options == null ? null : options.extra().get(OPTION));
    }

    static TsharkBinary of(String fromOptions) {
        String path = fromOptions;
        if (path == null || path.isBlank()) path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) path = System.getenv(ENV);
        if (path == null || path.isBlank()) path = "tshark";
        return PROBED.computeIfAbsent(path, TsharkBinary::probe);
    }

    boolean usable() { return problem == null; }

    Availability availability() {
        return usable() ? Availability.ok("tshark " + version + " (" + path + ")") : Availability.unavailable(problem);
    }

    private static TsharkBinary probe(String path) {
        String where = path.contains("/") ? path : "'" + path + "' on the PATH";
        String text;
        try {
            Process p = new ProcessBuilder(path, "-v").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(1 << 16);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new TsharkBinary(path, null, 0, 0, "tshark at " + where + " did not answer -v; " + INSTALL);
            }
            text = new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new TsharkBinary(path, null, 0, 0, "tshark not found (looked for " + where + "); " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TsharkBinary(path, null, 0, 0, "interrupted while asking " + where + " for its version");
        }
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return new TsharkBinary(path, null, 0, 0, where + " does not look like tshark (no version in its -v); " + INSTALL);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String version = m.group(1) + "." + m.group(2) + "." + m.group(3);
        if (major < MIN_MAJOR) {
            return new TsharkBinary(path, version, major, minor, "tshark " + version + " at " + where + " is too old; "
                    + INSTALL);
        }
        return new TsharkBinary(path, version, major, minor, null);
    }
}
