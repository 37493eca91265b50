package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.Dialect;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated configuration of a {@code Replication} (everything but the replication account, whose password
 * stays in {@code ReplicationUser}). The compact constructor is {@code Replication.Builder.build()}'s validation.
 *
 * @param target          the replica
 * @param source          the source, or null for monitoring an existing replica
 * @param startPosition   binlog start, or null
 * @param startGtids      GTID start, or null
 * @param sourceHost      the source's host as the target reaches it, or null for the source endpoint's
 * @param sourcePort      the source's port as the target reaches it, or 0 for the source endpoint's
 * @param channelTls      whether the channel uses TLS
 * @param connectRetry    time between the I/O thread's connection attempts
 * @param connectRetrySet whether the user asked for {@code connectRetry}
 * @param dialect         forced dialect, or null to detect it
 * @param heartbeat       heartbeat interval, or null for none
 * @param heartbeatSchema schema of the heartbeat table
 * @param pollInterval    how often waits poll
 * @param remedyTimeout   how long a remedy waits for its effect
 * @param name            job name for logs and threads
 */
public record ReplicationSettings(Endpoint target, Endpoint source, BinlogPosition startPosition, GtidSet startGtids,
        String sourceHost, int sourcePort, boolean channelTls, Duration connectRetry, boolean connectRetrySet,
        Dialect dialect, Duration heartbeat, String heartbeatSchema, Duration pollInterval, Duration remedyTimeout,
        String name) {
    /**
     * Validates everything at once.
     *
     * @throws NullPointerException     for a missing required value
     * @throws IllegalArgumentException for bad values or conflicting options
     */
    public ReplicationSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(connectRetry, "connectRetry");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(remedyTimeout, "remedyTimeout");
        Objects.requireNonNull(heartbeatSchema, "heartbeatSchema");
        Objects.requireNonNull(name, "name");
        if (startPosition != null && startGtids != null) {
            throw new IllegalArgumentException("startAt(BinlogPosition) and startAt(GtidSet) are exclusive");
        }
        if ((startPosition != null || startGtids != null) && source == null) {
            throw new NullPointerException("source: startAt(...) needs source(endpoint, user)");
        }
        if (heartbeat != null && source == null) {
            throw new NullPointerException("source: heartbeat(...) needs source(endpoint, user)");
        }
        if (heartbeat != null && (heartbeat.isNegative() || heartbeat.toMillis() < 10)) {
            throw new IllegalArgumentException("heartbeat interval must be at least 10 ms, was " + heartbeat);
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("pollInterval must be at least 10 ms, was " + pollInterval);
        }
        if (connectRetry.toSeconds() < 1) {
            throw new IllegalArgumentException("connectRetry must be at least 1 second, was " + connectRetry);
        }
        if (connectRetrySet && dialect == Dialect.RDS) {
            throw new IllegalArgumentException("connectRetry(...) cannot be combined with dialect(RDS): "
                    + DialectSql.RDS_CONNECT_RETRY);
        }
        if (remedyTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("remedyTimeout must be at least 1 second, was " + remedyTimeout);
        }
        if (sourceHost != null && (sourceHost.isBlank() || sourcePort < 1 || sourcePort > 65535)) {
            throw new IllegalArgumentException("sourceAddress needs a host and a port 1-65535");
        }
        if (heartbeatSchema.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("heartbeatSchema and name must not be blank");
        }
    }

    /** @return whether a start (position or GTID set) was given */
    public boolean hasStart() {
        return startPosition != null || startGtids != null;
    }

    /** @return the source host the target connects to */
    public String hostForTarget() {
        return sourceHost != null ? sourceHost : source == null ? null : source.host();
    }

    /** @return the source port the target connects to */
    public int portForTarget() {
        return sourcePort != 0 ? sourcePort : source == null ? 0 : source.port();
    }
}
