package io.github.auroramigrate.replication.cutover;

/**
 * The steps of a {@link CutOver}, in order.
 *
 * <pre>{@code
 * report.step(CutOverStep.CATCH_UP).duration();
 * }</pre>
 */
public enum CutOverStep {
    /** Stop the heartbeat, then stop writes on the source (user hook, or read_only=ON). */
    STOP_WRITES,
    /** Read the source's final position; wait until the target has applied it and shows no lag. */
    CATCH_UP,
    /** Optional: compare source and target with the user's verifier. */
    VERIFY,
    /** Stop replication and (by default) reset it on the target. */
    STOP_REPLICATION,
    /**
     * Optional user hook after replication stopped, before the switch (e.g. start reverse replication from the
     * target back to the source for a rollback window); undone by its undo hook if the cut-over fails before the
     * switch.
     */
    BEFORE_SWITCH,
    /** User hook: point the applications at the target. */
    SWITCH_APPLICATIONS,
    /** Undo after a failure before the switch: writes resume on the source, replication keeps running. */
    ROLLBACK
}
