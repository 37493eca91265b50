package io.github.auroramigrate.plan;

/**
 * Where one step of a plan stands, as its journal records it.
 *
 * <pre>{@code
 * if (report.step("load").orElseThrow().state() == StepState.SUSPENDED) { ... }
 * }</pre>
 */
public enum StepState {
    /** Not started in this attempt. */
    PENDING,
    /** Started and not finished: running now, or its process was killed (a rerun resumes or redoes it). */
    RUNNING,
    /** Stopped on request at a safe point inside the step; a rerun continues it. */
    SUSPENDED,
    /** Failed; the report carries the diagnosis. A rerun redoes it. */
    FAILED,
    /** Done; a rerun skips it. */
    DONE,
    /** Its rollback started and has not finished (a rerun of the rollback redoes it). */
    ROLLING_BACK,
    /** Rolled back. */
    ROLLED_BACK,
    /** Its rollback failed; the report carries the diagnosis. A rerun of the rollback redoes it. */
    ROLLBACK_FAILED;

    /** @return whether the step did something that a rollback must undo (it started and is not rolled back) */
    public boolean needsRollback() {
        return this != PENDING && this != ROLLED_BACK;
    }
}
