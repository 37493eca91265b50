package io.github.auroramigrate.replication.stuck;

/**
 * What a replica is doing, as decided from samples over a window.
 *
 * <pre>{@code
 * StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofSeconds(10));
 * if (r.verdict() == Verdict.BUSY) { log.info("applying a large change: {}", r.evidence()); }
 * }</pre>
 */
public enum Verdict {
    /** The SQL thread (or, with nothing left to apply, the I/O thread) is not running and reports no error. */
    STOPPED,
    /** A replication thread stopped with an error; see the diagnosis. */
    FAILED,
    /** Nothing to do: the applier has applied everything received and the I/O thread waits for new events. */
    CAUGHT_UP,
    /** The applied source position (or Executed_Gtid_Set) moved during the window. */
    PROGRESSING,
    /**
     * The position did not move (or stopped moving), but the applier works: one of its transactions kept acquiring
     * row locks or writing undo entries, started inside the window, or ended inside it; or a DDL statement runs.
     */
    BUSY,
    /** The position did not move because the applier waits for a row lock held by another transaction. */
    WAITING_FOR_LOCK,
    /** Nothing moved during the window and nothing shows the applier working. */
    STUCK
}
