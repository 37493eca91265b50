package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;

/**
 * Replication could not be configured, started, or kept running, or a cut-over failed. The {@link #diagnosis()}
 * says what happened and what to do (one of the {@code REPLICATION_*}, {@code BINLOG_*}, {@code GTID_NOT_AVAILABLE},
 * {@code CUT_OVER_FAILED} codes, or a general code such as {@code SUPER_PRIVILEGE_REQUIRED}).
 *
 * <pre>{@code
 * try {
 *     repl.awaitCaughtUp(Duration.ofMinutes(30));
 * } catch (ReplicationException e) {
 *     if (e.code() == DiagnosisCode.REPLICATION_DUPLICATE_KEY) { ... }
 * }
 * }</pre>
 */
public class ReplicationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param diagnosis what went wrong
     * @param cause     the driver exception, or null
     */
    public ReplicationException(Diagnosis diagnosis, Throwable cause) {
        super(diagnosis, cause);
    }

    /** @param diagnosis what went wrong */
    public ReplicationException(Diagnosis diagnosis) {
        super(diagnosis);
    }
}
