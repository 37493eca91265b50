package io.github.auroramigrate.replication;

import java.time.Duration;
import java.util.Optional;

/**
 * How far the target is behind the source, two ways.
 *
 * <pre>{@code
 * ReplicationLag lag = repl.lag();
 * Duration truth = lag.heartbeat().orElseGet(() -> lag.secondsBehindSource().orElse(null));
 * }</pre>
 *
 * <p>{@code Seconds_Behind_Master} is computed from event timestamps: it reads NULL when the SQL thread is
 * stopped, 0 while the applier waits for a lagging I/O thread, and it can over- or under-state while one long
 * transaction is applied. The heartbeat lag is measured from a row the library writes on the source every interval
 * and reads back on the target: the time since the oldest heartbeat the target has not applied yet, on this JVM's
 * monotonic clock (so no clock skew between servers matters). Immutable and thread-safe.
 *
 * @param secondsBehindSource Seconds_Behind_Master / Seconds_Behind_Source, empty when NULL
 * @param heartbeat           true lag from the heartbeat, empty when no heartbeat runs or none has been written
 */
public record ReplicationLag(Optional<Duration> secondsBehindSource, Optional<Duration> heartbeat) {
    /** Validates non-null parts. */
    public ReplicationLag {
        java.util.Objects.requireNonNull(secondsBehindSource, "secondsBehindSource");
        java.util.Objects.requireNonNull(heartbeat, "heartbeat");
    }
}
