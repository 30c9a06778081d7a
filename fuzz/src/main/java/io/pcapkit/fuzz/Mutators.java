package io.pcapkit.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Every mutator the harness runs, in the order it cycles through them. */
public final class Mutators {
    private Mutators() { }

    public static List<Mutator> all() {
        List<Mutator> m = new ArrayList<>();
        m.add(BitFlips.inHeaders());
        m.add(BitFlips.inPayloads());
        m.add(Truncation.atBoundary());
        m.add(Truncation.midRecord());
        for (LengthField.Field f : LengthField.Field.values()) {
            for (LengthField.Value v : LengthField.Value.values()) {
                // the snapshot length set to itself would change nothing
                if (f != LengthField.Field.SNAPLEN || v != LengthField.Value.SNAPLEN) m.add(new LengthField(f, v));
            }
        }
        m.add(new BlockLengthMismatch());
        m.add(OptionChain.overlong());
        m.add(OptionChain.endless());
        m.add(new Ipv6ExtensionLoop());
        m.add(new DnsPointerLoop());
        m.add(FragmentFlood.ipv4());
        m.add(FragmentFlood.ipv6());
        m.add(new TcpSequenceJump());
        return m;
    }

    /** The mutators whose names are listed (comma-separated), or all for null/empty. */
    public static List<Mutator> named(String names) {
        if (names == null || names.isBlank()) return all();
        List<String> wanted = List.of(names.split(","));
        return all().stream().filter(m -> wanted.contains(m.name())).toList();
    }
}
