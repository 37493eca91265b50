package io.github.auroramigrate.testkit.proxy.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The proxy's running counters, one {@link LongAdder} per {@link Counter}.
 *
 * <pre>{@code
 * counters.add(Counters.Counter.QUERIES, 1);
 * long q = counters.get(Counters.Counter.QUERIES);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Counters {
    /** What is counted. */
    public enum Counter {
        /** Client connections accepted (refused ones included). */
        ACCEPTED,
        /** Client connections open now (incremented and decremented). */
        OPEN,
        /** Connections refused (accepted and reset at once). */
        REFUSED,
        /** Bytes written to servers. */
        BYTES_TO_SERVER,
        /** Bytes written to clients. */
        BYTES_TO_CLIENT,
        /** Connections reset by {@code resetAll}. */
        RESETS,
        /** Connections cut after a number of bytes. */
        BYTE_CUTS,
        /** Connections cut at a matching query. */
        QUERY_CUTS,
        /** Chunks a black hole held back. */
        HELD,
        /** COM_QUERY commands seen. */
        QUERIES,
        /** Calls of the query handler. */
        HANDLER_CALLS,
        /** Handler calls that threw (or broke the protocol); their connections were closed. */
        HANDLER_FAILURES,
        /** Connections relayed opaquely (TLS or compression): no query seen. */
        OPAQUE
    }

    private final Map<Counter, LongAdder> values = new EnumMap<>(Counter.class);

    /** All counters at zero. */
    public Counters() {
        for (Counter c : Counter.values()) {
            values.put(c, new LongAdder());
        }
    }

    /** Adds {@code n} (may be negative) to {@code c}. */
    public void add(Counter c, long n) {
        values.get(c).add(n);
    }

    /** The current value of {@code c}. */
    public long get(Counter c) {
        return values.get(c).sum();
    }
}
