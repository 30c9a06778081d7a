package io.pcapkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

/** The {@code pcapkit} command's entry point: wires the process's streams to {@link Cli} and exits with its code. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        // The raw descriptor, not System.out: a PrintStream swallows write errors, and a closed pipe (`| head`)
        // must stop the run instead of decoding the rest of the capture into nowhere.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        int code = Cli.run(args, System.in, out, System.err);
        System.exit(code);
    }
}
