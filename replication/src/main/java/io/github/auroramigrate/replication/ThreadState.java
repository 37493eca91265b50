package io.github.auroramigrate.replication;

import java.util.Locale;

/**
 * State of a replica's I/O or SQL thread, from {@code Slave_IO_Running}/{@code Replica_IO_Running} and
 * {@code Slave_SQL_Running}/{@code Replica_SQL_Running}.
 *
 * <pre>{@code
 * if (status.ioThread() == ThreadState.CONNECTING) { ... }
 * }</pre>
 */
public enum ThreadState {
    /** "Yes". */
    RUNNING,
    /** "Connecting": the I/O thread is trying to reach the source. */
    CONNECTING,
    /** "No", or no value: stopped, on purpose or by an error. */
    STOPPED;

    /** @return the state for a status column value ({@code Yes}, {@code Connecting}, {@code No}, null) */
    public static ThreadState parse(String value) {
        if (value == null) {
            return STOPPED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes" -> RUNNING;
            case "connecting" -> CONNECTING;
            default -> STOPPED;
        };
    }
}
