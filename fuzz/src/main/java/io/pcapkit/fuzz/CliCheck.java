package io.pcapkit.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.pcapkit.cli.Cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The command line on a damaged file, as a user sees it: {@code pcapkit FILE -f json -o OUT} run in-process
 * through {@link Cli#run} (which never calls System.exit). Expected: exit 0 when the native engine read the file
 * cleanly, else exit 1 with exactly one stderr line naming the file and the offset; never a stack trace; OUT is
 * complete JSON or absent, and no temporary file is left beside it.
 */
public final class CliCheck {
    private static final JsonFactory JSON = new JsonFactory();

    private CliCheck() { }

    /** Null when the CLI behaved, else what was wrong (one line). */
    public static String check(Path file, boolean damaged, Path outDir) throws IOException {
        Path out = outDir.resolve(file.getFileName() + ".json");
        Files.deleteIfExists(out);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try (PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            code = Cli.run(new String[] {file.toString(), "-f", "json", "-o", out.toString()},
                    new ByteArrayInputStream(new byte[0]), stdout, err);
        }
        String e = stderr.toString(StandardCharsets.UTF_8);
        String problem = null;
        if (e.contains("Exception") || e.contains("\tat ")) {
            problem = "stack trace or exception on stderr: " + firstLine(e);
        } else if (damaged) {
            String[] lines = e.strip().split("\n");
            if (code != Cli.DAMAGED) {
                problem = "exit " + code + " on a damaged file, stderr: " + firstLine(e);
            } else if (lines.length != 1 || !lines[0].contains(file.getFileName().toString())
                    || !lines[0].contains("offset")) {
                problem = "stderr is not one line naming file and offset: " + e.strip().replace('\n', '|');
            }
        } else if (code != Cli.OK) {
            problem = "exit " + code + " on a file the engine reads cleanly, stderr: " + firstLine(e);
        }
        if (problem == null && Files.exists(out) && !completeJson(out)) problem = "output is not complete JSON";
        if (problem == null) {
            try (Stream<Path> s = Files.list(outDir)) {
                if (s.anyMatch(p -> p.getFileName().toString().endsWith(".part"))) {
                    problem = "temporary .part file left behind";
                }
            }
        }
        Files.deleteIfExists(out);
        return problem;
    }

    private static boolean completeJson(Path p) {
        try (JsonParser jp = JSON.createParser(p.toFile())) {
            // one document or a sequence of them (JSON lines): every value must parse to its end
            boolean any = false;
            while (jp.nextToken() != null) any = true;
            return any;
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
