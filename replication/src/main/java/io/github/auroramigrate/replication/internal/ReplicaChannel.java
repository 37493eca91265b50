package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.replication.ReplicaStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the remedies need from a {@code Replication}: the target's status, dialect, statements and connections, and
 * the source's binary logs when the source is known. Implemented inside {@code Replication}; not for users.
 */
public interface ReplicaChannel {
    /** @return the replica status now */
    ReplicaStatus status();

    /** @return the target's dialect */
    DialectSql sql();

    /** Runs one statement on the target, logged by its display text. */
    void run(SqlStatement s);

    /** Runs statements in order on one target connection (for session state such as {@code GTID_NEXT}). */
    void runTogether(List<SqlStatement> statements);

    /** @return a new target connection; the caller closes it */
    Connection connection() throws SQLException;

    /** @return the target's description, for diagnoses */
    String target();

    /** @return the source's binary logs, when the replication was built with a source */
    Optional<SourceLogs> source();

    /** @return the job name, for logs */
    String name();
}
