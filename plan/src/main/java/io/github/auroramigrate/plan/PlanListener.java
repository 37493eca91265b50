package io.github.auroramigrate.plan;

/**
 * Follows a plan as it runs: each step's start and end (after the journal has recorded it), each rollback step, each
 * decision. Methods are no-ops by default; a listener that throws is logged at WARN and the plan goes on. Called on
 * the thread that runs the plan, or the step's thread.
 *
 * <pre>{@code
 * Plan.from(source).to(target)...listener(new PlanListener() {
 *     public void stepFinished(StepReport s) { System.out.println(s); }
 * })
 * }</pre>
 */
public interface PlanListener {
    /** A step begins; the journal already says RUNNING. */
    default void stepStarted(String step) {
    }

    /** A step ended (done, failed or suspended); the journal already says so. */
    default void stepFinished(StepReport step) {
    }

    /** A step's rollback begins; the journal already says ROLLING_BACK. */
    default void rollbackStarted(String step) {
    }

    /** A step's rollback ended; the journal already says so. */
    default void rollbackFinished(StepReport step) {
    }

    /** A decision was recorded. */
    default void decided(Decision decision) {
    }
}
