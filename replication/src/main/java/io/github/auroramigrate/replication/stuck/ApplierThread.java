package io.github.auroramigrate.replication.stuck;

import java.util.Objects;

/**
 * A replication thread as the process list shows it ({@code USER = 'system user'}): the I/O thread, the SQL thread or
 * coordinator, and the workers of a multi-threaded replica.
 *
 * <pre>{@code
 * report.samples().get(0).threads().forEach(t -> log.info("{} {} {}", t.id(), t.state(), t.info()));
 * }</pre>
 *
 * @param id      processlist id (also {@code trx_mysql_thread_id} of its InnoDB transaction)
 * @param command COMMAND column ({@code Connect}, {@code Query})
 * @param seconds TIME column, seconds in the current state
 * @param state   STATE column, e.g. {@code updating}, {@code Waiting for source to send event}
 * @param info    INFO column: the statement being executed, or empty
 */
public record ApplierThread(long id, String command, long seconds, String state, String info) {
    /** Normalises null texts to empty. */
    public ApplierThread {
        command = Objects.requireNonNullElse(command, "");
        state = Objects.requireNonNullElse(state, "");
        info = Objects.requireNonNullElse(info, "");
    }
}
