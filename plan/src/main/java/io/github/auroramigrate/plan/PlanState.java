package io.github.auroramigrate.plan;

/**
 * Where a whole plan stands.
 *
 * <pre>{@code
 * switch (plan.run().state()) {
 *     case WINDOW_OPEN -> log.info("applications use the target; fallback possible until the window closes");
 *     case SUSPENDED -> log.info("suspended; run again to resume");
 *     default -> { }
 * }
 * }</pre>
 */
public enum PlanState {
    /** Never run (no journal yet). */
    NEW,
    /** Running, or its process died while running (a rerun resumes it). */
    RUNNING,
    /** Suspended on request; a rerun resumes it. */
    SUSPENDED,
    /** A step failed; a rerun redoes that step, a rollback undoes what ran. */
    FAILED,
    /**
     * Cut over: the applications use the target, and reverse replication keeps the old source up to date so a
     * rollback (fallback) loses no write. Closed by {@code Plan.closeRollbackWindow()} or when it has been open as
     * long as configured.
     */
    WINDOW_OPEN,
    /** Every step done. */
    COMPLETED,
    /** A rollback is under way, or its process died (a rerun of the rollback resumes it). */
    ROLLING_BACK,
    /** Rolled back to the state before the plan began (the target dropped or kept as configured). */
    ROLLED_BACK,
    /** A rollback step failed; a rerun of the rollback redoes it. */
    ROLLBACK_FAILED
}
