package io.pcapkit.nativeengine.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs tshark live as the oracle: {@code tshark -n -r FILE -T fields -e …}, one row per frame. */
public final class Tshark {
    private Tshark() { }

    /** What tshark printed: its rows (split on tabs), its stderr and exit code. */
    public record Result(List<String[]> rows, String stderr, int exitCode) { }

    public static Result fields(Path capture, List<String> fields, String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-T", "fields"));
        cmd.addAll(List.of(extraArgs));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        String out = drain(p.getInputStream());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tshark timed out on " + capture);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        List<String[]> rows = new ArrayList<>();
        if (!out.isEmpty()) {
            for (String line : out.split("\n", -1)) rows.add(line.split("\t", -1));
            rows.removeLast(); // the text ends with a newline
        }
        return new Result(rows, err.join(), p.exitValue());
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
