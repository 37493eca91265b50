package io.github.auroramigrate.testkit.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * <pre>{@code long id = ServerIds.next();}</pre>
 *
 * Hands out server_id values unique within this JVM and, because they are seeded by the process id,
 * unlikely to collide with servers of other JVMs on the machine. server_id is an unsigned 32-bit
 * value; pid (at most 4,194,304 on Linux) times 1000 stays below 2^32.
 */
public final class ServerIds {
    private static final long MAX = 4_294_967_295L;
    private static final AtomicLong NEXT = new AtomicLong(seed());

    private ServerIds() {
    }

    private static long seed() {
        long pid = ProcessHandle.current().pid() % 4_000_000L;
        return pid * 1000L + 1;
    }

    /** The next server_id. */
    public static long next() {
        long id = NEXT.getAndIncrement();
        return id <= MAX ? id : 1 + (id % MAX);
    }
}
