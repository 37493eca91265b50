package io.github.auroramigrate.replication;

/**
 * Progress of a running {@link Replication}. Every method is a no-op by default; override what you need. A listener
 * that throws is logged at WARN and the work goes on. Methods are called from the thread that waits (the caller of
 * {@code awaitCaughtUp}), never concurrently for one Replication.
 *
 * <pre>{@code
 * Replication.of(target).source(source, user).startAt(pos)
 *     .listener(new ReplicationListener() {
 *         public void catchUpProgress(CatchUpProgress p) { log.info("{}", p); }
 *     }).build();
 * }</pre>
 */
public interface ReplicationListener {
    /** Called about once per poll interval while waiting for the target to catch up. */
    default void catchUpProgress(CatchUpProgress progress) {
    }

    /** Called once when the target has reached the goal. */
    default void caughtUp(CatchUpProgress progress) {
    }

    /**
     * Called after a data-changing remedy (skip a transaction, jump to the next log file) took effect: the report
     * says what was skipped and whether replication runs again. Not called for a remedy that was refused or had no
     * effect.
     */
    default void skipped(SkipReport report) {
    }
}
