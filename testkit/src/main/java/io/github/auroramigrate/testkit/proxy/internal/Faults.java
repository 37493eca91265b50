package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.Direction;
import io.github.auroramigrate.testkit.proxy.QueryCut;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * The fault switches of one proxy, shared by all its connections and changed at any time.
 *
 * <pre>{@code
 * faults.latency(Direction.SERVER_TO_CLIENT, Duration.ofMillis(20));
 * faults.blackHole(true);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Faults {
    private final AtomicReferenceArray<Duration> latency = new AtomicReferenceArray<>(
            new Duration[] {Duration.ZERO, Duration.ZERO});
    private final AtomicLongArray bandwidth = new AtomicLongArray(2);
    private final AtomicReferenceArray<ByteCut> byteCuts = new AtomicReferenceArray<>(2);
    private final AtomicReference<QueryRule> queryCut = new AtomicReference<>();
    private final Object blackHoleLock = new Object();
    private boolean blackHole;
    private volatile boolean refuse;

    /** A one-shot cut after {@code bytes} more bytes. Compared by identity. */
    public static final class ByteCut {
        private final long bytes;

        ByteCut(long bytes) {
            this.bytes = bytes;
        }

        /** How many bytes may pass before the cut. */
        public long bytes() {
            return bytes;
        }
    }

    /** A one-shot cut at the next COM_QUERY whose text matches. */
    public record QueryRule(Predicate<String> matches, QueryCut point) {
        /** Validates. */
        public QueryRule {
            Objects.requireNonNull(matches, "matches");
            Objects.requireNonNull(point, "point");
        }
    }

    /** Sets the latency added to every chunk in {@code d}. */
    public void latency(Direction d, Duration value) {
        latency.set(d.ordinal(), value);
    }

    /** The latency added to every chunk in {@code d}. */
    public Duration latency(Direction d) {
        return latency.get(d.ordinal());
    }

    /** Sets the bandwidth limit in {@code d}, bytes per second per connection; 0 for none. */
    public void bandwidth(Direction d, long bytesPerSecond) {
        bandwidth.set(d.ordinal(), bytesPerSecond);
    }

    /** The bandwidth limit in {@code d}; 0 for none. */
    public long bandwidth(Direction d) {
        return bandwidth.get(d.ordinal());
    }

    /** Switches the black hole on or off; off releases every held chunk. */
    public void blackHole(boolean on) {
        synchronized (blackHoleLock) {
            blackHole = on;
            blackHoleLock.notifyAll();
        }
    }

    /** Whether the black hole is on. */
    public boolean blackHole() {
        synchronized (blackHoleLock) {
            return blackHole;
        }
    }

    /**
     * Waits while the black hole is on.
     *
     * @param onHold runs once, before waiting, if it must wait
     * @throws InterruptedException when the connection is closed meanwhile (its threads are interrupted)
     */
    public void awaitNoBlackHole(Runnable onHold) throws InterruptedException {
        synchronized (blackHoleLock) {
            if (blackHole) {
                onHold.run();
            }
            while (blackHole) {
                blackHoleLock.wait();
            }
        }
    }

    /** Sets whether new connections are refused. */
    public void refuse(boolean on) {
        refuse = on;
    }

    /** Whether new connections are refused. */
    public boolean refuse() {
        return refuse;
    }

    /** Arms a one-shot cut after {@code bytes} more bytes in {@code d}, replacing one armed before. */
    public void armByteCut(Direction d, long bytes) {
        byteCuts.set(d.ordinal(), new ByteCut(bytes));
    }

    /** The armed cut in {@code d}, or null. */
    public ByteCut byteCut(Direction d) {
        return byteCuts.get(d.ordinal());
    }

    /** Disarms {@code cut} if it is still armed; true for the one caller that did (it fires the cut). */
    public boolean fire(Direction d, ByteCut cut) {
        return byteCuts.compareAndSet(d.ordinal(), cut, null);
    }

    /** Arms a one-shot query cut, replacing one armed before. */
    public void armQueryCut(QueryRule rule) {
        queryCut.set(rule);
    }

    /** Whether a query cut is armed (the proxy then reads each COM_QUERY's text). */
    public boolean queryCutArmed() {
        return queryCut.get() != null;
    }

    /**
     * The armed query cut if {@code sql} matches it, disarmed; null otherwise (also when another connection
     * took it first).
     *
     * @throws RuntimeException what the predicate throws
     */
    public QueryRule takeQueryCut(String sql) {
        QueryRule rule = queryCut.get();
        if (rule != null && rule.matches().test(sql) && queryCut.compareAndSet(rule, null)) {
            return rule;
        }
        return null;
    }

    /** Switches every fault off and disarms every cut. */
    public void clear() {
        for (Direction d : Direction.values()) {
            latency(d, Duration.ZERO);
            bandwidth(d, 0);
            byteCuts.set(d.ordinal(), null);
        }
        queryCut.set(null);
        refuse(false);
        blackHole(false);
    }
}
