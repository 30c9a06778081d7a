package io.pcapkit.cli;

import io.pcapkit.libpcap.Device;
import io.pcapkit.libpcap.Libpcap;
import io.pcapkit.libpcap.PcapException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcapkit interfaces}: the devices libpcap can capture on, as {@code tcpdump -D} lists them, with addresses. */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "List the interfaces libpcap can capture on (for -i), with their state and addresses.")
final class InterfacesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Libpcap.available()) {
            err.println("pcapkit: listing interfaces needs libpcap: " + Libpcap.unavailableReason());
            return Cli.DAMAGED;
        }
        List<Device> devices;
        try {
            devices = Device.list();
        } catch (PcapException e) {
            err.println("pcapkit: " + e.getMessage());
            return Cli.DAMAGED;
        }
        int n = 0;
        for (Device d : devices) {
            List<String> state = new ArrayList<>();
            if (d.loopback()) state.add("Loopback");
            if (d.up()) state.add("Up");
            if (d.running()) state.add("Running");
            StringBuilder line = new StringBuilder().append(++n).append('.').append(d.name());
            if (!d.description().isEmpty()) line.append(" (").append(d.description()).append(')');
            if (!state.isEmpty()) line.append(" [").append(String.join(", ", state)).append(']');
            if (!d.addresses().isEmpty()) line.append("  ").append(String.join(" ", d.addresses()));
            out.println(line);
        }
        if (devices.isEmpty()) out.println("no interfaces (capturing may need root or CAP_NET_RAW)");
        out.flush();
        return Cli.OK;
    }
}
