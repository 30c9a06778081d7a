package io.pcapkit.reassembly;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts each direction of each TCP stream into messages the original pcapkit's way, for users who relied on it:
 * consecutive bytes that travelled with the same acknowledgment number form one message (the sender wrote them
 * before hearing back). Unlike the original, the bytes are in sequence order, both directions are kept apart, and
 * a message is bounded ({@code maxBytes}: a longer one is cut there). Attach with {@link Reassembly#onStream}.
 */
public final class AckMessages implements StreamListener {
    /** One message: its stream, direction, the ACK value it was cut by, its frames and bytes. */
    public record Message(int stream, boolean server, long ack, long[] frames, byte[] data) { }

    private final Consumer<Message> out;
    private final int maxBytes;
    private final Map<Long, Pending> pending = new HashMap<>();

    private static final class Pending {
        long ack = -1;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Long> frames = new ArrayList<>();
    }

    public AckMessages(int maxBytes, Consumer<Message> out) {
        this.maxBytes = maxBytes;
        this.out = out;
    }

    @Override public void chunk(TcpStream s, TcpChunk c) {
        if (c.gap()) return;
        long k = (long) s.index() << 1 | (c.server() ? 1 : 0);
        Pending p = pending.computeIfAbsent(k, x -> new Pending());
        if (p.ack != c.ack() || p.bytes.size() + c.data().length > maxBytes) emit(s.index(), c.server(), p);
        p.ack = c.ack();
        p.bytes.writeBytes(c.data());
        if (p.frames.isEmpty() || p.frames.getLast() != c.frame()) p.frames.add(c.frame());
    }

    @Override public void closed(TcpStream s) {
        for (int side = 0; side < 2; side++) {
            Pending p = pending.remove((long) s.index() << 1 | side);
            if (p != null) emit(s.index(), side == 1, p);
        }
    }

    private void emit(int stream, boolean server, Pending p) {
        if (p.bytes.size() == 0) return;
        long[] frames = p.frames.stream().mapToLong(Long::longValue).toArray();
        out.accept(new Message(stream, server, p.ack, frames, p.bytes.toByteArray()));
        p.bytes.reset();
        p.frames.clear();
    }
}
