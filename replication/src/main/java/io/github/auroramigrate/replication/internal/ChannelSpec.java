package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.BinlogPosition;
import java.util.Objects;

/**
 * Everything a {@code CHANGE MASTER TO} needs. {@link #toString()} masks the password.
 *
 * @param host           source host as the target reaches it
 * @param port           source port as the target reaches it
 * @param user           replication user
 * @param password       replication user's password (never logged)
 * @param position       binlog position to start at, or null for GTID auto-positioning
 * @param tls            whether the channel uses TLS (MASTER_SSL=1)
 * @param connectRetry   seconds between connection attempts (MASTER_CONNECT_RETRY)
 */
public record ChannelSpec(String host, int port, String user, String password, BinlogPosition position, boolean tls,
        int connectRetry) {
    /** Validates. */
    public ChannelSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (connectRetry < 1) {
            throw new IllegalArgumentException("connectRetry must be >= 1 second");
        }
    }

    /** @return whether the channel positions by GTID */
    public boolean autoPosition() {
        return position == null;
    }

    @Override
    public String toString() {
        return "ChannelSpec{" + user + "@" + host + ":" + port + ", start=" + (position == null ? "GTID" : position)
                + ", tls=" + tls + ", password=****}";
    }
}
